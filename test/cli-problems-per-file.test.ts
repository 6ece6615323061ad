/**
 * Ligne de commande : les problèmes de tous les fichiers d'une commande (catalogue, tarifs, révision,
 * adhésion) rapportés ensemble, chacun au nom de son fichier ou de son option.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { memoryIo } from './cli-helpers.js';

describe('reviser et comparer : les problèmes de chaque fichier ensemble, chacun au nom de son fichier', () => {
  it('comparer : un --avant illisible ne cache pas un --apres invalide', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-une-passe-'));
    writeFileSync(join(dir, 'avant.json'), '{ pas du JSON');
    writeFileSync(join(dir, 'apres.json'), JSON.stringify({ millesime: 1 }));
    writeFileSync(join(dir, 'lot.json'), '[]');
    const m = memoryIo();
    expect(await runCli(['comparer', '--avant', join(dir, 'avant.json'), '--apres', join(dir, 'apres.json'), join(dir, 'lot.json')], m.io)).toBe(1);
    expect(m.out() + m.err()).toContain(`--avant ${join(dir, 'avant.json')} : `);
    expect(m.out() + m.err()).toContain('[JSON_INVALIDE]');
    expect(m.out() + m.err()).toContain(`--apres ${join(dir, 'apres.json')}.millesime : `);
  });

  it('reviser : les problèmes de la révision sont au nom de son fichier, pas « revision »', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-une-passe-'));
    writeFileSync(join(dir, 'revision.json'), JSON.stringify({ millesime: 2027 }));
    const m = memoryIo();
    expect(await runCli(['reviser', '2026', join(dir, 'revision.json')], m.io)).toBe(1);
    expect(m.out() + m.err()).toContain(`${join(dir, 'revision.json')}.libelle : `);
    expect(m.out() + m.err()).not.toContain('revision.libelle');
  });

  it('devis --catalogue … --tarifs … : le catalogue, les tarifs et l’adhésion jugés ensemble, chacun au nom de son option et de son fichier', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-une-passe-'));
    const [catalogue, tarifs, adhesion] = ['catalogue.json', 'tarifs.json', 'adhesion.json'].map((f) => join(dir, f)) as [string, string, string];
    writeFileSync(catalogue, JSON.stringify({ millesime: 2026 }));
    writeFileSync(tarifs, JSON.stringify({ millesime: 2026, prestations: 3 }));
    writeFileSync(adhesion, JSON.stringify({ collectivite: { nom: 'X' } }));
    const m = memoryIo();
    expect(await runCli(['devis', adhesion, '--catalogue', catalogue, '--tarifs', tarifs], m.io)).toBe(1);
    expect(m.err()).toContain(`--catalogue ${catalogue}.libelle : `);
    expect(m.err()).toContain(`--tarifs ${tarifs}.source : `);
    expect(m.err()).toContain(`--tarifs ${tarifs}.prestations : `);
    expect(m.err()).toContain('collectivite.siren : ');
    // Ni « tarifs.… » ni « base.… » : chaque chemin nomme son fichier.
    expect(m.err()).not.toMatch(/ - (tarifs|base)\./);
  });

  it.each([
    ['illisible', '{ pas du JSON'],
    ['invalide', JSON.stringify({ millesime: 'deux mille' })],
  ])('reviser : un catalogue de base %s ne cache pas la forme de la révision', async (_, contenu) => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-une-passe-'));
    const base = join(dir, 'base.json');
    writeFileSync(base, contenu);
    writeFileSync(join(dir, 'revision.json'), JSON.stringify({ millesime: 2027, indexation: { pourcentage: 2 } }));
    const m = memoryIo();
    expect(await runCli(['reviser', base, join(dir, 'revision.json')], m.io)).toBe(1);
    expect(m.err()).toContain(`${base}`);
    expect(m.err()).toContain(`${join(dir, 'revision.json')}.libelle : `);
    expect(m.err()).toContain(`${join(dir, 'revision.json')}.source : `);
    expect(m.err()).toContain(`${join(dir, 'revision.json')}.indexation.pourcentage : `);
  });
});

describe('lot et facturation : le catalogue et le lot jugés ensemble, comme devis', () => {
  const dir = mkdtempSync(join(tmpdir(), 'te90-une-passe-lot-'));
  const [catalogue, tarifs, lot, parametres] = ['catalogue.json', 'tarifs.json', 'lot.json', 'parametres.json'].map((f) => join(dir, f)) as [string, string, string, string];
  writeFileSync(catalogue, JSON.stringify({ millesime: 2026 }));
  writeFileSync(tarifs, JSON.stringify({ millesime: 2026, prestations: 3 }));
  writeFileSync(lot, '{ pas du JSON');
  writeFileSync(parametres, '{ pas du JSON non plus');

  it.each([
    ['lot', []],
    ['lot', ['--format', 'json']],
    ['facturation', []],
    ['facturation', ['--format', 'csv']],
  ])('%s %s : un --catalogue invalide et un lot illisible, tous leurs problèmes ensemble', async (commande, options) => {
    const m = memoryIo();
    expect(await runCli([commande, lot, '--catalogue', catalogue, ...options], m.io)).toBe(1);
    const tout = m.out() + m.err();
    expect(tout).toContain(options.includes('json') ? `"--catalogue ${catalogue}",\n        "libelle"` : `--catalogue ${catalogue}.libelle`);
    expect(tout).toContain('JSON_INVALIDE');
    expect(tout).toContain(lot);
  });

  it('facturation --format pes : les paramètres illisibles, le catalogue et le lot, ensemble', async () => {
    const m = memoryIo();
    expect(await runCli(['facturation', lot, '--tarifs', tarifs, '--format', 'pes', '--parametres', parametres], m.io)).toBe(1);
    const tout = m.out() + m.err();
    expect(tout).toContain(`--tarifs ${tarifs}.prestations`);
    expect(tout).toContain(`--parametres ${parametres}`);
    expect(tout.match(/\[JSON_INVALIDE\]/g)).toHaveLength(2);
  });

  it('témoin : un lot lisible sur un catalogue invalide ne rapporte que le catalogue', async () => {
    writeFileSync(join(dir, 'vide.json'), '[]');
    const m = memoryIo();
    expect(await runCli(['lot', join(dir, 'vide.json'), '--catalogue', catalogue], m.io)).toBe(1);
    expect(m.err()).toContain(`--catalogue ${catalogue}.libelle`);
    expect(m.err()).not.toContain('JSON_INVALIDE');
  });
});

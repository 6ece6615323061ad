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

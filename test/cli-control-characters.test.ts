/**
 * Ligne de commande : un caractère de contrôle reçu (nom, clé, option) n'est jamais imprimé tel quel ;
 * l'entrée qui en porte un est refusée, au nom de son champ ou de son option.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { memoryIo } from './cli-helpers.js';

/** Un caractère de contrôle quelconque (C0, DEL, C1). */
const CONTROLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const avecNom = (nom: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ collectivite: { nom, siren: '200000172', type: 'epci', ...extra }, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 } } });

describe('caractères de contrôle : jamais imprimés tels quels', () => {
  const NOMS = { ESC: 'Commune\u001b]0;titre forgé\u0007', BEL: 'Commune\u0007', CR: 'Commune\rTOTAL : 0,00 €', LF: 'Commune\nTOTAL : 0,00 €' };

  it.each(Object.entries(NOMS))('devis : un nom avec %s est refusé (VALEUR_NON_ADMISE), sans caractère de contrôle en sortie', async (_, nom) => {
    const m = memoryIo(avecNom(nom));
    expect(await runCli(['devis', '-'], m.io)).toBe(1);
    expect(m.err()).toMatch(/caractère de contrôle \(U\+00(1B|07|0D|0A), position 8\)/);
    expect(m.out() + m.err().replace(/\n/g, '')).not.toMatch(CONTROLE);
  });

  it.each(Object.entries(NOMS))('lot : une adhésion au nom avec %s est refusée, la sortie texte reste propre', async (_, nom) => {
    const m = memoryIo(`[${avecNom('Commune propre')}, ${avecNom(nom)}]`);
    expect(await runCli(['lot', '-'], m.io)).toBe(1);
    expect(m.out()).toMatch(/REFUSÉE/);
    expect((m.out() + m.err()).replace(/\n/g, '')).not.toMatch(CONTROLE);
  });

  it('une valeur reçue citée dans un message (type, clé inconnue) y est échappée : \\u001b', async () => {
    const entree = JSON.parse(avecNom('Commune')) as { collectivite: Record<string, unknown> };
    entree.collectivite['type'] = 'ep\u001bci';
    entree.collectivite['x\u001b[2J'] = 1;
    const m = memoryIo(JSON.stringify(entree));
    expect(await runCli(['devis', '-'], m.io)).toBe(1);
    expect(m.err()).toContain('« ep\\u001bci »');
    expect(m.err()).toContain('collectivite.x\\u001b[2J');
    expect(m.err().replace(/\n/g, '')).not.toMatch(CONTROLE);
  });

  it('devis --format html : un numéro ou un émetteur à caractère de contrôle est refusé, au nom de son option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-cli-'));
    const emetteur = join(dir, 'emetteur.json');
    writeFileSync(emetteur, JSON.stringify({ nom: 'TE90\u001b[2J', adresse: '1 rue\n90000 Belfort', siret: '999 999 999 00009' }));
    const m = memoryIo(avecNom('Commune'));
    expect(await runCli(['devis', '-', '--format', 'html', '--date', '2026-11-02', '--numero', 'D\u0007', '--emetteur', emetteur], m.io)).toBe(1);
    expect(m.err()).toContain(`--emetteur ${emetteur}.nom : `);
    expect(m.err()).toContain('--numero : ');
    expect(m.err()).not.toContain('options.');
    expect(m.out() + m.err().replace(/\n/g, '')).not.toMatch(CONTROLE);
    // Sans catalogue lisible, l'année des tarifs n'est pas connue : la date n'est pas jugée contre elle.
    const sansCatalogue = memoryIo(avecNom('Commune'));
    writeFileSync(join(dir, 'catalogue.json'), '{ pas du JSON');
    expect(await runCli(['devis', '-', '--format', 'html', '--date', '2027-03-01', '--catalogue', join(dir, 'catalogue.json')], sansCatalogue.io)).toBe(1);
    expect(sansCatalogue.err()).toContain('[JSON_INVALIDE]');
    expect(sansCatalogue.err()).not.toContain('--date');
    const date = memoryIo(avecNom('Commune'));
    expect(await runCli(['devis', '-', '--format', 'html', '--date', '2027-01-04'], date.io)).toBe(1);
    expect(date.err()).toMatch(/^ {2}- --date : La date du devis/m);
  });

  it('témoin : un nom sans caractère de contrôle donne un devis', async () => {
    const m = memoryIo(avecNom('Commune « propre »'));
    expect(await runCli(['devis', '-'], m.io)).toBe(0);
    expect(m.out()).toContain('Commune « propre »');
  });
});

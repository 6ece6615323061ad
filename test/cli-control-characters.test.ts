/**
 * Ligne de commande : un caractère de contrôle reçu (nom, clé, option) n'est jamais imprimé tel quel ;
 * l'entrée qui en porte un est refusée, au nom de son champ ou de son option.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Un texte de la sortie sans caractère de contrôle autre que ses fins de ligne. */
const propre = (text: string) => expect(text.replace(/\r?\n/g, '')).not.toMatch(CONTROLE);

const FORGE = 'Accès\u001b]0;pwned\u0007\u001b[2J';

describe('caractères de contrôle des fichiers de données : refusés, au nom du champ', () => {
  const dir = mkdtempSync(join(tmpdir(), 'te90-cli-controle-'));
  const catalogue = JSON.parse(readFileSync(join(__dirname, '..', 'src', 'catalogue', '2026.json'), 'utf8')) as Record<string, any>;
  catalogue['libelle'] = FORGE;
  catalogue['prestations'].marchesPublics.composantes.acces.source.reference = FORGE;
  writeFileSync(join(dir, 'catalogue.json'), JSON.stringify(catalogue));
  writeFileSync(join(dir, 'tarifs.json'), JSON.stringify({ millesime: 2026, source: FORGE, prestations: {} }));
  writeFileSync(join(dir, 'revision.json'), JSON.stringify({ millesime: 2027, libelle: FORGE, source: 'Délibération' }));

  it.each([
    ['verifier', ['verifier', '--catalogue', join(dir, 'catalogue.json')], /^ {2}- libelle : .*U\+001B/m],
    ['catalogue', ['catalogue', '--catalogue', join(dir, 'catalogue.json')], /prestations\.marchesPublics\.composantes\.acces\.source\.reference : .*U\+001B/],
    ['devis --tarifs', ['devis', '-', '--tarifs', join(dir, 'tarifs.json')], /source : .*U\+001B/],
    ['reviser', ['reviser', '2026', join(dir, 'revision.json')], /libelle : .*U\+001B/],
  ])('%s : refusé, rien de brut en sortie', async (_, argv, attendu) => {
    const m = memoryIo(avecNom('Commune'));
    expect(await runCli(argv, m.io)).toBe(1);
    expect(m.out() + m.err()).toMatch(attendu);
    propre(m.out() + m.err());
  });
});

describe('caractères de contrôle des noms (fichiers, ligne de commande, environnement) : montrés échappés', () => {
  const dir = mkdtempSync(join(tmpdir(), 'te90-cli-noms-'));
  const lotDir = join(dir, 'lot');
  mkdirSync(lotDir);
  writeFileSync(join(lotDir, 'a.json'), avecNom('Commune A'));
  writeFileSync(join(lotDir, 'b\nTOTAL GENERAL : 0,00 EUR\n.json'), avecNom('Commune B'));
  writeFileSync(join(lotDir, 'c\u001b[2J.json'), '{ pas du JSON');

  it.each([
    ['lot', 'texte'],
    ['lot', 'csv'],
    ['lot', 'json'],
    ['facturation', 'texte'],
    ['facturation', 'csv'],
    ['facturation', 'json'],
    ['comparer', 'json'],
  ])('%s --format %s : un nom de fichier du dossier ne forge aucune ligne', async (commande, format) => {
    const m = memoryIo();
    const catalogues = commande === 'comparer' ? ['--avant', '2026', '--apres', '2026'] : [];
    expect(await runCli([commande, lotDir, '--format', format, ...catalogues], m.io)).toBe(1);
    const tout = m.out() + m.err();
    expect(tout).not.toMatch(/^TOTAL GENERAL/m);
    // En JSON, le nom échappé est lui-même écrit en chaîne JSON (la barre oblique doublée).
    const montre = (nom: string) => (format === 'json' ? JSON.stringify(nom).slice(1, -1) : nom);
    expect(tout).toContain(montre('b\\u000aTOTAL GENERAL : 0,00 EUR\\u000a.json'));
    expect(tout).toContain(montre('c\\u001b[2J.json'));
    propre(tout);
  });

  it.each([
    ['Fichier introuvable', ['devis', join(dir, 'absent\u001b[2J.json')], 'absent\\u001b[2J.json'],
    ['Fichier ou dossier introuvable', ['lot', join(dir, 'absent\u001b[2J')], 'absent\\u001b[2J'],
    ['Format inconnu', ['devis', '-', '--format', 'x\u001b[2J'], '« x\\u001b[2J »'],
    ['Commande inconnue', ['d\u001b[2Jevis'], '« d\\u001b[2Jevis »'],
    ['help', ['help', 'd\u0007'], '« d\\u0007 »'],
    ['Date invalide', ['devis', '-', '--format', 'html', '--date', '2026\u001b[2J'], '« 2026\\u001b[2J »'],
    ['Validité invalide', ['devis', '-', '--format', 'html', '--validite', '3\u0085'], '« 3\\u0085 »'],
    ['--url', ['manifeste', '--url', 'https\u001b[2J'], 'https\\u001b[2J'],
    ['--url (protocole)', ['manifeste', '--url', 'ftp\u0007://x/'], '--url'],
    ['Millésime non disponible', ['catalogue', '--millesime', '20\u001b26'], '« 20\\u001b26 »'],
    ['option inconnue', ['devis', '-', '--x\u001b[2J'], '\\u001b[2J'],
  ])('%s : la valeur reçue est échappée', async (_, argv, attendu) => {
    const m = memoryIo(avecNom('Commune'));
    expect(await runCli(argv, m.io)).toBe(2);
    expect(m.err()).toContain(attendu);
    propre(m.out() + m.err());
  });

  it('exemples : le dossier tapé est montré échappé', async () => {
    const m = memoryIo();
    expect(await runCli(['exemples', join(dir, 'ex\u001b[2J\nTOTAL')], m.io)).toBe(0);
    expect(m.out()).toContain('ex\\u001b[2J\\u000aTOTAL/commune.json');
    propre(m.out() + m.err());
  });

  it('TMPDIR : le dossier temporaire cité dans l’erreur d’écriture est échappé', async () => {
    const avant = process.env['TMPDIR'];
    process.env['TMPDIR'] = join(dir, 'absent\u001b[2J\nTOTAL GENERAL');
    try {
      const m = memoryIo(avecNom('Commune'));
      expect(await runCli(['comparer', '--avant', '2026', '--apres', '2026', '-'], m.io)).toBe(4);
      expect(m.err()).toContain('absent\\u001b[2J\\u000aTOTAL GENERAL');
      propre(m.out() + m.err());
    } finally {
      if (avant === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = avant;
    }
  });
});

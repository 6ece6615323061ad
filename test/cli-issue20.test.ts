/**
 * Ligne de commande : ce que ses utilisateurs rencontrent (issue 20) — caractères de contrôle,
 * une passe sur tous les fichiers, lecteur borné, terminal sur l'entrée standard, suggestions.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isQuoteError } from '../src/index.js';
import { MAX_INPUT_BYTES, readStreamCapped } from '../src/cli/io.js';
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
    const dir = mkdtempSync(join(tmpdir(), 'te90-i20-'));
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

describe('lecteur borné : tubes, périphériques, fichiers démesurés', () => {
  const dossier = () => mkdtempSync(join(tmpdir(), 'te90-i20-'));

  it('un tube (FIFO) dans un dossier de lot est refusé sans être ouvert en attente : pas de blocage', { timeout: 10_000 }, async () => {
    const d = dossier();
    writeFileSync(join(d, 'a.json'), avecNom('Commune A'));
    execFileSync('mkfifo', [join(d, 'b.json')]);
    const m = memoryIo();
    expect(await runCli(['lot', d, '--format', 'json'], m.io)).toBe(1);
    const lot = JSON.parse(m.out()) as { resultats: { success: boolean; issues?: { params: { raison: string } }[] }[] };
    expect(lot.resultats.map((r) => r.success)).toEqual([true, false]);
    expect(lot.resultats[1]!.issues![0]!.params.raison).toBe('pasUnFichier');
  });

  it('un fichier plus grand que la limite est refusé avant d’être lu (fichier creux de 300 Mo), code 1', async () => {
    const d = dossier();
    const gros = join(d, 'gros.json');
    closeSync(openSync(gros, 'w'));
    truncateSync(gros, MAX_INPUT_BYTES + 1);
    for (const commande of ['devis', 'lot']) {
      const m = memoryIo();
      expect(await runCli([commande, gros], m.io)).toBe(1);
      expect(m.err()).toContain(`dépasse la taille lue au plus (${MAX_INPUT_BYTES} octets)`);
    }
  });

  it('un flux sans fin (entrée standard) est arrêté dès la limite dépassée, et refusé', async () => {
    let lus = 0;
    async function* sansFin() {
      for (;;) {
        lus++;
        yield new Uint8Array(1000);
      }
    }
    const e = await readStreamCapped(sansFin(), "L'entrée standard", 10_000).catch((error: unknown) => error);
    expect(isQuoteError(e) && e.issues[0]!.params).toMatchObject({ raison: 'depasseLimite', maximum: 10_000 });
    expect(lus).toBe(11);
  });

  it('un fichier UTF-16 (avec ou sans BOM) est nommé comme tel, pas « Latin-1 »', async () => {
    const d = dossier();
    const texte = avecNom('Commune');
    for (const [nom, octets, boutisme] of [
      ['le-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(texte, 'utf16le')]), 'petit-boutiste'],
      ['le.json', Buffer.from(texte, 'utf16le'), 'petit-boutiste'],
      ['be-bom.json', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(texte, 'utf16le').swap16()]), 'gros-boutiste'],
    ] as const) {
      writeFileSync(join(d, nom), octets);
      const m = memoryIo();
      expect(await runCli(['devis', join(d, nom)], m.io)).toBe(1);
      expect(m.err()).toContain(`est encodé en UTF-16 (${boutisme})`);
      expect(m.err()).not.toContain('Latin-1');
    }
  });
});

describe('ligne de commande : terminal sur l’entrée standard, suggestions', () => {
  it('« devis - » sur un terminal affiche l’usage au lieu d’attendre (code 2), sans lire l’entrée', async () => {
    const m = memoryIo();
    let lu = false;
    const io = { ...m.io, stdinIsTty: true, readStdin: async () => ((lu = true), new Uint8Array()) };
    expect(await runCli(['devis', '-'], io)).toBe(2);
    expect(lu).toBe(false);
    expect(m.err()).toContain("L'entrée standard est un terminal");
    expect(m.err()).toContain('te90-tarifs devis');
  });

  it('témoin : « devis - » sur un tube lit l’entrée', async () => {
    const m = memoryIo(avecNom('Commune'));
    expect(await runCli(['devis', '-'], { ...m.io, stdinIsTty: false })).toBe(0);
  });

  it.each([
    ['devsi', 'devis'],
    ['lto', 'lot'],
    ['reviseur', 'reviser'],
    ['comparé', 'comparer'],
    ['factu', 'facturation'],
  ])('une commande inconnue « %s » suggère « %s »', async (tape, attendu) => {
    const m = memoryIo();
    expect(await runCli([tape], m.io)).toBe(2);
    expect(m.err()).toContain(`Vouliez-vous dire « ${attendu} » ?`);
  });

  it('une commande sans voisine proche n’a pas de suggestion', async () => {
    const m = memoryIo();
    expect(await runCli(['zzz'], m.io)).toBe(2);
    expect(m.err()).not.toContain('Vouliez-vous dire');
  });
});

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

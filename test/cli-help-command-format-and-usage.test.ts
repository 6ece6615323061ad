import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackedPackage, run, type InstalledPackage } from './installed-package.js';

/**
 * Avec la commande du paquet installé depuis son archive : `te90-tarifs help [commande]`, `--format`
 * sans égard à la casse (et « text » comme « texte »), un mauvais usage qui renvoie à l'aide de sa
 * commande, et un pied d'aide court, le même partout.
 */

const INSTALL_TIMEOUT = 180_000;
const TIMEOUT = 60_000;
const COMMANDS = ['devis', 'lot', 'facturation', 'catalogue', 'verifier', 'reviser', 'comparer', 'manifeste', 'exemples', 'help'];

let paquet: InstalledPackage;
let cwd: string;

beforeAll(() => {
  paquet = installPackedPackage('te90-aide-');
  cwd = paquet.emptyFolder('aide-');
  const r = run('te90-tarifs', ['exemples'], cwd, { env: paquet.env });
  if (r.code !== 0) throw new Error(r.err);
}, INSTALL_TIMEOUT);

afterAll(() => {
  paquet?.remove();
});

function te90(...args: string[]) {
  return run('te90-tarifs', args, cwd, { env: paquet.env, timeout: TIMEOUT });
}

describe('te90-tarifs help', () => {
  it('help : l’aide générale ; help <commande> : celle de la commande, comme --help', () => {
    const general = te90('help');
    expect(general.code).toBe(0);
    expect(general.out).toBe(te90('--help').out);
    for (const command of COMMANDS) {
      const r = te90('help', command);
      expect(r.code, command).toBe(0);
      expect(r.out, command).toBe(te90(command, '--help').out);
      expect(r.out, command).toMatch(new RegExp(`^te90-tarifs ${command}\\b`));
    }
  }, TIMEOUT);

  it('help d’une commande inconnue : mauvais usage, la commande la plus proche suggérée', () => {
    const r = te90('help', 'devi');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Commande inconnue : « devi »');
    expect(r.err).toContain('devis');
  }, TIMEOUT);

  it('par npx, dans le projet où le paquet est installé', () => {
    const r = run('npx', ['--no', 'te90-tarifs', 'help', 'devis'], paquet.project, { env: { ...process.env, npm_config_offline: 'true' }, timeout: TIMEOUT });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^te90-tarifs devis/);
  }, TIMEOUT);
});

describe('--format sans égard à la casse', () => {
  it.each([
    ['devis', ['exemples/commune.json'], ['text', 'TEXTE', 'Texte', 'TEXT']],
    ['devis', ['exemples/commune.json'], ['JSON', 'Json']],
    ['devis', ['exemples/commune.json'], ['Csv', 'CSV']],
    ['devis', ['exemples/commune.json', '--date', '2026-11-29'], ['HTML']],
    ['catalogue', [], ['text', 'TEXT']],
    ['catalogue', [], ['JSON']],
  ])('%s %j : %j', (command, args, formats) => {
    const reference = te90(command, ...args, '--format', formats[0]!.toLowerCase() === 'text' ? 'texte' : formats[0]!.toLowerCase());
    expect(reference.code).toBe(0);
    for (const format of formats) {
      const r = te90(command, ...args, '--format', format);
      expect(r.code, format).toBe(0);
      expect(r.out, format).toBe(reference.out);
    }
  }, TIMEOUT);

  it('un refus en --format JSON s’écrit en JSON, comme en --format json', () => {
    const r = te90('devis', 'exemples/lot-adherents.json', '--format', 'JSON');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toHaveProperty('issues');
  }, TIMEOUT);

  it('un format inconnu reste un mauvais usage, qui dit les formats admis', () => {
    const r = te90('devis', 'exemples/commune.json', '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Format inconnu : « xml » (formats : texte, json, csv, html)');
  }, TIMEOUT);
});

describe('un mauvais usage renvoie à l’aide de sa commande', () => {
  it.each([
    [['devis', 'exemples/commune.json', '--format', 'xml'], 'devis'],
    [['devis', 'exemples/commune.json', '--frmat', 'json'], 'devis'],
    [['lot', 'a.jsonl', 'b.jsonl'], 'lot'],
    [['comparer', 'exemples/lot-adherents.jsonl'], 'comparer'],
    [['manifeste'], 'manifeste'],
    [['reviser', '2026'], 'reviser'],
    [['catalogue', '--millesime', '1999'], 'catalogue'],
    [['devis', 'introuvable.json'], 'devis'],
  ])('%j', (args, command) => {
    const r = te90(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Voir : te90-tarifs ${command} --help (ou : te90-tarifs help ${command})`);
  }, TIMEOUT);

  it('sans commande, ou une commande inconnue : l’aide générale', () => {
    for (const args of [['--frmat'], ['devi', 'a.json']]) {
      const r = te90(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Voir : te90-tarifs --help\n$/);
    }
  }, TIMEOUT);
});

describe('pied d’aide', () => {
  it('chaque aide finit par le même pied, court (3 lignes au plus), qui dit où sont les fichiers des exemples, les codes de sortie et la documentation', () => {
    const helps = [te90('--help').out, ...COMMANDS.map((c) => te90(c, '--help').out)];
    const footers = helps.map((h) => h.trimEnd().split('\n\n').at(-1)!);
    expect(new Set(footers).size).toBe(1);
    const footer = footers[0]!;
    expect(footer.split('\n').length).toBeLessThanOrEqual(3);
    expect(footer).toContain('te90-tarifs exemples');
    expect(footer).toMatch(/Codes de sortie : 0 succès, 1 entrée refusée, 2 mauvais usage, 3 erreur interne, 4 écriture impossible/);
    expect(footer).toContain('docs/ligne-de-commande.md');
    // Le détail des codes de sortie n'est que dans l'aide générale.
    expect(helps.filter((h) => h.includes('Une sortie fermée par\nle lecteur')).length).toBe(1);
  }, TIMEOUT);
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryParse } from '../src/cli/json-input.js';
import { jsonFault } from '../src/cli/json-syntax.js';
import { installPackedPackage, run, type InstalledPackage } from './installed-package.js';

/**
 * Tout ce que la commande installée écrit est en français : une faute de syntaxe JSON est dite avec
 * sa ligne et sa colonne (jamais le message anglais de JSON.parse), et aucune sortie ne nomme une
 * fonction de l'API à l'opérateur (un montant non publié se fournit par --tarifs).
 */

const INSTALL_TIMEOUT = 180_000;
const TIMEOUT = 60_000;
/** Ce que JSON.parse écrit, selon les versions de Node. */
const ENGLISH = /Unexpected|Expected|token|position|JSON input|is not valid JSON|property name|Bad control|Bad escaped|Unterminated|after JSON/;

let paquet: InstalledPackage;
let cwd: string;
let apiNames: string[];

beforeAll(() => {
  paquet = installPackedPackage('te90-francais-');
  cwd = paquet.emptyFolder('messages-');
  const r = run('te90-tarifs', ['exemples'], cwd, { env: paquet.env });
  if (r.code !== 0) throw new Error(r.err);
  writeFileSync(join(cwd, 'dpo.json'), JSON.stringify({ collectivite: { nom: 'C', siren: '219000106', type: 'commune' }, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, dpo: {} } }));
  // La même adhésion dans un lot JSONL : lot et facturation la refusent pour un montant non publié.
  writeFileSync(join(cwd, 'dpo.jsonl'), `${JSON.stringify({ collectivite: { nom: 'C', siren: '219000106', type: 'commune' }, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, dpo: {} } })}\n`);
  // Les noms des fonctions et des types publiés par le paquet installé (ceux écrits en camelCase ne sont pas des mots français).
  const names = run(
    process.execPath,
    ['--input-type=module', '-e', "const m = [await import('@te90/tarifs'), await import('@te90/tarifs/documents'), await import('@te90/tarifs/tableur')]; console.log(JSON.stringify(m.flatMap((x) => Object.keys(x))))"],
    paquet.project,
  );
  apiNames = (JSON.parse(names.out) as string[]).filter((n) => /^[a-z]+[A-Z]/.test(n));
}, INSTALL_TIMEOUT);

afterAll(() => {
  paquet?.remove();
});

function te90(args: readonly string[], input?: string) {
  return run('te90-tarifs', args, cwd, { env: paquet.env, timeout: TIMEOUT, ...(input === undefined ? {} : { input }) });
}

describe('fautes de syntaxe JSON, en français, situées', () => {
  it.each([
    ['devis', 'tronque.json', '{\n  "collectivite": {\n    "nom": "C"\n', /tronque\.json n'est pas du JSON valide : le texte s'arrête trop tôt \(ligne 4, colonne 1\) : « , » ou « } » était attendu/],
    ['devis', 'virgule.json', '{\n  "millesime": 2026,\n}\n', /virgule\.json n'est pas du JSON valide : « } » inattendu \(ligne 3, colonne 1\) : .* la virgule avant « } » est en trop/],
    ['devis', 'apostrophes.json', "{'collectivite': 1}", /« ' » inattendu \(ligne 1, colonne 2\) : .*guillemets doubles/],
    ['lot', 'lot.jsonl', '{"a": 1}\n{"a": 1,}\n', /La ligne 2 de lot\.jsonl n'est pas du JSON valide : « } » inattendu \(colonne 9\)/],
    ['lot', 'vide.json', '[\n', /vide\.json n'est pas du JSON valide : le texte s'arrête trop tôt \(ligne 2, colonne 1\) : une valeur était attendue/],
  ])('te90-tarifs %s %s', (command, file, text, message) => {
    writeFileSync(join(cwd, file), text);
    const r = te90([command, file]);
    expect(r.code).toBe(1);
    expect(`${r.out}${r.err}`).toMatch(message);
    expect(`${r.out}${r.err}`).not.toMatch(ENGLISH);
  }, TIMEOUT);

  it('l’entrée standard tronquée, un fichier de tarifs mal écrit, et en JSON : en français', () => {
    const stdin = te90(['devis', '-'], '{"collectivite":');
    expect(stdin.code).toBe(1);
    expect(stdin.err).toMatch(/L'entrée standard n'est pas du JSON valide : le texte s'arrête trop tôt \(ligne 1, colonne 17\)/);
    writeFileSync(join(cwd, 'tarifs-faux.json'), '{"millesime": 2026 "prestations": {}}');
    const tarifs = te90(['devis', 'exemples/commune.json', '--tarifs', 'tarifs-faux.json', '--format', 'json']);
    expect(tarifs.code).toBe(1);
    expect(tarifs.out).toMatch(/tarifs-faux\.json n'est pas du JSON valide : « \\" » inattendu \(ligne 1, colonne 20\)/);
    for (const r of [stdin, tarifs]) expect(`${r.out}${r.err}`).not.toMatch(ENGLISH);
  }, TIMEOUT);

  it('propriété : la relecture situe une faute exactement quand JSON.parse refuse le texte', () => {
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', "'", ':', '\n', '\t', '-', '.', 'x', '0', '\\')).map(([json, at, insert]) => {
      const k = at % (json.length + 1);
      return json.slice(0, k) + insert + json.slice(k + (at % 3 === 0 ? 1 : 0));
    });
    fc.assert(
      fc.property(mutated, (text) => {
        let parsed = true;
        try {
          JSON.parse(text);
        } catch {
          parsed = false;
        }
        const fault = jsonFault(text);
        expect(fault === undefined).toBe(parsed);
        expect(tryParse(text).ok).toBe(parsed);
        if (fault !== undefined) {
          const lines = text.split('\n');
          expect(fault.ligne).toBeLessThanOrEqual(lines.length);
          expect(fault.colonne).toBeLessThanOrEqual([...lines[fault.ligne - 1]!].length + 1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('aucune sortie ne nomme une fonction de l’API à l’opérateur', () => {
  it('les noms de l’API sont lus dans le paquet installé', () => {
    expect(apiNames).toEqual(expect.arrayContaining(['completeCatalogue', 'renderQuoteHtml', 'quoteAll']));
  });

  it.each([
    [['devis', 'dpo.json']],
    [['devis', 'dpo.json', '--format', 'json']],
    [['devis', 'exemples/commune.json', '--verifications']],
    [['devis', 'exemples/commune.json', '--format', 'html', '--date', '2026-11-29']],
    [['lot', 'exemples/lot-adherents.jsonl']],
    [['lot', 'exemples/lot-adherents.jsonl', '--format', 'json']],
    [['lot', 'exemples/lot-adherents.jsonl', '--format', 'csv']],
    [['facturation', 'exemples/lot-adherents.jsonl']],
    [['facturation', 'exemples/lot-adherents.jsonl', '--format', 'json']],
    [['comparer', '--avant', '2026', '--apres', 'exemples/territoire-de-belfort/catalogue-2027.json', 'exemples/lot-adherents.jsonl']],
    [['catalogue']],
    [['verifier']],
    [['exemples']],
  ])('%j', (args) => {
    const r = te90(args);
    expect(r.code).toBeLessThanOrEqual(1);
    const written = `${r.out}\n${r.err}`;
    expect(apiNames.filter((n) => new RegExp(`\\b${n}\\b`).test(written))).toEqual([]);
    expect(written).not.toMatch(/\b[a-z][A-Za-z]*\(\)/);
  }, TIMEOUT);

  it('un montant non publié se fournit par --tarifs, dit d’après le code et les paramètres du problème', () => {
    const text = te90(['devis', 'dpo.json']);
    expect(text.err).toMatch(/Le montant « DPO mutualisé » .* n'est pas publié pour 2026 .*Fournissez-le dans un fichier de tarifs \(--tarifs tarifs\.json/);
    const json = JSON.parse(te90(['devis', 'dpo.json', '--format', 'json']).out) as { issues: { code: string; message: string; params: Record<string, unknown> }[] };
    expect(json.issues[0]!.code).toBe('TARIF_NON_PUBLIE');
    expect(json.issues[0]!.params['prestation']).toBe('dpo');
    expect(json.issues[0]!.message).toContain('--tarifs');
  }, TIMEOUT);

  it.each([
    [['lot', 'dpo.jsonl']],
    [['lot', 'dpo.jsonl', '--format', 'json']],
    [['lot', 'dpo.jsonl', '--format', 'csv']],
    [['facturation', 'dpo.jsonl']],
    [['facturation', 'dpo.jsonl', '--format', 'json']],
    [['facturation', 'dpo.jsonl', '--format', 'csv']],
  ])('%j : le montant non publié d’une adhésion du lot se fournit par --tarifs', (args) => {
    const r = te90(args);
    expect(r.code).toBe(1);
    const written = `${r.out}\n${r.err}`;
    expect(written).toContain('Fournissez-le dans un fichier de tarifs (--tarifs');
    expect(written).not.toContain('completeCatalogue');
  }, TIMEOUT);

  it('chaque aide : aucun nom de fonction de l’API', () => {
    const helps = ['--help', ...['devis', 'lot', 'facturation', 'catalogue', 'verifier', 'reviser', 'comparer', 'manifeste', 'exemples', 'help'].map((c) => `${c} --help`)];
    for (const help of helps) {
      const r = te90(help.split(' '));
      expect(r.code, help).toBe(0);
      expect(apiNames.filter((n) => new RegExp(`\\b${n}\\b`).test(r.out)), help).toEqual([]);
      expect(r.out, help).not.toMatch(/\b[a-z][A-Za-z]*\(\)/);
    }
  }, TIMEOUT);
});

// Dans le dépôt : la commande principale du README (npm run exemple) marche toujours, en français.
it('npm run exemple (README) : le devis de la commune d’exemple', () => {
  const r = run('npm', ['run', '-s', 'exemple'], join(__dirname, '..'), { timeout: TIMEOUT });
  expect(r.code).toBe(0);
  expect(r.out).toContain('Total du devis : 3\u00a0083,57\u00a0€');
  expect(r.err).toBe('');
}, TIMEOUT);

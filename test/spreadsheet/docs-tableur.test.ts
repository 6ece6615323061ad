import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { spreadsheetDocsTables, withSpreadsheetTables } from '../../scripts/spreadsheet-docs.js';
import { call, excelFunctions, sheetsContext, StubExcelError, thrown } from './built.js';

/**
 * docs/tableur.md dit ce que font les fonctions de tableur : ses tables des fonctions et des
 * paramètres sont celles de l'aide des tableurs, et chacune de ses formules est calculée ici, dans
 * le paquet de Google Sheets et dans celui d'Excel, avec les plages de la page.
 */
const DOC_PATH = join(__dirname, '..', '..', 'docs', 'tableur.md');
const DOC = readFileSync(DOC_PATH, 'utf8');

/** Les lignes d'une table Markdown qui suit une marque, cellules découpées (« \| » est un « | » écrit). */
function tableAfter(index: number): string[][] {
  const lines = DOC.slice(index).split('\n').slice(1);
  const rows: string[][] = [];
  for (const line of lines) {
    if (!line.startsWith('|')) break;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|').replace(/^`(.*)`$/, '$1'));
    if (cells.every((c) => /^-+$/.test(c))) continue;
    rows.push(cells);
  }
  return rows;
}

/** Les plages nommées de la page (`<!-- tableur:plage NOM -->`), en cellules de texte, comme les saisit un utilisateur. */
const NAMED: Record<string, string[][]> = Object.fromEntries(
  [...DOC.matchAll(/<!-- tableur:plage (\w+) -->/g)].map((m) => [m[1]!, tableAfter(m.index)]),
);

/** Les feuilles de la page (`<!-- tableur:feuille -->`, colonnes A, B… et lignes 1, 2…), par position dans la page. */
const SHEETS = [...DOC.matchAll(/<!-- tableur:feuille -->/g)].map((m) => {
  const [header, ...rows] = tableAfter(m.index);
  return { index: m.index, columns: header!.slice(1), rows: rows.map((r) => ({ n: Number(r[0]), cells: r.slice(1) })) };
});

/** Une plage A1:C4 de la feuille affichée juste avant la formule. */
function rangeAt(address: string, at: number): string[][] {
  const sheet = [...SHEETS].reverse().find((s) => s.index < at);
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address)!;
  const [c1, c2] = [sheet!.columns.indexOf(m[1]!), sheet!.columns.indexOf(m[3]!)];
  return sheet!.rows.filter((r) => r.n >= Number(m[2]) && r.n <= Number(m[4])).map((r) => r.cells.slice(c1, c2 + 1));
}

/** Les arguments d'une formule, séparés par « ; » hors des guillemets. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out;
}

function argument(text: string, at: number): unknown {
  if (text === '') return null;
  if (/^".*"$/.test(text)) return text.slice(1, -1);
  if (/^-?\d+(,\d+)?$/.test(text)) return Number(text.replace(',', '.'));
  if (text === 'VRAI' || text === 'FAUX') return text === 'VRAI';
  if (NAMED[text]) return NAMED[text];
  if (/^[A-Z]+\d+:[A-Z]+\d+$/.test(text)) return rangeAt(text, at);
  throw new Error(`Argument illisible dans docs/tableur.md : ${text}`);
}

interface Formula {
  readonly text: string;
  readonly tableur: 'sheets' | 'excel';
  readonly name: string;
  readonly args: unknown[];
  readonly expected: string | undefined;
}

/** Les formules de la page : `=TE90_…(…)` ou `=TETARIFS.…(…)`, suivies ou non de `→ résultat`. Les signatures (« [tarifs] ») n'en sont pas. */
const FORMULAS: Formula[] = [...DOC.matchAll(/`(=(?:ARRAYFORMULA\()?(TE90_|TETARIFS\.)([A-Z]+)\(([^`]*?)\)\)?)`(?:\s*→\s*`([^`]+)`)?/g)]
  .filter((m) => !m[4]!.includes('[') && m[4] !== '…')
  .map((m) => ({ text: m[1]!, tableur: m[2] === 'TE90_' ? 'sheets' : 'excel', name: m[3]!, args: splitArgs(m[4]!).map((a) => argument(a, m.index)), expected: m[5] }));

/** Découpe un résultat attendu hors des « » : lignes par « ; », cellules par « | ». */
function splitOutside(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '«') depth++;
    if (ch === '»') depth = Math.max(0, depth - 1);
    if (depth === 0 && text.startsWith(separator, i)) {
      out.push(current.trim());
      current = '';
      i += separator.length - 1;
    } else current += ch;
  }
  out.push(current.trim());
  return out;
}

/** Vérifie qu'une cellule rendue est celle que la page annonce : un nombre à la française, « un texte qui commence ainsi », (vide), #VALEUR! « … », #N/A. */
function expectCell(actual: unknown, expected: string, where: string): void {
  const text = /^(#VALEUR! |#N\/A )?« ([\s\S]*) »$/.exec(expected);
  if (expected === '(vide)') expect(actual, where).toBe('');
  else if (text) {
    const message = actual instanceof StubExcelError ? actual.message : actual;
    if (text[1] !== undefined) expect(actual, where).toBeInstanceOf(StubExcelError);
    expect(String(message).startsWith(text[2]!), `${where} : ${String(message)}`).toBe(true);
  } else expect(actual, where).toBe(Number(expected.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')));
}

let sheets: vm.Context;
let excel: ReturnType<typeof excelFunctions>;
beforeAll(() => {
  sheets = sheetsContext();
  excel = excelFunctions();
});

function run(f: Formula): { value?: unknown; error?: string } {
  if (f.tableur === 'sheets') {
    const e = thrown(() => call(sheets, `TE90_${f.name}(${f.args.map((_, i) => `a[${i}]`).join(', ')})`, ...f.args));
    return e ? { error: e.message } : { value: call(sheets, `TE90_${f.name}(${f.args.map((_, i) => `a[${i}]`).join(', ')})`, ...f.args) };
  }
  const e = thrown(() => excel[f.name]!(...f.args));
  return e ? { error: `${e.value instanceof StubExcelError ? '#VALEUR! ' : ''}${e.message}` } : { value: excel[f.name]!(...f.args) };
}

describe('docs/tableur.md', () => {
  it('ses tables des fonctions, des paramètres et des quantités sont celles de l’aide des tableurs', () => {
    for (const name of Object.keys(spreadsheetDocsTables())) expect(DOC, `marques <!-- tableur:${name} --> absentes`).toContain(`<!-- tableur:${name} -->`);
    // En cas d'écart, le texte attendu : `withSpreadsheetTables` (scripts/spreadsheet-docs.ts) l'écrit.
    expect(DOC).toBe(withSpreadsheetTables(DOC));
  });

  it('la page a ses plages nommées et des formules pour chaque fonction, dans chaque tableur', () => {
    expect(Object.keys(NAMED).sort()).toEqual(['plage', 'tarifs']);
    expect(NAMED['tarifs']!.find((r) => r[0] === 'source')?.[1]).toMatch(/^Montants d'exemple/);
    const names = (t: string) => [...new Set(FORMULAS.filter((f) => f.tableur === t).map((f) => f.name))].sort();
    expect(names('sheets')).toEqual(['PRESTATION', 'TABLEAU', 'TOTAL']);
    expect(names('excel').length).toBeGreaterThan(0);
    expect(FORMULAS.filter((f) => f.expected !== undefined).length).toBeGreaterThan(8);
  });

  it('chaque formule de la page se calcule dans son tableur, et rend ce que la page annonce', () => {
    for (const f of FORMULAS) {
      const r = run(f);
      if (f.expected === undefined) {
        expect(r.error, f.text).toBeUndefined();
        continue;
      }
      const error = /^#(ERROR|VALEUR)! « ([\s\S]*?)( »)?$/.exec(f.expected);
      if (error) {
        expect(r.error, f.text).toBeDefined();
        expect(r.error!.replace(/^#VALEUR! /, '').startsWith(error[2]!), `${f.text} : ${r.error!}`).toBe(true);
        continue;
      }
      expect(r.error, f.text).toBeUndefined();
      const rows = splitOutside(f.expected, ' ; ').map((row) => splitOutside(row, ' | '));
      const value = r.value;
      const actual: unknown[][] = Array.isArray(value) ? (value as unknown[][]) : [[value]];
      const shaped = rows.length === 1 && rows[0]!.length === 1 ? [[actual.flat()[0]]] : actual;
      expect(shaped.length, `${f.text} : ${JSON.stringify(value)}`).toBe(rows.length);
      rows.forEach((row, i) => row.forEach((cell, j) => expectCell(shaped[i]![j], cell, `${f.text} [${i}][${j}] : ${JSON.stringify(value)}`)));
    }
  });
});

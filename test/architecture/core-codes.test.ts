import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, WARNING_CODES } from '../../src/index.js';
import { codeOf, sourceFiles } from './ids.js';

const SRC = join(__dirname, '..', '..', 'src');
const CLIENTS = ['documents', 'spreadsheet', 'simulator', 'cli', 'titres'].map((c) => join(SRC, c) + sep);
/** Là où les codes sont déclarés et rédigés : y être nommé ne dit pas qu'une fonction le rend. */
const TABLES = ['core/codes.ts', 'wording/issues.ts'];

/** Pour chaque code, les fichiers du noyau (hors tables) dont le code le nomme. */
function raisedBy(codes: readonly string[]): Record<string, string[]> {
  const files = sourceFiles(SRC)
    .filter((f) => !CLIENTS.some((dir) => f.startsWith(dir)) && !TABLES.includes(relative(SRC, f)))
    .map((f) => ({ f: relative(SRC, f), code: codeOf(f).split('\n') }));
  return Object.fromEntries(codes.map((c) => [c, files.filter(({ code }) => code.includes(c)).map(({ f }) => f)]));
}

describe('le noyau ne porte que ses propres codes', () => {
  it('chaque code de problème et d’avertissement du noyau est rendu par une fonction du noyau (nommé hors de ses tables)', () => {
    const raised = raisedBy([...Object.keys(ISSUE_CODES), ...Object.keys(WARNING_CODES)]);
    expect(Object.entries(raised).filter(([, files]) => files.length === 0).map(([code]) => code)).toEqual([]);
  });

  it('les codes propres aux clients ne sont pas des codes du noyau', () => {
    for (const code of ['FICHIER_ILLISIBLE', 'JSON_INVALIDE']) expect(Object.keys(ISSUE_CODES)).not.toContain(code);
  });
});

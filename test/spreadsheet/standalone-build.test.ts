import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { spreadsheetParts, spreadsheetPartsTable, type SpreadsheetParts } from '../../bench/size.js';
import { STANDALONE_ENTRY, standaloneBuildOptions } from '../../scripts/spreadsheet-bundle.js';
import { read } from './built.js';

const ROOT = join(__dirname, '..', '..');

let metafile: Metafile;
let parts: SpreadsheetParts;

beforeAll(async () => {
  const r = await build({ ...standaloneBuildOptions(), entryPoints: [join(ROOT, STANDALONE_ENTRY)], absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent' });
  metafile = r.metafile;
  parts = await spreadsheetParts(ROOT);
}, 120_000);

describe('construction du paquet autonome des tableurs', () => {
  it('part du module public du tableur, qui n’atteint le noyau que par son entrée publique', () => {
    const inputs = metafile.inputs;
    expect(inputs[STANDALONE_ENTRY]!.imports.map((i) => i.path)).toEqual(['src/spreadsheet/index.ts']);
    const fromSpreadsheet = Object.entries(inputs)
      .filter(([path]) => path.startsWith('src/spreadsheet/'))
      .flatMap(([, input]) => input.imports.map((i) => i.path))
      // `<runtime>` : les aides qu'esbuild ajoute (champs de classe pour ES2019), pas un module.
      .filter((path) => !path.startsWith('src/spreadsheet/') && path !== '<runtime>');
    expect(new Set(fromSpreadsheet)).toEqual(new Set(['src/index.ts']));
  });

  it('le banc dit ce que coûte chaque partie : leurs octets font le paquet, decimal.js et zod sont chiffrés', () => {
    const sum = parts.parties.reduce((n, p) => n + p.octets, 0);
    // Le reste : l'enveloppe de l'IIFE et les aides d'esbuild, qu'aucun module ne porte.
    expect(sum).toBeLessThanOrEqual(parts.octets);
    expect(parts.octets - sum).toBeLessThan(1_000);
    expect(parts.parties.map((p) => p.partie)).toEqual(expect.arrayContaining(['decimal.js', 'zod (core)', 'src/spreadsheet', 'src/wording']));
    expect(parts.dependances.map((d) => d.dependance)).toEqual(['decimal.js', 'zod']);
    for (const d of parts.dependances) expect(d.gzipRetire).toBeGreaterThan(1_000);
    const table = spreadsheetPartsTable(parts);
    expect(table).toHaveLength(parts.parties.length + 2);
    expect(table[0]).toContain('gzip');
  });

  it('le paquet construit (dist/tableur/te90-tarifs.js) emporte decimal.js réduit : ni logarithmes, ni π, ni racines', () => {
    const bundle = read('te90-tarifs.js');
    expect(bundle).toContain('[DecimalError] ');
    expect(bundle).not.toContain('2.30258509299404568401799145468436420760110148862877297603332790');
    expect(bundle).not.toContain('3.14159265358979323846264338327950288419716939937510582097494459');
    expect(bundle).not.toMatch(/\.squareRoot=|\.naturalLogarithm=|\.toFraction=|\.hyperbolicSine=/);
    // Le même module, réduit, que mesure le banc : ses méthodes gardées sont là.
    expect(bundle).toMatch(/\.toDecimalPlaces=/);
  });
});

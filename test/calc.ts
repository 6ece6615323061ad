/**
 * Relire un CSV comme le fait un tableur français : LibreOffice Calc, import CSV (« ; », virgule
 * décimale, UTF-8), converti en classeur XML à plat (.fods) dont on lit le type de chaque cellule.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** LibreOffice est-il installé ? */
export const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
/** En CI, le tableur est installé par .ci/run : ces tests n'y sont jamais sautés. */
export const IN_CI = process.env['CI'] === 'true' || process.env['CI'] === '1';
/** Le temps laissé à LibreOffice pour une conversion. */
export const SOFFICE_TIMEOUT = 120_000;

/** Une cellule lue par le tableur : son type (`float`, `string`…), sa valeur et son texte. */
export interface CalcCell {
  readonly type: string | undefined;
  readonly value: string | undefined;
  readonly text: string;
}

function fodsRows(xml: string): CalcCell[][] {
  const rows: CalcCell[][] = [];
  for (const m of xml.matchAll(/<table:table-row\b[^>]*>([\s\S]*?)<\/table:table-row>/g)) {
    const cells: CalcCell[] = [];
    for (const c of m[1]!.matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const attrs = c[1]!;
      const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];
      const text = (c[2] ?? '')
        .replace(/<text:s\/>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .trim();
      const repeated = Math.min(Number(attr('table:number-columns-repeated') ?? '1'), 64);
      for (let k = 0; k < repeated; k++) cells.push({ type: attr('office:value-type'), value: attr('office:value'), text });
    }
    rows.push(cells);
  }
  return rows.filter((row) => row.some((c) => c.text !== ''));
}

/** Les lignes non vides d'un CSV, lues par LibreOffice Calc comme un tableur français. */
export function readWithCalc(csv: string): CalcCell[][] {
  const out = mkdtempSync(join(tmpdir(), 'te90-calc-'));
  try {
    writeFileSync(join(out, 'lu.csv'), csv);
    const converted = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${join(out, 'profil')}`, '--headless', '--infilter=CSV:59,34,76,1,,1036', '--convert-to', 'fods', '--outdir', out, join(out, 'lu.csv')],
      { encoding: 'utf8', timeout: SOFFICE_TIMEOUT },
    );
    if (converted.status !== 0) throw new Error(`soffice : ${converted.stderr}`);
    return fodsRows(readFileSync(join(out, 'lu.fods'), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

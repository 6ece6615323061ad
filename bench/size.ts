/**
 * Ce que coûte chaque partie du paquet autonome pour tableurs : il est reconstruit avec esbuild,
 * avec les options que suit `tsup.config.ts` (`scripts/spreadsheet-bundle.ts` : IIFE, es2019,
 * minifié, tout inclus, decimal.js réduit), et un métafichier qui dit combien d'octets chaque module
 * source laisse dans la sortie. Les parties : decimal.js, zod, et chaque dossier de `src/`. Le gzip
 * d'une partie est estimé au prorata de ses octets minifiés.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { STANDALONE_ENTRY, standaloneBuildOptions } from '../scripts/spreadsheet-bundle.js';

/** Une partie du paquet : ses octets dans la sortie minifiée, sa part, et son gzip estimé. */
export interface Part {
  readonly partie: string;
  readonly octets: number;
  readonly part: number;
  readonly gzipEstime: number;
}

/** Le nom de la partie d'un module d'entrée du métafichier. */
function partOf(input: string): string {
  if (/node_modules[\\/]decimal\.js[\\/]/.test(input)) return 'decimal.js';
  const zod = /node_modules[\\/]zod[\\/]v4[\\/](core|mini)[\\/]/.exec(input);
  if (zod) return `zod (${zod[1]})`;
  if (/node_modules[\\/]zod[\\/]/.test(input)) return 'zod (autre)';
  const src = /^src[\\/]([^\\/]+)[\\/]/.exec(input);
  return src ? `src/${src[1]}` : input;
}

/** Le métafichier du paquet autonome, résumé par partie, du plus lourd au plus léger. */
export async function spreadsheetParts(root: string): Promise<{ octets: number; gzip: number; parties: Part[] }> {
  const r = await build({
    ...standaloneBuildOptions(),
    entryPoints: [join(root, STANDALONE_ENTRY)],
    absWorkingDir: root,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(r.metafile.outputs)[0]!;
  const octets = r.outputFiles[0]!.contents.length;
  const gzip = gzipSync(r.outputFiles[0]!.contents, { level: 9 }).length;
  const sums = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) sums.set(partOf(input), (sums.get(partOf(input)) ?? 0) + bytesInOutput);
  const parties = [...sums]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([partie, n]) => ({ partie, octets: n, part: n / octets, gzipEstime: Math.round((n / octets) * gzip) }));
  return { octets, gzip, parties };
}

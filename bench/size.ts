/**
 * Ce que coûte chaque partie du paquet autonome pour tableurs : il est reconstruit avec esbuild,
 * avec les options que suit `tsup.config.ts` (`scripts/spreadsheet-bundle.ts` : IIFE, es2019,
 * minifié, tout inclus, decimal.js réduit), et un métafichier qui dit combien d'octets chaque module
 * source laisse dans la sortie. Les parties : decimal.js, zod, et chaque dossier de `src/`. Le gzip
 * d'une partie est estimé au prorata de ses octets minifiés ; celui des deux dépendances est aussi
 * mesuré en reconstruisant le paquet sans elles (ce que le paquet perdrait sans elles).
 *
 * `npx tsx bench/size.ts` imprime le tableau seul ; `bench/run.ts` l'imprime avec le reste du banc.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type BuildResult } from 'esbuild';
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

/** Ce que le paquet perdrait, en octets gzip, sans une dépendance (reconstruit sans elle). */
export interface DependencyCost {
  readonly dependance: 'decimal.js' | 'zod';
  readonly gzipRetire: number;
}

/** Les parties du paquet autonome, et ce que coûte chacune de ses deux dépendances. */
export interface SpreadsheetParts {
  readonly octets: number;
  readonly gzip: number;
  readonly parties: Part[];
  readonly dependances: DependencyCost[];
}

async function buildStandalone(root: string, extra: BuildOptions = {}): Promise<BuildResult<{ write: false; metafile: true }>> {
  return build({
    ...standaloneBuildOptions(),
    entryPoints: [join(root, STANDALONE_ENTRY)],
    absWorkingDir: root,
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...extra,
  }) as Promise<BuildResult<{ write: false; metafile: true }>>;
}

const gzip9 = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

/** Le métafichier du paquet autonome, résumé par partie, du plus lourd au plus léger. */
export async function spreadsheetParts(root: string): Promise<SpreadsheetParts> {
  const r = await buildStandalone(root);
  const output = Object.values(r.metafile.outputs)[0]!;
  const octets = r.outputFiles[0]!.contents.length;
  const gzip = gzip9(r.outputFiles[0]!.contents);
  const sums = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) sums.set(partOf(input), (sums.get(partOf(input)) ?? 0) + bytesInOutput);
  const parties = [...sums]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([partie, n]) => ({ partie, octets: n, part: n / octets, gzipEstime: Math.round((n / octets) * gzip) }));
  const dependances: DependencyCost[] = [];
  for (const [dependance, external] of [['decimal.js', ['decimal.js']], ['zod', ['zod', 'zod/*']]] as const) {
    const without = await buildStandalone(root, { external: [...external] });
    dependances.push({ dependance, gzipRetire: gzip - gzip9(without.outputFiles[0]!.contents) });
  }
  return { octets, gzip, parties, dependances };
}

/** Le tableau des parties, ligne par ligne, tel que le banc l'imprime. */
export function spreadsheetPartsTable(p: SpreadsheetParts): string[] {
  const fmt = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  return [
    `Paquet autonome pour tableurs, par partie (métafichier esbuild ; ${fmt(p.octets)} octets minifiés, ${fmt(p.gzip)} gzip ; gzip estimé au prorata)`,
    ...p.parties.map((x) => `  ${x.partie.padEnd(24)} ${fmt(x.octets).padStart(9)} ${fmt(Math.round(x.part * 1000) / 10).padStart(6)} % ${fmt(x.gzipEstime).padStart(8)}`),
    `  sans une dépendance, le paquet perdrait (gzip) : ${p.dependances.map((d) => `${d.dependance} ${fmt(d.gzipRetire)}`).join(' ; ')}`,
  ];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of spreadsheetPartsTable(await spreadsheetParts(join(import.meta.dirname, '..')))) console.log(line);
}

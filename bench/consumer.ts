/**
 * Le paquet vu par ses utilisateurs : l'archive de `npm pack` est installée dans un projet neuf (avec
 * ses dépendances d'exécution, copiées de node_modules, sans réseau), puis
 * - le paquet d'une application qui n'importe que `quote`, ou que `isValidSiren`, est construit avec
 *   esbuild comme le ferait son outil (bundle, minifié, ESM, plateforme neutre), et pesé après gzip -9 ;
 *   un métafichier dit ce que chaque partie (decimal.js, zod, chaque fichier de dist/) y laisse ;
 * - le démarrage à froid d'un processus Node qui importe le paquet et établit un devis est chronométré.
 *
 * `npm run bench` l'appelle ; seul : `npx tsx bench/consumer.ts` (après `npm run build`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Un projet neuf où l'archive du paquet est installée. */
export interface ConsumerProject {
  readonly dir: string;
  readonly tarball: string;
  /** Les fichiers de l'archive, chemins relatifs à la racine du paquet. */
  readonly files: readonly string[];
  readonly remove: () => void;
}

/** Emballe le paquet (`npm pack`, dist/ tel qu'il est construit) et l'installe dans un projet neuf. */
export function installTarball(root: string): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), 'te90-consommateur-'));
  const packs = join(dir, 'archive');
  mkdirSync(packs);
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packs], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = join(packs, readdirSync(packs).find((f) => f.endsWith('.tgz'))!);
  const pkgDir = join(dir, 'node_modules', '@te90', 'tarifs');
  mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((f) => f.replace(/^package\//, ''));
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies ?? {})) cpSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consommateur', version: '1.0.0', private: true, type: 'module' }));
  return { dir, tarball, files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Une partie du paquet d'une application : ses octets minifiés et son gzip estimé au prorata. */
export interface ConsumerPart {
  readonly partie: string;
  readonly octets: number;
  readonly gzipEstime: number;
}

/** Le paquet d'une application qui importe quelques noms de `@te90/tarifs`. */
export interface ConsumerBundle {
  readonly noms: readonly string[];
  readonly octets: number;
  readonly gzip: number;
  readonly parties: readonly ConsumerPart[];
}

function partOf(input: string): string {
  if (/node_modules[\\/]decimal\.js[\\/]/.test(input)) return 'decimal.js';
  if (/node_modules[\\/]zod[\\/]/.test(input)) return 'zod';
  const lib = /node_modules[\\/]@te90[\\/]tarifs[\\/](.+)$/.exec(input);
  if (lib) return lib[1]!.replace(/\\/g, '/');
  return input;
}

/** Construit, comme l'outil d'une application, un paquet qui importe `names` et s'en sert. */
export async function consumerBundle(project: ConsumerProject, names: readonly string[]): Promise<ConsumerBundle> {
  const entry = `import { ${names.join(', ')} } from '@te90/tarifs';\nglobalThis.utilise = [${names.join(', ')}];\n`;
  const r = await build({
    stdin: { contents: entry, resolveDir: project.dir, loader: 'js', sourcefile: 'application.js' },
    absWorkingDir: project.dir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const out = r.outputFiles[0]!.contents;
  const octets = out.length;
  const gzip = gzipSync(out, { level: 9 }).length;
  const output = Object.values(r.metafile.outputs)[0]!;
  const sums = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) sums.set(partOf(input), (sums.get(partOf(input)) ?? 0) + bytesInOutput);
  const parties = [...sums]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([partie, n]) => ({ partie, octets: n, gzipEstime: Math.round((n / octets) * gzip) }));
  return { noms: names, octets, gzip, parties };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Démarrage à froid : médianes d'un processus nu et d'un processus qui importe le paquet et établit un devis. */
export interface ColdStart {
  readonly processusNuMs: number;
  readonly avecDevisMs: number;
  readonly surcoutMs: number;
  readonly tours: number;
}

/** Chronomètre `runs` processus neufs, nus puis important le paquet installé (ESM) et établissant `adhesion`. */
export function coldStart(project: ConsumerProject, adhesion: unknown, runs = 21): ColdStart {
  const script = `import { quote } from '@te90/tarifs'; quote(${JSON.stringify(adhesion)});`;
  const run = (args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: project.dir, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`échec : node ${args.join(' ')}`);
    return performance.now() - t0;
  };
  const nu: number[] = [];
  const paquet: number[] = [];
  for (let i = 0; i < runs; i++) {
    nu.push(run(['--input-type=module', '-e', '0']));
    paquet.push(run(['--input-type=module', '-e', script]));
  }
  return { processusNuMs: Number(median(nu).toFixed(1)), avecDevisMs: Number(median(paquet).toFixed(1)), surcoutMs: Number((median(paquet) - median(nu)).toFixed(1)), tours: runs };
}

/** Les deux paquets d'application mesurés, avec leurs objectifs (octets gzip). */
export const CONSUMER_TARGETS = [
  { noms: ['quote'], cible: 25 * 1024 },
  { noms: ['isValidSiren'], cible: 1024 },
] as const;

/** Mesure l'archive : les paquets d'application et le démarrage à froid. */
export async function measureConsumer(root: string, adhesion: unknown) {
  const project = installTarball(root);
  try {
    const bundles = [];
    for (const t of CONSUMER_TARGETS) bundles.push({ ...(await consumerBundle(project, t.noms)), cible: t.cible });
    const froid = coldStart(project, adhesion);
    const fichiers = project.files.length;
    return { bundles, froid, fichiers };
  } finally {
    project.remove();
  }
}

/** Le tableau de ces mesures, pour la sortie du banc d'essai. */
export function consumerReport(m: Awaited<ReturnType<typeof measureConsumer>>): string {
  const fmt = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
  const lines: string[] = ["Paquet d'une application (archive npm pack installée ; esbuild bundle, minifié, ESM, neutre ; gzip -9)"];
  lines.push('  Importe                     octets      gzip   objectif');
  for (const b of m.bundles) lines.push(`  ${b.noms.join(', ').padEnd(24)} ${fmt(b.octets).padStart(9)} ${fmt(b.gzip).padStart(9)}   ≤ ${fmt(b.cible)} ${b.gzip <= b.cible ? 'atteint' : 'MANQUÉ'}`);
  for (const b of m.bundles) {
    lines.push(`  ${b.noms.join(', ')}, par partie (octets minifiés, gzip estimé au prorata) :`);
    for (const p of b.parties) lines.push(`    ${p.partie.padEnd(40)} ${fmt(p.octets).padStart(9)} ${fmt(p.gzipEstime).padStart(8)}`);
  }
  lines.push(`  Démarrage à froid depuis l'archive installée (médiane de ${m.froid.tours}) : processus nu ${fmt(m.froid.processusNuMs)} ms ; import + 1 devis ${fmt(m.froid.avecDevisMs)} ms ; surcoût ${fmt(m.froid.surcoutMs)} ms`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { CASES } = await import('./adhesions.js');
  const m = await measureConsumer(join(import.meta.dirname, '..'), CASES[0]!.adhesion);
  console.log(consumerReport(m));
}

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
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  /** La même construction faite depuis les sources (`src/index.ts`) : ses octets et son gzip. */
  readonly sources: { readonly octets: number; readonly gzip: number };
  /** Par partie (decimal.js, zod, chaque dossier de `src/`), dans la construction depuis les sources. */
  readonly parties: readonly ConsumerPart[];
}

/** La partie d'un module d'entrée du métafichier : decimal.js, zod, ou le dossier de `src/`. */
function partOf(input: string): string {
  if (/node_modules[\\/]decimal\.js[\\/]/.test(input)) return 'decimal.js';
  if (/node_modules[\\/]zod[\\/]/.test(input)) return 'zod';
  const src = /^src[\\/]([^\\/]+)[\\/]/.exec(input);
  return src ? `src/${src[1]}` : input;
}

const entry = (names: readonly string[], from: string) => `import { ${names.join(', ')} } from '${from}';\nglobalThis.utilise = [${names.join(', ')}];\n`;

/** Les réglages de l'outil d'une application : un paquet ES minifié, pour toute plateforme. */
const APPLICATION = { bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false, metafile: true, logLevel: 'silent' } as const;

/**
 * Construit, comme l'outil d'une application, un paquet qui importe `names` de l'archive installée
 * et s'en sert ; puis le même depuis les sources (`src/index.ts`), pour dire ce que chaque partie y
 * laisse : dist/index.js est un seul fichier, son métafichier ne distingue pas les modules.
 */
export async function consumerBundle(project: ConsumerProject, root: string, names: readonly string[]): Promise<ConsumerBundle> {
  const r = await build({ ...APPLICATION, stdin: { contents: entry(names, '@te90/tarifs'), resolveDir: project.dir, loader: 'js', sourcefile: 'application.js' }, absWorkingDir: project.dir });
  const out = r.outputFiles[0]!.contents;
  const octets = out.length;
  const gzip = gzipSync(out, { level: 9 }).length;
  const sources = await build({ ...APPLICATION, stdin: { contents: entry(names, './src/index.js'), resolveDir: root, loader: 'ts', sourcefile: 'application.ts' }, absWorkingDir: root });
  const output = Object.values(sources.metafile.outputs)[0]!;
  const total = sources.outputFiles[0]!.contents.length;
  const totalGzip = gzipSync(sources.outputFiles[0]!.contents, { level: 9 }).length;
  const sums = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) sums.set(partOf(input), (sums.get(partOf(input)) ?? 0) + bytesInOutput);
  const parties = [...sums]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([partie, n]) => ({ partie, octets: n, gzipEstime: Math.round((n / total) * totalGzip) }));
  return { noms: names, octets, gzip, sources: { octets: total, gzip: totalGzip }, parties };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Démarrage à froid : médianes, en temps écoulé, d'un processus nu et d'un processus qui importe le
 * paquet et établit un devis ; et le temps de calcul (utilisateur + système) de l'import et du devis
 * mesuré dans le processus, moins sensible que le temps écoulé à une machine chargée.
 */
export interface ColdStart {
  readonly processusNuMs: number;
  readonly avecDevisMs: number;
  readonly surcoutMs: number;
  readonly importEtDevisCpuMs: number;
  readonly tours: number;
}

/** Chronomètre `runs` processus neufs, nus puis important le paquet installé (ESM) et établissant `adhesion`. */
export function coldStart(project: ConsumerProject, adhesion: unknown, runs = 21): ColdStart {
  const script = `const c = process.cpuUsage(); const { quote } = await import('@te90/tarifs'); quote(${JSON.stringify(adhesion)}); const d = process.cpuUsage(c); console.log((d.user + d.system) / 1000);`;
  const run = (args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: project.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (r.status !== 0) throw new Error(`échec : node ${args.join(' ')}`);
    return { ms: performance.now() - t0, cpuMs: Number(r.stdout) };
  };
  const nu: number[] = [];
  const paquet: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    nu.push(run(['--input-type=module', '-e', '0']).ms);
    const p = run(['--input-type=module', '-e', script]);
    paquet.push(p.ms);
    cpu.push(p.cpuMs);
  }
  const fix = (n: number) => Number(n.toFixed(1));
  return { processusNuMs: fix(median(nu)), avecDevisMs: fix(median(paquet)), surcoutMs: fix(median(paquet) - median(nu)), importEtDevisCpuMs: fix(median(cpu)), tours: runs };
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
    for (const t of CONSUMER_TARGETS) bundles.push({ ...(await consumerBundle(project, root, t.noms)), cible: t.cible });
    const froid = coldStart(project, adhesion);
    const fichiers = project.files.length;
    // Node 20 lit plus lentement un package.json de plus de 4 096 octets (mesuré : +3 à 4 ms de calcul au démarrage).
    const packageJsonOctets = statSync(join(project.dir, 'node_modules', '@te90', 'tarifs', 'package.json')).size;
    return { bundles, froid, fichiers, packageJsonOctets };
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
    lines.push(`  ${b.noms.join(', ')}, par partie (même construction depuis les sources : ${fmt(b.sources.octets)} octets, ${fmt(b.sources.gzip)} gzip ; gzip estimé au prorata) :`);
    for (const p of b.parties) lines.push(`    ${p.partie.padEnd(40)} ${fmt(p.octets).padStart(9)} ${fmt(p.gzipEstime).padStart(8)}`);
  }
  lines.push(
    `  Démarrage à froid depuis l'archive installée (médiane de ${m.froid.tours}) : processus nu ${fmt(m.froid.processusNuMs)} ms ; import + 1 devis ${fmt(m.froid.avecDevisMs)} ms ; surcoût ${fmt(m.froid.surcoutMs)} ms ; temps de calcul de l'import et du devis ${fmt(m.froid.importEtDevisCpuMs)} ms`,
  );
  lines.push(`  Archive : ${m.fichiers} fichiers ; package.json publié : ${fmt(m.packageJsonOctets)} octets (au-delà de 4 096, Node 20 le lit plus lentement au démarrage)`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { CASES } = await import('./adhesions.js');
  const m = await measureConsumer(join(import.meta.dirname, '..'), CASES[0]!.adhesion);
  console.log(consumerReport(m));
}

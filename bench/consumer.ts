/**
 * Le paquet vu par ses utilisateurs : l'archive de `npm pack` est installée dans un projet neuf (avec
 * ses dépendances d'exécution, copiées de node_modules, sans réseau), puis
 * - le paquet d'une application qui n'importe que `quote`, ou que `isValidSiren`, est construit avec
 *   esbuild comme le ferait son outil (bundle, minifié, ESM, plateforme neutre), et pesé après gzip -9 ;
 *   un métafichier dit ce que chaque partie (decimal.js, zod, chaque fichier de dist/) y laisse ;
 * - le démarrage à froid est chronométré en processus neufs, pour les deux entrées : le module ES
 *   (`import('@te90/tarifs')` puis `quote`) et le paquet autonome des tableurs
 *   (`dist/tableur/te90-tarifs.js` exécuté comme un script, puis `TE90Tarifs.devis`), chacune
 *   comparée à un processus nu, en temps de calcul et en temps écoulé.
 *
 * `npm run bench` l'appelle ; seul : `npx tsx bench/consumer.ts` (après `npm run build`), ou
 * `npx tsx bench/consumer.ts --froid` pour le seul démarrage à froid.
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

/** Les mesures d'une sorte de processus : temps de calcul (utilisateur + système) et temps écoulé, en ms. */
export interface ProcessTimes {
  /** Médiane et minimum du temps de calcul de tout le processus, lu par `process.resourceUsage()` à sa fin. */
  readonly cpuMs: number;
  readonly cpuMinMs: number;
  /** Médiane et minimum du temps écoulé, vu du processus qui le lance (sortie comprise). */
  readonly ms: number;
  readonly minMs: number;
}

/** Le démarrage à froid d'une entrée : le processus nu, le processus qui charge l'entrée et établit un devis, le surcoût. */
export interface ColdEntry {
  /** `esm` : `import('@te90/tarifs')` puis `quote` ; `autonome` : `dist/tableur/te90-tarifs.js` chargé comme un script, puis `TE90Tarifs.devis`. */
  readonly entree: 'esm' | 'autonome';
  readonly processusNu: ProcessTimes;
  readonly avecDevis: ProcessTimes;
  /**
   * Le surcoût sur le processus nu : en temps de calcul, médiane des différences d'un même tour (les
   * deux processus lancés l'un après l'autre : une charge de la machine qui varie pèse sur les deux ;
   * la mesure comparée à l'objectif) et différence des minimums ; en temps écoulé, médiane des
   * différences d'un même tour.
   */
  readonly surcoutCpuMs: number;
  readonly surcoutCpuMinMs: number;
  readonly surcoutMs: number;
  /** Médiane du temps de calcul du chargement et du devis, mesuré dans le processus (`process.cpuUsage()` avant et après). */
  readonly chargementEtDevisCpuMs: number;
}

/**
 * Démarrage à froid, des deux entrées, en processus neufs (les quatre sortes de processus alternent à
 * chaque tour, pour qu'une machine chargée pèse autant sur chacune) : les champs du module ES
 * (`processusNuMs`, `avecDevisMs`, `surcoutMs` en temps écoulé, `importEtDevisCpuMs`) restent ceux des
 * passes précédentes ; `entrees` les donne en temps de calcul, pour les deux entrées.
 */
export interface ColdStart {
  readonly processusNuMs: number;
  readonly avecDevisMs: number;
  readonly surcoutMs: number;
  readonly importEtDevisCpuMs: number;
  readonly tours: number;
  readonly entrees: readonly [ColdEntry, ColdEntry];
  /**
   * Un processus qui importe un module ES vide (un fichier du projet) : ce que Node fait pour le
   * premier `import` de tout fichier (son chargeur de modules), que le processus nu ne fait pas ; et
   * son temps de calcul au-delà du processus nu (médiane des différences d'un même tour).
   */
  readonly moduleVide: ProcessTimes;
  readonly moduleVideCpuMs: number;
}

/** L'objectif du démarrage à froid : au plus 20 ms de temps de calcul au-delà d'un processus nu. */
export const COLD_START_TARGET_MS = 20;

/**
 * Une adhésion en plage de deux colonnes (chemin, valeur), comme dans un tableur : les prestations
 * sans le préfixe `prestations.`, une liste jointe par « ; », une prestation sans paramètre cochée.
 */
export function adhesionRange(adhesion: unknown, prefix = ''): unknown[][] {
  const rows: unknown[][] = [];
  for (const [key, value] of Object.entries(adhesion as Record<string, unknown>)) {
    if (prefix === '' && key === 'prestations') {
      rows.push(...adhesionRange(value));
      continue;
    }
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (Array.isArray(value)) rows.push([path, value.join('; ')]);
    else if (typeof value === 'object' && value !== null && Object.keys(value).length > 0) rows.push(...adhesionRange(value, path));
    else rows.push([path, typeof value === 'object' ? true : value]);
  }
  return rows;
}

/** Ce que chaque processus mesuré imprime à sa fin : le temps de calcul de tout le processus, en ms. */
const PRINT_CPU = 'const __u = process.resourceUsage(); console.log(JSON.stringify({ cpu: (__u.userCPUTime + __u.systemCPUTime) / 1000, dans: typeof __dans === "number" ? __dans : null }));';

/**
 * Les cinq sortes de processus : nu (module ES), `import` du paquet et `quote`, `import` d'un module
 * vide (`./vide.mjs`, à écrire dans le dossier du processus) ; nu (script), le paquet autonome lu et
 * exécuté comme un script (`vm.runInThisContext`, comme un tableur charge son fichier), puis
 * `TE90Tarifs.devis` sur la plage de la même adhésion.
 */
export function coldStartScripts(bundle: string, adhesion: unknown): Record<'esmNu' | 'esm' | 'esmVide' | 'autonomeNu' | 'autonome', string[]> {
  const t = 'const __t = process.cpuUsage();';
  const d = 'const __c = process.cpuUsage(__t), __dans = (__c.user + __c.system) / 1000;';
  const esm = `${t} const { quote } = await import('@te90/tarifs'); quote(${JSON.stringify(adhesion)}); ${d} ${PRINT_CPU}`;
  const autonome =
    `${t} require('node:vm').runInThisContext(require('node:fs').readFileSync(${JSON.stringify(bundle)}, 'utf8'), { filename: ${JSON.stringify(bundle)} });` +
    ` const __r = TE90Tarifs.devis(${JSON.stringify(adhesionRange(adhesion))}); if (!Array.isArray(__r) || __r.length < 2 || __r[0][0] !== 'Prestation') throw new Error(JSON.stringify(__r)); ${d} ${PRINT_CPU}`;
  return {
    esmNu: ['--input-type=module', '-e', `const __dans = 0; ${PRINT_CPU}`],
    esm: ['--input-type=module', '-e', esm],
    esmVide: ['--input-type=module', '-e', `${t} await import('./vide.mjs'); ${d} ${PRINT_CPU}`],
    autonomeNu: ['-e', `const __dans = 0; ${PRINT_CPU}`],
    autonome: ['-e', autonome],
  };
}

/**
 * Chronomètre `runs` tours de processus neufs dans le projet où l'archive est installée : pour le
 * module ES et pour le paquet autonome des tableurs, un processus nu puis un processus qui charge
 * l'entrée et établit un devis de `adhesion` ; et un processus qui importe un module ES vide.
 */
export function coldStart(project: ConsumerProject, adhesion: unknown, runs = 31): ColdStart {
  const bundle = join(project.dir, 'node_modules', '@te90', 'tarifs', 'dist', 'tableur', 'te90-tarifs.js');
  writeFileSync(join(project.dir, 'vide.mjs'), 'export {};\n');
  const scripts = coldStartScripts(bundle, adhesion);
  const run = (args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: project.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`échec : node ${args.join(' ')}\n${r.stderr}`);
    const out = JSON.parse(r.stdout) as { cpu: number; dans: number };
    return { ms, cpuMs: out.cpu, dansMs: out.dans };
  };
  const samples = { esmNu: [], esm: [], esmVide: [], autonomeNu: [], autonome: [] } as Record<keyof typeof scripts, { ms: number; cpuMs: number; dansMs: number }[]>;
  const order = Object.keys(samples) as (keyof typeof scripts)[];
  for (let i = 0; i < runs; i++) for (const k of i % 2 === 0 ? order : [...order].reverse()) samples[k].push(run(scripts[k]));
  const fix = (n: number) => Number(n.toFixed(1));
  const times = (s: { ms: number; cpuMs: number }[]): ProcessTimes => ({
    cpuMs: fix(median(s.map((x) => x.cpuMs))),
    cpuMinMs: fix(Math.min(...s.map((x) => x.cpuMs))),
    ms: fix(median(s.map((x) => x.ms))),
    minMs: fix(Math.min(...s.map((x) => x.ms))),
  });
  const entry = (entree: ColdEntry['entree'], nu: keyof typeof scripts, avec: keyof typeof scripts): ColdEntry => {
    const n = times(samples[nu]);
    const a = times(samples[avec]);
    const paired = (f: (x: { ms: number; cpuMs: number }) => number) => median(samples[avec].map((x, i) => f(x) - f(samples[nu][i]!)));
    return {
      entree,
      processusNu: n,
      avecDevis: a,
      surcoutCpuMs: fix(paired((x) => x.cpuMs)),
      surcoutCpuMinMs: fix(a.cpuMinMs - n.cpuMinMs),
      surcoutMs: fix(paired((x) => x.ms)),
      chargementEtDevisCpuMs: fix(median(samples[avec].map((x) => x.dansMs))),
    };
  };
  const esm = entry('esm', 'esmNu', 'esm');
  const moduleVide = times(samples.esmVide);
  return {
    processusNuMs: esm.processusNu.ms,
    avecDevisMs: esm.avecDevis.ms,
    surcoutMs: esm.surcoutMs,
    importEtDevisCpuMs: esm.chargementEtDevisCpuMs,
    tours: runs,
    entrees: [esm, entry('autonome', 'autonomeNu', 'autonome')],
    moduleVide,
    moduleVideCpuMs: fix(median(samples.esmVide.map((x, i) => x.cpuMs - samples.esmNu[i]!.cpuMs))),
  };
}

const ENTREES: Record<ColdEntry['entree'], string> = {
  esm: "module ES (import('@te90/tarifs') + quote)",
  autonome: 'paquet autonome des tableurs (te90-tarifs.js + TE90Tarifs.devis)',
};

/**
 * Les lignes d'objectifs du démarrage à froid, pour le tableau du banc d'essai (`bench/run.ts`) :
 * une par entrée, le surcoût en temps de calcul (différence des médianes) comparé à 20 ms.
 */
export function coldStartObjectives(froid: ColdStart): { objectif: string; mesure: number; cible: string; atteint: boolean }[] {
  return froid.entrees.map((e) => ({
    objectif: `démarrage à froid, ${ENTREES[e.entree]} : temps de calcul au-delà d'un processus nu (ms ; minimums ${e.surcoutCpuMinMs.toLocaleString('fr-FR')}, temps écoulé ${e.surcoutMs.toLocaleString('fr-FR')})`,
    mesure: e.surcoutCpuMs,
    cible: `≤ ${COLD_START_TARGET_MS}`,
    atteint: e.surcoutCpuMs <= COLD_START_TARGET_MS,
  }));
}

/** Le tableau du démarrage à froid : pour chaque entrée, le processus nu, le processus avec un devis, le surcoût, l'objectif. */
export function coldStartReport(froid: ColdStart): string {
  const f = (n: number) => n.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).padStart(6);
  const lines = [
    `Démarrage à froid depuis l'archive installée (${froid.tours} tours de processus neufs alternés ; médianes, minimums entre parenthèses ; surcoût : médiane des différences d'un même tour ; ms)`,
    `  ${'Entrée'.padEnd(66)} ${'temps de calcul (utilisateur + système)'.padEnd(63)} temps écoulé`,
    `  ${''.padEnd(66)} ${'    nu'.padEnd(16)}${'    avec devis'.padEnd(16)}${'    surcoût'.padEnd(17)}${'objectif'.padEnd(14)}     surcoût`,
  ];
  for (const e of froid.entrees) {
    lines.push(
      `  ${ENTREES[e.entree].padEnd(66)} ${f(e.processusNu.cpuMs)} (${f(e.processusNu.cpuMinMs)}) ${f(e.avecDevis.cpuMs)} (${f(e.avecDevis.cpuMinMs)}) ${f(e.surcoutCpuMs)} (${f(e.surcoutCpuMinMs)})  ≤ ${COLD_START_TARGET_MS} ${e.surcoutCpuMs <= COLD_START_TARGET_MS ? 'atteint' : 'MANQUÉ '}  ${f(e.surcoutMs)}`,
    );
  }
  lines.push(`  Dans le processus, chargement et devis : module ES ${f(froid.entrees[0].chargementEtDevisCpuMs).trim()} ms, paquet autonome ${f(froid.entrees[1].chargementEtDevisCpuMs).trim()} ms de calcul.`);
  lines.push(
    `  Un module ES vide importé coûte déjà ${f(froid.moduleVideCpuMs).trim()} ms de calcul au-delà du processus nu (le chargeur de modules de Node, pour le premier import de tout fichier) : la part du paquet dans le surcoût du module ES est d'environ ${f(froid.entrees[0].surcoutCpuMs - froid.moduleVideCpuMs).trim()} ms.`,
  );
  return lines.join('\n');
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
  lines.push(coldStartReport(m.froid).replace(/^/gm, '  '));
  lines.push(`  Archive : ${m.fichiers} fichiers ; package.json publié : ${fmt(m.packageJsonOctets)} octets (au-delà de 4 096, Node 20 le lit plus lentement au démarrage)`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { CASES } = await import('./adhesions.js');
  const root = join(import.meta.dirname, '..');
  const tours = /^--froid=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--froid')) ?? '');
  if (process.argv.includes('--froid') || tours) {
    // Le démarrage à froid seul : `npx tsx bench/consumer.ts --froid` (ou `--froid=61` pour 61 tours).
    const project = installTarball(root);
    try {
      console.log(coldStartReport(coldStart(project, CASES[0]!.adhesion, tours ? Number(tours[1]) : undefined)));
    } finally {
      project.remove();
    }
  } else {
    console.log(consumerReport(await measureConsumer(root, CASES[0]!.adhesion)));
  }
}

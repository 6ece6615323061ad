import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Le paquet tel que npm le publierait : `npm pack` du dépôt, l'archive installée hors ligne dans un
 * projet neuf (un dossier vide, sans rien du dépôt), la commande `te90-tarifs` dans
 * `node_modules/.bin`. À construire une fois par fichier de test (dans `beforeAll`, avec un délai
 * d'au moins 120 s), à effacer à la fin (`remove`).
 */

const ROOT = join(__dirname, '..');

/** Un processus lancé : son code de sortie, ses sorties. */
export interface Ran {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Lance une commande, sans shell ; `err` porte aussi l'erreur du lancement, s'il y en a une. */
export function run(command: string, args: readonly string[], cwd: string, options: { env?: NodeJS.ProcessEnv; timeout?: number; input?: string } = {}): Ran {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    input: options.input,
    env: { ...(options.env ?? process.env), NO_COLOR: '1', npm_config_update_notifier: 'false' },
  });
  return { code: r.status, out: r.stdout ?? '', err: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** Le paquet installé dans un projet neuf. */
export interface InstalledPackage {
  /** Le projet neuf (son `package.json`, son `node_modules`). */
  readonly project: string;
  /** Le dossier du paquet installé (`node_modules/@te90/tarifs`). */
  readonly installed: string;
  /** `node_modules/.bin` du projet, où est la commande `te90-tarifs`. */
  readonly bin: string;
  /** Un environnement dont le PATH trouve d'abord la commande installée. */
  readonly env: NodeJS.ProcessEnv;
  /** Un dossier vide, dans le projet, pour y lancer une commande. */
  readonly emptyFolder: (prefix: string) => string;
  /** Efface l'archive et le projet. */
  readonly remove: () => void;
}

/**
 * Construit l'archive du dépôt (`npm pack`, sans script) et l'installe dans un projet neuf : le
 * paquet extrait dans `node_modules/@te90/tarifs`, ses dépendances d'exécution (et les types de
 * Node) prises au dépôt, hors ligne, sa commande dans `node_modules/.bin`.
 *
 * @throws si `dist/` n'est pas construit, ou si `npm pack` échoue
 */
export function installPackedPackage(prefix = 'te90-paquet-'): InstalledPackage {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ absent : lancez `npm run build` avant ce test.');
  const temporaries: string[] = [];
  const packs = mkdtempSync(join(tmpdir(), `${prefix}archive-`));
  temporaries.push(packs);
  const pack = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packs], ROOT, { timeout: 120_000 });
  if (pack.code !== 0) throw new Error(`npm pack : sortie ${pack.code}\n${pack.err}`);
  const tarball = join(packs, readdirSync(packs).find((f) => f.endsWith('.tgz'))!);
  const project = mkdtempSync(join(tmpdir(), prefix));
  temporaries.push(project);
  const modules = join(project, 'node_modules');
  const installed = join(modules, '@te90', 'tarifs');
  mkdirSync(dirname(installed), { recursive: true });
  const tar = run('tar', ['-xzf', tarball, '-C', project], ROOT);
  if (tar.code !== 0) throw new Error(`tar : sortie ${tar.code}\n${tar.err}`);
  renameSync(join(project, 'package'), installed);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; bin?: Record<string, string> };
  for (const dep of [...Object.keys(manifest.dependencies ?? {}), '@types/node']) {
    mkdirSync(dirname(join(modules, dep)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), join(modules, dep), 'dir');
  }
  const bin = join(modules, '.bin');
  mkdirSync(bin);
  for (const [name, file] of Object.entries(manifest.bin ?? {})) {
    chmodSync(join(installed, file), 0o755);
    symlinkSync(join(installed, file), join(bin, name));
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'essai', version: '1.0.0', private: true, type: 'module' }));
  return {
    project,
    installed,
    bin,
    env: { ...process.env, PATH: `${bin}:${process.env['PATH']}` },
    emptyFolder: (name) => mkdtempSync(join(project, name)),
    remove: () => {
      for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
    },
  };
}

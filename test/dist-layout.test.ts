import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Le contenu de l'archive (`npm pack`) : le noyau construit une fois par format, des clients qui
 * l'importent par son nom, et seuls les artefacts autonomes (un paquet des tableurs par plateforme,
 * la page du simulateur) avec leur propre copie. L'archive est installée dans un projet neuf (ses
 * dépendances copiées de node_modules), où chaque sous-chemin public est importé comme le ferait
 * une application. Les tailles et les temps sont mesurés par le banc d'essai, pas ici.
 */

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');
/** Les sous-chemins publics qui sont des modules, et le dossier des sources de chacun. */
const MODULES = { '@te90/tarifs': null, '@te90/tarifs/documents': 'documents', '@te90/tarifs/tableur': 'spreadsheet', '@te90/tarifs/titres': 'titres' } as const;
/** Chaque client construit dans dist/, et les dossiers des sources qu'il peut contenir (les siens). */
const CLIENTS: Record<string, string> = {
  'dist/documents.js': 'documents',
  'dist/documents.cjs': 'documents',
  'dist/tableur.js': 'spreadsheet',
  'dist/tableur.cjs': 'spreadsheet',
  'dist/titres.js': 'titres',
  'dist/titres.cjs': 'titres',
  'dist/cli.js': 'cli',
};
/** Les artefacts autonomes : ils portent leur copie de la bibliothèque, minifiée, et ne s'importent pas. */
const STANDALONE = /^dist\/(tableur|simulateur)\//;
/** Une chaîne du noyau que la minification garde : la marque de ses erreurs. */
const MARKER = '@te90/tarifs/QuoteError';

let project: string;
let pkg: string;
let files: string[];

function node(args: string[]): string {
  const r = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} : sortie ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Les modules qu'esbuild a inclus dans un fichier construit non minifié (ses commentaires `// src/…`, `// node_modules/…`). */
function bundledModules(text: string): string[] {
  return [...text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'te90-dist-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
  project = join(dir, 'projet');
  pkg = join(project, 'node_modules', '@te90', 'tarifs');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1']);
  files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((f) => f.replace(/^package\//, ''));
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(manifest.dependencies ?? {})) cpSync(join(ROOT, 'node_modules', dep), join(project, 'node_modules', dep), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'application', version: '1.0.0', private: true }));
}, 180_000);

describe('dist : chaque sous-chemin public s’importe comme il le promet', () => {
  it('en ESM et en CommonJS, avec les mêmes noms', () => {
    for (const name of Object.keys(MODULES)) {
      const esm = JSON.parse(node(['--input-type=module', '-e', `const m = await import(${JSON.stringify(name)}); console.log(JSON.stringify(Object.keys(m).sort()));`])) as string[];
      const cjs = JSON.parse(node(['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(name)})).sort()))`])) as string[];
      expect(esm.length, name).toBeGreaterThan(0);
      expect(cjs, name).toEqual(esm);
    }
    const [esm, cjs] = ['import', 'require'].map((how) =>
      node(['--input-type=module', '-e', `import { createRequire } from 'node:module'; const m = ${how === 'import' ? "await import('@te90/tarifs')" : "createRequire(import.meta.url)('@te90/tarifs')"}; console.log(m.quote({ collectivite: { nom: 'X', siren: '200000172', type: 'epci' }, prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 } } }).total);`]).trim(),
    );
    expect([esm, cjs]).toEqual(['2069.57', '2069.57']);
    expect(node(['-e', "console.log(require('@te90/tarifs/package.json').name, Object.keys(require('@te90/tarifs/schemas/catalogue.schema.json')).length > 0)"]).trim()).toBe('@te90/tarifs true');
  }, 120_000);

  it('avec des types pour chaque nom, en ESM et en CommonJS (tsc, résolution nodenext)', () => {
    const sources: string[] = [];
    for (const name of Object.keys(MODULES)) {
      const names = JSON.parse(node(['--input-type=module', '-e', `console.log(JSON.stringify(Object.keys(await import(${JSON.stringify(name)}))))`])) as string[];
      const base = name.replace(/\W+/g, '-');
      const use = `export const tous = [${names.join(', ')}];\n`;
      writeFileSync(join(project, `${base}.mts`), `import { ${names.join(', ')} } from '${name}';\n${use}`);
      writeFileSync(join(project, `${base}.cts`), `import { ${names.join(', ')} } from '${name}';\n${use}`);
      sources.push(`${base}.mts`, `${base}.cts`);
    }
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] }, files: sources }),
    );
    const r = spawnSync(join(BIN, 'tsc'), ['-p', project], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 150_000);

  it('les paquets autonomes ne sont pas des sous-chemins importables', () => {
    const standalone = files.filter((f) => STANDALONE.test(f) && /\.(js|gs|html)$/.test(f));
    expect(standalone).toContain('dist/tableur/te90-tarifs.js');
    for (const f of standalone) {
      const subpath = `@te90/tarifs/${f.replace(/^dist\//, '')}`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(subpath)})`], { cwd: project, encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr, subpath).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
    }
  }, 120_000);
});

describe('dist : la bibliothèque une fois par format', () => {
  const read = (f: string) => readFileSync(join(pkg, f), 'utf8');
  const importable = () => files.filter((f) => /^dist\/.*\.(js|cjs)$/.test(f) && !STANDALONE.test(f));

  it('les clients importent le noyau par son nom et n’en contiennent rien', () => {
    for (const [file, folder] of Object.entries(CLIENTS)) {
      expect(files, file).toContain(file);
      const text = read(file);
      const byName = file.endsWith('.cjs') ? /require\(['"]@te90\/tarifs['"]\)/ : /from ['"]@te90\/tarifs['"]/;
      expect(byName.test(text), `${file} importe '@te90/tarifs'`).toBe(true);
      expect(text.includes(MARKER), `${file} contient la marque du noyau`).toBe(false);
      // Hors de leur dossier, ils n'incluent aucun module des sources ni de node_modules.
      expect(bundledModules(text).filter((m) => !m.startsWith(`src/${folder}/`)), file).toEqual([]);
    }
  });

  it('le noyau est dans dist/index.js et dist/index.cjs seulement ; aucun module n’est inclus deux fois dans un format', () => {
    const withMarker = importable().filter((f) => read(f).includes(MARKER));
    expect(withMarker.sort()).toEqual(['dist/index.cjs', 'dist/index.js']);
    for (const ext of ['.js', '.cjs']) {
      const seen = new Map<string, string>();
      for (const f of importable().filter((x) => x.endsWith(ext))) {
        for (const m of new Set(bundledModules(read(f)))) {
          expect(seen.get(m), `${m} inclus dans ${seen.get(m)} et ${f}`).toBeUndefined();
          seen.set(m, f);
        }
      }
    }
  });

  it('seuls les artefacts autonomes ont leur copie : un paquet des tableurs par plateforme, la page du simulateur', () => {
    const copies = files.filter((f) => STANDALONE.test(f) && /\.(js|gs|html)$/.test(f)).filter((f) => read(f).includes(MARKER));
    expect(copies.sort()).toEqual(['dist/simulateur/index.html', 'dist/tableur/excel/functions.js', 'dist/tableur/te90-tarifs.js']);
    for (const f of copies) expect(read(f).split(MARKER).length - 1, f).toBe(1);
  });
});

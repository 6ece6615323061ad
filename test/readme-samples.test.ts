import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackedPackage, run as runProcess, type InstalledPackage } from './installed-package.js';

/**
 * Chaque exemple de code du README et du guide s'exécute tel qu'il est écrit, contre le paquet
 * construit par `npm pack` et installé dans un projet neuf : aucun prélude caché. Chaque ligne
 * `//=> …` d'un exemple est une ligne que son exécution écrit, dans cet ordre.
 */

const ROOT = join(__dirname, '..');
/** Les pages dont chaque bloc ```ts est exécuté. */
const PAGES = ['README.md', 'docs/guide.md'];
/**
 * Sections écrites contre le code de la bibliothèque (un module de `src/`, pas le paquet publié) :
 * leurs exemples sont compilés par `test/docs-examples.test.ts`.
 */
const SECTIONS_DE_LA_BIBLIOTHEQUE = [/Ajouter une prestation/, /Ajouter un modèle de prix/];
const TIMEOUT = 30_000;

interface Sample {
  readonly name: string;
  readonly lang: string;
  readonly code: string;
  /** Les lignes annoncées par `//=>`, dans l'ordre. */
  readonly expected: readonly string[];
}

function samplesOf(page: string): Sample[] {
  const lines = readFileSync(join(ROOT, page), 'utf8').split('\n');
  const samples: Sample[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const heading = /^##\s+(.*)$/.exec(lines[i]!);
    if (heading) section = heading[1]!;
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, lang] = open;
    const body: string[] = [];
    const start = i + 1;
    for (i++; i < lines.length && !new RegExp(`^${indent}\`\`\`\\s*$`).test(lines[i]!); i++) body.push(lines[i]!.slice(indent!.length));
    if (SECTIONS_DE_LA_BIBLIOTHEQUE.some((s) => s.test(section))) continue;
    const code = body.join('\n') + '\n';
    const expected = body.flatMap((l) => /\/\/=> (.*)$/.exec(l)?.[1] ?? []).map(normalize);
    samples.push({ name: `${page}:${start} (${section})`, lang: lang!, code, expected });
  }
  return samples;
}

/** Les espaces insécables des montants à la française comptent comme des espaces. */
function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  return runProcess(command, args, cwd, { env, timeout: TIMEOUT });
}

/** Les lignes annoncées se retrouvent, dans l'ordre, parmi les lignes écrites. */
function missingLines(expected: readonly string[], stdout: string): string[] {
  const written = stdout.split('\n').map(normalize);
  let from = 0;
  const missing: string[] = [];
  for (const line of expected) {
    const at = written.indexOf(line, from);
    if (at === -1) missing.push(line);
    else from = at + 1;
  }
  return missing;
}

const samples = PAGES.flatMap(samplesOf);
const tsSamples = samples.filter((s) => s.lang === 'ts');
let paquet: InstalledPackage | undefined;
let project: string;
let compiled: Map<Sample, string>;
let diagnostics: Map<Sample, string[]>;

beforeAll(() => {
  // Une archive, comme npm la publierait, installée hors ligne dans un projet neuf.
  paquet = installPackedPackage('te90-exemples-');
  project = paquet.project;

  // Un seul programme TypeScript pour tous les exemples : types vérifiés, puis JavaScript émis.
  const files = new Map(tsSamples.map((s, i) => [join(project, 'src', `exemple-${i}.ts`), s] as const));
  mkdirSync(join(project, 'src'));
  for (const [file, s] of files) writeFileSync(file, `// ${s.name}\n${s.code}`);
  const program = ts.createProgram([...files.keys()], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    types: ['node'],
    rootDir: join(project, 'src'),
    outDir: join(project, 'out'),
  });
  diagnostics = new Map(tsSamples.map((s) => [s, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const sample = d.file && files.get(d.file.fileName);
    const where = sample && d.file ? `ligne ${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line} : ` : '';
    const message = `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    if (sample) diagnostics.get(sample)!.push(message);
    else for (const list of diagnostics.values()) list.push(message);
  }
  program.emit();
  compiled = new Map([...files].map(([file, s]) => [s, file.replace(`${join(project, 'src')}`, join(project, 'out')).replace(/\.ts$/, '.js')]));
}, 180_000);

afterAll(() => {
  paquet?.remove();
});

describe('exemples du README et du guide, exécutés tels quels contre le paquet publié', () => {
  it('les pages ont des exemples, et chaque exemple importe ce qu’il utilise du paquet publié', () => {
    expect(tsSamples.filter((s) => s.name.startsWith('README.md')).length).toBeGreaterThanOrEqual(1);
    expect(tsSamples.filter((s) => s.name.startsWith('docs/guide.md')).length).toBeGreaterThanOrEqual(10);
    for (const s of tsSamples) expect(s.code, s.name).toMatch(/from '@te90\/tarifs(\/[a-z]+)?'/);
  });

  it.each(tsSamples.map((s) => [s.name, s] as const))('%s', (_, sample) => {
    expect(diagnostics.get(sample)).toEqual([]);
    const cwd = mkdtempSync(join(project, 'run-'));
    const r = run(process.execPath, [compiled.get(sample)!], cwd);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(missingLines(sample.expected, r.out), `écrit :\n${r.out}`).toEqual([]);
  }, TIMEOUT);

  it('la ligne de commande du README, avec la commande installée par le paquet', () => {
    const blocks = samplesOf('README.md').filter((s) => s.lang === 'sh' && /te90-tarifs /.test(s.code));
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    for (const block of blocks) {
      const cwd = mkdtempSync(join(project, 'sh-'));
      const script = block.code.replaceAll('npx -p @te90/tarifs te90-tarifs ', 'te90-tarifs ');
      const r = run('sh', ['-ec', script], cwd, { ...process.env, PATH: `${join(project, 'node_modules', '.bin')}:${process.env['PATH']}` });
      expect(r.err, block.name).toBe('');
      expect(r.code, block.name).toBe(0);
      expect(r.out).toMatch(/Total (partiel )?du devis/);
    }
  }, TIMEOUT);
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');
let project: string;
let tarball: string;
/** Ce que npm écrit sur sa sortie d'erreur en installant l'archive (avertissements compris). */
let installWarnings: string;

function sh(command: string, args: string[], cwd: string): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_prefer_offline: 'true' } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} : sortie ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const ADHESION = `{ collectivite: { nom: 'X', siren: '200000172', type: 'epci' }, prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 } } }`;

beforeAll(() => {
  const packs = mkdtempSync(join(tmpdir(), 'te90-pack-'));
  sh('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packs], ROOT);
  tarball = join(packs, readdirSync(packs).find((f) => f.endsWith('.tgz'))!);
  project = mkdtempSync(join(tmpdir(), 'te90-projet-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'essai', version: '1.0.0', private: true }));
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel', 'warn', tarball], {
    cwd: project,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
  });
  if (install.status !== 0) throw new Error(`npm install : sortie ${install.status}\n${install.stderr}`);
  installWarnings = install.stderr;
}, 180_000);

describe('paquet publié (npm pack)', () => {
  it('publint et arethetypeswrong ne signalent rien', () => {
    expect(sh(join(BIN, 'publint'), [tarball], ROOT)).toMatch(/All good/);
    // Profil node16 : la résolution « node10 » de TypeScript ignore `exports` et ne voit pas les
    // sous-chemins (documents, tableur) ; les lui montrer (typesVersions) ferait passer package.json
    // au-delà de 4 096 octets, taille au-delà de laquelle Node 20 le lit plus lentement (+3 à 4 ms au démarrage).
    // attw sort en erreur s'il trouve un problème hors de node10 ; chaque résolution jugée est verte.
    const attw = sh(join(BIN, 'attw'), [tarball, '--format', 'ascii', '--profile', 'node16'], ROOT);
    const judged = attw.split('\n').filter((l) => /^(node16 \(from (CJS|ESM)\)|bundler):/.test(l) && !l.includes('(wildcard)'));
    expect(judged.length).toBeGreaterThanOrEqual(9);
    for (const line of judged) expect(line).toContain('🟢');
  }, 120_000);

  it('ne contient que dist, les pages de docs/, les fichiers d’exemple (JSON, JSONL), README, CHANGELOG, LICENSE et package.json ; sans carte de sources', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    for (const f of files) expect(f).toMatch(/^package\/(dist\/|docs\/(guide|tableur|ligne-de-commande|performance|api-accueil)\.md$|docs\/README\.md$|docs\/images\/[a-z-]+\.jpg$|examples\/([a-z-]+\/)?([a-z0-9-]+\.jsonl?|README\.md)$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // Les liens du README vers la documentation mènent à des fichiers livrés dans le paquet.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(https:\/\/unpkg\.com\/@te90\/tarifs\/([^)]+)\)/g)].map((m) => `package/${m[1]}`);
    expect(links.length).toBeGreaterThanOrEqual(4);
    expect(links).toEqual(expect.arrayContaining(['package/docs/images/simulateur.jpg', 'package/docs/images/devis-imprimable.jpg']));
    for (const link of links) expect(files).toContain(link);
    expect(readme).not.toMatch(/\]\((docs|examples)\//);
    expect(files).toContain('package/dist/cli.js');
    expect(files).toContain('package/dist/tableur/apps-script/Fonctions.gs');
    expect(files).toContain('package/dist/tableur/apps-script/appsscript.json');
    expect(files).not.toContain('package/dist/simulateur/simulateur.js');
    expect(files).toContain('package/dist/simulateur/index.html');
    expect(files).toContain('package/dist/tableur/excel/manifest.xml');
    // Une seule copie de chaque construction distincte (paquet autonome, Excel, Apps Script).
    expect(files.filter((f) => f.endsWith('/te90-tarifs.js') || f.endsWith('.gs') && !f.endsWith('Fonctions.gs'))).toEqual(['package/dist/tableur/te90-tarifs.js']);
  });

  it('package.json : pas d’adresse inventée, bin sans avertissement de npm, schémas et tableurs exportés', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(pkg)).not.toMatch(/example\.invalid/);
    expect(pkg['bin']).toEqual({ 'te90-tarifs': 'dist/cli.js' });
    const r = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    expect(r.stderr).not.toMatch(/npm warn/i);
    const resolved = sh('node', ['-e', "console.log(require.resolve('@te90/tarifs/schemas/catalogue.schema.json'))"], project);
    expect(resolved).toContain('dist/schemas/catalogue.schema.json');
    expect(pkg['keywords']).toEqual(expect.arrayContaining(['excel', 'google-sheets', 'cli']));
  }, 60_000);

  it('s’installe sans avertissement ni script : aucun script de cycle de vie ne tourne à l’installation', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const lifecycle = ['preinstall', 'install', 'postinstall', 'preprepare', 'prepare', 'postprepare', 'prepublish'];
    expect(Object.keys(pkg.scripts).filter((s) => lifecycle.includes(s))).toEqual([]);
    expect(installWarnings).not.toMatch(/npm warn/i);
  });

  it('decimal.js est une plage compatible (^10), qu’une application partage avec la bibliothèque', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['decimal.js']).toMatch(/^\^10\.\d+\.\d+$/);
  });

  it('dit où signaler un problème : `bugs`, ou à défaut une section du README que cite l’erreur interne', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bugs?: unknown };
    const readme = readFileSync(join(project, 'node_modules', '@te90', 'tarifs', 'README.md'), 'utf8');
    if (pkg.bugs === undefined) expect(readme).toMatch(/^## Signaler un problème\n\n[^#]*service informatique de Territoire d'énergie 90/m);
    else expect(pkg.bugs).toBeTruthy();
  });

  it('le journal des modifications range ses entrées sous la version du paquet, datée', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const changelog = readFileSync(join(project, 'node_modules', '@te90', 'tarifs', 'CHANGELOG.md'), 'utf8');
    const headings = [...changelog.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    const released = headings.filter((h) => h !== '[Non publié]');
    expect(released[0]).toMatch(new RegExp(`^\\[${version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`));
    for (const h of released) expect(h).toMatch(/^\[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/);
    // « Non publié », s'il est là, vient en premier ; une version a au moins une entrée.
    expect(headings.indexOf('[Non publié]')).toBeLessThanOrEqual(0);
    const section = changelog.slice(changelog.indexOf(`## ${released[0]}`));
    expect(section).toMatch(/^### /m);
  });

  it('s’importe depuis ESM', () => {
    writeFileSync(join(project, 'esm.mjs'), `import { quote } from '@te90/tarifs';\nconsole.log(quote(${ADHESION}).total);\n`);
    expect(sh('node', ['esm.mjs'], project).trim()).toBe('2069.57');
  });

  it('s’importe depuis CommonJS', () => {
    writeFileSync(join(project, 'cjs.cjs'), `const { quote, isQuoteError } = require('@te90/tarifs');\nconsole.log(quote(${ADHESION}).total, typeof isQuoteError);\n`);
    expect(sh('node', ['cjs.cjs'], project).trim()).toBe('2069.57 function');
  });

  it('@te90/tarifs/documents s’importe depuis ESM et CommonJS, et ne recopie pas la bibliothèque', () => {
    const script = (load: string) => `${load}\nconst html = renderQuoteHtml(quote(${ADHESION}), { numero: 'D-1', date: '2026-11-29' });\nconsole.log(html.startsWith('<!doctype html>'), renderIssuesText([]) === '');\n`;
    writeFileSync(join(project, 'documents.cjs'), script(`const { quote } = require('@te90/tarifs');\nconst { renderQuoteHtml, renderIssuesText } = require('@te90/tarifs/documents');`));
    writeFileSync(join(project, 'documents.mjs'), script(`import { quote } from '@te90/tarifs';\nimport { renderQuoteHtml, renderIssuesText } from '@te90/tarifs/documents';`));
    expect(sh('node', ['documents.cjs'], project).trim()).toBe('true true');
    expect(sh('node', ['documents.mjs'], project).trim()).toBe('true true');
    const dist = join(project, 'node_modules', '@te90', 'tarifs', 'dist');
    for (const file of ['documents.js', 'documents.cjs']) expect(readFileSync(join(dist, file), 'utf8')).toMatch(/from '@te90\/tarifs'|require\('@te90\/tarifs'\)/);
  });

  it('@te90/tarifs/tableur s’importe depuis ESM et CommonJS ; les fichiers autonomes des tableurs ne sont pas des modules exportés', () => {
    const plage = `[['collectivite.nom', 'X'], ['collectivite.siren', '200000172'], ['collectivite.type', 'epci'], ['maintenanceBase.postes', 4], ['maintenanceBase.postesLicenceBL', 0]]`;
    writeFileSync(join(project, 'tableur.mjs'), `import { total, excelManifest } from '@te90/tarifs/tableur';\nconsole.log(total(${plage}), typeof excelManifest);\n`);
    expect(sh('node', ['tableur.mjs'], project).trim()).toBe('2069.57 function');
    writeFileSync(join(project, 'tableur.cjs'), `const { total } = require('@te90/tarifs/tableur');\nconsole.log(total(${plage}));\n`);
    expect(sh('node', ['tableur.cjs'], project).trim()).toBe('2069.57');
    const autonome = spawnSync('node', ['-e', "require.resolve('@te90/tarifs/tableur/te90-tarifs.js')"], { cwd: project, encoding: 'utf8' });
    expect(autonome.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('se type-vérifie depuis TypeScript (tsc --noEmit), y compris les erreurs de type attendues', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] }, files: ['essai.ts'] }),
    );
    writeFileSync(
      join(project, 'essai.ts'),
      `import { quote, type Adhesion, type Quote } from '@te90/tarifs';
const adhesion: Adhesion = ${ADHESION};
const devis: Quote = quote(adhesion);
const total: string = devis.total;
// @ts-expect-error la maintenance de base est obligatoire
const refusee: Adhesion = { collectivite: { nom: 'X', siren: '200000172', type: 'epci' }, prestations: {} };
export { total, refusee };
`,
    );
    sh(join(BIN, 'tsc'), ['-p', project], project);
  }, 60_000);

  it('les lignes npx du README et de la page de la ligne de commande marchent sans installation : « npx -p @te90/tarifs te90-tarifs … » et « npx @te90/tarifs … »', () => {
    // Le paquet n'est pas publié : son archive tient lieu du nom (file:…), dans un dossier où rien n'est installé.
    const vide = mkdtempSync(join(tmpdir(), 'te90-npx-'));
    const npx = (args: string[]) => sh('npx', ['--yes', ...args], vide);
    const pages = ['README.md', 'docs/ligne-de-commande.md'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    const lignes = pages.split('\n').filter((l) => /^npx /.test(l));
    const commandes = lignes.map((l) => /^npx -p @te90\/tarifs te90-tarifs ([a-z]+)/.exec(l)?.[1]);
    expect(lignes.length).toBeGreaterThanOrEqual(8);
    // Toute ligne npx de ces pages nomme le paquet à portée : « npx te90-tarifs » chercherait un autre paquet.
    expect(commandes.filter((c) => c === undefined)).toEqual([]);
    for (const commande of new Set(commandes)) expect(npx(['-p', `file:${tarball}`, 'te90-tarifs', commande!, '--help'])).toContain(`te90-tarifs ${commande}`);
    expect(npx(['-p', `file:${tarball}`, 'te90-tarifs', 'devis', join(ROOT, 'examples', 'commune.json')])).toContain('Total du devis : 3\u00a0083,57\u00a0€');
    expect(npx([`file:${tarball}`, 'devis', join(ROOT, 'examples', 'commune.json')])).toContain('Total du devis : 3\u00a0083,57\u00a0€');
  }, 120_000);

  it('fournit la commande te90-tarifs', () => {
    const out = sh(join(project, 'node_modules', '.bin', 'te90-tarifs'), ['devis', join(ROOT, 'examples', 'commune.json')], project);
    expect(out).toContain('Total du devis : 3\u00a0083,57\u00a0€');
  }, 30_000);
});

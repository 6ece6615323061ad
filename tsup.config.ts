import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { defineConfig, type Options } from 'tsup';
import { appsScriptGlue, appsScriptManifest, excelMetadata, excelPage, excelScript } from './scripts/spreadsheet-glue.js';
import { excelIcon } from './scripts/png-icon.js';
import { STANDALONE_ENTRY, STANDALONE_GLOBAL, STANDALONE_PLUGINS, STANDALONE_TARGET } from './scripts/spreadsheet-bundle.js';
import { EXCEL_FILES, excelManifest } from './src/spreadsheet/manifest.js';
import { emetteurJsonSchema, jsonSchemas, parametresPesJsonSchema } from './scripts/json-schemas.js';

/** Écrit les schémas JSON des fichiers d'entrée, déduits des schémas zod (et, pour l'émetteur, des règles des documents). */
function writeJsonSchemas(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, schema] of Object.entries({ ...jsonSchemas(), emetteur: emetteurJsonSchema(), 'parametres-pes': parametresPesJsonSchema() })) writeFileSync(`${dir}/${name}.schema.json`, JSON.stringify(schema, null, 2) + '\n');
}

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * Écrit, à côté du paquet autonome, les fichiers à installer : pour Google Sheets, le paquet et
 * les fonctions (deux fichiers Apps Script) et le manifeste du projet (`appsscript.json`, moteur V8) ; pour Excel, un script autonome (le paquet et
 * l'enregistrement des fonctions), ses métadonnées, sa page, son manifeste et ses icônes.
 */
function writeSpreadsheetGlue(dir: string): void {
  const bundle = readFileSync(`${dir}/te90-tarifs.js`, 'utf8');
  rmSync(`${dir}/apps-script`, { recursive: true, force: true });
  rmSync(`${dir}/excel`, { recursive: true, force: true });
  mkdirSync(`${dir}/apps-script`, { recursive: true });
  mkdirSync(`${dir}/excel`, { recursive: true });
  writeFileSync(`${dir}/apps-script/Fonctions.gs`, appsScriptGlue());
  writeFileSync(`${dir}/apps-script/appsscript.json`, appsScriptManifest());
  writeFileSync(`${dir}/excel/${EXCEL_FILES.script}`, excelScript(bundle));
  writeFileSync(`${dir}/excel/${EXCEL_FILES.metadata}`, excelMetadata());
  writeFileSync(`${dir}/excel/${EXCEL_FILES.page}`, excelPage());
  writeFileSync(`${dir}/excel/manifest.xml`, excelManifest(version));
  writeFileSync(`${dir}/excel/${EXCEL_FILES.icon}`, excelIcon(32));
  writeFileSync(`${dir}/excel/${EXCEL_FILES.iconHighResolution}`, excelIcon(64));
  // Ces fichiers sont des scripts (IIFE) pour les tableurs, pas des modules ES : ce dossier n'est pas « type: module ».
  writeFileSync(`${dir}/package.json`, JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
}

/**
 * Le simulateur en un seul fichier HTML, qui s'ouvre hors ligne (file://) : la page d'exemple, avec
 * son paquet inclus dans la page au lieu d'être chargé depuis dist/.
 */
function writeSimulatorPage(dir: string): void {
  const page = readFileSync('examples/simulateur/index.html', 'utf8');
  const bundle = readFileSync(`${dir}/simulateur.js`, 'utf8').replace(/<\/script/gi, '<\\/script');
  const inlined = page.replace(/<!-- TE90_SCRIPT -->[\s\S]*<!-- \/TE90_SCRIPT -->/, () => `<script>\n${bundle}</script>`);
  if (inlined === page) throw new Error('examples/simulateur/index.html : marques TE90_SCRIPT introuvables.');
  writeFileSync(`${dir}/index.html`, inlined);
}

/** Le noyau, importé par son nom : les clients le laissent hors de leur construction (Node le trouve par `exports`). */
const CORE = /^@te90\/tarifs(\/documents|\/tableur|\/titres)?$/;

/**
 * Le module ES du noyau est un seul fichier ; decimal.js, lui, est à part, dans `dist/decimal.js`
 * (sa copie, construite ici depuis la dépendance, licence incluse). decimal.js modifie ses propres
 * objets au chargement : importé par son nom, l'outil d'une application le garderait dès qu'elle
 * importe un nom du noyau, même `isValidSiren` ; dans le paquet, qui est sans effet de bord
 * (`sideEffects: false`), le fichier est écarté quand rien de ce qui est gardé ne s'en sert. Un
 * relais (`export { Decimal } from 'decimal.js'`) ferait de même, mais Node y perdait 4 à 5 ms au
 * démarrage (mesuré) ; la copie lui en fait gagner 1 à 2. Le module CommonJS, qu'aucun outil
 * n'élague, et les types importent decimal.js, qui reste une dépendance.
 */
const DECIMAL_COPY = 'decimal.js';
const decimalCopy: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'copie-decimal',
  setup(build) {
    build.onResolve({ filter: /^decimal\.js$/ }, () => ({ path: `./${DECIMAL_COPY}`, external: true }));
  },
};

/**
 * Écrit `dist/decimal.js` : le module ES de decimal.js, en un fichier, minifié (sa licence gardée à
 * la fin) : Node le compile à chaque démarrage, et ses 63 Ko non minifiés, commentaires compris,
 * lui coûtaient plus que les 32 Ko minifiés (environ 9 millions d'instructions de moins, mesuré sous
 * valgrind). La première ligne nomme le module copié, comme les commentaires d'esbuild dans les
 * fichiers non minifiés (le test de la disposition de dist s'en sert).
 */
async function writeDecimalCopy(dir: string): Promise<void> {
  await build({
    entryPoints: ['decimal.js'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: true,
    legalComments: 'eof',
    banner: { js: '// node_modules/decimal.js/decimal.mjs' },
    outfile: `${dir}/${DECIMAL_COPY}`,
    logLevel: 'warning',
  });
  asciiOnly(`${dir}/${DECIMAL_COPY}`);
}

/**
 * Réécrit un module construit en ASCII seul. esbuild échappe déjà tout caractère non ASCII du code
 * (chaînes, expressions régulières, identifiants) mais garde tels quels ceux des commentaires qu'il
 * conserve (les TSDoc des membres de classe) : un seul « é » fait de tout le fichier, pour Node, une
 * chaîne de deux octets par caractère, qu'il décode de l'UTF-8 à chaque démarrage (environ 10 millions
 * d'instructions pour dist/index.js, mesuré sous valgrind), au lieu d'une copie d'octets. Chaque
 * caractère devient son échappement `\uXXXX`, qui vaut le même caractère partout où il pourrait
 * se trouver dans du code, et n'est que du texte dans un commentaire.
 */
function asciiOnly(file: string): void {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

export default defineConfig([
  {
    // Le noyau en module ES (et sa copie de decimal.js), avec ses types.
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: true,
    // Pas de carte de sources : le code livré n'est pas minifié et se lit tel quel ; l'archive reste petite.
    sourcemap: false,
    clean: true,
    target: 'node20',
    treeshake: true,
    // zod n'apparaît dans aucun type public : ses parties utiles sont incluses, ce qui évite de
    // charger les ~150 modules de zod/mini (dont toutes les langues) à chaque démarrage.
    // decimal.js : importé de sa copie dans dist/ (voir plus haut), par le greffon.
    noExternal: ['zod', 'decimal.js'],
    esbuildPlugins: [decimalCopy],
    onSuccess: async () => {
      // Un module en ASCII seul se charge plus vite (voir asciiOnly).
      asciiOnly('dist/index.js');
      await writeDecimalCopy('dist');
      writeJsonSchemas('dist/schemas');
    },
  },
  {
    // Le noyau en module CommonJS, avec ses types.
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: false,
    target: 'node20',
    treeshake: true,
    noExternal: ['zod'],
  },
  {
    // Les clients importables, chacun une fois par format : ils importent le noyau (et les autres
    // clients) par leur nom, sans en inclure de copie.
    entry: { documents: 'src/documents/index.ts', tableur: 'src/spreadsheet/index.ts', titres: 'src/titres/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    target: 'node20',
    treeshake: true,
    external: [CORE],
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    external: [CORE],
    define: { __VERSION__: JSON.stringify(version) },
    treeshake: true,
  },
  {
    // Le paquet autonome des tableurs : voir scripts/spreadsheet-bundle.ts (que suit aussi le banc).
    entry: { 'te90-tarifs': STANDALONE_ENTRY },
    outDir: 'dist/tableur',
    format: ['iife'],
    globalName: STANDALONE_GLOBAL,
    platform: 'browser',
    target: STANDALONE_TARGET,
    minify: true,
    noExternal: [/.*/],
    treeshake: true,
    outExtension: () => ({ js: '.js' }),
    esbuildPlugins: [...STANDALONE_PLUGINS],
    onSuccess: async () => writeSpreadsheetGlue('dist/tableur'),
  },
  {
    entry: { simulateur: 'src/simulator/index.ts' },
    outDir: 'dist/simulateur',
    format: ['iife'],
    platform: 'browser',
    target: 'es2020',
    minify: true,
    noExternal: [/.*/],
    treeshake: true,
    outExtension: () => ({ js: '.js' }),
    onSuccess: async () => writeSimulatorPage('dist/simulateur'),
  },
]);

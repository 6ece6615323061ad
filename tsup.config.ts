import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { appsScriptGlue, appsScriptManifest, excelMetadata, excelPage, excelScript } from './scripts/spreadsheet-glue.js';
import { excelIcon } from './scripts/png-icon.js';
import { EXCEL_FILES, excelManifest } from './src/spreadsheet/manifest.js';
import { jsonSchemas } from './src/schemas/json-schemas.js';
import { emetteurJsonSchema } from './src/documents/emetteur-rules.js';

/** Écrit les schémas JSON des fichiers d'entrée, déduits des schémas zod (et, pour l'émetteur, des règles des documents). */
function writeJsonSchemas(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, schema] of Object.entries({ ...jsonSchemas(), emetteur: emetteurJsonSchema() })) writeFileSync(`${dir}/${name}.schema.json`, JSON.stringify(schema, null, 2) + '\n');
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
 * Le paquet autonome ne doit définir qu'un global, `TE90Tarifs`. zod écrit sur `globalThis` pour
 * partager sa configuration entre plusieurs copies chargées ensemble (`__zod_globalConfig` dans
 * zod/v4/core/core.js, `__zod_globalRegistry` dans registries.js) ; les catalogues de confiance de
 * la bibliothèque, eux, sont privés à leur module.
 * Le paquet autonome est une seule copie, scellée : dans ces modules, `globalThis` devient un objet
 * propre au paquet. La construction échoue si l'un d'eux cesse d'écrire ainsi (le test du contexte
 * nu dit s'il reste un global).
 */
const PRIVATE_GLOBALS = /[\\/]zod[\\/]v4[\\/]core[\\/](core|registries)\.js$/;
const privateGlobals: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'globaux-prives',
  setup(build) {
    build.onLoad({ filter: PRIVATE_GLOBALS }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!/\bglobalThis\b/.test(source)) throw new Error(`globaux-prives : ${args.path} n'écrit plus sur globalThis, revoir ce greffon.`);
      const contents = `var __te90Globals = {};\n${source.replace(/\bglobalThis\b/g, '__te90Globals')}`;
      return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js', resolveDir: dirname(args.path) };
    });
  },
};

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

export default defineConfig([
  {
    // Le noyau, et ses clients en modules (@te90/tarifs/documents, @te90/tarifs/tableur), qui l'importent par son nom, sans le recopier.
    entry: { index: 'src/index.ts', documents: 'src/documents/index.ts', tableur: 'src/spreadsheet/index.ts' },
    external: ['@te90/tarifs'],
    format: ['esm', 'cjs'],
    dts: true,
    // Pas de carte de sources : le code livré n'est pas minifié et se lit tel quel ; l'archive reste petite.
    sourcemap: false,
    clean: true,
    target: 'node20',
    treeshake: true,
    // zod n'apparaît dans aucun type public : ses parties utiles sont incluses, ce qui évite de
    // charger les ~150 modules de zod/mini (dont toutes les langues) à chaque démarrage.
    noExternal: ['zod'],
    onSuccess: async () => writeJsonSchemas('dist/schemas'),
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: ['zod'],
    define: { __VERSION__: JSON.stringify(version) },
    treeshake: true,
  },
  {
    entry: { 'te90-tarifs': 'src/spreadsheet/index.ts' },
    outDir: 'dist/tableur',
    format: ['iife'],
    globalName: 'TE90Tarifs',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    noExternal: [/.*/],
    treeshake: true,
    outExtension: () => ({ js: '.js' }),
    esbuildPlugins: [privateGlobals],
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

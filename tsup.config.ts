import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { appsScriptGlue, excelGlue, excelMetadata, excelPage } from './src/spreadsheet/glue.js';
import { jsonSchemas } from './src/schemas/json-schemas.js';

/** Écrit les schémas JSON des fichiers d'entrée, déduits des schémas zod. */
function writeJsonSchemas(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, schema] of Object.entries(jsonSchemas())) writeFileSync(`${dir}/${name}.schema.json`, JSON.stringify(schema, null, 2) + '\n');
}

/** Écrit, à côté du paquet autonome, les fichiers à installer dans Google Sheets et dans Excel. */
function writeSpreadsheetGlue(dir: string): void {
  mkdirSync(`${dir}/apps-script`, { recursive: true });
  mkdirSync(`${dir}/excel`, { recursive: true });
  copyFileSync(`${dir}/te90-tarifs.js`, `${dir}/apps-script/TE90Tarifs.gs`);
  writeFileSync(`${dir}/apps-script/Fonctions.gs`, appsScriptGlue());
  copyFileSync(`${dir}/te90-tarifs.js`, `${dir}/excel/te90-tarifs.js`);
  writeFileSync(`${dir}/excel/functions.js`, excelGlue());
  writeFileSync(`${dir}/excel/functions.json`, excelMetadata());
  writeFileSync(`${dir}/excel/functions.html`, excelPage());
}

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
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
    onSuccess: async () => writeSpreadsheetGlue('dist/tableur'),
  },
]);

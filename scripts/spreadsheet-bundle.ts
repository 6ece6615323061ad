import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';
import { pruneDecimal } from './decimal-prune.js';

/**
 * Comment se construit le paquet autonome des tableurs (`dist/tableur/te90-tarifs.js`) : une seule
 * définition, que suivent `tsup.config.ts` et le banc (`bench/size.ts`, qui mesure ce que coûte
 * chaque partie). Le paquet part de `src/spreadsheet/standalone.ts`, qui ne réexporte que les
 * fonctions du module public `@te90/tarifs/tableur` ; celui-ci n'atteint le noyau que par son
 * entrée publique, `@te90/tarifs`.
 */

/** Le point d'entrée du paquet, depuis la racine du dépôt. */
export const STANDALONE_ENTRY = 'src/spreadsheet/standalone.ts';

/** Le seul global que définit le paquet. */
export const STANDALONE_GLOBAL = 'TE90Tarifs';

/**
 * La version de JavaScript du paquet : ES2019, que lisent les moteurs d'Apps Script (V8) et des
 * compléments Excel ; le test du paquet l'analyse en ES2019.
 */
export const STANDALONE_TARGET = 'es2019';

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
export const privateGlobals: Plugin = {
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

/** Les greffons esbuild du paquet autonome, dans l'ordre. */
export const STANDALONE_PLUGINS: readonly Plugin[] = [privateGlobals, pruneDecimal];

/**
 * Les options esbuild du paquet autonome (sans l'entrée ni la sortie), pour une construction faite
 * directement avec esbuild (le banc) ; `tsup.config.ts` pose les mêmes avec ses propres noms.
 */
export function standaloneBuildOptions(): BuildOptions {
  return {
    bundle: true,
    format: 'iife',
    globalName: STANDALONE_GLOBAL,
    platform: 'browser',
    target: STANDALONE_TARGET,
    minify: true,
    treeShaking: true,
    plugins: [...STANDALONE_PLUGINS],
  };
}

import type { Path, QuoteIssue } from '../core/shapes.js';
import { snapshot } from './snapshot.js';
import { readingArgument } from '../errors/arguments.js';

/**
 * Une entrée lue une fois pour toutes par {@link readInput} : sa copie en données simples et les
 * problèmes de lecture.
 *
 * @category Erreurs
 * @example
 * ```ts
 * const lue: InputRead = readInput({ nom: 'Syndicat' });
 * lue.issues.length;
 * //=> 0
 * ```
 */
export interface InputRead {
  /**
   * La copie : objets simples, listes et valeurs primitives. Une valeur illisible y est remplacée
   * par une marque (un symbole) ; son problème est dans `issues`, à son chemin.
   */
  readonly value: unknown;
  /** Les problèmes de lecture (`ENTREE_INVALIDE`), chacun au chemin de la valeur en cause. */
  readonly issues: readonly QuoteIssue[];
}

/**
 * Lit une entrée venue d'ailleurs (un objet d'une autre application, un JSON lu) une seule fois,
 * sans jamais lever : chaque propriété propre énumérable est lue une fois (un getter est appelé une
 * fois), et la copie n'est faite que d'objets simples, de listes et de valeurs primitives. Un getter
 * ou un piège de proxy qui lève, une référence circulaire, un objet qui n'est pas une donnée simple
 * (date, Map, instance de classe) ou une entrée démesurée donnent un problème `ENTREE_INVALIDE` à
 * leur chemin. Une validation qui ne travaille que sur la copie ne voit jamais une valeur changer
 * entre deux lectures. C'est la lecture que font `quote` et les autres fonctions de la bibliothèque.
 *
 * @param input - l'entrée brute
 * @param path - le chemin de l'entrée, qui préfixe celui de chaque problème (par défaut la racine)
 * @returns la copie et les problèmes de lecture
 * @category Erreurs
 * @example
 * ```ts
 * const hostile = { get nom(): string { throw new Error('boum'); } };
 * readInput(hostile, ['emetteur']).issues[0]?.message;
 * //=> 'Donnée illisible : sa lecture a levé une exception (boum).'
 * ```
 */
export function readInput(input: unknown, path: Path = []): InputRead {
  const snap = snapshot(input, readingArgument('path', path, () => Array.from(path)));
  return { value: snap.value, issues: snap.issues };
}

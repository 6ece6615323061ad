/**
 * Les problèmes au nom de ce que l'utilisateur a tapé : un problème d'un fichier précédé du nom de
 * son fichier ou de son option (`--tarifs tarifs.json`), le nom d'un argument de la bibliothèque
 * (`tarifs`, `base`, `options.date`) remplacé par celui de son fichier ou de son option.
 */
import type { Path } from '@te90/tarifs';
import { problemsOf, RefusedInput, type Problem } from './issues.js';

/**
 * La valeur que rend `read`, ou `undefined` s'il refuse l'entrée (une `QuoteError` de la
 * bibliothèque, ou une {@link RefusedInput}) : ses problèmes sont alors ajoutés à `issues`, chacun
 * passé par `locate` (qui le met au nom de son fichier ou de son option). Toute autre erreur passe.
 *
 * @internal
 */
export function collecting<T>(issues: Problem[], read: () => T, locate: (issue: Problem) => Problem): T | undefined {
  try {
    return read();
  } catch (error) {
    const problems = problemsOf(error);
    if (problems === undefined) throw error;
    issues.push(...problems.map(locate));
    return undefined;
  }
}

/**
 * Un problème au nom de son fichier : le nom d'argument en tête de chemin (`tarifs`, `base`…)
 * remplacé par `rename`, sinon `label` (s'il n'est pas vide) ajouté en tête.
 *
 * @internal
 */
export function inFile<T extends { readonly path: Path }>(issue: T, label: string, rename: Readonly<Record<string, string>>): T {
  const [head, ...rest] = issue.path;
  const renamed = typeof head === 'string' ? rename[head] : undefined;
  if (renamed !== undefined) return { ...issue, path: [renamed, ...rest] };
  return label === '' ? issue : { ...issue, path: [label, ...issue.path] };
}

/**
 * Un problème d'une option du devis imprimable (`options.date`) au nom de son option de la ligne de
 * commande (`--date`).
 *
 * @internal
 */
export function atOption<T extends { readonly path: Path }>(issue: T, options: Readonly<Record<string, string>>): T {
  const [head, name, ...rest] = issue.path;
  const option = head === 'options' && typeof name === 'string' ? options[name] : undefined;
  return option === undefined ? issue : { ...issue, path: [option, ...rest] };
}

/**
 * Lit plusieurs fichiers : rend la valeur de chacun (`undefined` s'il est illisible) et les problèmes
 * de tous, le chemin de chacun précédé du nom de son fichier (ou de son option ; rien si `''`).
 *
 * @internal
 */
export function readEach(steps: readonly (readonly [string, () => unknown])[]): { values: unknown[]; issues: Problem[] } {
  const issues: Problem[] = [];
  const values = steps.map(([fichier, read]) => collecting(issues, read, (i) => inFile(i, fichier, {})));
  return { values, issues };
}

/**
 * Le résultat d'un calcul sur plusieurs fichiers ; ses problèmes, le nom de l'argument (`base`…)
 * remplacé par celui de son fichier.
 *
 * @internal
 * @throws {RefusedInput} si le calcul refuse ses arguments
 */
export function inFiles<T>(run: () => T, fichiers: Readonly<Record<string, string>>): T {
  const issues: Problem[] = [];
  const value = collecting(issues, run, (i) => inFile(i, '', fichiers));
  if (issues.length > 0) throw new RefusedInput(issues);
  return value as T;
}

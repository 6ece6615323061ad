/**
 * Les arguments des fonctions publiques d'usage courant (mise en forme, SIREN, montants, textes) :
 * un argument d'une autre sorte est refusé par une {@link QuoteError} qui le nomme
 * (`ENTREE_INVALIDE`), jamais par une autre exception. Un objet illisible (accesseur qui lève,
 * proxy) l'est de même.
 */
import type { QuoteIssue } from '../core/shapes.js';
import { makeIssue } from '../wording/issues.js';
import { describeValue } from './from-zod.js';
import { QuoteError } from './quote-error.js';

/** Une chaîne décimale : « 1234.50 », « -3 », « 0.045 ». */
const DECIMAL = /^-?\d+(\.\d+)?$/;

function refuse(name: string, attendu: string, value: unknown): never {
  throw new QuoteError([makeIssue('ENTREE_INVALIDE', [name], { raison: 'type', attendu, recu: describeValue(value) })]);
}

/**
 * Le texte `value`, ou une {@link QuoteError} qui nomme l'argument `name`.
 *
 * @internal
 */
export function textArgument(name: string, value: unknown): string {
  return typeof value === 'string' ? value : refuse(name, 'string', value);
}

/**
 * Refuse `value` par une {@link QuoteError} qui nomme l'argument `name`, s'il n'est ni une chaîne
 * décimale ni un nombre fini (ni un décimal de decimal.js, que reconnaît `isDecimal`).
 *
 * @internal
 */
export function checkNumberArgument(name: string, value: unknown, isDecimal: (v: unknown) => boolean = () => false): void {
  if (typeof value === 'string' ? DECIMAL.test(value) : typeof value === 'number' ? Number.isFinite(value) : safely(() => isDecimal(value))) return;
  refuse(name, 'une chaîne décimale (« 1234.50 »)', value);
}

/** `test()`, ou `false` s'il lève (un proxy, un accesseur qui lève). */
function safely(test: () => boolean): boolean {
  try {
    return test();
  } catch {
    return false;
  }
}

/**
 * Le résultat de `run`, qui lit l'argument `name` : une exception qui n'est pas une
 * {@link QuoteError} (un objet qui n'a pas la forme attendue, un accesseur qui lève) devient un
 * `ENTREE_INVALIDE` qui le nomme.
 *
 * @internal
 */
export function readingArgument<T>(name: string, value: unknown, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof QuoteError) throw error;
    const issue: QuoteIssue = makeIssue('ENTREE_INVALIDE', [name], { raison: 'autre', recu: describeValue(value) });
    throw new QuoteError([issue]);
  }
}

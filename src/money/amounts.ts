import { describeValue } from '../errors/from-zod.js';
import { QuoteError } from '../errors/quote-error.js';
import { makeIssue } from '../wording/issues.js';
import { Dec } from './decimal.js';
import { sumMontants } from './round.js';
import { readingArgument } from '../errors/arguments.js';

/** Une chaîne décimale : « 1234.50 », « -3 », « 0.045 ». */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Lève une {@link QuoteError} si un texte n'est pas une chaîne décimale. */
function checkDecimals(amounts: readonly unknown[]): void {
  const issues = amounts.flatMap((a, i) =>
    typeof a === 'string' && DECIMAL.test(a) ? [] : [makeIssue('ENTREE_INVALIDE', [i], { raison: 'type', attendu: 'une chaîne décimale (« 1234.50 »)', recu: describeValue(a) })],
  );
  if (issues.length > 0) throw new QuoteError(issues);
}

/**
 * Additionne des montants donnés en chaînes décimales (`"2069.57"`), en décimaux exacts, sans jamais
 * passer par un nombre à virgule flottante : la somme rendue a deux décimales. C'est ainsi que la
 * bibliothèque fait chaque total (la somme exacte des lignes arrondies au centime) ; un document qui
 * écrit un sous-total le fait de même.
 *
 * @param amounts - les montants, chacun une chaîne décimale (`"2069.57"`, `"-3"`)
 * @returns la somme, avec deux décimales (`"0.00"` pour une liste vide)
 * @throws {@link QuoteError} si un montant n'est pas une chaîne décimale ; jamais d'autre exception
 * @category Montants
 * @example
 * ```ts
 * sumAmounts(['0.10', '0.20']);
 * //=> '0.30'
 * sumAmounts([]);
 * //=> '0.00'
 * ```
 */
export function sumAmounts(amounts: readonly string[]): string {
  checkDecimals(readingArgument('amounts', amounts, () => Array.from(amounts as unknown[])));
  return amounts.length === 1 ? new Dec(amounts[0]!).toFixed(2) : sumMontants(amounts);
}

/**
 * Compare deux nombres donnés en chaînes décimales (montants, écarts, pourcentages), exactement :
 * `-1` si `a` est plus petit, `0` s'ils sont égaux (`"1.5"` et `"1.50"` le sont), `1` s'il est plus
 * grand. Comparer à `"0"` dit le signe d'un montant.
 *
 * @param a - une chaîne décimale
 * @param b - une chaîne décimale
 * @returns `-1`, `0` ou `1`
 * @throws {@link QuoteError} si l'un n'est pas une chaîne décimale ; jamais d'autre exception
 * @category Montants
 * @example
 * ```ts
 * compareAmounts('-308.37', '0');
 * //=> -1
 * compareAmounts('1.5', '1.50');
 * //=> 0
 * ```
 */
export function compareAmounts(a: string, b: string): -1 | 0 | 1 {
  checkDecimals([a, b]);
  return new Dec(a).comparedTo(new Dec(b)) as -1 | 0 | 1;
}

/**
 * L'écriture décimale exacte d'un nombre reçu d'un tableur ou d'un formulaire, tel qu'il s'affiche
 * (15 chiffres significatifs), sans notation exponentielle ni zéro final : `0.1 + 0.2` donne `"0.3"`,
 * `1e-7` donne `"0.0000001"`. `undefined` pour un nombre non fini. Le montant ou la quantité passe
 * ensuite par la bibliothèque en chaîne décimale, jamais en nombre.
 *
 * @category Montants
 * @example
 * ```ts
 * decimalFromNumber(0.1 + 0.2);
 * //=> '0.3'
 * decimalFromNumber(1e21);
 * //=> '1000000000000000000000'
 * ```
 */
export function decimalFromNumber(value: number): string | undefined {
  return Number.isFinite(value) ? new Dec(value.toPrecision(15)).toFixed() : undefined;
}

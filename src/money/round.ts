import { Dec } from './decimal.js';

/**
 * La règle d'arrondi de la bibliothèque, et la seule : chaque ligne est arrondie au centime,
 * au demi supérieur (`2069,565 → 2069,57`). Un total est la somme de lignes déjà arrondies.
 * Un zéro négatif devient zéro.
 *
 * @internal
 */
export function roundToCent(value: Dec): Dec {
  const rounded = value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  return rounded.isNegative() && rounded.isZero() ? ZERO : rounded;
}

const ZERO = new Dec(0);

/**
 * Écrit un montant arrondi en chaîne décimale à deux chiffres après le point.
 *
 * @internal
 */
export function toMontant(value: Dec): string {
  return roundToCent(value).toFixed(2);
}

/**
 * Additionne des montants déjà arrondis, en décimaux.
 *
 * @internal
 */
export function sumDecimals(montants: readonly Dec[]): string {
  if (montants.length === 1) return montants[0]!.toFixed(2);
  let total = ZERO;
  for (const m of montants) total = total.plus(m);
  return toMontant(total);
}

import { decimalOf, Dec } from './decimal.js';

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

const SUMS = new Map<string, string>();

/**
 * Additionne des montants de lignes déjà arrondis (`"2069.57"`), en décimaux exacts : la somme
 * d'une même suite de montants est calculée une fois puis retenue (les totaux d'un lot se répètent).
 *
 * @internal
 */
export function sumMontants(texts: readonly string[]): string {
  if (texts.length === 1) return texts[0]!;
  if (texts.length === 0) return '0.00';
  let key = texts[0]!;
  for (let i = 1; i < texts.length; i++) key += '+' + texts[i];
  const known = SUMS.get(key);
  if (known !== undefined) return known;
  let total = ZERO;
  for (const t of texts) total = total.plus(decimalOf(t));
  const text = total.toFixed(2);
  if (SUMS.size >= 4096) SUMS.clear();
  SUMS.set(key, text);
  return text;
}

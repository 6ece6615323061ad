import { Dec } from './decimal.js';

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * Écrit un nombre décimal à la française : virgule décimale, espace entre les milliers,
 * sans zéros inutiles (`3.60 → 3,6`).
 *
 * @example
 * ```ts
 * formatNombre('1234.50');
 * //=> '1 234,5'
 * ```
 */
export function formatNombre(value: string | Dec): string {
  const d = new Dec(value);
  const [integer, fraction] = d.abs().toFixed().split('.');
  const text = groupThousands(integer ?? '0') + (fraction ? ',' + fraction : '');
  return d.isNegative() && !d.isZero() ? '-' + text : text;
}

/**
 * Écrit un montant en euros à la française, avec deux décimales : `2 069,57 €`.
 *
 * @example
 * ```ts
 * formatEuros('2069.57');
 * //=> '2 069,57 €'
 * ```
 */
export function formatEuros(montant: string | Dec): string {
  const d = new Dec(montant);
  const [integer, fraction] = d.abs().toFixed(2).split('.');
  const sign = d.isNegative() && !d.isZero() ? '-' : '';
  return `${sign}${groupThousands(integer ?? '0')},${fraction ?? '00'} €`;
}

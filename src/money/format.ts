import { Dec } from './decimal.js';

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

function groupThousands(integer: string): string {
  return integer.length <= 3 ? integer : integer.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function plainText(value: string | Dec | number): string {
  if (typeof value === 'string' && PLAIN.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return (typeof value === 'object' ? value : new Dec(value)).toFixed();
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
export function formatNombre(value: string | Dec | number): string {
  const [, sign, integer, fraction] = PLAIN.exec(plainText(value))!;
  const int = integer!.replace(/^0+(?=\d)/, '');
  const frac = (fraction ?? '').replace(/0+$/, '');
  const negative = sign === '-' && (/[1-9]/.test(int) || frac !== '');
  return `${negative ? '-' : ''}${groupThousands(int)}${frac ? ',' + frac : ''}`;
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
  const text = typeof montant === 'string' && /^-?\d+\.\d\d$/.test(montant) ? montant : (typeof montant === 'object' ? montant : new Dec(montant)).toFixed(2);
  const [, sign, integer, fraction] = PLAIN.exec(text)!;
  const negative = sign === '-' && /[1-9]/.test(integer! + fraction!);
  return `${negative ? '-' : ''}${groupThousands(integer!)},${fraction} €`;
}

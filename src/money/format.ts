import { Dec } from './decimal.js';
import { checkNumberArgument, readingArgument } from '../errors/arguments.js';

const isDec = (v: unknown): boolean => Dec.isDecimal(v);

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * La typographie d'un nombre écrit : `insecable: true` met des espaces insécables (U+00A0) entre les
 * milliers et avant le symbole « € », pour qu'un document imprimé ne coupe jamais un montant ; par
 * défaut, des espaces simples (données, messages, journaux).
 *
 * @example
 * ```ts
 * const t: Typographie = { insecable: true };
 * ```
 * @category Affichage
 */
export interface Typographie {
  /** `true` : espaces insécables (U+00A0) dans les nombres et avant les unités. */
  readonly insecable?: boolean | undefined;
}

/**
 * L'espace d'une typographie : insécable (U+00A0) ou simple.
 *
 * @internal
 */
export function espace(typo?: Typographie): string {
  if (typo === undefined) return ' ';
  return readingArgument('typo', typo, () => typo?.insecable) ? '\u00a0' : ' ';
}

function groupThousands(integer: string, sep = ' '): string {
  return integer.length <= 3 ? integer : integer.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function plainText(value: string | Dec | number): string {
  if (typeof value === 'string' && PLAIN.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return (typeof value === 'object' ? value : new Dec(value)).toFixed();
}

/**
 * Écrit un nombre décimal à la française : virgule décimale, espace entre les milliers,
 * sans zéros inutiles (`3.60 → 3,6`). Avec `{ insecable: true }`, l'espace des milliers est insécable.
 *
 * @example
 * ```ts
 * formatNumber('1234.50');
 * //=> '1 234,5'
 * formatNumber('1234.50', { insecable: true });
 * //=> '1\u00a0234,5'
 * ```
 * @category Affichage
 */
export function formatNumber(value: string | Dec | number, typo?: Typographie): string {
  checkNumberArgument('value', value, isDec);
  const [, sign, integer, fraction] = PLAIN.exec(plainText(value))!;
  const int = integer!.replace(/^0+(?=\d)/, '');
  const frac = (fraction ?? '').replace(/0+$/, '');
  const negative = sign === '-' && (/[1-9]/.test(int) || frac !== '');
  return `${negative ? '-' : ''}${groupThousands(int, espace(typo))}${frac ? ',' + frac : ''}`;
}

/**
 * Écrit un montant en euros à la française, avec deux décimales : `2 069,57 €`. Avec
 * `{ insecable: true }` (documents imprimables), les espaces des milliers et avant « € » sont
 * insécables.
 *
 * @example
 * ```ts
 * formatEuros('2069.57');
 * //=> '2 069,57 €'
 * formatEuros('2069.57', { insecable: true });
 * //=> '2\u00a0069,57\u00a0€'
 * ```
 * @category Affichage
 */
export function formatEuros(montant: string | Dec, typo?: Typographie): string {
  checkNumberArgument('montant', montant, isDec);
  const text = typeof montant === 'string' && /^-?\d+\.\d\d$/.test(montant) ? montant : (typeof montant === 'object' ? montant : new Dec(montant)).toFixed(2);
  const [, sign, integer, fraction] = PLAIN.exec(text)!;
  const negative = sign === '-' && /[1-9]/.test(integer! + fraction!);
  const sep = espace(typo);
  return `${negative ? '-' : ''}${groupThousands(integer!, sep)},${fraction}${sep}€`;
}

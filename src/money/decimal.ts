import { Decimal } from 'decimal.js';

/**
 * Constructeur decimal.js propre à la bibliothèque : 40 chiffres significatifs, arrondi
 * au demi supérieur. Il est isolé de la configuration globale de decimal.js, qu'une autre
 * bibliothèque de l'application pourrait modifier.
 *
 * @internal
 * @example
 * ```ts
 * new Dec('574.88').times('3.6').toString();
 * //=> '2069.568'
 * ```
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * Un nombre décimal exact manipulé par la bibliothèque.
 *
 * @internal
 * @example
 * ```ts
 * const d: Dec = new Dec('0.9');
 * ```
 */
export type Dec = Decimal;

import { Decimal } from 'decimal.js';

/**
 * Constructeur decimal.js propre à la bibliothèque : 40 chiffres significatifs, arrondi
 * au demi supérieur. Il est isolé de la configuration globale de decimal.js, qu'une autre
 * bibliothèque de l'application pourrait modifier.
 *
 * @internal
 */
export const Dec = /* @__PURE__ */ (() => Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP }))();

/**
 * Un nombre décimal exact manipulé par la bibliothèque.
 *
 * @internal
 */
export type Dec = Decimal;

const parsed = new Map<string, Dec>();

/**
 * Le décimal d'une chaîne du catalogue (prix, coefficient), lu une seule fois : les décimaux
 * sont immuables, une même instance sert à tous les devis.
 *
 * @internal
 */
export function decimalOf(text: string): Dec {
  let d = parsed.get(text);
  if (d === undefined) {
    if (parsed.size >= 4096) parsed.clear();
    d = new Dec(text);
    parsed.set(text, d);
  }
  return d;
}

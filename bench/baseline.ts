/**
 * Le même calcul que `quote()` pour les trois adhésions typiques, fait à la main avec decimal.js :
 * ni validation, ni lignes, ni factures, ni texte. C'est le coût de l'arithmétique seule.
 */
import { Decimal } from 'decimal.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const cent = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const coefficient = (postes: number) => (postes <= 2 ? '1' : postes <= 5 ? '0.9' : postes <= 15 ? '0.7' : '0.65');
const part1 = (postes: number) => cent(new D('574.88').times(new D(postes).times(coefficient(postes))));

/** Les totaux calculés à la main, dans l'ordre de `CASES`. */
export const BASELINES: readonly (() => string)[] = [
  () => part1(2).plus(cent(new D('50.00').times(1))).toFixed(2),
  () =>
    part1(18)
      .plus(cent(new D('100.00').times(12)))
      .plus(new D('200.00').times(3))
      .plus(cent(new D('50.00').times(3)))
      .plus(cent(new D('32.00').times(4)))
      .toFixed(2),
  () =>
    part1(7)
      .plus(cent(new D('100.00').times(5)))
      .plus(new D('300.00'))
      .plus(new D('120.00'))
      .plus(new D('200.00'))
      .plus(new D('100.00'))
      .plus(cent(new D('50.00').times(2)))
      .plus(cent(new D('32.00').times(1)))
      .plus(new D('300.00'))
      .plus(new D('150.00'))
      .plus(new D('50.00'))
      .plus(cent(new D('300.00').times(new D('2.5').ceil())))
      .toFixed(2),
];

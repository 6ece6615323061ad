import { Dec } from './decimal.js';

const ZERO = /* @__PURE__ */ new Dec(0);
const HUNDRED = /* @__PURE__ */ new Dec(100);

/**
 * L'écart en pour cent de ce qu'il était avant, arrondi au centième (au demi supérieur), en chaîne
 * décimale (`'2.59'`, jamais `'-0.00'`) ; `null` sans montant d'avant, ou s'il était nul.
 *
 * @internal
 */
export function percentChange(ecart: Dec, avant: Dec | null): string | null {
  if (avant === null || avant.isZero()) return null;
  const p = ecart.times(HUNDRED).dividedBy(avant).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  return (p.isZero() ? ZERO : p).toFixed(2);
}

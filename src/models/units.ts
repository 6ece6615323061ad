import type { Calcul } from '../core/shapes.js';
import { decimalOf, Dec } from '../money/decimal.js';
import { roundToCent } from '../money/round.js';
import type { Chiffrage } from './define.js';

/**
 * L'unité d'une ligne qui vaut un montant fixe (forfait, case de grille, forfait de strate).
 *
 * @internal
 */
export const UNITE_FORFAITAIRE = 'forfait';

const ONE = /* @__PURE__ */ new Dec(1);

/**
 * Le chiffrage d'un montant fixe (forfait, case de grille, forfait de strate) : quantité 1, le
 * montant arrondi au centime, et son calcul en données.
 *
 * @internal
 */
export function fixedAmount(montant: string, calcul: (montant: string) => Calcul): Chiffrage {
  const m = roundToCent(decimalOf(montant));
  return { quantite: ONE, unite: UNITE_FORFAITAIRE, prixUnitaire: m, montant: m, calcul: calcul(m.toFixed(2)) };
}

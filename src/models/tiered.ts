import { decimalOf, Dec } from '../money/decimal.js';
import { formatEuros, formatNombre } from '../money/format.js';
import { roundToCent } from '../money/round.js';
import type { Palier, Unite } from '../core/shapes.js';
import { quantiteUnite, type Priced } from './priced.js';

/**
 * Trouve le palier qui contient un nombre d'unités.
 *
 * @internal
 */
export function findTier<T extends Palier>(paliers: readonly T[], unites: number): T | undefined {
  return paliers.find((p) => unites >= p.de && (p.a === null || unites <= p.a));
}

/**
 * Modèle « prix unitaire × coefficient par palier » : le coefficient du palier atteint
 * s'applique à toutes les unités. Montant = prix × (unités × coefficient).
 *
 * @param prixUnitaire - le prix d'une unité, chaîne décimale
 * @param paliers - les paliers du barème
 * @param unites - le nombre d'unités (entier)
 * @param unite - le nom de l'unité, au singulier et au pluriel
 * @returns la ligne chiffrée, ou `undefined` si aucun palier ne contient ce nombre
 * @internal
 */
export function priceTiered(
  prixUnitaire: string,
  paliers: readonly Palier[],
  unites: number,
  unite: Unite,
): Priced | undefined {
  const palier = findTier(paliers, unites);
  if (!palier) return undefined;
  const n = new Dec(unites);
  const quantite = n.times(decimalOf(palier.coefficient));
  const prix = decimalOf(prixUnitaire);
  const montant = roundToCent(prix.times(quantite));
  const montantText = montant.toFixed(2);
  return {
    quantite,
    unite: `${unite.un} pondéré`,
    prixUnitaire: prix,
    montant,
    montantText,
    detail: `${formatEuros(prix)} × (${quantiteUnite(n, unite)} × ${formatNombre(palier.coefficient)}) = ${formatEuros(montantText)}`,
  };
}

import { decimalOf, Dec } from '../money/decimal.js';
import { formatEuros, formatNombre } from '../money/format.js';
import { roundToCent } from '../money/round.js';
import { quantiteUnite, type Priced, type Unite } from './priced.js';

/**
 * Un palier de barème : de `de` à `a` unités, bornes comprises (`a: null` : sans limite).
 *
 * @internal
 * @example
 * ```ts
 * const p: Tier = { de: 3, a: 5, coefficient: '0.9' };
 * ```
 */
export interface Tier {
  readonly de: number;
  readonly a: number | null;
  readonly coefficient: string;
}

/**
 * Trouve le palier qui contient un nombre d'unités.
 *
 * @internal
 * @example
 * ```ts
 * findTier([{ de: 1, a: 2, coefficient: '1' }, { de: 3, a: null, coefficient: '0.9' }], 4)?.coefficient;
 * //=> '0.9'
 * ```
 */
export function findTier<T extends Tier>(paliers: readonly T[], unites: number): T | undefined {
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
 * @example
 * ```ts
 * const paliers = [{ de: 1, a: 2, coefficient: '1' }, { de: 3, a: 5, coefficient: '0.9' }];
 * priceTiered('574.88', paliers, 4, { un: 'poste', plusieurs: 'postes' })?.detail;
 * //=> '574,88 € × (4 postes × 0,9) = 2 069,57 €'
 * ```
 */
export function priceTiered(
  prixUnitaire: string,
  paliers: readonly Tier[],
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

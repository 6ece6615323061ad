import { decimalOf, type Dec } from '../money/decimal.js';
import { formatEuros, formatNombre } from '../money/format.js';
import { roundToCent } from '../money/round.js';
import type { Unite } from '../core/shapes.js';
import { quantiteUnite, type Priced } from './priced.js';

/**
 * Modèle « prix unitaire » : prix × nombre d'unités. Avec `arrondi: 'entierSuperieur'`, toute
 * unité commencée est due entière (2,5 journées → 3 journées).
 *
 * @param prixUnitaire - le prix d'une unité, chaîne décimale
 * @param unites - le nombre d'unités demandé
 * @param unite - le nom de l'unité, au singulier et au pluriel
 * @param arrondi - `'aucun'`, ou `'entierSuperieur'` pour facturer toute unité commencée
 * @returns la ligne chiffrée
 * @internal
 */
export function priceUnit(
  prixUnitaire: string,
  unites: Dec,
  unite: Unite,
  arrondi: 'aucun' | 'entierSuperieur',
): Priced {
  const quantite = arrondi === 'entierSuperieur' ? unites.ceil() : unites;
  const prix = decimalOf(prixUnitaire);
  const montant = roundToCent(quantite.times(prix));
  const montantText = montant.toFixed(2);
  const demande = quantite.eq(unites) ? '' : ` (quantité demandée : ${formatNombre(unites)}, arrondie à l'unité supérieure)`;
  return {
    quantite,
    unite: quantite.gte(2) ? unite.plusieurs : unite.un,
    prixUnitaire: prix,
    montant,
    montantText,
    detail: `${quantiteUnite(quantite, unite)}${demande} × ${formatEuros(prix)} = ${formatEuros(montantText)}`,
  };
}

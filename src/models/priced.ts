import type { Unite } from '../core/shapes.js';
import type { Dec } from '../money/decimal.js';
import { formatNombre } from '../money/format.js';

/**
 * Le résultat d'un modèle de prix : quantité facturée, prix unitaire, montant arrondi au
 * centime et calcul détaillé en français.
 *
 * @internal
 */
export interface Priced {
  readonly quantite: Dec;
  readonly unite: string;
  readonly prixUnitaire: Dec;
  readonly montant: Dec;
  /** Le montant écrit avec deux décimales (`"2069.57"`). */
  readonly montantText: string;
  readonly detail: string;
}

/**
 * Accorde une unité avec une quantité, à la française (singulier en dessous de 2).
 *
 * @internal
 */
export function quantiteUnite(quantite: Dec, unite: Unite): string {
  return `${formatNombre(quantite)} ${quantite.gte(2) ? unite.plusieurs : unite.un}`;
}

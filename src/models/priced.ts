import type { Dec } from '../money/decimal.js';
import { formatNombre } from '../money/format.js';

/**
 * Le résultat d'un modèle de prix : quantité facturée, prix unitaire, montant arrondi au
 * centime et calcul détaillé en français.
 *
 * @internal
 * @example
 * ```ts
 * const p: Priced = priceFlat('120.00');
 * p.montant.toFixed(2);
 * //=> '120.00'
 * ```
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
 * Les deux formes d'une unité : `{ un: 'journée', plusieurs: 'journées' }`.
 *
 * @internal
 * @example
 * ```ts
 * const u: Unite = { un: 'accès', plusieurs: 'accès' };
 * ```
 */
export interface Unite {
  readonly un: string;
  readonly plusieurs: string;
}

/**
 * Accorde une unité avec une quantité, à la française (singulier en dessous de 2).
 *
 * @internal
 * @example
 * ```ts
 * quantiteUnite(new Dec(3), { un: 'poste', plusieurs: 'postes' });
 * //=> '3 postes'
 * ```
 */
export function quantiteUnite(quantite: Dec, unite: Unite): string {
  return `${formatNombre(quantite)} ${quantite.gte(2) ? unite.plusieurs : unite.un}`;
}

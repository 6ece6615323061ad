import { decimalOf, Dec } from '../money/decimal.js';

const ONE = new Dec(1);
import { formatEuros } from '../money/format.js';
import { roundToCent } from '../money/round.js';
import type { Priced } from './priced.js';

/**
 * Modèle « forfait » : un montant fixe, dû une fois (par adhérent, ou par SIREN selon la prestation).
 *
 * @param montant - le montant du forfait, chaîne décimale
 * @returns la ligne chiffrée, quantité 1
 * @example
 * ```ts
 * priceFlat('120.00').detail;
 * //=> 'Forfait : 120,00 €'
 * ```
 */
export function priceFlat(montant: string): Priced {
  const m = roundToCent(decimalOf(montant));
  const text = m.toFixed(2);
  return { quantite: ONE, unite: 'forfait', prixUnitaire: m, montant: m, montantText: text, detail: `Forfait : ${formatEuros(text)}` };
}

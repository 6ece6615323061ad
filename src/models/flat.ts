import { decimalOf, Dec } from '../money/decimal.js';
import { formatEuros } from '../money/format.js';
import { roundToCent } from '../money/round.js';
import type { Priced } from './priced.js';

const ONE = new Dec(1);

/**
 * Modèle « forfait » : un montant fixe, dû une fois (par adhérent, ou par SIREN selon la prestation).
 *
 * @param montant - le montant du forfait, chaîne décimale
 * @returns la ligne chiffrée, quantité 1
 * @internal
 */
export function priceFlat(montant: string): Priced {
  const m = roundToCent(decimalOf(montant));
  const text = m.toFixed(2);
  return { quantite: ONE, unite: 'forfait', prixUnitaire: m, montant: m, montantText: text, detail: `Forfait : ${formatEuros(text)}` };
}

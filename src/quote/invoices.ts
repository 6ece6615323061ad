import { sumMontants } from '../money/round.js';
import type { Invoice, QuoteLine } from './types.js';

/**
 * Regroupe les lignes en une facture par SIREN, dans l'ordre où chaque SIREN apparaît ;
 * le total d'une facture est la somme de ses lignes arrondies.
 *
 * @internal
 * @example
 * ```ts
 * toInvoices(lignes).map((f) => f.siren);
 * //=> ['200000172', '200000107']
 * ```
 */
export function toInvoices(lignes: readonly QuoteLine[]): Invoice[] {
  const bySiren = new Map<string, QuoteLine[]>();
  for (const ligne of lignes) {
    const group = bySiren.get(ligne.siren);
    if (group) group.push(ligne);
    else bySiren.set(ligne.siren, [ligne]);
  }
  return [...bySiren].map(([siren, group]) => ({ siren, lignes: group, total: sumMontants(group.map((l) => l.montant)) }));
}

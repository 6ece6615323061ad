import type { Dec } from '../money/decimal.js';
import { sumDecimals } from '../money/round.js';
import type { Invoice, QuoteLine } from './types.js';

/**
 * Regroupe les lignes en une facture par SIREN, dans l'ordre où chaque SIREN apparaît ;
 * le total d'une facture est la somme de ses lignes arrondies.
 *
 * @internal
 * @example
 * ```ts
 * toInvoices(lignes, montants).map((f) => f.siren);
 * //=> ['200000172', '200000107']
 * ```
 */
export function toInvoices(lignes: readonly QuoteLine[], montants: readonly Dec[]): Invoice[] {
  const first = lignes[0];
  if (first && lignes.every((l) => l.siren === first.siren)) return [{ siren: first.siren, lignes, total: sumDecimals(montants) }];
  const bySiren = new Map<string, { lignes: QuoteLine[]; montants: Dec[] }>();
  lignes.forEach((ligne, i) => {
    let group = bySiren.get(ligne.siren);
    if (!group) bySiren.set(ligne.siren, (group = { lignes: [], montants: [] }));
    group.lignes.push(ligne);
    group.montants.push(montants[i]!);
  });
  return [...bySiren].map(([siren, g]) => ({ siren, lignes: g.lignes, total: sumDecimals(g.montants) }));
}

import type { Invoice, QuoteLine } from '../core/shapes.js';
import type { Dec } from '../money/decimal.js';
import { sumDecimals } from '../money/round.js';

/**
 * Regroupe les lignes en une facture par SIREN, dans l'ordre où chaque SIREN apparaît ; le total
 * d'une facture est la somme de ses lignes arrondies, en décimaux (sans relire les textes).
 *
 * @internal
 */
export function toInvoices<Id extends string>(lignes: readonly QuoteLine<Id>[], montants: readonly Dec[]): Invoice<Id>[] {
  const first = lignes[0];
  if (first === undefined) return [];
  if (lignes.every((l) => l.siren === first.siren)) return [{ siren: first.siren, lignes: [...lignes], total: sumDecimals(montants) }];
  const bySiren = new Map<string, { lignes: QuoteLine<Id>[]; montants: Dec[] }>();
  lignes.forEach((ligne, i) => {
    let group = bySiren.get(ligne.siren);
    if (!group) bySiren.set(ligne.siren, (group = { lignes: [], montants: [] }));
    group.lignes.push(ligne);
    group.montants.push(montants[i]!);
  });
  return [...bySiren].map(([siren, g]) => ({ siren, lignes: g.lignes, total: sumDecimals(g.montants) }));
}

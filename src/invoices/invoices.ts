import type { Invoice, QuoteLine } from '../core/shapes.js';
import { sumMontants } from '../money/round.js';

function montants(lignes: readonly QuoteLine[]): string[] {
  const out: string[] = new Array(lignes.length);
  for (let i = 0; i < lignes.length; i++) out[i] = lignes[i]!.montant;
  return out;
}

/**
 * Regroupe les lignes en une facture par SIREN, dans l'ordre où chaque SIREN apparaît ; le total
 * d'une facture est la somme exacte de ses lignes arrondies.
 *
 * @internal
 */
export function toInvoices<Id extends string>(lignes: readonly QuoteLine<Id>[]): Invoice<Id>[] {
  const first = lignes[0];
  if (first === undefined) return [];
  let single = true;
  for (let i = 1; i < lignes.length && single; i++) single = lignes[i]!.siren === first.siren;
  if (single) return [{ siren: first.siren, lignes: lignes.slice(), total: sumMontants(montants(lignes)) }];
  const bySiren = new Map<string, QuoteLine<Id>[]>();
  for (const ligne of lignes) {
    const group = bySiren.get(ligne.siren);
    if (group) group.push(ligne);
    else bySiren.set(ligne.siren, [ligne]);
  }
  return [...bySiren].map(([siren, g]) => ({ siren, lignes: g, total: sumMontants(montants(g)) }));
}

/**
 * Le total de lignes : la somme exacte de leurs montants arrondis.
 *
 * @internal
 */
export function totalOf(lignes: readonly QuoteLine[]): string {
  return sumMontants(montants(lignes));
}

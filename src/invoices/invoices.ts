import type { Destinataire, Invoice, QuoteLine } from '../core/shapes.js';
import { sumMontantsOf, type SumCache } from '../money/round.js';

const montant = (ligne: QuoteLine): string => ligne.montant;

/**
 * Regroupe les lignes en une facture par SIREN, dans l'ordre où chaque SIREN apparaît ; le total
 * d'une facture est la somme exacte de ses lignes arrondies (`sums` : les sommes déjà faites, celles
 * du catalogue).
 *
 * @internal
 */
export function toInvoices<Id extends string>(
  lignes: readonly QuoteLine<Id>[],
  collectivite: { readonly siren?: string | undefined; readonly nom?: string | undefined } = {},
  destinataires: readonly Destinataire[] = [],
  sums?: SumCache,
): Invoice<Id>[] {
  const first = lignes[0];
  if (first === undefined) return [];
  const invoice = (siren: string, g: QuoteLine<Id>[]): Invoice<Id> => {
    const destinataire = destinataires.length === 0 ? undefined : destinataires.find((d) => d.siren === siren);
    const nom = destinataire?.nom ?? (siren === collectivite.siren ? collectivite.nom : undefined);
    // Le cas courant en un seul objet, écrit d'un coup (un objet complété champ à champ en alloue un second).
    if (destinataire === undefined && nom !== undefined) return { siren, nom, lignes: g, total: sumMontantsOf(g, montant, sums) } as Invoice<Id>;
    // Les champs dans l'ordre de la sortie : siren, nom, destinataire, lignes, total.
    const out: Record<string, unknown> = { siren };
    if (nom !== undefined) out['nom'] = nom;
    if (destinataire !== undefined) out['destinataire'] = { ...destinataire };
    out['lignes'] = g;
    out['total'] = sumMontantsOf(g, montant, sums);
    return out as unknown as Invoice<Id>;
  };
  let single = true;
  for (let i = 1; i < lignes.length && single; i++) single = lignes[i]!.siren === first.siren;
  if (single) return [invoice(first.siren, lignes.slice())];
  const bySiren = new Map<string, QuoteLine<Id>[]>();
  for (const ligne of lignes) {
    const group = bySiren.get(ligne.siren);
    if (group) group.push(ligne);
    else bySiren.set(ligne.siren, [ligne]);
  }
  const out: Invoice<Id>[] = [];
  for (const [siren, g] of bySiren) out.push(invoice(siren, g));
  return out;
}

/**
 * Le total de lignes : la somme exacte de leurs montants arrondis.
 *
 * @internal
 */
export function totalOf(lignes: readonly QuoteLine[], sums?: SumCache): string {
  return sumMontantsOf(lignes, montant, sums);
}

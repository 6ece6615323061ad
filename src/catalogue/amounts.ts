import type { Catalogue, Composante, PrestationId } from './types.js';

/**
 * Le champ qui porte le montant d'une composante selon son modèle : `montant` (forfait),
 * `prixUnitaire` (unitaire, coefficient par palier) ou `grille` (grille strate × quota).
 *
 * @internal
 * @example
 * ```ts
 * amountField('forfait');
 * //=> 'montant'
 * ```
 */
export function amountField(modele: Composante['modele']): 'montant' | 'prixUnitaire' | 'grille' {
  return modele === 'forfait' ? 'montant' : modele === 'grilleStrates' ? 'grille' : 'prixUnitaire';
}

/**
 * Un montant manquant d'un catalogue : où il se trouve, et où le fournir dans un fichier de tarifs.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const m: MissingAmount = {
 *   prestation: 'dpo', composante: 'abonnement', champ: 'montant', libelle: 'DPO mutualisé',
 *   cheminTarifs: 'prestations.dpo.abonnement.montant',
 * };
 * ```
 */
export interface MissingAmount {
  /** La prestation. */
  readonly prestation: PrestationId;
  /** La composante de prix. */
  readonly composante: string;
  /** Le champ manquant. */
  readonly champ: 'montant' | 'prixUnitaire' | 'grille';
  /** Le libellé de la composante. */
  readonly libelle: string;
  /** Le chemin où le fournir dans un fichier de tarifs (voir `completeCatalogue`). */
  readonly cheminTarifs: string;
}

/**
 * Liste les montants d'un catalogue qui ne sont ni publiés ni fournis (`null`).
 *
 * @param catalogue - le catalogue
 * @returns un élément par montant manquant, dans l'ordre du catalogue
 * @category Catalogue
 * @example
 * ```ts
 * missingAmounts(catalogue2026)[0].cheminTarifs;
 * //=> 'prestations.maintenanceBase.licenceBL.prixUnitaire'
 * ```
 */
export function missingAmounts(catalogue: Catalogue): MissingAmount[] {
  const out: MissingAmount[] = [];
  for (const [id, p] of Object.entries(catalogue.prestations) as [PrestationId, Catalogue['prestations'][PrestationId]][]) {
    for (const [cid, c] of Object.entries(p.composantes) as [string, Composante][]) {
      const champ = amountField(c.modele);
      if ((c as unknown as Record<string, unknown>)[champ] === null) {
        out.push({ prestation: id, composante: cid, champ, libelle: c.libelle, cheminTarifs: `prestations.${id}.${cid}.${champ}` });
      }
    }
  }
  return out;
}

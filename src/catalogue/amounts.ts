import type { Composante } from '../core/shapes.js';
import { guard } from '../errors/quote-error.js';
import { snapshot } from '../input/snapshot.js';
import { PRESTATIONS, type PrestationId } from '../prestations/registry.js';
import { isRecord } from '../shared/is-record.js';

/**
 * Le champ qui porte le montant d'une composante selon son modèle : `montant` (forfait),
 * `prixUnitaire` (unitaire, coefficient par palier) ou `grille` (grille strate × quota).
 *
 * @internal
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
 * Accepte n'importe quelle valeur (un brouillon incomplet aussi) et ne lève jamais.
 *
 * @param catalogue - le catalogue, ou un brouillon
 * @returns un élément par montant manquant, dans l'ordre du catalogue
 * @category Catalogue
 * @example
 * ```ts
 * missingAmounts(catalogue2026)[0].cheminTarifs;
 * //=> 'prestations.maintenanceBase.licenceBL.prixUnitaire'
 * ```
 */
export function missingAmounts(catalogue: unknown): MissingAmount[] {
  const result = guard(() => {
    const draft = snapshot(catalogue).value;
    const prestations = isRecord(draft) ? draft['prestations'] : undefined;
    const out: MissingAmount[] = [];
    if (!isRecord(prestations)) return out;
    for (const d of PRESTATIONS) {
      const p = prestations[d.id];
      const composantes = isRecord(p) ? p['composantes'] : undefined;
      if (!isRecord(composantes)) continue;
      for (const [cid, declared] of Object.entries(d.composantes) as [string, { modele: Composante['modele'] }][]) {
        const c = composantes[cid];
        if (!isRecord(c) || !Object.prototype.hasOwnProperty.call(composantes, cid)) continue;
        const champ = amountField(declared.modele);
        if (c[champ] === null) {
          const libelle = typeof c['libelle'] === 'string' ? c['libelle'] : cid;
          out.push({ prestation: d.id, composante: cid, champ, libelle, cheminTarifs: `prestations.${d.id}.${cid}.${champ}` });
        }
      }
    }
    return out;
  });
  return result.success ? result.data : [];
}

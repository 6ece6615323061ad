import { guard } from '../errors/quote-error.js';
import { snapshot } from '../input/snapshot.js';
import type { PrestationId } from '../prestations/registry.js';
import { modelIn } from '../prestations/create-registry.js';
import { isRecord } from '../shared/is-record.js';
import { withDeclarations } from './defaults.js';
import { registryFrom } from './trust.js';
import type { RegistryOptions } from '../prestations/create-registry.js';

/**
 * Un montant manquant d'un catalogue : où il se trouve, et où le fournir dans un fichier de tarifs.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const m: MissingAmount = {
 *   prestation: 'dpo', composante: 'abonnement', champ: 'montant', modele: 'forfait', libelle: 'DPO mutualisé',
 *   cheminTarifs: 'prestations.dpo.abonnement.montant',
 * };
 * ```
 */
export interface MissingAmount {
  /** La prestation. */
  readonly prestation: PrestationId;
  /** La composante de prix. */
  readonly composante: string;
  /** Le champ manquant (`montant`, `prixUnitaire`, `grille`… selon le modèle de la composante). */
  readonly champ: string;
  /** Le modèle de prix de la composante. */
  readonly modele: string;
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
 * @param options - au besoin, le registre selon lequel lire un brouillon (`registry` ; par défaut celui du catalogue)
 * @returns un élément par montant manquant, dans l'ordre du catalogue
 * @category Catalogue
 * @example
 * ```ts
 * missingAmounts(catalogue2026)[0].cheminTarifs;
 * //=> 'prestations.maintenanceBase.licenceBL.prixUnitaire'
 * ```
 */
export function missingAmounts(catalogue: unknown, options?: RegistryOptions): MissingAmount[] {
  const result = guard(() => {
    const r = registryFrom(options, catalogue);
    const draft = withDeclarations(snapshot(catalogue).value, r);
    const prestations = isRecord(draft) ? draft['prestations'] : undefined;
    const out: MissingAmount[] = [];
    if (!isRecord(prestations)) return out;
    for (const d of r.prestations) {
      const p = prestations[d.id];
      const composantes = isRecord(p) ? p['composantes'] : undefined;
      if (!isRecord(composantes)) continue;
      for (const cid of Object.keys(d.composantes)) {
        const c = composantes[cid];
        if (!isRecord(c) || !Object.prototype.hasOwnProperty.call(composantes, cid)) continue;
        const model = modelIn(r, c['modele']);
        if (model === undefined) continue;
        for (const [champ, spec] of Object.entries(model.champs)) {
          if (!spec.nullable || c[champ] !== null) continue;
          const libelle = typeof c['libelle'] === 'string' ? c['libelle'] : cid;
          out.push({ prestation: d.id as PrestationId, composante: cid, champ, modele: model.nom, libelle, cheminTarifs: `prestations.${d.id}.${cid}.${champ}` });
        }
      }
    }
    return out;
  });
  return result.success ? result.data : [];
}

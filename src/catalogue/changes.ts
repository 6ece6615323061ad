import type { Strate, Unite } from '../core/shapes.js';
import { guard, QuoteError, unwrap } from '../errors/quote-error.js';
import { FIELD_KINDS, type AmountAt, type FieldKind } from '../models/fields.js';
import { Dec } from '../money/decimal.js';
import { percentChange } from '../money/percent.js';
import { modelIn } from '../prestations/create-registry.js';
import type { PrestationId } from '../prestations/registry.js';
import { isRecord } from '../shared/is-record.js';
import { resolveCatalogue } from './resolve.js';
import { registryOf } from './trust.js';
import type { Catalogue } from './types.js';

/**
 * Un tarif qui change d'un catalogue à l'autre : un montant d'une composante de prix (un forfait, un
 * prix unitaire, une case d'une grille, le forfait d'une strate), avant et après, et son écart.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const t: TariffChange = {
 *   prestation: 'dpo', libellePrestation: 'Délégué à la protection des données (DPO mutualisé)',
 *   composante: 'abonnement', libelleComposante: 'Abonnement annuel', champ: 'montant', libelleChamp: 'Montant du forfait',
 *   avant: '300.00', apres: '320.00', ecart: '20.00', ecartPourcent: '6.67',
 * };
 * ```
 */
export interface TariffChange {
  /** La prestation. */
  readonly prestation: PrestationId;
  /** Son libellé (dans le nouveau catalogue). */
  readonly libellePrestation: string;
  /** La composante de prix. */
  readonly composante: string;
  /** Son libellé (dans le nouveau catalogue). */
  readonly libelleComposante: string;
  /** Le champ du modèle de prix qui porte le montant (`montant`, `prixUnitaire`, `grille`, `strates`…). */
  readonly champ: string;
  /** Le libellé de ce champ, tel que son modèle de prix le déclare. */
  readonly libelleChamp: string;
  /** L'unité d'un prix unitaire (« poste », « journée »…), si le montant est un prix et que la composante a une unité. */
  readonly unite?: Unite;
  /** La strate de population du montant (grille, forfait par strate). */
  readonly strate?: Strate;
  /** Le quota du montant, en Go (grille). */
  readonly quotaGo?: number;
  /** Le montant avant, ou `null` s'il n'y est pas publié (ou n'existe pas sous ce modèle de prix). */
  readonly avant: string | null;
  /** Le montant après, ou `null`. */
  readonly apres: string | null;
  /** Après − avant, ou `null` si l'un des deux manque. */
  readonly ecart: string | null;
  /** L'écart en pour cent de l'avant, deux décimales ; `null` si l'un des deux manque ou si l'avant est nul. */
  readonly ecartPourcent: string | null;
}


/** Les montants publiés d'une composante, par clé (modèle, champ, strate, quota), dans l'ordre de son modèle. */
function amountsOf(catalogue: Catalogue, prestation: string, composante: string): Map<string, { champ: string; kind: FieldKind; libelleChamp: string; at: AmountAt }> {
  const out = new Map<string, { champ: string; kind: FieldKind; libelleChamp: string; at: AmountAt }>();
  const c = composanteOf(catalogue, prestation, composante);
  if (!isRecord(c)) return out;
  const model = modelIn(registryOf(catalogue), c['modele']);
  if (model === undefined) return out;
  for (const [champ, spec] of Object.entries(model.champs)) {
    const list = FIELD_KINDS[spec.kind].amounts as ((value: unknown) => readonly AmountAt[]) | undefined;
    const value = c[champ];
    // Un montant non publié (`null`) n'est pas un tarif : publié de l'autre côté, il s'y compare à rien.
    if (list === undefined || value === undefined || value === null) continue;
    for (const at of list(value)) {
      const where = at.strate === undefined ? '' : `|${at.strate.de}-${at.strate.a ?? ''}|${at.quotaGo ?? ''}`;
      out.set(`${model.nom}|${champ}${where}`, { champ, kind: spec.kind, libelleChamp: spec.libelle, at });
    }
  }
  return out;
}

function composanteOf(catalogue: Catalogue, prestation: string, composante: string): unknown {
  return ((catalogue.prestations as unknown as Record<string, { composantes: Record<string, unknown> } | undefined>)[prestation]?.composantes ?? {})[composante];
}

/** Le libellé et l'unité d'une composante, s'il y en a. */
function labelOf(catalogue: Catalogue, prestation: string, composante: string): { libelle: string | undefined; unite: Unite | undefined } {
  const c = composanteOf(catalogue, prestation, composante);
  if (!isRecord(c)) return { libelle: undefined, unite: undefined };
  const u = c['unite'];
  return { libelle: typeof c['libelle'] === 'string' ? c['libelle'] : undefined, unite: isRecord(u) && typeof u['un'] === 'string' && typeof u['plusieurs'] === 'string' ? { un: u['un'], plusieurs: u['plusieurs'] } : undefined };
}

function changes(avant: Catalogue, apres: Catalogue): TariffChange[] {
  const out: TariffChange[] = [];
  // Les prestations des deux catalogues, dans l'ordre de leurs registres (le nouveau d'abord).
  const ids = [...new Set([...registryOf(apres).prestations, ...registryOf(avant).prestations].map((d) => d.id))];
  for (const id of ids) {
    const declarations = [registryOf(apres), registryOf(avant)].flatMap((r) => r.prestations.filter((d) => d.id === id));
    const composantes = [...new Set(declarations.flatMap((d) => Object.keys(d.composantes)))];
    const pApres = (apres.prestations as unknown as Record<string, { libelle: string } | undefined>)[id];
    const pAvant = (avant.prestations as unknown as Record<string, { libelle: string } | undefined>)[id];
    const libellePrestation = pApres?.libelle ?? pAvant?.libelle ?? id;
    for (const cid of composantes) {
      const a = amountsOf(avant, id, cid);
      const b = amountsOf(apres, id, cid);
      const dApres = labelOf(apres, id, cid);
      const dAvant = labelOf(avant, id, cid);
      const libelleComposante = dApres.libelle ?? dAvant.libelle ?? cid;
      const unite = dApres.unite ?? dAvant.unite;
      for (const key of [...new Set([...b.keys(), ...a.keys()])]) {
        const x = a.get(key);
        const y = b.get(key);
        const entry = (y ?? x)!;
        const va = x?.at.montant ?? null;
        const vb = y?.at.montant ?? null;
        if (va !== null && vb !== null && new Dec(va).equals(vb)) continue;
        const at = entry.at;
        const ecart = va === null || vb === null ? null : new Dec(vb).minus(va);
        out.push({
          prestation: id as PrestationId,
          libellePrestation,
          composante: cid,
          libelleComposante,
          champ: entry.champ,
          libelleChamp: entry.libelleChamp,
          ...(unite !== undefined && entry.kind === 'prix' ? { unite } : {}),
          ...(at.strate === undefined ? {} : { strate: at.strate }),
          ...(at.quotaGo === undefined ? {} : { quotaGo: at.quotaGo }),
          avant: va,
          apres: vb,
          ecart: ecart === null ? null : ecart.toFixed(Math.max(2, ecart.decimalPlaces())),
          ecartPourcent: ecart === null || va === null ? null : percentChange(ecart, new Dec(va)),
        });
      }
    }
  }
  return out;
}

/**
 * Les tarifs qui changent d'un catalogue à l'autre : chaque montant (forfait, prix unitaire, case
 * d'une grille, forfait d'une strate) qui diffère, qui est publié d'un côté seulement, ou qui
 * n'existe que sous l'un des deux modèles de prix, avec son écart en euros et en pour cent. C'est
 * ce que le comité syndical vote ; l'effet sur chaque adhérent vient de {@link compareCatalogues}.
 * Les montants égaux, et ceux non publiés des deux côtés, n'y sont pas.
 *
 * @param avant - le catalogue de référence (l'année en cours)
 * @param apres - le catalogue comparé (l'année prochaine)
 * @returns un élément par montant changé, dans l'ordre des prestations et de leurs composantes
 * @throws {@link QuoteError} si l'un des catalogues est invalide (les deux sont jugés ensemble)
 * @category Catalogue
 * @example
 * ```ts
 * const catalogue2027 = reviseCatalogue(complet, {
 *   millesime: 2027, libelle: 'Tarifs 2027', source: 'Délibération …',
 *   prestations: { secretariatMairie: { journee: { prixUnitaire: '320.00' } } },
 * });
 * tariffChanges(complet, catalogue2027).map((t) => `${t.prestation} ${t.avant} → ${t.apres} (${t.ecartPourcent} %)`);
 * //=> ['secretariatMairie 300.00 → 320.00 (6.67 %)']
 * ```
 */
export function tariffChanges(avant: Catalogue, apres: Catalogue): TariffChange[] {
  return unwrap(
    guard(() => {
      const args = [guard(() => resolveCatalogue(avant, ['avant'])), guard(() => resolveCatalogue(apres, ['apres']))] as const;
      const [a, b] = args;
      if (!a.success || !b.success) throw new QuoteError(args.flatMap((r) => (r.success ? [] : r.issues)));
      return changes(a.data, b.data);
    }),
  );
}

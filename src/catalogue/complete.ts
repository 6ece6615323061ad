import * as z from 'zod/mini';
import { maxLength, minLength } from '../shared/lengths.js';
import { noControl } from '../models/kit.js';

import type { Path, QuoteIssue, SafeResult } from '../core/shapes.js';
import { fromZodIssues, REPORT, type RawIssue } from '../errors/from-zod.js';
import { guard, isQuoteError, QuoteError, unwrap } from '../errors/quote-error.js';
import { snapshot, withoutUnreadable } from '../input/snapshot.js';
import type { ChampsDeTarif } from '../models/registry.js';
import { prestationIn, type Registry } from '../prestations/create-registry.js';
import { REGISTRY, type ComposanteId, type PrestationId } from '../prestations/registry.js';
import { isRecord } from '../shared/is-record.js';
import { completeComposante, patchSchema, type Mutable, type Patch } from './patch.js';
import { acceptCatalogue, findingsToIssues, resolveCatalogue } from './resolve.js';
import { makeIssue } from '../wording/issues.js';
import { coherenceFindings } from './lint.js';
import type { Catalogue } from './types.js';
import { registryOf } from './trust.js';

function buildTarifsSchema(r: Registry) {
  const patch = patchSchema(r);
  const prestations: Record<string, z.ZodMiniType> = {};
  for (const d of r.prestations) {
    const shape: Record<string, z.ZodMiniType> = {};
    for (const cid of Object.keys(d.composantes)) shape[cid] = z.optional(patch);
    prestations[d.id] = z.optional(z.strictObject(shape));
  }
  const tarifsSchema = z.strictObject({
    $schema: z.optional(z.string().check(maxLength(500))),
    millesime: z.int().check(z.minimum(2000), z.maximum(2100)),
    source: z.string().check(z.trim(), minLength(1), maxLength(500), noControl()),
    exemple: z.optional(z.boolean()),
    prestations: z.strictObject(prestations),
  });
  return { patch, tarifsSchema };
}

const TARIFS_BUILT = new WeakMap<Registry, ReturnType<typeof buildTarifsSchema>>();
/**
 * Les schémas zod d'un fichier de tarifs (construits au premier usage).
 *
 * @internal
 */
export function tarifsSchemas(r: Registry = REGISTRY): ReturnType<typeof buildTarifsSchema> {
  let built = TARIFS_BUILT.get(r);
  if (built === undefined) TARIFS_BUILT.set(r, (built = buildTarifsSchema(r)));
  return built;
}

/**
 * Ce qu'un fichier de tarifs fournit pour une composante : les champs de son modèle qui valent `null`
 * (`montant` pour un forfait, `prixUnitaire` pour un prix unitaire ou un barème, `grille`…), ou, si
 * aucun de ses montants n'est publié, un autre modèle admis (`modele`) avec ses champs.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const m: MontantFourni = { montant: '400.00' };
 * const p: MontantFourni = { modele: 'parHabitant', prixParHabitant: '0.045', plancher: '50.00' };
 * ```
 */
export type MontantFourni = ChampsDeTarif;

/**
 * Les montants fournis par le syndicat pour compléter un catalogue, et leur référence
 * (délibération, ou mention « montants d'exemple »).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const tarifs: Tarifs = {
 *   millesime: 2026,
 *   source: 'Délibération du comité syndical (exemple)',
 *   prestations: { maintenanceBase: { licenceBL: { prixUnitaire: '95.00' } } },
 * };
 * ```
 */
export interface Tarifs {
  /** Le millésime des montants : celui du catalogue complété. */
  readonly millesime: number;
  /** La référence des montants (délibération…), reprise dans chaque ligne qui les utilise. */
  readonly source: string;
  /** `true` : des montants d'exemple, ni publiés ni votés ; chaque ligne chiffrée avec eux le dit (`source.exemple`). */
  readonly exemple?: boolean | undefined;
  /** L'adresse du schéma JSON du fichier (pour les éditeurs) ; ignorée. */
  readonly $schema?: string | undefined;
  /** Les montants fournis, par prestation puis par composante. */
  readonly prestations: MontantsFournis;
}

/**
 * Les montants fournis, par prestation puis par composante (`prestations.dpo.abonnement.montant`).
 * Les composantes de chaque prestation sont celles de {@link COMPOSANTES}.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const m: MontantsFournis = { dpo: { abonnement: { montant: '400.00' } } };
 * ```
 */
export type MontantsFournis = { readonly [Id in PrestationId]?: MontantsFournisDe<Id> };

/**
 * Les montants fournis pour les composantes d'une prestation.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const m: MontantsFournisDe<'maintenanceBase'> = { licenceBL: { prixUnitaire: '95.00' } };
 * ```
 */
export type MontantsFournisDe<Id extends PrestationId> = Readonly<Partial<Record<ComposanteId<Id>, MontantFourni>>>;

/**
 * Les montants fournis dont la forme est correcte, lus un à un : on les vérifie même si le reste du
 * fichier est faux. D'un montant de forme fausse, la cohérence de ce qui est lisible (bornes et quotas
 * d'une grille ou d'un barème) est tout de même vérifiée, pour tout dire en une fois.
 */
function readablePatches(tarifs: unknown, catalogue: Catalogue, issues: QuoteIssue[], r: Registry): [string, string, Patch][] {
  const { patch } = tarifsSchemas(r);
  const prestations = isRecord(tarifs) ? tarifs['prestations'] : undefined;
  if (!isRecord(prestations)) return [];
  const out: [string, string, Patch][] = [];
  const partial = (id: string, cid: string, raw: Record<string, unknown>) => {
    const target = (catalogue.prestations as Record<string, { composantes: Record<string, object> }>)[id]!.composantes[cid]!;
    const draft = { prestations: { [id]: { composantes: { [cid]: { ...target, ...raw } } } } };
    issues.push(...findingsToIssues(coherenceFindings(draft, r), inTarifs));
  };
  for (const d of r.prestations) {
    const composantes = Object.prototype.hasOwnProperty.call(prestations, d.id) ? prestations[d.id] : undefined;
    if (!isRecord(composantes)) continue;
    for (const cid of Object.keys(d.composantes)) {
      const raw = Object.prototype.hasOwnProperty.call(composantes, cid) ? composantes[cid] : undefined;
      const r = raw === undefined ? undefined : patch.safeParse(raw);
      if (r?.success) out.push([d.id, cid, r.data as Patch]);
      else if (r && isRecord(raw)) partial(d.id, cid, raw);
    }
  }
  return out;
}

/** Le chemin, dans le fichier de tarifs, d'un problème trouvé dans le catalogue complété. */
function inTarifs(chemin: Path): Path {
  const [head, id, composantes, cid, ...rest] = chemin;
  if (head === 'prestations' && composantes === 'composantes' && id !== undefined && cid !== undefined) return ['tarifs', 'prestations', id, cid, ...rest];
  return ['catalogue', ...chemin];
}

/**
 * Lit un fichier de tarifs seul (sans catalogue de base) : son instantané, sa forme validée, et les
 * problèmes de sa forme (chemins `tarifs.…`).
 *
 * @internal
 */
export function readTarifs(tarifs: unknown, r: Registry = REGISTRY) {
  const snap = snapshot(tarifs, ['tarifs']);
  const parsed = tarifsSchemas(r).tarifsSchema.safeParse(snap.value, REPORT);
  const issues: QuoteIssue[] = [...snap.issues, ...(parsed.success ? [] : withoutUnreadable(fromZodIssues(parsed.error.issues as readonly RawIssue[], ['tarifs']), snap))];
  return { snap, parsed, issues };
}

/**
 * Les problèmes de forme d'un fichier de tarifs jugé seul, sans catalogue de base (chemins
 * `tarifs.…`) ; une liste vide si sa forme est recevable. Ce qui dépend du catalogue (un montant
 * déjà publié, un autre millésime) n'y est pas : c'est ce qu'un outil signale quand le catalogue
 * lui-même est illisible, avec les problèmes de celui-ci, en une seule fois. Ne lève jamais.
 *
 * @param tarifs - le fichier de tarifs, lu une seule fois
 * @returns les problèmes de sa forme
 * @category Catalogue
 * @example
 * ```ts
 * validateTarifs({ millesime: 2026 }).map((p) => p.code);
 * //=> ['CHAMP_MANQUANT', 'CHAMP_MANQUANT']
 * ```
 */
export function validateTarifs(tarifs: unknown): readonly QuoteIssue[] {
  const r = guard(() => readTarifs(tarifs).issues);
  return r.success ? r.data : r.issues;
}

function complete(base: unknown, tarifs: unknown): Catalogue {
  // Une passe : les problèmes du catalogue de base et ceux du fichier de tarifs sont signalés ensemble.
  const resolved = guard(() => resolveCatalogue(base, ['base']));
  const r = registryOf(resolved.success ? resolved.data : undefined);
  const { snap, parsed, issues: shape } = readTarifs(tarifs, r);
  const issues: QuoteIssue[] = [...(resolved.success ? [] : resolved.issues), ...shape];
  // Sans catalogue de base valide, la forme du fichier est tout ce qui peut être jugé.
  if (!resolved.success) throw new QuoteError(issues);
  const catalogue = resolved.data;
  const millesime = isRecord(snap.value) ? snap.value['millesime'] : undefined;
  if (Number.isSafeInteger(millesime) && millesime !== catalogue.millesime) {
    issues.push(makeIssue('MILLESIME_INCOHERENT', ['tarifs', 'millesime'], { raison: 'tarifs', millesimeTarifs: millesime as number, millesimeCatalogue: catalogue.millesime }));
  }
  // Le fichier est refusé s'il a un problème de forme ; la référence ne sert alors qu'à vérifier la
  // cohérence des autres montants, sans signaler un faux problème de source.
  const source = parsed.success ? parsed.data.source : '(fichier de tarifs refusé)';
  const exemple = parsed.success && parsed.data.exemple === true;
  const copy = JSON.parse(JSON.stringify(catalogue)) as { prestations: Record<string, { composantes: Record<string, Mutable> }> };
  for (const [id, cid, p] of readablePatches(snap.value, catalogue, issues, r)) {
    const composantes = copy.prestations[id]!.composantes;
    const done = completeComposante(composantes[cid]!, p, prestationIn(r, id)!.composantes[cid]!, ['tarifs', 'prestations', id, cid], issues, r);
    if (done !== undefined) composantes[cid] = { ...done, source: exemple ? { origine: 'complement', reference: source, exemple: true } : { origine: 'complement', reference: source } };
  }
  let completed: Catalogue | undefined;
  try {
    completed = acceptCatalogue({ value: copy, issues: [], unreadable: new Set() }, inTarifs, r);
  } catch (error) {
    if (!isQuoteError(error)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0 || completed === undefined) throw new QuoteError(issues);
  return completed;
}

/**
 * Complète un catalogue avec les montants que le syndicat fournit (ceux qui valent `null`
 * faute d'être publiés) et valide le résultat. Chaque montant fourni porte la référence
 * `tarifs.source` dans les lignes du devis. Un montant déjà publié ne peut pas être remplacé, et
 * un fichier qui rendrait le catalogue incohérent (erreurs de {@link lintCatalogue}) est refusé.
 *
 * @param base - le catalogue à compléter, en général `catalogue2026`
 * @param tarifs - les montants fournis (voir {@link Tarifs})
 * @returns un nouveau catalogue, gelé et validé
 * @throws {@link QuoteError} avec tous les problèmes du fichier de tarifs
 * @category Catalogue
 * @example
 * ```ts
 * const complet = completeCatalogue(catalogue2026, {
 *   millesime: 2026,
 *   source: "Montants d'exemple, non publiés",
 *   prestations: { dpo: { abonnement: { montant: '400.00' } } },
 * });
 * complet.prestations.dpo.composantes.abonnement;
 * //=> { modele: 'forfait', montant: '400.00', source: { origine: 'complement', … }, … }
 * ```
 */
export function completeCatalogue(base: Catalogue, tarifs: Tarifs): Catalogue {
  return unwrap(safeCompleteCatalogue(base, tarifs));
}

/**
 * Comme {@link completeCatalogue}, mais rend `{ success, data }` ou `{ success: false, issues }`
 * au lieu de lever une erreur.
 *
 * @param base - le catalogue à compléter
 * @param tarifs - les montants fournis
 * @returns le catalogue complété, ou tous les problèmes trouvés
 * @category Catalogue
 * @example
 * ```ts
 * safeCompleteCatalogue(catalogue2026, { millesime: 2026, source: 'x', prestations: { marchesPublics: { acces: { prixUnitaire: '60.00' } } } })
 *   .success;
 * //=> false (montant déjà publié : TARIF_DEJA_PUBLIE)
 * ```
 */
export function safeCompleteCatalogue(base: Catalogue, tarifs: Tarifs): SafeResult<Catalogue> {
  return guard(() => complete(base, tarifs));
}

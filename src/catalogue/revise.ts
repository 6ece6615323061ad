import * as z from 'zod/mini';
import { maxLength, minLength } from '../shared/lengths.js';
import type { QuoteIssue, SafeResult, Source } from '../core/shapes.js';
import { describeValue, fromZodIssues, REPORT, type RawIssue } from '../errors/from-zod.js';
import { issueMessage } from '../wording/issues.js';
import { guard, QuoteError, unwrap } from '../errors/quote-error.js';
import { snapshot, withoutUnreadable } from '../input/snapshot.js';
import { Dec } from '../money/decimal.js';
import { toMontant } from '../money/round.js';
import { noControl, TEXTE_MAX } from '../models/kit.js';
import type { ChampsDeTarif } from '../models/registry.js';
import type { Registry } from '../prestations/create-registry.js';
import { REGISTRY } from '../prestations/registry.js';
import { isRecord } from '../shared/is-record.js';
import { patchSchema, reviseComposante, type Mutable, type Patch } from './patch.js';
import { acceptCatalogue, resolveCatalogue } from './resolve.js';
import type { Catalogue } from './types.js';
import { registryOf } from './trust.js';

/**
 * Ce qu'une révision change à une composante : ses montants, ses paliers ou sa grille (tout champ de
 * son modèle), ou un autre modèle admis (`modele`) avec ses champs.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const r: MontantRevise = { prixUnitaire: '55.00' };
 * const dpo: MontantRevise = { modele: 'forfaitParStrate', strates: [{ de: 0, a: 999, montant: '150.00' }, { de: 1000, a: null, montant: '300.00' }] };
 * ```
 */
export type MontantRevise = ChampsDeTarif;

/**
 * Une révision du catalogue : le nouveau millésime voté par le comité syndical, avec sa délibération,
 * ses montants changés et, au besoin, une indexation uniforme de tous les autres montants.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const revision: Revision = {
 *   millesime: 2027,
 *   libelle: "Prestations « à la carte » 2027 du service informatique de Territoire d'énergie 90",
 *   source: 'Délibération du comité syndical n° … du …',
 *   indexation: { pourcentage: '2', sauf: ['marchesPublics'] },
 *   prestations: { secretariatMairie: { journee: { prixUnitaire: '310.00' } } },
 * };
 * ```
 */
export interface Revision {
  /** L'adresse du schéma JSON du fichier (pour les éditeurs) ; ignorée. */
  readonly $schema?: string | undefined;
  /** Le nouveau millésime. */
  readonly millesime: number;
  /** Le libellé du nouveau catalogue. */
  readonly libelle: string;
  /** La délibération qui vote les montants, citée par chaque montant changé. */
  readonly source: string;
  /** `true` : des montants d'exemple, ni votés ni publiés ; chaque ligne chiffrée avec eux le dit. */
  readonly exemple?: boolean | undefined;
  /**
   * Une indexation uniforme : `pourcentage` (chaîne décimale, par ex. `'2.5'`) appliqué à chaque montant
   * connu que la révision ne fixe pas, arrondi au centime au demi supérieur ; `sauf` nomme les
   * prestations (`'marchesPublics'`) ou composantes (`'marchesPublics.acces'`) qui n'en bougent pas.
   */
  readonly indexation?:
    | {
        /** Le pourcentage, chaîne décimale (`'2.5'`, ou `'-1'` pour une baisse). */
        readonly pourcentage: string;
        /** Les prestations (`'dpo'`) ou composantes (`'marchesPublics.acces'`) qui ne sont pas indexées. */
        readonly sauf?: readonly string[] | undefined;
      }
    | undefined;
  /** Les montants changés, par prestation puis par composante. */
  readonly prestations?: { readonly [id: string]: { readonly [composante: string]: MontantRevise } | undefined } | undefined;
}

function buildRevisionSchema(reg: Registry) {
  const patch = patchSchema(reg);
  const prestations: Record<string, z.ZodMiniType> = {};
  for (const d of reg.prestations) {
    const shape: Record<string, z.ZodMiniType> = {};
    for (const cid of Object.keys(d.composantes)) shape[cid] = z.optional(patch);
    prestations[d.id] = z.optional(z.strictObject(shape));
  }
  const names = reg.prestations.flatMap((d) => [d.id as string, ...Object.keys(d.composantes).map((c) => `${d.id}.${c}`)]);
  return z.strictObject({
    $schema: z.optional(z.string().check(maxLength(500))),
    millesime: z.int().check(z.minimum(2000), z.maximum(2100)),
    libelle: z.string().check(z.trim(), minLength(1), maxLength(2000), noControl()),
    source: z.string().check(z.trim(), minLength(1), maxLength(500), noControl()),
    exemple: z.optional(z.boolean()),
    indexation: z.optional(
      z.strictObject({
        pourcentage: z.string().check(
          z.superRefine((s, ctx) => {
            if (/^-?\d{1,3}(\.\d{1,4})?$/.test(s) && new Dec(s).gt(-100)) return;
            const params = { raison: 'pourcentage', recu: describeValue(s), decimales: 4, minimum: -100, exemple: '2.5' } as const;
            ctx.addIssue({ code: 'custom', input: s, params: { code: 'ENTREE_INVALIDE', params }, message: issueMessage('ENTREE_INVALIDE', params) });
          }),
        ),
        sauf: z.optional(z.array(z.enum(names as [string, ...string[]])).check(maxLength(200))),
      }),
    ),
    prestations: z.optional(z.strictObject(prestations)),
  });
}

const BUILT = new WeakMap<Registry, ReturnType<typeof buildRevisionSchema>>();

/**
 * Le schéma zod d'une révision (construit au premier usage), déduit des déclarations des prestations.
 *
 * @internal
 */
export function revisionSchema(reg: Registry = REGISTRY): ReturnType<typeof buildRevisionSchema> {
  let built = BUILT.get(reg);
  if (built === undefined) BUILT.set(reg, (built = buildRevisionSchema(reg)));
  return built;
}

type Parsed = z.output<ReturnType<typeof buildRevisionSchema>>;

function indexed(value: string, factor: Dec): string {
  return toMontant(new Dec(value).times(factor));
}

/** Les champs et modèles d'une révision qui ne conviennent pas à leur composante, lus même si le reste est faux. */
function modelMismatches(catalogue: Catalogue, revision: unknown, reg: Registry): QuoteIssue[] {
  const issues: QuoteIssue[] = [];
  const prestations = isRecord(revision) ? revision['prestations'] : undefined;
  if (!isRecord(prestations)) return issues;
  for (const d of reg.prestations) {
    const patches = prestations[d.id];
    if (!isRecord(patches)) continue;
    for (const [cid, declared] of Object.entries(d.composantes)) {
      const patch = patches[cid];
      if (!isRecord(patch)) continue;
      const c = ((catalogue.prestations as Record<string, { composantes: object }>)[d.id]!.composantes as Record<string, unknown>)[cid] as Mutable;
      reviseComposante(c, patch, undefined, declared, ['revision', 'prestations', d.id, cid], issues, reg);
    }
  }
  return issues;
}

/**
 * La référence d'un montant reporté d'un catalogue à sa révision : « Reporté du catalogue 2026 : … ».
 * Le préfixe de la bibliothèque ne fait jamais dépasser la longueur permise : une longue référence
 * est alors coupée (et finit par « … »).
 *
 * @internal
 */
export function carriedReference(millesime: number, reference: string): string {
  const prefix = `Reporté du catalogue ${millesime} : `;
  if (prefix.length + reference.length <= TEXTE_MAX) return prefix + reference;
  let cut = reference.slice(0, TEXTE_MAX - prefix.length - 1);
  // Une paire de substitution n'est jamais coupée en deux.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${prefix}${cut}…`;
}

/**
 * Lit une révision seule (sans catalogue de base) : son instantané, sa forme validée, et les
 * problèmes de sa forme (chemins `revision.…`). Ce qui dépend du catalogue de base (un modèle de
 * prix changé sans ses montants) n'y est pas.
 *
 * @internal
 */
export function readRevision(revision: unknown, reg: Registry = REGISTRY) {
  const snap = snapshot(revision, ['revision']);
  const parsed = revisionSchema(reg).safeParse(snap.value, REPORT);
  const issues: QuoteIssue[] = [...snap.issues, ...(parsed.success ? [] : withoutUnreadable(fromZodIssues(parsed.error.issues as readonly RawIssue[], ['revision']), snap))];
  return { snap, parsed, issues };
}

/**
 * Les problèmes de forme d'une révision jugée seule, sans catalogue de base (chemins
 * `revision.…`) ; une liste vide si sa forme est recevable. Ce qui dépend du catalogue de base (un
 * modèle de prix changé sans ses montants) n'y est pas : c'est ce qu'un outil signale quand le
 * catalogue de base est illisible, avec les problèmes de celui-ci, en une seule fois. Ne lève jamais.
 *
 * @param revision - la révision, lue une seule fois
 * @returns les problèmes de sa forme
 * @category Catalogue
 * @example
 * ```ts
 * validateRevision({ millesime: 2027 }).length > 0;
 * //=> true
 * ```
 */
export function validateRevision(revision: unknown): readonly QuoteIssue[] {
  const r = guard(() => readRevision(revision).issues);
  return r.success ? r.data : r.issues;
}

function revise(base: unknown, revision: unknown): Catalogue {
  // Une passe : les problèmes du catalogue de base et ceux de la révision sont signalés ensemble.
  const resolved = guard(() => resolveCatalogue(base, ['base']));
  const reg = registryOf(resolved.success ? resolved.data : undefined);
  const { snap, parsed, issues: shape } = readRevision(revision, reg);
  const issues: QuoteIssue[] = [...(resolved.success ? [] : resolved.issues), ...shape];
  if (!parsed.success && resolved.success) issues.push(...modelMismatches(resolved.data, snap.value, reg));
  if (!resolved.success || !parsed.success) throw new QuoteError(issues);
  const catalogue = resolved.data;
  const r: Parsed = parsed.data;
  const revised: Source = r.exemple ? { origine: 'revision', reference: r.source, exemple: true } : { origine: 'revision', reference: r.source };
  const carried = (old: Source): Source => ({
    ...old,
    reference: old.reference.startsWith('Reporté du catalogue ') ? old.reference : carriedReference(catalogue.millesime, old.reference),
  });
  const factor = r.indexation ? new Dec(100).plus(r.indexation.pourcentage).dividedBy(100) : undefined;
  const sauf = new Set(r.indexation?.sauf ?? []);
  const copy = JSON.parse(JSON.stringify(catalogue)) as { millesime: number; libelle: string; prestations: Record<string, { composantes: Record<string, Mutable> }> };
  copy.millesime = r.millesime;
  copy.libelle = r.libelle;
  for (const d of reg.prestations) {
    for (const [cid, declared] of Object.entries(d.composantes)) {
      const composantes = copy.prestations[d.id]!.composantes;
      const c = composantes[cid]!;
      const patch = (r.prestations?.[d.id] as Record<string, Patch | undefined> | undefined)?.[cid];
      const index = factor === undefined || sauf.has(d.id) || sauf.has(`${d.id}.${cid}`) ? undefined : (m: string) => indexed(m, factor);
      const done = reviseComposante(c, patch, index, declared, ['revision', 'prestations', d.id, cid], issues, reg);
      // Indexé, un montant d'exemple reste marqué comme tel.
      const source = !done.changed ? carried(c.source) : done.indexedExample && !revised.exemple ? { ...revised, exemple: true as const } : revised;
      composantes[cid] = { ...done.composante, source };
    }
  }
  if (issues.length > 0) throw new QuoteError(issues);
  return acceptCatalogue({ value: copy, issues: [], unreadable: new Set() }, (path) => {
    const [head, id, composantes, cid, ...rest] = path;
    if (head === 'prestations' && composantes === 'composantes' && id !== undefined && cid !== undefined) return ['revision', 'prestations', id, cid, ...rest];
    return ['revision', ...path];
  }, reg);
}

/**
 * Établit le catalogue d'un nouveau millésime à partir du précédent et d'une révision votée : les
 * montants que la révision fixe (y compris des montants déjà publiés), l'indexation uniforme des
 * autres (arrondie au centime, au demi supérieur ; `sauf` les exceptions nommées), et les montants
 * non publiés, qui restent `null`. Chaque montant changé cite la délibération
 * (`source.origine: 'revision'`) ; chaque montant reporté le dit dans sa source. Le catalogue rendu
 * est validé (forme et cohérence), gelé, et s'utilise avec {@link quote} comme tout autre ; ses
 * remarques (dont un texte qui nommerait encore l'ancienne année) viennent de {@link lintCatalogue}.
 *
 * @param base - le catalogue de l'année précédente
 * @param revision - la révision votée (voir {@link Revision})
 * @returns le nouveau catalogue, gelé
 * @throws {@link QuoteError} avec tous les problèmes de la révision, chemins `revision.…`
 * @category Catalogue
 * @example
 * ```ts
 * const catalogue2027 = reviseCatalogue(catalogue2026, {
 *   millesime: 2027,
 *   libelle: "Prestations « à la carte » 2027 du service informatique de Territoire d'énergie 90",
 *   source: 'Délibération du comité syndical n° … du …',
 *   prestations: { secretariatMairie: { journee: { prixUnitaire: '310.00' } } },
 * });
 * catalogue2027.prestations.secretariatMairie.composantes.journee.prixUnitaire;
 * //=> '310.00'
 * ```
 */
export function reviseCatalogue(base: Catalogue, revision: Revision): Catalogue {
  return unwrap(safeReviseCatalogue(base, revision));
}

/**
 * Comme {@link reviseCatalogue}, mais rend `{ success, data }` ou `{ success: false, issues }`. Ne lève jamais.
 *
 * @param base - le catalogue de l'année précédente
 * @param revision - la révision votée
 * @returns le nouveau catalogue, ou tous les problèmes trouvés
 * @category Catalogue
 * @example
 * ```ts
 * safeReviseCatalogue(catalogue2026, { millesime: 2027, libelle: '2027', source: '' }).success;
 * //=> false (la source est obligatoire)
 * ```
 */
export function safeReviseCatalogue(base: Catalogue, revision: Revision): SafeResult<Catalogue> {
  return guard(() => revise(base, revision));
}


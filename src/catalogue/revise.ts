import * as z from 'zod/mini';
import type { Composante, Grille, Palier, Path, QuoteIssue, SafeResult, Source } from '../core/shapes.js';
import { fromZodIssues, REPORT, type RawIssue } from '../errors/from-zod.js';
import { guard, QuoteError, unwrap } from '../errors/quote-error.js';
import { snapshot, withoutUnreadable } from '../input/snapshot.js';
import { Dec } from '../money/decimal.js';
import { toMontant } from '../money/round.js';
import { PRESTATIONS } from '../prestations/registry.js';
import { isRecord } from '../shared/is-record.js';
import { amountField } from './amounts.js';
import { acceptCatalogue, resolveCatalogue } from './resolve.js';
import { catalogueSchemas } from './schema.js';
import type { Catalogue } from './types.js';

/**
 * Ce qu'une révision change à une composante : son montant (selon son modèle), ses paliers, ou sa grille.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const r: MontantRevise = { prixUnitaire: '55.00' };
 * ```
 */
export interface MontantRevise {
  /** Le montant d'un forfait. */
  readonly montant?: string | undefined;
  /** Le prix unitaire d'une composante unitaire ou à barème. */
  readonly prixUnitaire?: string | undefined;
  /** Les paliers d'un barème (coefficients et bornes). */
  readonly paliers?: readonly Palier[] | undefined;
  /** La grille d'une composante strate × quota. */
  readonly grille?: Grille | undefined;
}

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

function buildRevisionSchema() {
  const { montant, grille, paliers } = catalogueSchemas();
  const patch = z.strictObject({ montant: z.optional(montant), prixUnitaire: z.optional(montant), paliers: z.optional(paliers), grille: z.optional(grille) });
  const prestations: Record<string, z.ZodMiniType> = {};
  for (const d of PRESTATIONS) {
    const shape: Record<string, z.ZodMiniType> = {};
    for (const cid of Object.keys(d.composantes)) shape[cid] = z.optional(patch);
    prestations[d.id] = z.optional(z.strictObject(shape));
  }
  const names = PRESTATIONS.flatMap((d) => [d.id as string, ...Object.keys(d.composantes).map((c) => `${d.id}.${c}`)]);
  return z.strictObject({
    $schema: z.optional(z.string().check(z.maxLength(500))),
    millesime: z.int().check(z.minimum(2000), z.maximum(2100)),
    libelle: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
    source: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
    exemple: z.optional(z.boolean()),
    indexation: z.optional(
      z.strictObject({
        pourcentage: z.string().check(
          z.refine((s) => /^-?\d{1,3}(\.\d{1,4})?$/.test(s) && Number(s) > -100, { error: 'Pourcentage attendu en chaîne décimale, au plus 4 décimales, au-dessus de -100 (ex. « 2.5 »).' }),
        ),
        sauf: z.optional(z.array(z.enum(names as [string, ...string[]])).check(z.maxLength(200))),
      }),
    ),
    prestations: z.optional(z.strictObject(prestations)),
  });
}

let built: ReturnType<typeof buildRevisionSchema> | undefined;

/**
 * Le schéma zod d'une révision (construit au premier usage), déduit des déclarations des prestations.
 *
 * @internal
 */
export function revisionSchema(): ReturnType<typeof buildRevisionSchema> {
  return (built ??= buildRevisionSchema());
}

type Parsed = z.output<ReturnType<typeof buildRevisionSchema>>;
type Patch = MontantRevise;
type Mutable = Record<string, unknown> & { modele: Composante['modele']; source: Source };

function indexed(value: string, factor: Dec): string {
  return toMontant(new Dec(value).times(factor));
}

function reviseComposante(
  c: Mutable,
  patch: Patch | undefined,
  factor: Dec | undefined,
  revised: Source,
  carried: (old: Source) => Source,
  path: Path,
  issues: QuoteIssue[],
): void {
  const field = amountField(c.modele);
  let changed = false;
  let amountFixed = false;
  for (const key of ['montant', 'prixUnitaire', 'grille', 'paliers'] as const) {
    if (patch?.[key] === undefined) continue;
    if (!admitted(c.modele, key)) {
      issues.push(mismatch(c.modele, key, [...path, key]));
      continue;
    }
    c[key] = patch[key];
    changed = true;
    if (key === field) amountFixed = true;
  }
  const amount = c[field];
  // Un montant que la révision ne fixe pas suit l'indexation, même si ses paliers changent ; indexé,
  // un montant d'exemple reste marqué comme tel.
  let indexedExample = false;
  if (!amountFixed && factor !== undefined && amount !== null) {
    if (field === 'grille') {
      const g = amount as Grille;
      c[field] = { ...g, montants: g.montants.map((row) => row.map((m) => indexed(m, factor))) };
    } else c[field] = indexed(amount as string, factor);
    changed = true;
    indexedExample = c.source.exemple === true;
  }
  c.source = !changed ? carried(c.source) : indexedExample && !revised.exemple ? { ...revised, exemple: true } : revised;
}

function admitted(modele: Composante['modele'], key: string): boolean {
  return key === amountField(modele) || (key === 'paliers' && modele === 'coefficientParPalier');
}

function mismatch(modele: Composante['modele'], key: string, path: Path): QuoteIssue {
  return {
    code: 'VALEUR_NON_ADMISE',
    path,
    message: `Cette composante suit le modèle « ${modele} » : elle se révise par « ${amountField(modele)} »${modele === 'coefficientParPalier' ? ' ou « paliers »' : ''}, pas par « ${key} ».`,
  };
}

/** Les champs d'une révision qui ne conviennent pas au modèle de leur composante, lus même si le reste est faux. */
function modelMismatches(catalogue: Catalogue, revision: unknown): QuoteIssue[] {
  const issues: QuoteIssue[] = [];
  const prestations = isRecord(revision) ? revision['prestations'] : undefined;
  if (!isRecord(prestations)) return issues;
  for (const d of PRESTATIONS) {
    const patches = prestations[d.id];
    if (!isRecord(patches)) continue;
    for (const cid of Object.keys(d.composantes)) {
      const patch = patches[cid];
      if (!isRecord(patch)) continue;
      const modele = (catalogue.prestations[d.id].composantes as Record<string, Composante>)[cid]!.modele;
      for (const key of ['montant', 'prixUnitaire', 'grille', 'paliers']) {
        if (patch[key] !== undefined && !admitted(modele, key)) issues.push(mismatch(modele, key, ['revision', 'prestations', d.id, cid, key]));
      }
    }
  }
  return issues;
}

function revise(base: unknown, revision: unknown): Catalogue {
  const catalogue = resolveCatalogue(base, ['base']);
  const snap = snapshot(revision, ['revision']);
  const parsed = revisionSchema().safeParse(snap.value, REPORT);
  const issues: QuoteIssue[] = [...snap.issues];
  if (!parsed.success) {
    issues.push(...withoutUnreadable(fromZodIssues(parsed.error.issues as readonly RawIssue[], ['revision']), snap), ...modelMismatches(catalogue, snap.value));
    throw new QuoteError(issues);
  }
  const r: Parsed = parsed.data;
  const revised: Source = r.exemple ? { origine: 'revision', reference: r.source, exemple: true } : { origine: 'revision', reference: r.source };
  const carried = (old: Source): Source => ({
    ...old,
    reference: old.reference.startsWith('Reporté du catalogue ') ? old.reference : `Reporté du catalogue ${catalogue.millesime} : ${old.reference}`,
  });
  const factor = r.indexation ? new Dec(100).plus(r.indexation.pourcentage).dividedBy(100) : undefined;
  const sauf = new Set(r.indexation?.sauf ?? []);
  const copy = JSON.parse(JSON.stringify(catalogue)) as { millesime: number; libelle: string; prestations: Record<string, { composantes: Record<string, Mutable> }> };
  copy.millesime = r.millesime;
  copy.libelle = r.libelle;
  for (const d of PRESTATIONS) {
    for (const cid of Object.keys(d.composantes)) {
      const c = copy.prestations[d.id]!.composantes[cid]!;
      const patch = (r.prestations?.[d.id] as Record<string, Patch | undefined> | undefined)?.[cid];
      const index = sauf.has(d.id) || sauf.has(`${d.id}.${cid}`) ? undefined : factor;
      reviseComposante(c, patch, index, revised, carried, ['revision', 'prestations', d.id, cid], issues);
    }
  }
  if (issues.length > 0) throw new QuoteError(issues);
  return acceptCatalogue({ value: copy, issues: [], unreadable: new Set() }, (path) => {
    const [head, id, composantes, cid, ...rest] = path;
    if (head === 'prestations' && composantes === 'composantes' && id !== undefined && cid !== undefined) return ['revision', 'prestations', id, cid, ...rest];
    return ['revision', ...path];
  });
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


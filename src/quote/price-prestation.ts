import type { CollectiviteType, Manquant, QuoteIssue, QuoteLine, QuoteWarning, SafeResult } from '../core/shapes.js';
import { resolveCatalogue } from '../catalogue/resolve.js';
import type { Catalogue } from '../catalogue/types.js';
import { describeValue, fromZodIssues, REPORT, type RawIssue } from '../errors/from-zod.js';
import { makeIssue } from '../wording/issues.js';
import { guard, QuoteError, unwrap } from '../errors/quote-error.js';
import { snapshot, withoutUnreadable } from '../input/snapshot.js';
import { totalOf } from '../invoices/invoices.js';
import type { PrestationId } from '../prestations/registry.js';
import { idsIn, prestationIn } from '../prestations/create-registry.js';
import { registryOf } from '../catalogue/trust.js';
import { priceLines } from '../pricing/lines.js';
import { isRecord } from '../shared/is-record.js';
import { collectiviteFields } from '../validation/collectivite.js';
import { paramsSchema } from '../validation/params.js';
import { readOption } from './quote.js';

/**
 * Ce qu'on sait de la collectivité pour chiffrer une prestation seule : tout est facultatif
 * (la population sert à la sauvegarde, le SIREN au pack démat).
 *
 * @category Devis
 * @example
 * ```ts
 * const contexte: PrestationContext = { population: 1500 };
 * ```
 */
export interface PrestationContext {
  /** Le SIREN facturé (pack démat) ; sinon les lignes portent un SIREN vide. */
  readonly siren?: string | undefined;
  /** La nature de la collectivité. */
  readonly type?: CollectiviteType | undefined;
  /** Le nombre d'habitants (sauvegarde). */
  readonly population?: number | undefined;
}

/**
 * Options du chiffrage d'une prestation seule.
 *
 * @category Devis
 * @example
 * ```ts
 * const options: PricePrestationOptions = { collectivite: { population: 1500 }, catalogue: complet };
 * ```
 */
export interface PricePrestationOptions {
  /** Ce qu'on sait de la collectivité. */
  readonly collectivite?: PrestationContext;
  /** Le catalogue à utiliser ; par défaut `catalogue2026`. */
  readonly catalogue?: Catalogue;
}

/**
 * Le chiffrage d'une prestation seule : ses lignes et leur total.
 *
 * @category Devis
 * @example
 * ```ts
 * const p: PrestationQuote = pricePrestation('secretariatMairie', { jours: 2.5 });
 * p.total;
 * //=> '900.00'
 * ```
 */
export interface PrestationQuote {
  /** La prestation chiffrée. */
  readonly prestation: PrestationId;
  /** Ses lignes. */
  readonly lignes: readonly QuoteLine<PrestationId>[];
  /** Somme de ses lignes, deux décimales. */
  readonly total: string;
  /** Les points d'attention. */
  readonly avertissements: readonly QuoteWarning[];
  /** `true` : une part due n'est pas chiffrée faute d'une donnée ({@link PrestationQuote.manquants}) ; le total n'en tient pas compte. */
  readonly totalPartiel: boolean;
  /** Ce qui n'est pas chiffré faute d'une donnée, comme les manquants d'un devis (vide si le total est complet). */
  readonly manquants: readonly Manquant<PrestationId>[];
}

const CONTEXT_FIELDS = ['siren', 'type', 'population'] as const;

function compute(id: unknown, params: unknown, options: unknown): PrestationQuote {
  // Une passe sur tous les arguments : un catalogue refusé n'empêche pas de juger la prestation,
  // ses paramètres et la collectivité ; tous les problèmes sont signalés ensemble.
  const resolved = guard(() => resolveCatalogue(readOption(options, 'catalogue')));
  const catalogue = resolved.success ? resolved.data : undefined;
  const issues: QuoteIssue[] = resolved.success ? [] : [...resolved.issues];
  const registry = registryOf(catalogue);
  const declaration = prestationIn(registry, id);
  if (!declaration) {
    throw new QuoteError([...issues, makeIssue('VALEUR_NON_ADMISE', ['prestation'], { raison: 'prestation', recu: describeValue(id), prestations: idsIn(registry) })]);
  }
  const base = ['prestations', declaration.id];
  const snap = snapshot(params, base);
  const p = paramsSchema(declaration).safeParse(snap.value, REPORT);
  issues.push(...snap.issues);
  if (!p.success) issues.push(...withoutUnreadable(fromZodIssues(p.error.issues as readonly RawIssue[], base), snap));
  const option = guard(() => readOption(options, 'collectivite'));
  if (!option.success) issues.push(...option.issues);
  const contexte = snapshot(option.success ? option.data : undefined, ['collectivite']);
  issues.push(...contexte.issues);
  const collectivite: Record<string, unknown> = {};
  const invalid = new Set<string>();
  const unreadable = contexte.unreadable.has(JSON.stringify(['collectivite']));
  if (contexte.value !== undefined && !unreadable && !isRecord(contexte.value)) {
    issues.push(makeIssue('ENTREE_INVALIDE', ['collectivite'], { raison: 'type', attendu: 'object', recu: describeValue(contexte.value) }));
  } else if (isRecord(contexte.value)) {
    const raw = contexte.value;
    for (const key of Object.keys(raw)) {
      if (!(CONTEXT_FIELDS as readonly string[]).includes(key)) {
        issues.push(makeIssue('CHAMP_INCONNU', ['collectivite', key], { champ: key }));
      }
    }
    for (const field of CONTEXT_FIELDS) {
      if (raw[field] === undefined) continue;
      const r = collectiviteFields()[field].safeParse(raw[field], REPORT);
      if (r.success) collectivite[field] = r.data;
      else {
        invalid.add(field);
        issues.push(...withoutUnreadable(fromZodIssues(r.error.issues as readonly RawIssue[], ['collectivite', field]), contexte));
      }
    }
  }
  const priced = p.success && catalogue !== undefined ? priceLines([{ declaration, params: p.data as Record<string, unknown> }], collectivite, invalid, catalogue) : undefined;
  if (priced) issues.push(...priced.issues);
  if (issues.length > 0 || !priced) throw new QuoteError(issues);
  return {
    prestation: declaration.id as PrestationId,
    lignes: priced.lignes,
    total: totalOf(priced.lignes),
    avertissements: priced.avertissements,
    totalPartiel: priced.manquants.length > 0,
    manquants: priced.manquants,
  };
}

/**
 * Chiffre une prestation seule, à partir des mêmes paramètres que dans une adhésion, sans
 * établir de devis complet (pas de règle de maintenance de base obligatoire). Sans SIREN, les
 * lignes portent un SIREN vide.
 *
 * @param prestation - l'identifiant de la prestation (`'marchesPublics'`…)
 * @param params - ses paramètres (`{ acces: 2 }` ; `{}` pour une prestation sans paramètre)
 * @param options - la collectivité (population, SIREN, type) et le catalogue
 * @returns les lignes de la prestation et leur total
 * @throws {@link QuoteError} avec tous les problèmes trouvés
 * @category Devis
 * @example
 * ```ts
 * pricePrestation('marchesPublics', { acces: 2, misesEnLigneAssistees: 1 }).total;
 * //=> '132.00'
 * ```
 */
export function pricePrestation(prestation: PrestationId, params: unknown, options?: PricePrestationOptions): PrestationQuote {
  return unwrap(safePricePrestation(prestation, params, options));
}

/**
 * Comme {@link pricePrestation}, mais rend `{ success, data }` ou `{ success: false, issues }`.
 * Ne lève jamais.
 *
 * @param prestation - l'identifiant de la prestation
 * @param params - ses paramètres
 * @param options - la collectivité et le catalogue
 * @returns le chiffrage, ou tous les problèmes trouvés
 * @category Devis
 * @example
 * ```ts
 * safePricePrestation('dpo', {}).success;
 * //=> false (TARIF_NON_PUBLIE sur le catalogue embarqué)
 * ```
 */
export function safePricePrestation(prestation: PrestationId, params: unknown, options?: PricePrestationOptions): SafeResult<PrestationQuote> {
  return guard(() => compute(prestation, params, options));
}

import * as z from 'zod/mini';
import { resolveCatalogue } from '../catalogue/resolve.js';
import { describeValue, fromZodIssues } from '../errors/from-zod.js';
import { guard, QuoteError, type QuoteIssue, type SafeResult } from '../errors/quote-error.js';
import { sumDecimals } from '../money/round.js';
import { PRESTATIONS, type AnyPrestationModule } from '../prestations/registry.js';
import { SirenSchema } from '../siren/schema.js';
import type { Catalogue, PrestationId } from '../catalogue/types.js';
import type { CollectiviteType } from './collectivite.js';
import type { QuoteLine, QuoteWarning } from './types.js';

const ContexteSchema: z.ZodMiniType<PrestationContext | undefined, unknown> = z.optional(
  z.strictObject({
    siren: z.optional(SirenSchema),
    type: z.optional(z.enum(['commune', 'epci', 'syndicat', 'ccas', 'autre'])),
    population: z.optional(z.int().check(z.minimum(0), z.maximum(100_000_000))),
  }),
);

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
  readonly lignes: readonly QuoteLine[];
  /** Somme de ses lignes, deux décimales. */
  readonly total: string;
  /** Les points d'attention. */
  readonly avertissements: readonly QuoteWarning[];
}

const MODULES = new Map<string, AnyPrestationModule>(PRESTATIONS.map((m) => [m.id, m as AnyPrestationModule]));

function compute(id: unknown, params: unknown, options: PricePrestationOptions | undefined): PrestationQuote {
  const catalogue = resolveCatalogue(options?.catalogue);
  const module = typeof id === 'string' ? MODULES.get(id) : undefined;
  if (!module) {
    throw new QuoteError([
      {
        code: 'VALEUR_NON_ADMISE',
        path: ['prestation'],
        message: `Prestation inconnue : ${describeValue(id)} ; prestations : ${[...MODULES.keys()].join(', ')}.`,
      },
    ]);
  }
  const issues: QuoteIssue[] = [];
  const p = module.params.safeParse(params, { reportInput: true });
  if (!p.success) issues.push(...fromZodIssues(p.error.issues, ['prestations', module.id]));
  const c = ContexteSchema.safeParse(options?.collectivite, { reportInput: true });
  if (!c.success) issues.push(...fromZodIssues(c.error.issues, ['collectivite']));
  if (!p.success || !c.success) throw new QuoteError(issues);
  const contexte = c.data ?? {};
  const result = module.price(p.data as never, {
    prestation: catalogue.prestations[module.id] as never,
    collectivite: { nom: '', siren: contexte.siren ?? '', type: contexte.type ?? 'autre', population: contexte.population },
    millesime: catalogue.millesime,
    dOffice: false,
  });
  if (result.issues.length > 0) throw new QuoteError(result.issues);
  return {
    prestation: module.id,
    lignes: result.lignes,
    total: sumDecimals(result.montants),
    avertissements: result.avertissements,
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
 * @throws {QuoteError} avec tous les problèmes trouvés
 * @category Devis
 * @example
 * ```ts
 * pricePrestation('marchesPublics', { acces: 2, misesEnLigneAssistees: 1 }).total;
 * //=> '132.00'
 * ```
 */
export function pricePrestation(prestation: PrestationId, params: unknown, options?: PricePrestationOptions): PrestationQuote {
  const result = safePricePrestation(prestation, params, options);
  if (result.success) return result.data;
  throw new QuoteError(result.issues);
}

/**
 * Comme {@link pricePrestation}, mais rend `{ success, data }` ou `{ success: false, issues }`.
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
export function safePricePrestation(
  prestation: PrestationId,
  params: unknown,
  options?: PricePrestationOptions,
): SafeResult<PrestationQuote> {
  return guard(() => compute(prestation, params, options));
}

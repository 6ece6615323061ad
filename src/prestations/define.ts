import type * as z from 'zod/mini';
import type { Catalogue, Composante, PrestationId } from '../catalogue/types.js';
import type { QuoteIssue } from '../errors/quote-error.js';
import type { Dec } from '../money/decimal.js';
import { priceComponent, type Mesure } from '../models/price-component.js';
import type { Collectivite } from '../quote/collectivite.js';
import type { QuoteLine, QuoteWarning } from '../quote/types.js';

/**
 * Ce qu'un module de prestation reçoit pour chiffrer : son entrée du catalogue, la collectivité,
 * le millésime, et si la prestation est incluse d'office.
 *
 * @internal
 * @example
 * ```ts
 * const ctx: PricingContext<'dpo'> = { prestation: catalogue2026.prestations.dpo, collectivite, millesime: 2026, dOffice: false };
 * ```
 */
export interface PricingContext<Id extends PrestationId> {
  readonly prestation: Catalogue['prestations'][Id];
  readonly collectivite: Collectivite;
  readonly millesime: number;
  readonly dOffice: boolean;
}

/**
 * Ce qu'un module de prestation produit : ses lignes, ou les problèmes qui les empêchent,
 * et ses avertissements.
 *
 * @internal
 * @example
 * ```ts
 * const r: PrestationResult = { lignes: [], montants: [], issues: [], avertissements: [] };
 * ```
 */
export interface PrestationResult {
  readonly lignes: QuoteLine[];
  /** Les montants des lignes, dans le même ordre, en décimaux (pour les totaux). */
  readonly montants: Dec[];
  readonly issues: QuoteIssue[];
  readonly avertissements: QuoteWarning[];
}

/**
 * Un module de prestation : son identifiant, le schéma de ses paramètres (ce que l'adhérent
 * coche sur l'annexe 1) et sa fonction de chiffrage.
 *
 * @internal
 * @example
 * ```ts
 * marchesPublics.id;
 * //=> 'marchesPublics'
 * ```
 */
export interface PrestationModule<Id extends PrestationId, S extends z.ZodMiniType> {
  readonly id: Id;
  readonly params: S;
  readonly price: (params: z.output<S>, ctx: PricingContext<Id>) => PrestationResult;
}

/**
 * Déclare un module de prestation (aide au typage).
 *
 * @internal
 * @example
 * ```ts
 * const dpo = definePrestation('dpo', z.strictObject({}), (_, ctx) => subscription(ctx, 'abonnement'));
 * ```
 */
export function definePrestation<Id extends PrestationId, S extends z.ZodMiniType>(
  id: Id,
  params: S,
  price: (params: z.output<S>, ctx: PricingContext<Id>) => PrestationResult,
): PrestationModule<Id, S> {
  return { id, params, price };
}

/**
 * Accumule les lignes, problèmes et avertissements d'une prestation.
 *
 * @internal
 * @example
 * ```ts
 * const out = collector(ctx);
 * out.line('acces', { unites: 2 }, { path: ['acces'] });
 * out.result().lignes.length;
 * //=> 1
 * ```
 */
export function collector<Id extends PrestationId>(ctx: PricingContext<Id>) {
  const result: PrestationResult = { lignes: [], montants: [], issues: [], avertissements: [] };
  const base = ['prestations', ctx.prestation.id] as const;
  return {
    /** Chiffre la composante `composanteId` pour `mesure` et ajoute sa ligne, ou ses problèmes. */
    line(composanteId: string, mesure: Mesure, where: { path?: readonly (string | number)[]; siren?: string } = {}): void {
      const composante = (ctx.prestation.composantes as Record<string, Composante>)[composanteId]!;
      const r = priceComponent(composante, { population: ctx.collectivite.population, ...mesure }, {
        prestation: ctx.prestation,
        composanteId,
        path: () => [...base, ...(where.path ?? [])],
        millesime: ctx.millesime,
      });
      if (!r.ok) {
        for (const issue of r.issues) {
          if (!result.issues.some((i) => i.code === issue.code && i.message === issue.message)) result.issues.push(issue);
        }
        return;
      }
      const p = r.priced;
      result.montants.push(p.montant);
      result.lignes.push({
        prestation: ctx.prestation.id,
        composante: composanteId,
        libelle: composante.libelle,
        siren: where.siren ?? ctx.collectivite.siren,
        quantite: p.quantite.toFixed(),
        unite: p.unite,
        prixUnitaire: p.prixUnitaire.toFixed(2),
        montant: p.montantText,
        detail: ctx.dOffice ? `Inclus d'office (parc informatique transféré au syndicat). ${p.detail}` : p.detail,
        source: { origine: composante.source.origine, reference: composante.source.reference },
      });
    },
    /** Ajoute un avertissement. */
    warn(code: QuoteWarning['code'], path: readonly (string | number)[], message: string): void {
      result.avertissements.push({ code, path: [...base, ...path], message });
    },
    result(): PrestationResult {
      return result;
    },
  };
}

import { resolveCatalogue } from '../catalogue/resolve.js';
import type { Catalogue } from '../catalogue/types.js';
import { fromZodIssues } from '../errors/from-zod.js';
import { guard, QuoteError, type QuoteIssue, type SafeResult } from '../errors/quote-error.js';
import type { Dec } from '../money/decimal.js';
import { sumDecimals } from '../money/round.js';
import type { PricingContext, PrestationResult } from '../prestations/define.js';
import { PRESTATIONS, type AnyPrestationModule } from '../prestations/registry.js';
import { AdhesionSchema, type Adhesion, type ValidAdhesion } from './adhesion.js';
import { toInvoices } from './invoices.js';
import { checkMandatory, checkMillesime } from './rules.js';
import type { Quote, QuoteLine, QuoteWarning } from './types.js';

/**
 * Options d'un devis.
 *
 * @category Devis
 * @example
 * ```ts
 * const options: QuoteOptions = { catalogue: completeCatalogue(catalogue2026, tarifs) };
 * ```
 */
export interface QuoteOptions {
  /** Le catalogue à utiliser ; par défaut `catalogue2026`. */
  readonly catalogue?: Catalogue;
}

function validate(input: unknown, catalogue: Catalogue): ValidAdhesion {
  const parsed = AdhesionSchema.safeParse(input, { reportInput: true });
  const issues: QuoteIssue[] = parsed.success ? [] : fromZodIssues(parsed.error.issues);
  issues.push(...checkMandatory(input, catalogue));
  issues.push(...checkMillesime(input, catalogue));
  if (!parsed.success || issues.length > 0) throw new QuoteError(issues);
  return parsed.data;
}


function priceOne(module: AnyPrestationModule, adhesion: ValidAdhesion, catalogue: Catalogue): PrestationResult | undefined {
  const prestation = catalogue.prestations[module.id];
  let params: unknown = adhesion.prestations[module.id];
  let dOffice = false;
  if (params === undefined && prestation.obligatoire === 'siParcTransfere' && adhesion.collectivite.parcTransfere) {
    params = module.params.parse({});
    dOffice = true;
  }
  if (params === undefined) return undefined;
  const ctx: PricingContext<typeof module.id> = {
    prestation,
    collectivite: adhesion.collectivite,
    millesime: catalogue.millesime,
    dOffice,
  };
  return module.price(params as never, ctx as never);
}

/**
 * Le devis d'une adhésion sur un catalogue déjà résolu, avec les montants des lignes en décimaux
 * (pour les totaux d'un lot).
 *
 * @internal
 * @throws {QuoteError} avec tous les problèmes trouvés
 * @example
 * ```ts
 * computeQuote(adhesion, catalogue2026).quote.total;
 * ```
 */
export function computeQuote(input: unknown, catalogue: Catalogue): { quote: Quote; montants: Dec[] } {
  const adhesion = validate(input, catalogue);
  const lignes: QuoteLine[] = [];
  const montants: Dec[] = [];
  const avertissements: QuoteWarning[] = [];
  const issues: QuoteIssue[] = [];
  for (const module of PRESTATIONS as readonly AnyPrestationModule[]) {
    const result = priceOne(module, adhesion, catalogue);
    if (!result) continue;
    lignes.push(...result.lignes);
    montants.push(...result.montants);
    issues.push(...result.issues);
    avertissements.push(...result.avertissements);
  }
  if (issues.length > 0) throw new QuoteError(issues);
  const factures = toInvoices(lignes, montants);
  const quote: Quote = {
    millesime: catalogue.millesime,
    collectivite: adhesion.collectivite,
    lignes,
    factures,
    total: factures.length === 1 ? factures[0]!.total : sumDecimals(montants),
    devise: 'EUR',
    avertissements,
  };
  return { quote, montants };
}

function catalogueOf(options: unknown): Catalogue {
  return resolveCatalogue(typeof options === 'object' && options !== null ? (options as { catalogue?: unknown }).catalogue : undefined);
}

/**
 * Établit le devis d'une adhésion : valide l'entrée, applique les règles (maintenance de base
 * obligatoire, facturation par SIREN…), chiffre chaque prestation cochée et rend les lignes,
 * une facture par SIREN et le total, en chaînes décimales exactes.
 *
 * Toute entrée est acceptée à l'exécution et validée ; le type {@link Adhesion} aide à l'écrire.
 *
 * @param adhesion - la collectivité et les prestations cochées sur l'annexe 1
 * @param options - `catalogue` : un catalogue complété (par défaut `catalogue2026`)
 * @returns le devis
 * @throws {QuoteError} avec tous les problèmes trouvés, et aucune autre exception
 * @category Devis
 * @example
 * ```ts
 * const devis = quote({
 *   collectivite: { nom: 'Commune exemple', siren: '219000106', type: 'commune' },
 *   prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, secretariatMairie: { jours: 2.5 } },
 * });
 * devis.lignes.map((l) => l.montant);
 * //=> ['2069.57', '900.00']
 * devis.total;
 * //=> '2969.57'
 * ```
 */
export function quote(adhesion: Adhesion, options?: QuoteOptions): Quote {
  const result = safeQuote(adhesion, options);
  if (result.success) return result.data;
  throw new QuoteError(result.issues);
}

/**
 * Comme {@link quote}, mais rend le résultat au lieu de lever une erreur :
 * `{ success: true, data }` ou `{ success: false, issues }`. Ne lève jamais d'exception.
 *
 * @param adhesion - la collectivité et les prestations cochées sur l'annexe 1
 * @param options - `catalogue` : un catalogue complété (par défaut `catalogue2026`)
 * @returns le devis, ou tous les problèmes trouvés
 * @category Devis
 * @example
 * ```ts
 * const r = safeQuote({ collectivite: { nom: 'X', siren: '123', type: 'commune' }, prestations: {} } as Adhesion); // saisie reçue d'un formulaire
 * r.success ? r.data.total : r.issues.map((i) => i.code);
 * //=> ['SIREN_INVALIDE', 'MAINTENANCE_BASE_OBLIGATOIRE']
 * ```
 */
export function safeQuote(adhesion: Adhesion, options?: QuoteOptions): SafeResult<Quote> {
  return guard(() => computeQuote(adhesion, catalogueOf(options)).quote);
}

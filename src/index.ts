/**
 * `@te90/tarifs` : devis exacts au centime des prestations « à la carte » du service
 * informatique de Territoire d'énergie 90.
 *
 * @packageDocumentation
 */
export { quote, safeQuote, type QuoteOptions } from './quote/quote.js';
export type { Adhesion, PrestationsCochees, SansParametre } from './quote/adhesion.js';
export type { Collectivite, CollectiviteType } from './quote/collectivite.js';
export type { MaintenanceBaseParams } from './prestations/maintenance-base.js';
export type { SauvegardeParams } from './prestations/sauvegarde.js';
export type { PackDematParams } from './prestations/pack-demat.js';
export type { MarchesPublicsParams } from './prestations/marches-publics.js';
export type { SecretariatMairieParams } from './prestations/secretariat-mairie.js';
export type { Quote, QuoteLine, Invoice, QuoteWarning } from './quote/types.js';
export { catalogue2026 } from './catalogue/2026.js';
export {
  completeCatalogue,
  safeCompleteCatalogue,
  type Tarifs,
  type MontantFourni,
  type MontantsFournis,
  type MontantsFournisDe,
} from './catalogue/complete.js';
export { parseCatalogue, safeParseCatalogue } from './catalogue/resolve.js';
export { lintCatalogue, type LintFinding, type LintCode } from './catalogue/lint.js';
export {
  COMPOSANTES,
  type Catalogue,
  type Prestation,
  type PrestationId,
  type ComposanteId,
  type ComposantesDe,
  type PrestationsDuCatalogue,
  type Composante,
  type ComposanteCommune,
  type ComposanteForfait,
  type ComposanteUnitaire,
  type ComposanteCoefficientParPalier,
  type ComposanteGrilleStrates,
  type Source,
  type Unite,
  type Grille,
  type Strate,
  type Palier,
} from './catalogue/types.js';
export { QuoteError, isQuoteError, formatPath, type QuoteIssue, type SafeResult } from './errors/quote-error.js';
export { ISSUE_CODES, type IssueCode } from './errors/codes.js';
export { normalizeSiren, isValidSiren } from './siren/siren.js';
export { formatEuros, formatNombre } from './money/format.js';
export { renderQuoteText, renderIssuesText, formatSiren } from './render/quote-text.js';
export {
  quoteAll,
  safeQuoteAll,
  type BatchQuote,
  type BatchResult,
  type BatchOptions,
  type PrestationSummary,
} from './batch/quote-all.js';
export { missingAmounts, type MissingAmount } from './catalogue/amounts.js';
export { renderQuoteCsv, renderBatchCsv } from './render/csv.js';
export { renderBatchText } from './render/batch-text.js';
export { renderCatalogueText } from './render/catalogue-text.js';
export { renderLintText } from './render/lint-text.js';
export {
  pricePrestation,
  safePricePrestation,
  type PrestationQuote,
  type PricePrestationOptions,
  type PrestationContext,
} from './quote/price-prestation.js';

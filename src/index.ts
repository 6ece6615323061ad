/**
 * `@te90/tarifs` : devis exacts au centime des prestations « à la carte » du service
 * informatique de Territoire d'énergie 90.
 *
 * @packageDocumentation
 */
export { quote, safeQuote, type QuoteOptions } from './quote/quote.js';
export { AdhesionSchema, type Adhesion } from './quote/adhesion.js';
export type { Collectivite } from './quote/collectivite.js';
export type { Quote, QuoteLine, Invoice, QuoteWarning } from './quote/types.js';
export { catalogue2026 } from './catalogue/2026.js';
export { completeCatalogue, safeCompleteCatalogue, TarifsSchema, type Tarifs } from './catalogue/complete.js';
export {
  CatalogueSchema,
  COMPOSANTES,
  type Catalogue,
  type Prestation,
  type PrestationId,
  type Composante,
  type Source,
  type Grille,
  type Palier,
} from './catalogue/schema.js';
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
export {
  pricePrestation,
  safePricePrestation,
  type PrestationQuote,
  type PricePrestationOptions,
  type PrestationContext,
} from './quote/price-prestation.js';

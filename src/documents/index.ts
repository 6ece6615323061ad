/**
 * TEMPORAIRE : point d'entrée des documents pour la branche de la ligne de commande, le temps que
 * `src/render/` devienne `src/documents/`. Remplacé à la fusion par le vrai point d'entrée.
 *
 * @internal
 * @packageDocumentation
 */
export { renderBatchHeading, renderBatchResultText, renderBatchSummaryText } from '../render/batch-text.js';
export { CSV_BOM, renderBatchCsvHeader, renderBatchCsvRows, renderQuoteCsv } from '../render/csv.js';
export { billingRollCsvChunks, billingRollJsonChunks, billingRollTextChunks, renderBillingRollSummaryText } from '../render/billing-roll.js';
export {
  COMPARISON_CSV_HEADER,
  comparisonConflictLines,
  renderComparisonCsvRow,
  renderComparisonTextHead,
  renderComparisonTextRow,
  renderComparisonTextTail,
} from '../render/comparison.js';
export { ComparisonHtmlReport } from '../render/comparison-html.js';
export { readEmetteur, type Emetteur } from '../render/emetteur.js';
export { checkHtmlOptions, renderQuoteHtml } from '../render/quote-html.js';
export { renderLintText } from '../render/lint-text.js';
export { renderCatalogueText } from '../render/catalogue-text.js';
export { renderIssuesText, renderQuoteText } from '../render/quote-text.js';

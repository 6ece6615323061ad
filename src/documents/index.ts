/**
 * `@te90/tarifs/documents` : les documents que la bibliothèque sait écrire à partir de ses résultats.
 * Le devis imprimable (HTML) que le syndicat envoie à un adhérent, le devis en texte et en CSV, un
 * lot en texte et en CSV, le rapport du comité syndical qui compare deux catalogues (texte, CSV,
 * HTML avec graphiques), le rôle de facturation (texte, CSV), un catalogue et sa vérification en
 * texte. Chaque document se lit hors ligne ; les plus longs s'écrivent aussi morceau par morceau
 * (« Au fil de l'eau »), sans jamais tenir en mémoire tout entiers.
 *
 * Ce module n'utilise que l'API publique de `@te90/tarifs`.
 *
 * @category Modules
 * @module @te90/tarifs/documents
 */
export { renderQuoteHtml } from './quote-html.js';
export { validateHtmlOptions, type HtmlOptions } from './quote-html-options.js';
export { safeParseEmetteur, type Emetteur, type Signataire } from './emetteur.js';
export { renderQuoteText, renderIssuesText, type TextOptions } from './quote-text.js';
export { renderQuoteCsv, renderBatchCsv, CSV_BOM, renderBatchCsvHeader, renderBatchCsvRows } from './csv.js';
export { renderBatchText, renderBatchHeading, renderBatchResultText, renderBatchSummaryText } from './batch-text.js';
export {
  renderComparisonText,
  renderComparisonCsv,
  renderComparisonTextHead,
  renderComparisonTextRow,
  renderComparisonTextTail,
  comparisonConflictLines,
  COMPARISON_CSV_HEADER,
  renderComparisonCsvRow,
} from './comparison.js';
export { renderComparisonHtml, ComparisonHtmlReport, type ComparisonHtmlOptions } from './comparison-html.js';
export {
  renderBillingRollText,
  renderBillingRollCsv,
  renderBillingRollSummaryText,
  billingRollTextChunks,
  billingRollCsvChunks,
  billingRollJsonChunks,
} from './billing-roll.js';
export { renderCatalogueText } from './catalogue-text.js';
export { renderLintText } from './lint-text.js';

/**
 * BOUCHON PROVISOIRE de la branche `build` (à abandonner à la fusion, au profit du vrai
 * `src/documents/index.ts` écrit depuis `src/render/`) : il donne à la construction une entrée
 * `@te90/tarifs/documents` qui passe par l'API publique du noyau, comme le fera le vrai client.
 *
 * @packageDocumentation
 */
export {
  renderComparisonText,
  renderComparisonCsv,
  renderComparisonHtml,
  renderQuoteText,
  renderIssuesText,
  formatSiren,
  renderQuoteCsv,
  renderBatchCsv,
  renderQuoteHtml,
  renderBatchText,
  renderBillingRollText,
  renderBillingRollCsv,
  renderCatalogueText,
  renderLintText,
  type ComparisonHtmlOptions,
  type TextOptions,
  type HtmlOptions,
  type Emetteur,
  type Signataire,
} from '@te90/tarifs';

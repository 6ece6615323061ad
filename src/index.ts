/**
 * `@te90/tarifs` : devis exacts au centime des prestations « à la carte » du service
 * informatique de Territoire d'énergie 90.
 *
 * @packageDocumentation
 */
export { quote, safeQuote, type QuoteOptions } from './quote/quote.js';
export type { Adhesion, PrestationsCochees } from './validation/adhesion.js';
export type { SansParametre } from './prestations/define.js';
export {
  PARAM_KINDS,
  paramHelp,
  paramBounds,
  type ParamKind,
  type ParamKinds,
  type ParamKindInfo,
  type ParamInput,
  type ParamBounds,
  type NumberBounds,
  type ParamCommon,
  type ParamDeclaration,
  type ParamDeclarationOf,
} from './prestations/param-kinds.js';
export {
  COMPOSANTES,
  PRESTATION_IDS,
  type PrestationId,
  type ComposanteId,
  type ParamsDe,
  type MaintenanceBaseParams,
  type SauvegardeParams,
  type PackDematParams,
  type MarchesPublicsParams,
  type SecretariatMairieParams,
} from './prestations/registry.js';
export type {
  Path,
  QuoteIssue,
  IssueParam,
  IssueParams,
  SafeResult,
  Source,
  Unite,
  Palier,
  Strate,
  Grille,
  StrateForfait,
  Destinataire,
  Calcul,
  ComposanteCommune,
  Collectivite,
  CollectiviteType,
  Quote,
  QuoteLine,
  Invoice,
  QuoteWarning,
  Manquant,
} from './core/shapes.js';
export {
  MODELES,
  type Modele,
  type Composante,
  type ChampsDeTarif,
  type ComposanteForfait,
  type ComposanteUnitaire,
  type ComposanteCoefficientParPalier,
  type ComposanteGrilleStrates,
  type ComposanteParHabitant,
  type ComposanteForfaitParStrate,
  type ComposanteDuModele,
} from './models/registry.js';
export { catalogue2026 } from './catalogue/2026.js';
export type { Catalogue, Catalogue2026, Prestation, ComposanteDe, ComposantesDe, ComposantesParDefaut, PrestationsDuCatalogue, PrestationsParDefaut } from './catalogue/types.js';
export {
  completeCatalogue,
  safeCompleteCatalogue,
  type Tarifs,
  type MontantFourni,
  type MontantsFournis,
  type MontantsFournisDe,
} from './catalogue/complete.js';
export { parseCatalogue, safeParseCatalogue, type ParseCatalogueOptions } from './catalogue/resolve.js';
export { REGISTRY, extendRegistry } from './prestations/registry.js';
export type { Registry, RegistryExtension, RegistryOptions } from './prestations/create-registry.js';
export { registryOf } from './catalogue/trust.js';
export type { AnyModelDeclaration, ModelDeclaration } from './models/define.js';
export type { PrestationDeclaration, ComposanteDeclaration } from './prestations/define.js';
export { reviseCatalogue, safeReviseCatalogue, type Revision, type MontantRevise } from './catalogue/revise.js';
export {
  compareCatalogues,
  safeCompareCatalogues,
  type Comparaison,
  type AdherentCompare,
  type Ecart,
  type EcartLigne,
  type EcartFacture,
  type CompareOptions,
} from './batch/compare.js';
export { renderComparisonText, renderComparisonCsv } from './render/comparison.js';
export { renderComparisonHtml, type ComparisonHtmlOptions } from './render/comparison-html.js';
export { lintCatalogue, type LintFinding, type LintCode } from './catalogue/lint.js';
export { missingAmounts, type MissingAmount } from './catalogue/amounts.js';
export { QuoteError, isQuoteError, formatPath } from './errors/quote-error.js';
export { ISSUE_CODES, WARNING_CODES, type IssueCode, type WarningCode } from './core/codes.js';
export { inVoice, type Voice } from './wording/issues.js';
export { normalizeSiren, isValidSiren } from './siren/siren.js';
export { formatEuros, formatNombre, type Typographie } from './money/format.js';
export { renderQuoteText, renderIssuesText, formatSiren, type TextOptions } from './render/quote-text.js';
export {
  quoteAll,
  safeQuoteAll,
  type BatchQuote,
  type BatchResult,
  type BatchOptions,
  type PrestationSummary,
} from './batch/quote-all.js';
export {
  billingRoll,
  safeBillingRoll,
  type RoleDeFacturation,
  type FactureDeRole,
  type LigneDeRole,
} from './batch/billing-roll.js';
export { renderQuoteCsv, renderBatchCsv } from './render/csv.js';
export { renderQuoteHtml, type HtmlOptions } from './render/quote-html.js';
export type { Emetteur, Signataire } from './render/emetteur.js';
export { renderBatchText } from './render/batch-text.js';
export { renderBillingRollText, renderBillingRollCsv } from './render/billing-roll.js';
export { renderCatalogueText } from './render/catalogue-text.js';
export { renderLintText } from './render/lint-text.js';
export {
  pricePrestation,
  safePricePrestation,
  type PrestationQuote,
  type PricePrestationOptions,
  type PrestationContext,
} from './quote/price-prestation.js';

/**
 * `@te90/tarifs` : devis exacts au centime des prestations « à la carte » du service
 * informatique de Territoire d'énergie 90.
 *
 * L'ordre des exports de ce fichier est celui de la documentation de l'API : dans chaque catégorie,
 * les fonctions d'abord, la principale en tête (`quote`, `quoteAll`…), puis les constantes et les
 * types (voir `scripts/typedoc-ordre-des-exports.mjs`).
 *
 * @category Modules
 * @module @te90/tarifs
 */
export { quote, safeQuote, validateAdhesion, CATALOGUE_ISSUE_CODES, type AdhesionQuote, type QuoteOptions } from './quote/quote.js';
export type { Adhesion, PrestationsCochees } from './validation/adhesion.js';
export type { SansParametre } from './prestations/define.js';
export {
  PRESTATIONS,
  prestationDeclaration,
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
export {
  paramHelp,
  paramBounds,
  splitListInput,
  PARAM_KINDS,
  type ParamKind,
  type ParamKinds,
  type ParamKindInfo,
  type ParamInput,
  type ParamBounds,
  type NumberBounds,
  type ParamDeclarationOf,
} from './prestations/param-kinds.js';
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
  Adresse,
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
export type { ModelDeclaration, MeasureName } from './models/define.js';
export type { FieldDeclaration, FieldKind } from './models/fields.js';
export { catalogue2026 } from './catalogue/2026.js';
export type { Catalogue, Catalogue2026, Prestation, ComposanteDe, ComposantesDe, DefaultComposantes, PrestationsDuCatalogue, DefaultPrestations } from './catalogue/types.js';
export {
  completeCatalogue,
  safeCompleteCatalogue,
  validateTarifs,
  type Tarifs,
  type MontantFourni,
  type MontantsFournis,
  type MontantsFournisDe,
} from './catalogue/complete.js';
export { parseCatalogue, safeParseCatalogue, type ParseCatalogueOptions } from './catalogue/resolve.js';
export { modelDeclaration } from './models/registry.js';
export { reviseCatalogue, safeReviseCatalogue, validateRevision, type Revision, type MontantRevise } from './catalogue/revise.js';
export { lintCatalogue, type LintFinding, type LintCode } from './catalogue/lint.js';
export { missingAmounts, type MissingAmount } from './catalogue/amounts.js';
export { tariffChanges, type TariffChange } from './catalogue/changes.js';
export { QuoteError, isQuoteError, formatPath, describeError } from './errors/quote-error.js';
export { describeValue } from './errors/from-zod.js';
export { controlCharacter } from './shared/control.js';
export type { PrestationDeclaration, ParamDeclaration, NumberParam, SirensParam, DureesParam, ParamCommon, ComposanteDeclaration } from './prestations/define.js';
export { ISSUE_CODES, WARNING_CODES, type IssueCode, type WarningCode } from './core/codes.js';
export { rewordIssue, missingAmountOf, describeMissingAmount, escapeControlCharacters, type Voice, type MissingAmountParams } from './wording/issues.js';
export { normalizeSiren, isValidSiren, isValidSiret, formatSiren } from './siren/siren.js';
export { formatEuros, formatNumber, type Typographie } from './money/format.js';
export { formatUnitPrice, formatBand, describeQuoteLine } from './wording/terms.js';
export { sumAmounts, compareAmounts, decimalFromNumber } from './money/amounts.js';
export { readInput, type InputRead } from './input/read.js';
export { COLLECTIVITE_FIELDS, type CollectiviteField, type CollectiviteFields } from './validation/collectivite.js';
export { ADRESSE_FIELDS, DESTINATAIRE_FIELDS, type AdresseField, type DestinataireField, type DestinataireFields } from './validation/destinataires.js';
export { CONVENTION_ADHESION } from './catalogue/sources.js';
export {
  quoteAll,
  safeQuoteAll,
  createBatch,
  type BatchBuilder,
  type BatchQuote,
  type BatchResult,
  type BatchOptions,
  type PrestationSummary,
} from './batch/quote-all.js';
export { sirenConflicts } from './batch/ledger.js';
export {
  billingRoll,
  safeBillingRoll,
  createBillingRoll,
  type BillingRollBuilder,
  type BillingRoll,
  type RollInvoice,
  type RollLine,
} from './batch/billing-roll.js';
export {
  compareCatalogues,
  safeCompareCatalogues,
  createComparison,
  type ComparisonBuilder,
  type Comparaison,
  type AdherentCompare,
  type Ecart,
  type EcartLigne,
  type EcartFacture,
  type CompareOptions,
} from './batch/compare.js';
export {
  pricePrestation,
  safePricePrestation,
  type PrestationQuote,
  type PricePrestationOptions,
  type PrestationContext,
} from './quote/price-prestation.js';
// Extension : un registre qui ajoute des modèles de prix et des prestations.
export { extendRegistry } from './prestations/registry.js';
export { registryOf } from './catalogue/trust.js';
export { REGISTRY } from './prestations/registry.js';
export type { Registry, RegistryExtension, RegistryOptions } from './prestations/create-registry.js';

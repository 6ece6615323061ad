import type { Collectivite, Destinataire, Invoice, Manquant, Path, Quote, QuoteIssue, QuoteWarning, SafeResult } from '../core/shapes.js';
import { WARNING_AUDIENCES } from '../core/codes.js';
import { catalogue2026 } from '../catalogue/2026.js';
import { resolveCatalogue } from '../catalogue/resolve.js';
import { registryOf } from '../catalogue/trust.js';
import type { Registry } from '../prestations/create-registry.js';
import type { Catalogue } from '../catalogue/types.js';
import type { IssueCode } from '../core/codes.js';
import { guard, QuoteError, unwrap } from '../errors/quote-error.js';
import { toInvoices, totalOf } from '../invoices/invoices.js';
import type { PrestationId } from '../prestations/registry.js';
import { priceLines, pricerOf, type Pricer } from '../pricing/lines.js';
import type { Adhesion, ValidAdhesion } from '../validation/adhesion.js';
import { checkAdhesion, type CheckedPrestation } from '../validation/check.js';
import { memberDescription, memberGivesBilling, merge } from '../validation/debtors.js';
import type { Snapshot } from '../input/snapshot.js';
import { readAdhesion } from '../validation/fast.js';
import { rewordIssue, makeIssue, makeWarning } from '../wording/issues.js';

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

/**
 * Le devis d'une adhésion sur un catalogue déjà résolu. Validation, règles et chiffrage : tous les problèmes en une passe.
 *
 * @internal
 * @throws {@link QuoteError} avec tous les problèmes trouvés
 */
export function computeQuote(input: unknown, catalogue: Catalogue): Quote<PrestationId> {
  return quoteRead(readAdhesion(input, registryOf(catalogue)), catalogue);
}

/**
 * Comme `computeQuote`, sur une adhésion déjà lue.
 *
 * @internal
 * @throws {@link QuoteError} avec tous les problèmes trouvés
 */
export function quoteRead(
  read: { snap: Snapshot; valid: ValidAdhesion | undefined; registry?: Registry | undefined; ticked?: readonly CheckedPrestation[] | undefined },
  catalogue: Catalogue,
): Quote<PrestationId> {
  // La voie rapide n'a valu que pour le registre selon lequel l'adhésion a été lue.
  const fast = read.registry === registryOf(catalogue);
  const checked = checkAdhesion(read.snap, catalogue, fast ? read.valid : undefined, fast ? read.ticked : undefined);
  const pricer = pricerOf(catalogue);
  const priced = priceLines(checked.prestations, checked.collectivite, checked.invalid, catalogue, pricer);
  if (checked.issues.length > 0 || priced.issues.length > 0) throw new QuoteError([...checked.issues, ...priced.issues]);
  const sums = pricer.sums;
  const factures = partial(toInvoices(priced.lignes, checked.collectivite, debtorsOf(checked.collectivite, checked.destinataires), sums), priced.manquants);
  // Les listes gardées par le devis sont à leur taille exacte : une liste remplie par `push` en réserve
  // le double, que garderait chacun des devis d'un lot.
  const avertissements = checked.destinataires.length === 0 ? priced.avertissements.slice() : [...priced.avertissements, ...unbilled(checked.destinataires, factures)];
  const out: Quote<PrestationId> = {
    millesime: catalogue.millesime,
    collectivite: checked.collectivite as Collectivite,
    lignes: priced.lignes.slice(),
    factures,
    total: factures.length === 1 ? factures[0]!.total : totalOf(priced.lignes, sums),
    devise: 'EUR',
    avertissements,
    remarques: forMember(avertissements, pricer),
    totalPartiel: priced.manquants.length > 0,
    manquants: priced.manquants,
  };
  if (checked.destinataires.length > 0) (out as { destinataires?: Destinataire[] }).destinataires = checked.destinataires.map((d) => ({ ...d }));
  return out;
}

/**
 * Les débiteurs décrits, pour titrer les factures : les destinataires, et la collectivité elle-même
 * quand elle donne ses données de facturation (réunie avec le destinataire qui la décrit aussi, s'il
 * y en a un : la validation a vérifié qu'ils s'accordent).
 */
function debtorsOf(collectivite: Partial<Collectivite>, destinataires: readonly Destinataire[]): readonly Destinataire[] {
  if (!memberGivesBilling(collectivite)) return destinataires;
  const own = memberDescription(collectivite)!;
  const i = destinataires.findIndex((d) => d.siren === own.siren);
  if (i < 0) return [own, ...destinataires];
  return destinataires.map((d, j) => (j === i ? merge(own, d) : d));
}

/**
 * Les avertissements qui concernent aussi l'adhérent, rédigés pour lui (sans nom de champ) ; ceux que
 * le chiffreur partage entre devis le sont une fois.
 */
function forMember(avertissements: readonly QuoteWarning[], pricer: Pricer): QuoteWarning[] {
  if (avertissements.length === 0) return [];
  const out: QuoteWarning[] = [];
  for (const w of avertissements) if (WARNING_AUDIENCES[w.code].includes('adherent')) out.push(pricer.remark(w, forAdherent));
  return out.slice();
}

const forAdherent = (w: QuoteWarning): QuoteWarning => rewordIssue({ ...w }, 'adherent');

/** Les factures d'un SIREN dont une part n'est pas chiffrée portent `totalPartiel: true`. */
function partial<Id extends string>(factures: Invoice<Id>[], manquants: readonly Manquant<Id>[]): Invoice<Id>[] {
  if (manquants.length === 0) return factures;
  const sirens = new Set(manquants.map((m) => m.siren));
  return factures.map((f) => (sirens.has(f.siren) ? { ...f, totalPartiel: true as const } : f));
}

/** Les destinataires décrits pour un SIREN auquel rien n'est facturé. */
function unbilled(destinataires: readonly Destinataire[], factures: readonly Invoice[]): QuoteWarning[] {
  const billed = new Set(factures.map((f) => f.siren));
  return destinataires.flatMap((d, i) => (billed.has(d.siren) ? [] : [makeWarning('DESTINATAIRE_SANS_FACTURE', ['destinataires', i, 'siren'], { siren: d.siren })]));
}

/**
 * Les codes de problème qui dépendent des montants du catalogue (montant non publié, quota absent de
 * la grille, catalogue incohérent) : sans catalogue valide, ils ne disent rien de l'adhésion elle-même.
 *
 * @category Devis
 * @example
 * ```ts
 * CATALOGUE_ISSUE_CODES.includes('TARIF_NON_PUBLIE');
 * //=> true
 * ```
 */
export const CATALOGUE_ISSUE_CODES: readonly IssueCode[] = /* @__PURE__ */ Object.freeze(['TARIF_NON_PUBLIE', 'QUOTA_INCONNU', 'CATALOGUE_INCOHERENT'] as const);

/**
 * Les problèmes d'une adhésion qui ne dépendent pas des montants du catalogue (forme, règles,
 * population manquante…), tous à la fois ; une liste vide si l'adhésion est recevable. Les problèmes
 * de {@link CATALOGUE_ISSUE_CODES} sont laissés de côté : c'est ce qu'un outil signale avec ceux
 * d'un fichier de tarifs refusé, en une seule fois. Ne lève jamais.
 *
 * @param adhesion - L'adhésion à juger, lue une seule fois.
 * @param options - `catalogue` : le catalogue dont la forme juge l'adhésion (par défaut, celui de 2026).
 * @category Devis
 * @example
 * ```ts
 * const problemes = validateAdhesion({ collectivite: { nom: 'Commune', siren: '123', type: 'commune' }, prestations: {} });
 * problemes.map((p) => p.code);
 * //=> ['SIREN_INVALIDE', 'MAINTENANCE_BASE_OBLIGATOIRE']
 * ```
 */
export function validateAdhesion(adhesion: unknown, options?: QuoteOptions): readonly QuoteIssue[] {
  const r = guard(() => {
    const catalogue = guard(() => resolveCatalogue(readOption(options, 'catalogue')));
    return catalogue.success ? adhesionIssues(adhesion, catalogue.data) : [...catalogue.issues, ...adhesionIssues(adhesion, catalogue2026)];
  });
  return r.success ? r.data : r.issues;
}

/** Les problèmes d'une adhésion qui ne dépendent pas des montants du catalogue. */
function adhesionIssues(input: unknown, catalogue: Catalogue): QuoteIssue[] {
  const dependent: readonly string[] = CATALOGUE_ISSUE_CODES;
  const r = guard(() => computeQuote(input, catalogue));
  return r.success ? [] : r.issues.filter((i) => !dependent.includes(i.code));
}

/**
 * Lit une option (une seule fois, protégée) : une option illisible est un problème de l'entrée.
 *
 * @internal
 */
export function readOption(options: unknown, name: string): unknown {
  if (options === undefined || options === null) return undefined;
  try {
    return typeof options === 'object' ? (options as Record<string, unknown>)[name] : undefined;
  } catch {
    const path: Path = ['options', name];
    throw new QuoteError([makeIssue('ENTREE_INVALIDE', path, { raison: 'optionIllisible' })]);
  }
}

/**
 * Le devis d'une adhésion, tel que le rendent {@link quote} et {@link safeQuote} : un {@link Quote}
 * dont chaque ligne nomme sa prestation par son identifiant ({@link PrestationId}).
 *
 * @category Devis
 * @example
 * ```ts
 * const devis: AdhesionQuote = quote({
 *   collectivite: { nom: 'Foussemagne', siren: '219000494', type: 'commune' },
 *   prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 } },
 * });
 * devis.lignes[0]?.prestation;
 * //=> 'maintenanceBase'
 * ```
 */
export type AdhesionQuote = Quote<PrestationId>;

/**
 * Établit le devis d'une adhésion : valide l'entrée, applique les règles (maintenance de base
 * obligatoire, facturation par SIREN…), chiffre chaque prestation cochée et rend les lignes,
 * une facture par SIREN et le total, en chaînes décimales exactes.
 *
 * L'entrée est lue une seule fois (getters et proxies compris) ; tous les problèmes de forme, de
 * règles et de chiffrage sont signalés ensemble. Le type {@link Adhesion} aide à l'écrire.
 *
 * @param adhesion - la collectivité et les prestations cochées sur l'annexe 1
 * @param options - `catalogue` : un catalogue complété (par défaut `catalogue2026`)
 * @returns le devis
 * @throws {@link QuoteError} avec tous les problèmes trouvés, et aucune autre exception
 * @category Devis
 * @example
 * ```ts
 * const devis = quote({
 *   collectivite: { nom: 'Foussemagne', siren: '219000494', type: 'commune' },
 *   prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, secretariatMairie: { jours: 2.5 } },
 * });
 * devis.lignes.map((l) => l.montant);
 * //=> ['2069.57', '900.00']
 * devis.total;
 * //=> '2969.57'
 * ```
 */
export function quote(adhesion: Adhesion, options?: QuoteOptions): AdhesionQuote {
  return unwrap(safeQuote(adhesion, options));
}

/**
 * Comme {@link quote}, mais rend le résultat au lieu de lever une erreur :
 * `{ success: true, data }` ou `{ success: false, issues }`. Ne lève jamais d'exception, quelle que
 * soit l'entrée.
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
export function safeQuote(adhesion: Adhesion, options?: QuoteOptions): SafeResult<AdhesionQuote> {
  return guard(() => {
    // Une passe sur tous les arguments : un catalogue refusé n'empêche pas de juger l'adhésion
    // (ce qui ne dépend pas de ses montants), et tous les problèmes sont signalés ensemble.
    const catalogue = guard(() => resolveCatalogue(readOption(options, 'catalogue')));
    if (catalogue.success) return computeQuote(adhesion, catalogue.data);
    throw new QuoteError([...catalogue.issues, ...adhesionIssues(adhesion, catalogue2026)]);
  });
}

import { registryOf } from '../catalogue/trust.js';
import type { Quote, QuoteIssue, SafeResult } from '../core/shapes.js';
import { SirenLedger } from './ledger.js';
import type { Catalogue } from '../catalogue/types.js';
import { resolveCatalogue } from '../catalogue/resolve.js';
import { CallerError, guard, QuoteError, unwrap } from '../errors/quote-error.js';
import { lengthText, type Snapshot } from '../input/snapshot.js';
import { readAdhesion } from '../validation/fast.js';
import { makeIssue, escapeControlCharacters } from '../wording/issues.js';
import { Dec } from '../money/decimal.js';
import { toMontant } from '../money/round.js';
import type { PrestationId } from '../prestations/registry.js';
import { idsIn } from '../prestations/create-registry.js';
import { quoteRead, readOption, type QuoteOptions } from '../quote/quote.js';
import { isRecord } from '../shared/is-record.js';
import { normalizeSiren } from '../siren/siren.js';
import type { Adhesion } from '../validation/adhesion.js';

const ZERO = /* @__PURE__ */ new Dec(0);
/**
 * Le plus grand lot admis par `quoteAll`, `billingRoll` et `compareCatalogues`, qui rendent un résultat
 * par adhésion, en mémoire : un million (mesuré sur 2 cœurs : un million d'entrées refusées, le pire
 * cas, en 23 s et 730 Mo). Un lot plus grand se chiffre au fil de l'eau (`createBatch`,
 * `createBillingRoll`, la ligne de commande).
 */
const MAX_BATCH = 1_000_000;

/**
 * Le résultat d'une adhésion d'un lot : sa position, son SIREN (tel que lu, s'il est lisible),
 * et son devis ou ses problèmes.
 *
 * @category Lot
 * @example
 * ```ts
 * const r: BatchResult = { index: 0, siren: '219000494', success: false, issues: [] }; // le SIREN de Foussemagne
 * ```
 */
export type BatchResult = {
  /** La position de l'adhésion dans le lot (à partir de 0). */
  readonly index: number;
  /** Son SIREN sans espaces, s'il est lisible ; sinon `null`. */
  readonly siren: string | null;
} & SafeResult<Quote<PrestationId>>;

/**
 * Ce que rapporte une prestation sur tout le lot.
 *
 * @category Lot
 * @example
 * ```ts
 * const s: PrestationSummary = { prestation: 'marchesPublics', libelle: '…', adherents: 12, total: '1450.00' };
 * ```
 */
export interface PrestationSummary {
  /** La prestation. */
  readonly prestation: PrestationId;
  /** Son libellé. */
  readonly libelle: string;
  /** Nombre d'adhésions acceptées qui ont au moins une ligne de cette prestation. */
  readonly adherents: number;
  /** Somme des lignes de cette prestation. */
  readonly total: string;
}

/**
 * Le résultat d'un lot : un résultat par adhésion, dans l'ordre, et la synthèse.
 *
 * @category Lot
 * @example
 * ```ts
 * const lot: BatchQuote = quoteAll([adhesionA, adhesionB]);
 * lot.synthese.refuses;
 * //=> 0
 * ```
 */
export interface BatchQuote {
  /** Un résultat par adhésion, dans l'ordre du lot. */
  readonly resultats: readonly BatchResult[];
  /** Ce que rapporte le lot. */
  readonly synthese: {
    /** Une entrée par prestation du catalogue, dans l'ordre du catalogue. */
    readonly parPrestation: readonly PrestationSummary[];
    /** Somme des devis acceptés. */
    readonly total: string;
    /** Nombre d'adhésions acceptées. */
    readonly acceptes: number;
    /** Nombre d'adhésions refusées. */
    readonly refuses: number;
    /**
     * Ce qui serait facturé deux fois : la même prestation facturée par SIREN au même SIREN par deux
     * adhésions, ou deux adhésions de la même collectivité (`SIREN_FACTURE_DEUX_FOIS`, chacun nommant
     * les adhésions en cause). Chaque devis reste rendu tel quel ; c'est au syndicat de trancher.
     */
    readonly conflits: readonly QuoteIssue[];
  };
}

/**
 * Options d'un lot : celles d'un devis, plus un suivi de progression facultatif.
 *
 * @category Lot
 * @example
 * ```ts
 * const options: BatchOptions = { onProgress: (fait, total) => console.error(`${fait}/${total}`) };
 * ```
 */
export interface BatchOptions extends QuoteOptions {
  /** Appelée toutes les 1 000 adhésions, et à la fin. */
  readonly onProgress?: (done: number, total: number) => void;
}

function readSiren(snap: Snapshot): string | null {
  const c = isRecord(snap.value) ? snap.value['collectivite'] : undefined;
  const siren = isRecord(c) ? c['siren'] : undefined;
  // Un SIREN refusé est affiché tel que lu : ses caractères de contrôle sont échappés.
  return typeof siren === 'string' ? escapeControlCharacters(normalizeSiren(siren)) : null;
}

/**
 * Lit la liste d'un lot : sa longueur (bornée), et chaque entrée à la demande, protégée.
 *
 * @internal
 */
export function readBatchEntries(adhesions: unknown): { length: number; at: (i: number) => { ok: true; value: unknown } | { ok: false } } {
  let length: unknown;
  try {
    length = Array.isArray(adhesions) ? adhesions.length : undefined;
  } catch {
    length = undefined;
  }
  if (length === undefined) throw new QuoteError([makeIssue('ENTREE_INVALIDE', [], { raison: 'lotPasListe' })]);
  // Une longueur qui n'est pas un nombre d'adhésions (négative, fractionnaire, pas un nombre : un
  // proxy peut tout répondre) est refusée, jamais lue comme un lot vide ; rapportée telle quelle, en texte.
  const recu = typeof length === 'number' && Number.isFinite(length) ? length : lengthText(length);
  if (typeof length !== 'number' || !(length >= 0) || (Number.isFinite(length) && !Number.isInteger(length))) {
    throw new QuoteError([makeIssue('ENTREE_INVALIDE', [], { raison: 'lotLongueurInvalide', recu })]);
  }
  if (length > MAX_BATCH) throw new QuoteError([makeIssue('ENTREE_INVALIDE', [], { raison: 'lotTropLong', maximum: MAX_BATCH, recu })]);
  const list = adhesions as readonly unknown[];
  return {
    length,
    at: (i) => {
      try {
        return { ok: true, value: list[i] };
      } catch {
        return { ok: false };
      }
    },
  };
}

/**
 * Le devis d'une adhésion d'un lot, isolé : son devis, ou ses problèmes (une entrée illisible, ou
 * hostile, est un résultat refusé, jamais l'échec du lot).
 *
 * @internal
 */
export function quoteBatchEntry(entry: { ok: true; value: unknown } | { ok: false }, index: number, catalogue: Catalogue): BatchResult {
  if (!entry.ok) {
    return {
      index,
      siren: null,
      success: false,
      issues: [makeIssue('ENTREE_INVALIDE', [], { raison: 'listeIllisibleLot' })],
    };
  }
  // La lecture elle-même est isolée : quoi qu'il arrive, l'échec reste celui de cette entrée.
  let read: ReturnType<typeof readAdhesion> | undefined;
  const r = guard(() => quoteRead((read = readAdhesion(entry.value, registryOf(catalogue))), catalogue));
  return r.success ? { index, siren: r.data.collectivite.siren, success: true, data: r.data } : { index, siren: read ? readSiren(read.snap) : null, success: false, issues: r.issues };
}

/**
 * La synthèse d'un lot, cumulée résultat par résultat : chaque montant est compté par prestation,
 * et les sommes (en décimal exact) ne sont faites qu'une fois, montant × nombre d'occurrences.
 *
 * @internal
 */
export class BatchTally {
  private readonly ids: readonly PrestationId[];
  /** Par prestation : le nombre de lignes de chaque montant, et le nombre d'adhérents. */
  private readonly parPrestation: Map<PrestationId, { montants: Map<string, { n: number }>; adherents: number }>;
  private acceptes = 0;
  private refuses = 0;
  private readonly ledger: SirenLedger;

  constructor(private readonly catalogue: Catalogue) {
    this.ledger = new SirenLedger(catalogue);
    this.ids = idsIn(registryOf(catalogue)) as readonly PrestationId[];
    this.parPrestation = new Map(this.ids.map((id) => [id, { montants: new Map<string, { n: number }>(), adherents: 0 }]));
  }

  /** Ajoute le résultat de l'adhésion `index` (et son fichier, en ligne de commande). */
  add(result: SafeResult<Quote<PrestationId>>, index: number, fichier?: string): void {
    if (!result.success) {
      this.refuses++;
      return;
    }
    this.acceptes++;
    this.ledger.add(index, result.data, fichier);
    // Les lignes d'une prestation se suivent dans un devis : l'adhérent est compté à la première.
    let last: PrestationId | undefined;
    let p: { montants: Map<string, { n: number }>; adherents: number } | undefined;
    for (const ligne of result.data.lignes) {
      if (ligne.prestation !== last || p === undefined) {
        last = ligne.prestation;
        p = this.parPrestation.get(last)!;
        p.adherents++;
      }
      const count = p.montants.get(ligne.montant);
      if (count === undefined) p.montants.set(ligne.montant, { n: 1 });
      else count.n++;
    }
  }

  /** La synthèse des résultats ajoutés. */
  synthese(): BatchQuote['synthese'] {
    let total = ZERO;
    const parPrestation = this.ids.map((id) => {
      const p = this.parPrestation.get(id)!;
      let sum = ZERO;
      for (const [montant, count] of p.montants) sum = sum.plus(new Dec(montant).times(count.n));
      total = total.plus(sum);
      return { prestation: id, libelle: this.catalogue.prestations[id].libelle, adherents: p.adherents, total: toMontant(sum) };
    });
    return { parPrestation, total: toMontant(total), acceptes: this.acceptes, refuses: this.refuses, conflits: this.ledger.conflicts() };
  }
}

/**
 * Un lot chiffré adhésion par adhésion, tel que {@link createBatch} le rend : chaque adhésion est
 * chiffrée dès qu'elle est ajoutée, et seule la synthèse est cumulée (jamais les devis).
 *
 * @category Lot
 * @example
 * ```ts
 * const lot: BatchBuilder = createBatch({ catalogue });
 * lot.add(adhesionA);
 * lot.summary().acceptes;
 * ```
 */
export interface BatchBuilder {
  /**
   * Chiffre l'adhésion suivante du lot et la compte dans la synthèse, exactement comme
   * {@link quoteAll} : une adhésion refusée, ou hostile, donne un résultat refusé, jamais une exception.
   *
   * @param adhesion - l'adhésion, lue une seule fois
   * @param fichier - le nom de l'entrée (son fichier, par exemple), repris dans les conflits de la synthèse
   * @returns son résultat, à la position suivante du lot
   */
  add(adhesion: unknown, fichier?: string): BatchResult;
  /**
   * Compte comme refusée une entrée que l'appelant n'a pas pu lire (un fichier illisible, une ligne
   * qui n'est pas du JSON), avec ses problèmes : elle prend une position du lot.
   *
   * @param issues - pourquoi l'entrée est refusée
   * @param fichier - le nom de l'entrée
   * @returns son résultat refusé
   */
  refuse(issues: readonly QuoteIssue[], fichier?: string): BatchResult;
  /** La synthèse des entrées ajoutées, identique à celle de {@link quoteAll} sur les mêmes adhésions. */
  summary(): BatchQuote['synthese'];
}

/**
 * Ouvre un lot à chiffrer adhésion par adhésion : pour un lot lu au fil de l'eau (un long fichier,
 * un flux), chaque résultat peut être écrit dès qu'il est établi ; la mémoire ne dépend pas du
 * nombre d'adhésions. Résultats et synthèse sont ceux de {@link quoteAll}.
 *
 * @param options - `catalogue` (par défaut `catalogue2026`)
 * @returns le lot, vide
 * @throws {@link QuoteError} si le catalogue est invalide
 * @category Lot
 * @example
 * ```ts
 * const lot = createBatch({ catalogue });
 * for (const a of adhesions) {
 *   const r = lot.add(a);
 *   console.log(r.index, r.success ? r.data.total : r.issues.map((i) => i.code));
 * }
 * lot.summary().total;
 * ```
 */
export function createBatch(options?: QuoteOptions): BatchBuilder {
  const catalogue = unwrap(guard(() => resolveCatalogue(readOption(options, 'catalogue'))));
  const tally = new BatchTally(catalogue);
  return { ...feedEntries(catalogue, (result, fichier) => tally.add(result, result.index, fichier)), summary: () => tally.synthese() };
}

/**
 * Les deux façons de donner une entrée à un lot monté au fil de l'eau, chacune à la position qui
 * suit : une adhésion à chiffrer, ou les problèmes d'une entrée illisible. `sink` reçoit chaque
 * résultat (et son fichier) ; l'entrée rend le sien.
 *
 * @internal
 */
export function feedEntries(catalogue: Catalogue, sink: (result: BatchResult, fichier: string | undefined) => void): Pick<BatchBuilder, 'add' | 'refuse'> {
  let next = 0;
  const record = (result: BatchResult, fichier: string | undefined): BatchResult => {
    sink(result, fichier);
    next++;
    return result;
  };
  return {
    add: (adhesion, fichier) => record(quoteBatchEntry({ ok: true, value: adhesion }, next, catalogue), fichier),
    refuse: (issues, fichier) => record({ index: next, siren: null, success: false, issues: [...issues] }, fichier),
  };
}

/**
 * Les arguments d'un lot (`quoteAll`, `billingRoll`), jugés en une passe : le lot et le catalogue
 * ensemble (tous leurs problèmes d'un coup), et le suivi de progression.
 *
 * @internal
 * @throws {QuoteError} avec les problèmes du lot et ceux du catalogue
 */
export function readBatchArguments(
  adhesions: unknown,
  options: unknown,
): { entries: ReturnType<typeof readBatchEntries>; catalogue: Catalogue; onProgress: ((done: number, total: number) => void) | undefined } {
  const lot = guard(() => readBatchEntries(adhesions));
  const resolved = guard(() => resolveCatalogue(readOption(options, 'catalogue')));
  if (!lot.success || !resolved.success) throw new QuoteError([...(lot.success ? [] : lot.issues), ...(resolved.success ? [] : resolved.issues)]);
  const progress = readOption(options, 'onProgress');
  const onProgress = typeof progress === 'function' ? (progress as (done: number, total: number) => void) : undefined;
  return { entries: lot.data, catalogue: resolved.data, onProgress };
}

function run(adhesions: unknown, options: unknown): BatchQuote {
  // Une passe sur tous les arguments : le lot et le catalogue sont jugés ensemble.
  const { entries, catalogue, onProgress } = readBatchArguments(adhesions, options);
  const tally = new BatchTally(catalogue);
  const resultats: BatchResult[] = [];
  for (let index = 0; index < entries.length; index++) {
    const result = quoteBatchEntry(entries.at(index), index, catalogue);
    tally.add(result, index);
    resultats.push(result);
    if (onProgress && ((index + 1) % 1000 === 0 || index + 1 === entries.length)) {
      try {
        onProgress(index + 1, entries.length);
      } catch (error) {
        throw new CallerError(['options', 'onProgress'], error);
      }
    }
  }
  return { resultats, synthese: tally.synthese() };
}

/**
 * Établit le devis de chaque adhésion d'un lot, sans s'arrêter à la première refusée : chaque
 * résultat est un devis ou ses problèmes, lié à sa position et à son SIREN. Chaque adhésion est
 * isolée : une entrée illisible ou hostile donne un résultat refusé, pas l'échec du lot. La synthèse donne,
 * par prestation, le nombre d'adhérents et ce qu'elle rapporte, le total général et le nombre
 * d'adhésions refusées.
 *
 * @param adhesions - la liste des adhésions
 * @param options - `catalogue` (par défaut `catalogue2026`) et `onProgress`
 * @returns les résultats et la synthèse
 * @throws {@link QuoteError} seulement si `adhesions` n'est pas une liste (d'au plus 1 000 000 adhésions, d'une longueur lisible), si le catalogue est invalide, ou si `onProgress` lève (`RAPPEL_EN_ERREUR`)
 * @category Lot
 * @example
 * ```ts
 * const lot = quoteAll([adhesionCommune, { collectivite: { nom: 'X', siren: '1', type: 'epci' }, prestations: {} } as Adhesion]);
 * lot.synthese.acceptes;
 * //=> 1
 * lot.resultats[1].success;
 * //=> false
 * ```
 */
export function quoteAll(adhesions: readonly Adhesion[], options?: BatchOptions): BatchQuote {
  return unwrap(safeQuoteAll(adhesions, options));
}

/**
 * Comme {@link quoteAll}, mais rend `{ success, data }` ou `{ success: false, issues }` sans lever.
 *
 * @param adhesions - la liste des adhésions
 * @param options - `catalogue` et `onProgress`
 * @returns le lot, ou les problèmes qui l'empêchent
 * @category Lot
 * @example
 * ```ts
 * safeQuoteAll('pas une liste' as never).success;
 * //=> false
 * ```
 */
export function safeQuoteAll(adhesions: readonly Adhesion[], options?: BatchOptions): SafeResult<BatchQuote> {
  return guard(() => run(adhesions, options));
}

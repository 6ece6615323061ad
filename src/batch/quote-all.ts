import type { Quote, SafeResult } from '../core/shapes.js';
import { resolveCatalogue } from '../catalogue/resolve.js';
import { CallerError, guard, QuoteError } from '../errors/quote-error.js';
import type { Snapshot } from '../input/snapshot.js';
import { readAdhesion } from '../validation/fast.js';
import { Dec } from '../money/decimal.js';
import { toMontant } from '../money/round.js';
import { PRESTATION_IDS, type PrestationId } from '../prestations/registry.js';
import { quoteRead, readOption, type QuoteOptions } from '../quote/quote.js';
import { isRecord } from '../shared/is-record.js';
import { normalizeSiren } from '../siren/siren.js';
import type { Adhesion } from '../validation/adhesion.js';

const ZERO = new Dec(0);
const MAX_BATCH = 10_000_000;

/**
 * Le résultat d'une adhésion d'un lot : sa position, son SIREN (tel que lu, s'il est lisible),
 * et son devis ou ses problèmes.
 *
 * @category Lot
 * @example
 * ```ts
 * const r: BatchResult = { index: 0, siren: '219000106', success: false, issues: [] };
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
  return typeof siren === 'string' ? normalizeSiren(siren) : null;
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
  if (length === undefined) throw new QuoteError([{ code: 'ENTREE_INVALIDE', path: [], message: 'Un lot est une liste d’adhésions.' }]);
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length > MAX_BATCH) {
    throw new QuoteError([{ code: 'ENTREE_INVALIDE', path: [], message: `Un lot compte au plus ${MAX_BATCH} adhésions (reçu : ${String(length)}).` }]);
  }
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

function run(adhesions: unknown, options: unknown): BatchQuote {
  const entries = readBatchEntries(adhesions);
  const catalogue = resolveCatalogue(readOption(options, 'catalogue'));
  const progress = readOption(options, 'onProgress');
  const onProgress = typeof progress === 'function' ? (progress as (done: number, total: number) => void) : undefined;
  // Les montants d'un lot se répètent : on compte chaque montant par prestation, et l'on n'additionne
  // (en décimal exact) qu'à la fin, montant × nombre d'occurrences.
  const parPrestation = new Map(PRESTATION_IDS.map((id) => [id, { montants: new Map<string, number>(), adherents: 0, vu: -1 }]));
  let acceptes = 0;
  const resultats: BatchResult[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries.at(index);
    const read = entry.ok ? readAdhesion(entry.value) : undefined;
    const snap = read?.snap;
    const r = read ? guard(() => quoteRead(read, catalogue)) : undefined;
    if (r?.success) {
      const { quote } = r.data;
      resultats.push({ index, siren: quote.collectivite.siren, success: true, data: quote });
      acceptes++;
      for (const ligne of quote.lignes) {
        const p = parPrestation.get(ligne.prestation)!;
        p.montants.set(ligne.montant, (p.montants.get(ligne.montant) ?? 0) + 1);
        if (p.vu !== index) {
          p.vu = index;
          p.adherents++;
        }
      }
    } else if (r && snap) {
      resultats.push({ index, siren: readSiren(snap), success: false, issues: r.issues });
    } else {
      resultats.push({
        index,
        siren: null,
        success: false,
        issues: [{ code: 'ENTREE_INVALIDE', path: [], message: "L'adhésion ne peut pas être lue : la lecture de la liste a levé une exception." }],
      });
    }
    if (onProgress && ((index + 1) % 1000 === 0 || index + 1 === entries.length)) {
      try {
        onProgress(index + 1, entries.length);
      } catch (error) {
        throw new CallerError(['options', 'onProgress'], error);
      }
    }
  }
  let total = ZERO;
  const totals = new Map<PrestationId, Dec>();
  for (const [id, p] of parPrestation) {
    let sum = ZERO;
    for (const [montant, count] of p.montants) sum = sum.plus(new Dec(montant).times(count));
    totals.set(id, sum);
    total = total.plus(sum);
  }
  return {
    resultats,
    synthese: {
      parPrestation: PRESTATION_IDS.map((id) => ({
        prestation: id,
        libelle: catalogue.prestations[id].libelle,
        adherents: parPrestation.get(id)!.adherents,
        total: toMontant(totals.get(id)!),
      })),
      total: toMontant(total),
      acceptes,
      refuses: resultats.length - acceptes,
    },
  };
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
 * @throws {@link QuoteError} seulement si `adhesions` n'est pas une liste, si le catalogue est invalide, ou si `onProgress` lève (`RAPPEL_EN_ERREUR`)
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
  const result = safeQuoteAll(adhesions, options);
  if (result.success) return result.data;
  throw new QuoteError(result.issues);
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

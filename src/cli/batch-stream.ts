/**
 * Un lot chiffré au fil de l'eau : chaque entrée lue est chiffrée (par le lot incrémental de la
 * bibliothèque) et écrite aussitôt, en texte, JSON ou CSV ; la synthèse vient à la fin.
 */
import { createBatch, escapeControlCharacters, type BatchBuilder, type BatchQuote, type BatchResult, type Catalogue } from '@te90/tarifs';
import { CSV_BOM, renderBatchCsvHeader, renderBatchCsvRows, renderBatchHeading, renderBatchResultText, renderBatchSummaryText } from '@te90/tarifs/documents';
import { asLibraryIssue, inCliVoice } from './issues.js';
import { jsonArraySink, type Write } from './json-stream.js';
import type { BatchStream, LocatedEntry } from './sources.js';

/**
 * Un résultat d'un lot en ligne de commande : celui de `quoteAll`, et le fichier (et la ligne,
 * pour du JSONL) d'où vient l'adhésion.
 *
 * @internal
 */
export type FileBatchResult = BatchResult & {
  /** Le fichier de l'adhésion : `lot.json`, `lot.jsonl:3`, `dossier/a.json`, `-` (entrée standard). */
  readonly fichier: string;
};

/**
 * La synthèse d'un lot (celle de `quoteAll`).
 *
 * @internal
 */
export type BatchSynthese = BatchQuote['synthese'];

/**
 * Ajoute une entrée lue à un lot (ou à un rôle) : l'adhésion est chiffrée, ou l'entrée illisible est
 * refusée avec le problème de sa lecture. Rend son résultat, avec son fichier ; les problèmes d'un
 * refus dans la voix de la ligne de commande.
 *
 * @internal
 */
export function addEntry(batch: Pick<BatchBuilder, 'add' | 'refuse'>, located: LocatedEntry): FileBatchResult {
  const { fichier, entry } = located;
  if (entry.ok) {
    const r = batch.add(entry.value, fichier);
    return r.success ? { fichier, ...r } : { fichier, ...r, issues: r.issues.map((i) => inCliVoice(i)) };
  }
  const { index, ...rest } = batch.refuse([asLibraryIssue(entry.issue)], fichier);
  return { index, fichier, ...rest };
}

/**
 * Ce qui écrit un lot au fil des résultats : le début, chaque résultat, la synthèse.
 *
 * @internal
 */
export interface BatchSink {
  /** Le début : le nombre d'adhésions, ou `undefined` s'il n'est connu qu'à la fin (l'entrée standard lue au fil de l'eau). */
  begin(count: number | undefined): void | Promise<void>;
  /** Un résultat, dès qu'il est établi. */
  result(r: FileBatchResult): void | Promise<void>;
  /** La synthèse, à la fin. */
  end(synthese: BatchSynthese): void | Promise<void>;
}

/**
 * Le lot en JSON, écrit résultat par résultat : le texte est exactement celui de
 * `JSON.stringify({ resultats, synthese }, null, 2)`, sans que tout le lot soit en mémoire.
 *
 * @internal
 */
export function jsonSink(out: Write): BatchSink {
  const sink = jsonArraySink(out, 'resultats');
  return { begin: () => sink.begin(), result: (r) => sink.item(r), end: (s) => sink.end(s) };
}

/** L'en-tête d'un lot : son nombre d'adhésions, ou, lu au fil de l'entrée standard, ce qui le dit. */
function heading(count: number | undefined): string {
  return count === undefined ? "Lot lu au fil de l'entrée standard (chaque adhésion est écrite dès qu'elle est lue)" : renderBatchHeading(count);
}

/**
 * Le lot en texte : l'en-tête, une ligne par adhésion (avec son fichier), puis la synthèse.
 *
 * @internal
 */
export function textSink(out: Write): BatchSink {
  return {
    begin: (count) => out(`${heading(count)}\n\n`),
    result: (r) => out(`${renderBatchResultText(r, r.fichier)}\n`),
    end: (s) => out(`\n${renderBatchSummaryText(s)}\n`),
  };
}

/**
 * Le lot en CSV : une ligne par ligne de facture des adhésions acceptées (avec une colonne
 * `fichier`) ; sur la sortie d'erreur, l'en-tête du lot entier, les refus et la synthèse.
 *
 * @internal
 */
export function csvSink(out: Write, err: (text: string) => void): BatchSink {
  return {
    begin: (count) => {
      err(`${heading(count)}\n\n`);
      return out(`${CSV_BOM}${renderBatchCsvHeader(['fichier'])}\r\n`);
    },
    result: (r) => {
      if (!r.success) {
        err(`${renderBatchResultText(r, r.fichier)}\n`);
        return;
      }
      const rows = renderBatchCsvRows(r, [r.fichier]);
      return rows.length > 0 ? out(rows.join('\r\n') + '\r\n') : undefined;
    },
    end: (s) => err(`\n${renderBatchSummaryText(s)}\n`),
  };
}

/**
 * Établit le devis de chaque entrée d'un lot et l'écrit aussitôt : la mémoire ne dépend pas du
 * nombre d'adhésions. Rend la synthèse, identique à celle de `quoteAll`.
 *
 * @internal
 */
export async function streamBatch(
  source: BatchStream,
  catalogue: Catalogue,
  sink: BatchSink,
  onProgress?: (done: number, total: number) => void,
): Promise<BatchSynthese> {
  const batch = createBatch({ catalogue });
  await sink.begin(source.count);
  await forEachEntry(source, onProgress, (located) => sink.result(addEntry(batch, located)));
  const synthese = batch.summary();
  await sink.end(synthese);
  return synthese;
}

/**
 * Passe chaque entrée d'un lot à `each`, dans l'ordre, en attendant ce qu'elle écrit ; la
 * progression est dite toutes les 1 000 entrées, et à la fin (quand le nombre d'entrées est connu).
 *
 * @internal
 */
export async function forEachEntry(
  source: BatchStream,
  onProgress: ((done: number, total: number) => void) | undefined,
  each: (located: LocatedEntry, index: number) => void | Promise<void>,
): Promise<void> {
  let index = 0;
  const step = async (located: LocatedEntry) => {
    // Le nom d'un fichier (un nom de dossier peut porter un saut de ligne) est montré échappé, dans
    // toutes les sorties de lot, facturation et comparer : il ne forge ni une ligne ni une commande du terminal.
    const written = each({ fichier: escapeControlCharacters(located.fichier), entry: located.entry }, index);
    if (written) await written;
    index++;
    if (onProgress && source.count !== undefined && (index % 1000 === 0 || index === source.count)) onProgress(index, source.count);
  };
  const entries = source.entries();
  if (Symbol.asyncIterator in entries) for await (const located of entries) await step(located);
  else for (const located of entries) await step(located);
}

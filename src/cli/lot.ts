import { BatchTally, quoteBatchEntry, type BatchQuote, type BatchResult } from '../batch/quote-all.js';
import type { Catalogue } from '../catalogue/types.js';
import { CSV_BOM, renderBatchCsvHeader, renderBatchCsvRows, renderBatchHeading, renderBatchResultText, renderBatchSummaryText } from '@te90/tarifs/documents';
import type { BatchSource, LocatedEntry } from './io.js';

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
 * Une écriture, éventuellement asynchrone (la sortie attend qu'un bloc soit écrit).
 *
 * @internal
 */
export type Write = (text: string) => void | Promise<void>;

/**
 * Le devis d'une entrée d'un lot, exactement comme `quoteAll` l'établit, avec son fichier.
 *
 * @internal
 */
export function quoteEntry(located: LocatedEntry, index: number, catalogue: Catalogue): FileBatchResult {
  const { fichier, entry } = located;
  if (!entry.ok) return { index, fichier, siren: null, success: false, issues: [entry.issue] };
  return { fichier, ...quoteBatchEntry({ ok: true, value: entry.value }, index, catalogue) };
}

/**
 * Ce qui écrit un lot au fil des résultats : le début, chaque résultat, la synthèse.
 *
 * @internal
 */
export interface BatchSink {
  /** Le début, quand le nombre d'adhésions est connu. */
  begin(count: number): void | Promise<void>;
  /** Un résultat, dès qu'il est établi. */
  result(r: FileBatchResult): void | Promise<void>;
  /** La synthèse, à la fin. */
  end(synthese: BatchSynthese): void | Promise<void>;
}

function indent(json: string, spaces: string): string {
  return spaces + json.replace(/\n/g, `\n${spaces}`);
}

/**
 * Un objet JSON `{ "<cle>": [ … ], "synthese": … }` écrit élément par élément : le texte est
 * exactement celui de `JSON.stringify({ [cle]: elements, synthese }, null, 2)`, sans que la liste
 * soit en mémoire.
 *
 * @internal
 */
export function jsonArraySink(out: Write, cle: string): { begin(): void | Promise<void>; item(value: unknown): void | Promise<void>; end(synthese: unknown): Promise<void> } {
  let first = true;
  return {
    begin: () => out(`{\n  ${JSON.stringify(cle)}: [`),
    item: (value) => {
      const text = (first ? '\n' : ',\n') + indent(JSON.stringify(value, null, 2), '    ');
      first = false;
      return out(text);
    },
    // La synthèse d'un gros lot (ses conflits) peut être longue : elle est écrite par morceaux.
    end: async (s) => writeInChunks(jsonDocumentEnd(first, s), out),
  };
}

function* jsonDocumentEnd(empty: boolean, synthese: unknown): Generator<string> {
  yield `${empty ? ']' : '\n  ]'},\n  "synthese": `;
  yield* jsonPieces(synthese, '  ');
  yield '\n}\n';
}

/**
 * Écrit des morceaux de texte par blocs d'environ 64 Kio, en attendant chaque écriture : un long
 * texte n'est jamais construit en entier.
 *
 * @internal
 */
export function writeInChunks(pieces: Iterable<string>, out: Write): void | Promise<void> {
  const iterator = pieces[Symbol.iterator]();
  // Synchrone tant que la sortie l'est (la sortie d'erreur) ; sinon, chaque bloc attend le précédent.
  const step = (): void | Promise<void> => {
    let chunk = '';
    for (let r = iterator.next(); r.done !== true; r = iterator.next()) {
      chunk += r.value;
      if (chunk.length >= 1 << 16) {
        const written = out(chunk);
        chunk = '';
        if (written) return written.then(step);
      }
    }
    return chunk === '' ? undefined : out(chunk);
  };
  return step();
}

/**
 * Le texte de `JSON.stringify(value, null, 2)`, chaque saut de ligne suivi de `margin`, par morceaux :
 * une longue liste n'est jamais un seul texte. Pour des données JSON (objets, listes, textes,
 * nombres, booléens, `null`) ; une clé `undefined` est omise, comme le fait `JSON.stringify`.
 *
 * @internal
 */
export function* jsonPieces(value: unknown, margin: string): Generator<string> {
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    const inner = `${margin}  `;
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}\n${inner}`;
      const item: unknown = value[i];
      yield* item === undefined || typeof item === 'function' ? ['null'] : jsonPieces(item, inner);
    }
    return yield `\n${margin}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    if (entries.length === 0) return yield '{}';
    const inner = `${margin}  `;
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i]!;
      yield `${i === 0 ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
      yield* jsonPieces(v, inner);
    }
    return yield `\n${margin}}`;
  }
  yield JSON.stringify(value);
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

/**
 * Le lot en texte : l'en-tête, une ligne par adhésion (avec son fichier), puis la synthèse.
 *
 * @internal
 */
export function textSink(out: Write): BatchSink {
  return {
    begin: (count) => out(`${renderBatchHeading(count)}\n\n`),
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
      err(`${renderBatchHeading(count)}\n\n`);
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
 * nombre d'adhésions (hors le texte lu). Rend la synthèse, identique à celle de `quoteAll`.
 *
 * @internal
 */
export async function streamBatch(
  source: BatchSource,
  catalogue: Catalogue,
  sink: BatchSink,
  onProgress?: (done: number, total: number) => void,
): Promise<BatchSynthese> {
  const tally = new BatchTally(catalogue);
  await sink.begin(source.count);
  await forEachEntry(source, onProgress, (located, index) => {
    const result = quoteEntry(located, index, catalogue);
    tally.add(result, index, located.fichier);
    return sink.result(result);
  });
  const synthese = tally.synthese();
  await sink.end(synthese);
  return synthese;
}

/**
 * Passe chaque entrée d'un lot à `each`, dans l'ordre, en attendant ce qu'elle écrit ; la
 * progression est dite toutes les 1 000 entrées, et à la fin.
 *
 * @internal
 */
export async function forEachEntry(
  source: BatchSource,
  onProgress: ((done: number, total: number) => void) | undefined,
  each: (located: LocatedEntry, index: number) => void | Promise<void>,
): Promise<void> {
  let index = 0;
  for (const located of source.entries()) {
    const written = each(located, index);
    if (written) await written;
    index++;
    if (onProgress && (index % 1000 === 0 || index === source.count)) onProgress(index, source.count);
  }
}

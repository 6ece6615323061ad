import { quoteAll, type BatchQuote, type BatchResult } from '../batch/quote-all.js';
import type { Catalogue } from '../catalogue/types.js';
import { Dec } from '../money/decimal.js';
import { toMontant } from '../money/round.js';
import { renderBatchHeading, renderBatchResultText, renderBatchSummaryText } from '../render/batch-text.js';
import { CSV_BOM, renderBatchCsvHeader, renderBatchCsvRows } from '../render/csv.js';
import type { Adhesion } from '../validation/adhesion.js';
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
 * Le devis d'une entrée d'un lot, exactement comme `quoteAll` l'établit pour cette adhésion, et sa
 * part de la synthèse (`undefined` pour une entrée illisible, qui est refusée).
 *
 * @internal
 */
export function quoteEntry(located: LocatedEntry, index: number, catalogue: Catalogue): { result: FileBatchResult; synthese: BatchSynthese | undefined } {
  const { fichier, entry } = located;
  if (!entry.ok) return { result: { index, fichier, siren: null, success: false, issues: [entry.issue] }, synthese: undefined };
  const one = quoteAll([entry.value as Adhesion], { catalogue });
  const { index: _, ...rest } = one.resultats[0]!;
  return { result: { index, fichier, ...rest }, synthese: one.synthese };
}

/**
 * La synthèse d'un lot, cumulée adhésion par adhésion (en décimaux exacts) : la même que celle
 * que `quoteAll` rend pour tout le lot.
 *
 * @internal
 */
export class BatchSummary {
  private readonly seed: BatchSynthese;
  private readonly totals: Dec[];
  private readonly adherents: number[];
  private total = new Dec(0);
  private acceptes = 0;
  private refuses = 0;

  constructor(catalogue: Catalogue) {
    this.seed = quoteAll([], { catalogue }).synthese;
    this.totals = this.seed.parPrestation.map((p) => new Dec(p.total));
    this.adherents = this.seed.parPrestation.map((p) => p.adherents);
  }

  /** Ajoute la synthèse d'une adhésion (`undefined` : une entrée illisible, refusée). */
  add(synthese: BatchSynthese | undefined): void {
    if (synthese === undefined) {
      this.refuses++;
      return;
    }
    synthese.parPrestation.forEach((p, k) => {
      this.totals[k] = this.totals[k]!.plus(p.total);
      this.adherents[k]! += p.adherents;
    });
    this.total = this.total.plus(synthese.total);
    this.acceptes += synthese.acceptes;
    this.refuses += synthese.refuses;
  }

  /** La synthèse du lot. */
  result(): BatchSynthese {
    return {
      parPrestation: this.seed.parPrestation.map((p, k) => ({ ...p, adherents: this.adherents[k]!, total: toMontant(this.totals[k]!) })),
      total: toMontant(this.total),
      acceptes: this.acceptes,
      refuses: this.refuses,
    };
  }
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
 * Le lot en JSON, écrit résultat par résultat : le texte est exactement celui de
 * `JSON.stringify({ resultats, synthese }, null, 2)`, sans que tout le lot soit en mémoire.
 *
 * @internal
 */
export function jsonSink(out: Write): BatchSink {
  let first = true;
  return {
    begin: () => out('{\n  "resultats": ['),
    result: (r) => {
      const text = (first ? '\n' : ',\n') + indent(JSON.stringify(r, null, 2), '    ');
      first = false;
      return out(text);
    },
    end: (s) => out(`${first ? ']' : '\n  ]'},\n  "synthese": ${JSON.stringify(s, null, 2).replace(/\n/g, '\n  ')}\n}\n`),
  };
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
  const summary = new BatchSummary(catalogue);
  const started = sink.begin(source.count);
  if (started) await started;
  let index = 0;
  for (const located of source.entries()) {
    const { result, synthese } = quoteEntry(located, index, catalogue);
    summary.add(synthese);
    const written = sink.result(result);
    if (written) await written;
    index++;
    if (onProgress && (index % 1000 === 0 || index === source.count)) onProgress(index, source.count);
  }
  const synthese = summary.result();
  const ended = sink.end(synthese);
  if (ended) await ended;
  return synthese;
}

import { csvSink, jsonSink, streamBatch, textSink, type BatchSink } from '../batch-stream.js';
import { openBatchInputs } from '../batch-inputs.js';
import { EXIT, FORMATS, formatOf, oneFile, type CliIo, type Values } from '../command.js';
import { progressDisplay, showsProgress } from '../progress.js';

/**
 * `te90-tarifs lot` : le devis de chaque adhésion d'un lot, écrit dès qu'il est établi, et la synthèse.
 *
 * @internal
 */
export async function lot(positionals: string[], values: Values, io: CliIo): Promise<number> {
  const format = formatOf(values.format, FORMATS);
  const path = oneFile(positionals, 'lot');
  // L'entrée standard JSONL est chiffrée au fil de l'eau : les résultats déjà établis sont écrits avant d'attendre la suite.
  const stream = io.stdinChunks === undefined ? undefined : { chunks: io.stdinChunks, waiting: io.flush };
  const { catalogue, source } = await openBatchInputs(path, values, io.readStdin, [], stream);
  const sink: BatchSink = format === 'json' ? jsonSink(io.out) : format === 'csv' ? csvSink(io.out, io.err) : textSink(io.out);
  const synthese = await streamBatch(source, catalogue, sink, source.count !== undefined && showsProgress(io, source.count) ? progressDisplay(io) : undefined);
  return synthese.refuses > 0 || synthese.conflits.length > 0 ? EXIT.refused : EXIT.ok;
}

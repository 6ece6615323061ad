import { createBillingRoll } from '@te90/tarifs';
import { billingRollCsvChunks, billingRollJsonChunks, billingRollTextChunks, renderBillingRollSummaryText } from '@te90/tarifs/documents';
import { addEntry, forEachEntry } from '../batch-stream.js';
import { loadCatalogue } from '../catalogue-options.js';
import { EXIT, FORMATS, formatOf, oneFile, type CliIo, type Values } from '../command.js';
import { inCliVoice } from '../issues.js';
import { progressDisplay, showsProgress } from '../progress.js';
import { openBatch } from '../sources.js';

/**
 * `te90-tarifs facturation` : le rôle de facturation d'un lot, une facture par SIREN débiteur.
 *
 * @internal
 */
export async function facturation(positionals: string[], values: Values, io: CliIo): Promise<number> {
  const format = formatOf(values.format, FORMATS);
  const path = oneFile(positionals, 'facturation');
  const catalogue = loadCatalogue(values);
  const source = await openBatch(path, io.readStdin);
  // Les factures regroupent les lignes de tout le lot : le rôle est établi en entier avant d'être
  // écrit, puis écrit facture par facture.
  const builder = createBillingRoll({ catalogue });
  await forEachEntry(source, showsProgress(io, source.count) ? progressDisplay(io) : undefined, (located) => {
    addEntry(builder, located);
  });
  // Les refus dans la voix de la ligne de commande (un montant manquant se fournit par --tarifs).
  const built = builder.result();
  const roll = { ...built, refus: built.refus.map((r) => ({ ...r, issues: r.issues.map((i) => inCliVoice(i)) })) };
  const chunks = format === 'json' ? billingRollJsonChunks(roll) : format === 'csv' ? billingRollCsvChunks(roll) : billingRollTextChunks(roll);
  for (const chunk of chunks) {
    const written = io.out(chunk);
    if (written) await written;
  }
  if (format === 'csv') io.err(`${renderBillingRollSummaryText(roll)}\n`);
  else await io.out('\n');
  return roll.refuses > 0 || roll.conflits.length > 0 ? EXIT.refused : EXIT.ok;
}

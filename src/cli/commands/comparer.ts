import type { Catalogue } from '@te90/tarifs';
import { loadCatalogue } from '../catalogue-options.js';
import { EXIT, FORMATS, formatOf, oneFile, type CliIo, type Values } from '../command.js';
import { progressDisplay, showsProgress } from '../progress.js';
import { csvCompareSink, htmlCompareSink, jsonCompareSink, streamCompare, textCompareSink, type CompareSink } from '../compare-stream.js';
import { RefusedInput } from '../issues.js';
import { readEach } from '../relocate.js';
import { openBatch } from '../sources.js';
import { UsageError } from '../usage-error.js';

/**
 * `te90-tarifs comparer` : ce que chaque adhérent d'un lot paie sous deux catalogues, et la synthèse.
 *
 * @internal
 */
export async function comparer(positionals: string[], values: Values, io: CliIo): Promise<number> {
  const format = formatOf(values.format, [...FORMATS, 'html']);
  const path = oneFile(positionals, 'comparer');
  if (values.avant === undefined || values.apres === undefined) {
    throw new UsageError('La commande « comparer » attend --avant et --apres : deux catalogues (fichiers JSON, ou millésime embarqué).');
  }
  // Les deux catalogues (et leurs tarifs) sont lus, et leurs problèmes rapportés ensemble, chacun au nom de son option.
  const {
    values: [avant, apres],
    issues,
  } = readEach([
    ['', () => loadCatalogue({ catalogue: values.avant, tarifs: values['tarifs-avant'] }, true, { catalogue: '--avant', tarifs: '--tarifs-avant' })],
    ['', () => loadCatalogue({ catalogue: values.apres, tarifs: values['tarifs-apres'] }, true, { catalogue: '--apres', tarifs: '--tarifs-apres' })],
  ]);
  if (issues.length > 0) throw new RefusedInput(issues);
  const source = await openBatch(path, io.readStdin);
  const catalogues = { avant: avant as Catalogue, apres: apres as Catalogue };
  // Chaque adhérent est écrit dès qu'il est comparé (la synthèse d'un rapport texte ou HTML, qui le
  // précède, attend la fin : ses lignes attendent dans un fichier temporaire).
  // Chaque côté est dit par le millésime de son catalogue (« en 2026 »), jamais « en avant ».
  const titres = [String(catalogues.avant.millesime), String(catalogues.apres.millesime)] as const;
  const sink: CompareSink =
    format === 'json'
      ? jsonCompareSink(io.out)
      : format === 'csv'
        ? csvCompareSink(io.out, io.err, titres)
        : format === 'html'
          ? htmlCompareSink(io.out, io.err, catalogues)
          : textCompareSink(io.out, titres);
  const { synthese, refusees } = await streamCompare(source, catalogues, sink, showsProgress(io, source.count) ? progressDisplay(io, 'Comparaison') : undefined);
  // Comme lot et facturation : une adhésion refusée (d'un côté au moins, une ligne illisible
  // comprise) ou un conflit donne la sortie 1.
  return refusees > 0 || synthese.conflits.avant.length + synthese.conflits.apres.length > 0 ? EXIT.refused : EXIT.ok;
}

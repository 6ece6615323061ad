import { renderCatalogueText } from '@te90/tarifs/documents';
import { loadCatalogue } from '../catalogue-options.js';
import { formatOf, type CliIo, type Values } from '../command.js';
import { UsageError } from '../usage-error.js';

/**
 * `te90-tarifs catalogue` : les prestations du catalogue choisi, leurs règles et leurs montants.
 *
 * @internal
 */
export function catalogue(positionals: string[], values: Values, io: CliIo): void | Promise<void> {
  const format = formatOf(values.format, ['texte', 'json']);
  if (positionals.length > 0) throw new UsageError('La commande « catalogue » ne prend pas de fichier (voir --catalogue et --tarifs).');
  const c = loadCatalogue(values);
  return io.out(format === 'json' ? JSON.stringify(c, null, 2) + '\n' : renderCatalogueText(c) + '\n');
}

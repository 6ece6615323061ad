import { lintCatalogue, missingAmounts, reviseCatalogue, validateRevision, type Catalogue, type Revision } from '@te90/tarifs';
import { renderLintText } from '@te90/tarifs/documents';
import { catalogueFrom } from '../catalogue-options.js';
import { EXIT, type CliIo, type Values } from '../command.js';
import { RefusedInput } from '../issues.js';
import { readJsonFile } from '../json-input.js';
import { inFile, inFiles, readEach } from '../relocate.js';
import { UsageError } from '../usage-error.js';

/**
 * `te90-tarifs reviser` : le catalogue d'un nouveau millésime, du précédent et d'une révision votée.
 *
 * @internal
 */
export async function reviser(positionals: string[], _values: Values, io: CliIo): Promise<number> {
  if (positionals.length !== 2) throw new UsageError(`La commande « reviser » attend deux fichiers : le catalogue de base (ou son millésime embarqué) et la révision (${positionals.length} donné(s)).`);
  const [fichierBase, fichierRevision] = positionals as [string, string];
  // Les deux fichiers sont lus, et leurs problèmes rapportés ensemble, chacun au nom de son fichier.
  const {
    values: [base, revision],
    issues,
  } = readEach([
    [fichierBase, () => catalogueFrom(fichierBase)],
    [fichierRevision, () => readJsonFile(fichierRevision)],
  ]);
  if (issues.length > 0) {
    // Un catalogue de base illisible n'empêche pas de juger la forme de la révision.
    if (revision !== undefined) issues.push(...validateRevision(revision).map((i) => inFile(i, '', { revision: fichierRevision })));
    throw new RefusedInput(issues);
  }
  const c = inFiles(() => reviseCatalogue(base as Catalogue, revision as Revision), { base: fichierBase, revision: fichierRevision });
  const remarques = lintCatalogue(c);
  await io.out(JSON.stringify(c, null, 2) + '\n');
  io.err(`Révision : ${c.libelle}\n${renderLintText(remarques, missingAmounts(c))}\n`);
  return EXIT.ok;
}

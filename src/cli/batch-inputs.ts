/**
 * Les entrées d'une commande de lot (`lot`, `facturation`) jugées en une passe : le catalogue (et ses
 * tarifs) et le lot lui-même sont lus ensemble, et tous leurs problèmes rapportés d'un coup, comme
 * pour `devis`.
 */
import type { Catalogue } from '@te90/tarifs';
import { loadCatalogue, type CatalogueChoice } from './catalogue-options.js';
import { problemsOf, RefusedInput, type Problem } from './issues.js';
import { openBatch, type BatchStream } from './sources.js';
import type { StdinReader } from './read-bytes.js';

/**
 * Le catalogue choisi et le lot ouvert ; ou, si l'un ou l'autre est refusé, une {@link RefusedInput}
 * avec les problèmes de `earlier` (d'autres fichiers de la commande, déjà lus, que la commande dit
 * elle-même avec le reste quand le lot et le catalogue sont lisibles), du catalogue et du lot.
 * `stream` : l'entrée standard lue au fil de l'eau (voir `openBatch`).
 *
 * @internal
 * @throws {@link RefusedInput} avec tous les problèmes
 * @throws {UsageError} si un fichier est introuvable, ou si les options se contredisent
 */
export async function openBatchInputs(
  path: string,
  choice: CatalogueChoice,
  readStdin: StdinReader | undefined,
  earlier: readonly Problem[] = [],
  stream?: Parameters<typeof openBatch>[2],
): Promise<{ catalogue: Catalogue; source: BatchStream }> {
  const issues: Problem[] = [...earlier];
  const catalogue = await refusals(issues, async () => loadCatalogue(choice));
  const source = await refusals(issues, () => openBatch(path, readStdin, stream));
  if (catalogue === undefined || source === undefined) throw new RefusedInput(issues);
  return { catalogue, source };
}

/** Ce que rend `read`, ou `undefined` s'il refuse l'entrée : ses problèmes vont alors à `issues`. */
async function refusals<T>(issues: Problem[], read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    const problems = problemsOf(error);
    if (problems === undefined) throw error;
    issues.push(...problems);
    return undefined;
  }
}

/**
 * Le catalogue choisi en ligne de commande : `--catalogue` (un fichier), `--millesime` (un catalogue
 * embarqué), complété par `--tarifs` ; chaque problème au nom de son option et de son fichier.
 */
import { existsSync } from 'node:fs';
import { catalogue2026, completeCatalogue, parseCatalogue, validateTarifs, type Catalogue, type Tarifs } from '@te90/tarifs';
import { RefusedInput, type Problem } from './issues.js';
import { readJsonFile } from './json-input.js';
import { collecting, inFile } from './relocate.js';
import { UsageError } from './usage-error.js';

/** Les catalogues embarqués, par millésime. */
const EMBEDDED: ReadonlyMap<string, Catalogue> = new Map([[String(catalogue2026.millesime), catalogue2026]]);

/**
 * Le choix d'un catalogue en ligne de commande : un fichier (`--catalogue`), un millésime embarqué
 * (`--millesime`), et des montants qui le complètent (`--tarifs`).
 *
 * @internal
 */
export interface CatalogueChoice {
  readonly catalogue?: string | undefined;
  readonly millesime?: string | undefined;
  readonly tarifs?: string | undefined;
}

/**
 * Un catalogue embarqué par son millésime, ou un refus d'usage qui dit lesquels existent.
 *
 * @internal
 * @throws {UsageError} si aucun catalogue embarqué n'a ce millésime
 */
export function embedded(millesime: string): Catalogue {
  const c = EMBEDDED.get(millesime.trim());
  if (c) return c;
  throw new UsageError(
    `Millésime non disponible : « ${millesime} » ; catalogue embarqué : ${[...EMBEDDED.keys()].join(', ')}. Pour une autre année, donnez son catalogue : --catalogue fichier.json (voir « te90-tarifs reviser »).`,
  );
}

/**
 * Un catalogue donné par un fichier JSON, ou par le millésime d'un catalogue embarqué (`2026`).
 *
 * @internal
 * @throws {UsageError} si ce n'est ni un fichier ni un millésime embarqué
 * @throws {@link RefusedInput} ou `QuoteError` si le fichier est refusé
 */
export function catalogueFrom(reference: string): Catalogue {
  if (/^\d{4}$/.test(reference.trim()) && !existsSync(reference)) return embedded(reference);
  return parseCatalogue(readJsonFile(reference));
}

/**
 * Le catalogue à utiliser : `--catalogue` (fichier), sinon `--millesime` (embarqué), sinon le
 * catalogue 2026 embarqué ; complété par `--tarifs` s'il est donné. Avec `orMillesime`, `catalogue`
 * peut aussi être le millésime d'un catalogue embarqué.
 *
 * @internal
 * @throws {UsageError} si le millésime n'est pas embarqué, ou si `--catalogue` et `--millesime` sont donnés ensemble
 * @throws {@link RefusedInput} si le catalogue ou le fichier de tarifs est refusé
 */
export function loadCatalogue(choice: CatalogueChoice, orMillesime = false, options: { readonly catalogue: string; readonly tarifs: string } = { catalogue: '--catalogue', tarifs: '--tarifs' }): Catalogue {
  if (choice.catalogue !== undefined && choice.millesime !== undefined) {
    throw new UsageError('Donnez --catalogue (un fichier) ou --millesime (un catalogue embarqué), pas les deux.');
  }
  // Une passe : les problèmes du catalogue et ceux du fichier de tarifs sont rapportés ensemble,
  // chacun au nom de son option et de son fichier.
  const issues: Problem[] = [];
  const tarifsLabel = choice.tarifs === undefined ? '' : `${options.tarifs} ${choice.tarifs}`;
  const within = <T>(label: string, read: () => T, rename: Readonly<Record<string, string>> = {}): T | undefined => collecting(issues, read, (i) => inFile(i, label, rename));
  const file = choice.catalogue;
  const base =
    file !== undefined
      ? within(`${options.catalogue} ${file}`, () => (orMillesime ? catalogueFrom(file) : parseCatalogue(readJsonFile(file))))
      : choice.millesime !== undefined
        ? embedded(choice.millesime)
        : catalogue2026;
  const tarifsFile = choice.tarifs;
  if (tarifsFile === undefined) {
    if (base === undefined) throw new RefusedInput(issues);
    return base;
  }
  const tarifs = within(tarifsLabel, () => readJsonFile(tarifsFile));
  if (base === undefined || tarifs === undefined) {
    // Un catalogue illisible n'empêche pas de juger la forme du fichier de tarifs.
    if (tarifs !== undefined) issues.push(...validateTarifs(tarifs).map((i) => inFile(i, '', { tarifs: tarifsLabel })));
    throw new RefusedInput(issues);
  }
  // Un problème du catalogue complété (hors du fichier de tarifs) est au nom du catalogue choisi.
  const catalogueLabel = file !== undefined ? `${options.catalogue} ${file}` : choice.millesime !== undefined ? `--millesime ${choice.millesime}` : undefined;
  const completed = within('', () => completeCatalogue(base, tarifs as Tarifs), { tarifs: tarifsLabel, ...(catalogueLabel === undefined ? {} : { catalogue: catalogueLabel }) });
  if (completed === undefined) throw new RefusedInput(issues);
  return completed;
}

import { fromZodIssues } from '../errors/from-zod.js';
import { QuoteError } from '../errors/quote-error.js';
import { catalogue2026 } from './2026.js';
import { deepFreeze } from './freeze.js';
import { CatalogueSchema, type Catalogue } from './schema.js';

const validated = new WeakSet<object>([catalogue2026]);

/**
 * Marque un catalogue gelé comme déjà validé, pour ne pas le revalider à chaque devis.
 *
 * @internal
 * @example
 * ```ts
 * trustCatalogue(deepFreeze(catalogue));
 * ```
 */
export function trustCatalogue(catalogue: Catalogue): Catalogue {
  validated.add(deepFreeze(catalogue));
  return catalogue;
}

/**
 * Valide un catalogue fourni par l'appelant (ou rend le catalogue 2026 embarqué). Un catalogue
 * déjà validé et gelé n'est pas revalidé.
 *
 * @internal
 * @throws {QuoteError} `CATALOGUE_INVALIDE`, avec tous les problèmes, si le catalogue n'a pas la forme attendue
 * @example
 * ```ts
 * resolveCatalogue(undefined) === catalogue2026;
 * //=> true
 * ```
 */
export function resolveCatalogue(catalogue: unknown, path: readonly (string | number)[] = ['catalogue']): Catalogue {
  if (catalogue === undefined) return catalogue2026;
  if (typeof catalogue === 'object' && catalogue !== null && validated.has(catalogue)) return catalogue as Catalogue;
  const parsed = CatalogueSchema.safeParse(catalogue, { reportInput: true });
  if (!parsed.success) {
    throw new QuoteError(
      fromZodIssues(parsed.error.issues, path).map((i) => ({ ...i, code: 'CATALOGUE_INVALIDE' as const })),
    );
  }
  return trustCatalogue(parsed.data);
}

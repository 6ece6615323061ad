import { fromZodIssues } from '../errors/from-zod.js';
import { guard, QuoteError, type QuoteIssue, type SafeResult } from '../errors/quote-error.js';
import { lintCatalogue } from './lint.js';
import { catalogue2026 } from './2026.js';
import { deepFreeze } from './freeze.js';
import { catalogueSchemas } from './schema.js';
import type { Catalogue } from './types.js';

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
 * @throws {QuoteError} `CATALOGUE_INVALIDE` si le catalogue n'a pas la forme attendue, `CATALOGUE_INCOHERENT` si ses paliers, strates ou montants sont incohérents (tous les problèmes à la fois)
 * @example
 * ```ts
 * resolveCatalogue(undefined) === catalogue2026;
 * //=> true
 * ```
 */
export function resolveCatalogue(catalogue: unknown, path: readonly (string | number)[] = ['catalogue']): Catalogue {
  if (catalogue === undefined) return catalogue2026;
  if (typeof catalogue === 'object' && catalogue !== null && validated.has(catalogue)) return catalogue as Catalogue;
  const parsed = catalogueSchemas().CatalogueSchema.safeParse(catalogue, { reportInput: true });
  if (!parsed.success) {
    throw new QuoteError(
      fromZodIssues(parsed.error.issues, path).map((i) => ({ ...i, code: 'CATALOGUE_INVALIDE' as const })),
    );
  }
  const incoherent = lintErrors(parsed.data, (chemin) => [...path, ...chemin]);
  if (incoherent.length > 0) throw new QuoteError(incoherent);
  return trustCatalogue(parsed.data);
}

/**
 * Les erreurs de {@link lintCatalogue} d'un catalogue, en problèmes `CATALOGUE_INCOHERENT`.
 *
 * @internal
 * @example
 * ```ts
 * lintErrors(catalogue2026, (chemin) => ['catalogue', ...chemin]);
 * //=> []
 * ```
 */
export function lintErrors(catalogue: Catalogue, at: (chemin: readonly (string | number)[]) => (string | number)[]): QuoteIssue[] {
  return lintCatalogue(catalogue)
    .filter((f) => f.niveau === 'erreur')
    .map((f) => ({ code: 'CATALOGUE_INCOHERENT' as const, path: at(f.chemin), message: f.message }));
}

/**
 * Valide un catalogue (par exemple celui de l'année prochaine, écrit en JSON) et le rend gelé,
 * prêt pour {@link quote}.
 *
 * @param value - le catalogue à valider
 * @returns le catalogue validé et gelé
 * @throws {QuoteError} `CATALOGUE_INVALIDE` ou `CATALOGUE_INCOHERENT`, avec tous les problèmes
 * @category Catalogue
 * @example
 * ```ts
 * const catalogue2027 = parseCatalogue(JSON.parse(texte));
 * quote(adhesion, { catalogue: catalogue2027 });
 * ```
 */
export function parseCatalogue(value: unknown): Catalogue {
  const result = safeParseCatalogue(value);
  if (result.success) return result.data;
  throw new QuoteError(result.issues);
}

/**
 * Comme {@link parseCatalogue}, mais rend `{ success, data }` ou `{ success: false, issues }`.
 *
 * @param value - le catalogue à valider
 * @returns le catalogue validé, ou tous les problèmes trouvés
 * @category Catalogue
 * @example
 * ```ts
 * safeParseCatalogue({ millesime: 2027 }).success;
 * //=> false
 * ```
 */
export function safeParseCatalogue(value: unknown): SafeResult<Catalogue> {
  return guard(() => resolveCatalogue(value === undefined ? null : value, []));
}

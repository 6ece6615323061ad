import type { Path, QuoteIssue, SafeResult } from '../core/shapes.js';
import { guard, QuoteError, unwrap } from '../errors/quote-error.js';
import { snapshot, type Snapshot } from '../input/snapshot.js';
import { deepFreeze } from '../shared/freeze.js';
import { isIssueCode, makeIssue } from '../wording/issues.js';
import { catalogue2026 } from './2026.js';
import { judgeCatalogue, type LintFinding } from './lint.js';
import { isRegistry, type Registry, type RegistryOptions } from '../prestations/create-registry.js';
import { describeValue } from '../errors/from-zod.js';
import { REGISTRY } from '../prestations/registry.js';
import { isDeepFrozenData, isTrusted, registryOf, rememberRevalidated, revalidated, trust } from './trust.js';
import type { Catalogue } from './types.js';

const SHAPE_CODES = new Set(['FORME_INVALIDE', 'MONTANT_ILLISIBLE', 'MONTANT_NEGATIF', 'MONTANT_TROP_PRECIS', 'GRILLE_INCOMPLETE']);

/**
 * Les erreurs d'un catalogue en problèmes : `CATALOGUE_INVALIDE` pour la forme,
 * `CATALOGUE_INCOHERENT` pour la cohérence, au chemin donné par `at`.
 *
 * @internal
 */
export function findingsToIssues(findings: readonly LintFinding[], at: (path: Path) => Path): QuoteIssue[] {
  return findings
    .filter((f) => f.niveau === 'erreur')
    .map((f) => {
      const path = at(f.path);
      const { code, raison, ...rest } = f.chiffres;
      // Une remarque de forme tirée d'un problème (champ manquant…) garde son code et ses paramètres.
      if (typeof code === 'string' && isIssueCode(code)) return makeIssue('CATALOGUE_INVALIDE', path, { raison: 'probleme', code, detail: raison ?? null, ...rest });
      return makeIssue(SHAPE_CODES.has(f.code) ? 'CATALOGUE_INVALIDE' : 'CATALOGUE_INCOHERENT', path, { ...f.chiffres, raison: 'lint', lintCode: f.code });
    });
}

/**
 * Valide un catalogue lu (copie sans getter ni proxy) et le rend gelé et de confiance.
 *
 * @internal
 * @throws {QuoteError} avec tous ses problèmes de forme et de cohérence
 */
export function acceptCatalogue(snap: Snapshot, at: (path: Path) => Path, r: Registry = REGISTRY): Catalogue {
  const judged = judgeCatalogue(snap.value, undefined, r);
  const read = snap.issues.map((i) => ({ ...i, path: at(i.path), code: 'CATALOGUE_INVALIDE' as const }));
  if (judged.catalogue === undefined || read.length > 0) {
    const unreadable = (f: LintFinding) => snap.unreadable.has(JSON.stringify(f.path)) && f.code === 'FORME_INVALIDE';
    throw new QuoteError([...read, ...findingsToIssues(judged.findings.filter((f) => !unreadable(f)), at)]);
  }
  return trust(deepFreeze(judged.catalogue), r);
}

/**
 * Le catalogue à utiliser : le catalogue 2026 embarqué par défaut ; un catalogue déjà validé par
 * cette copie de la bibliothèque tel quel ; sinon la valeur est lue une fois, validée (forme et cohérence, tous les problèmes à la
 * fois), gelée et retenue comme catalogue de confiance.
 *
 * @internal
 * @throws {QuoteError} `CATALOGUE_INVALIDE` ou `CATALOGUE_INCOHERENT`
 */
export function resolveCatalogue(catalogue: unknown, path: Path = ['catalogue'], registry?: Registry): Catalogue {
  if (catalogue === undefined) return catalogue2026;
  // Un catalogue de confiance est pris tel quel, sauf s'il est demandé selon un autre registre que le sien.
  if (isTrusted(catalogue) && (registry === undefined || registryOf(catalogue) === registry)) return catalogue;
  const r = registry ?? REGISTRY;
  // Un catalogue d'une autre copie de la bibliothèque (autre build) est revalidé ; gelé en profondeur,
  // sa copie validée est retenue et resservie.
  const known = revalidated(catalogue, r);
  if (known !== undefined) return known;
  const frozen = isDeepFrozenData(catalogue);
  return rememberRevalidated(catalogue, frozen, acceptCatalogue(snapshot(catalogue), (chemin) => [...path, ...chemin], r), r);
}

/**
 * Les options de {@link parseCatalogue}.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const options: ParseCatalogueOptions = { registry: REGISTRY };
 * ```
 */
export interface ParseCatalogueOptions extends RegistryOptions {
  /**
   * Le registre des modèles de prix et des prestations selon lequel lire le catalogue (voir
   * {@link extendRegistry}) ; par défaut le registre intégré. Le catalogue validé le retient.
   */
  readonly registry?: Registry | undefined;
}

/**
 * Valide un catalogue (par exemple celui de l'année prochaine, écrit en JSON) et le rend gelé,
 * prêt pour {@link quote}. Tous ses problèmes de forme et de cohérence sont signalés à la fois.
 *
 * @param value - le catalogue à valider
 * @param options - au besoin, le registre selon lequel le lire (`registry`)
 * @returns le catalogue validé et gelé
 * @throws {@link QuoteError} `CATALOGUE_INVALIDE` ou `CATALOGUE_INCOHERENT`, avec tous les problèmes
 * @category Catalogue
 * @example
 * ```ts
 * const catalogue2027 = parseCatalogue(JSON.parse(texte));
 * quote(adhesion, { catalogue: catalogue2027 });
 * ```
 */
export function parseCatalogue(value: unknown, options?: ParseCatalogueOptions): Catalogue {
  return unwrap(safeParseCatalogue(value, options));
}

/**
 * Comme {@link parseCatalogue}, mais rend `{ success, data }` ou `{ success: false, issues }`.
 * Ne lève jamais.
 *
 * @param value - le catalogue à valider
 * @param options - au besoin, le registre selon lequel le lire (`registry`)
 * @returns le catalogue validé, ou tous les problèmes trouvés
 * @category Catalogue
 * @example
 * ```ts
 * safeParseCatalogue({ millesime: 2027 }).success;
 * //=> false
 * ```
 */
export function safeParseCatalogue(value: unknown, options?: ParseCatalogueOptions): SafeResult<Catalogue> {
  return guard(() => resolveCatalogue(value === undefined ? null : value, [], registryOption(options)));
}

/** Le registre demandé par les options : absent, ou un registre (`REGISTRY`, `extendRegistry`). */
function registryOption(options: unknown): Registry | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  let registry: unknown;
  try {
    registry = (options as { registry?: unknown }).registry;
  } catch {
    throw new QuoteError([makeIssue('ENTREE_INVALIDE', ['options', 'registry'], { raison: 'optionIllisible' })]);
  }
  if (registry === undefined || isRegistry(registry)) return registry;
  throw new QuoteError([makeIssue('ENTREE_INVALIDE', ['options', 'registry'], { raison: 'type', attendu: 'un registre (REGISTRY ou extendRegistry)', recu: describeValue(registry) })]);
}

import type { Catalogue } from './types.js';

/**
 * Les catalogues déjà validés et gelés, partagés par les builds ESM et CJS de la bibliothèque
 * (sous une clé `Symbol.for` de l'objet global) : un catalogue complété par l'un n'est pas
 * revalidé par l'autre. La confiance ne passe jamais par une propriété du catalogue lui-même,
 * qu'une entrée pourrait porter.
 */
// La version du schéma du catalogue est dans la clé : deux versions incompatibles de la bibliothèque
// chargées ensemble ne se font pas confiance.
const KEY = Symbol.for('@te90/tarifs/catalogues-valides/schema-1');

function registry(): WeakSet<object> {
  const holder = globalThis as { [KEY]?: WeakSet<object> };
  let set = holder[KEY];
  if (!(set instanceof WeakSet)) {
    set = new WeakSet();
    Object.defineProperty(holder, KEY, { value: set, enumerable: false, configurable: false, writable: false });
  }
  return set;
}

const TRUSTED = registry();

/**
 * Inscrit un catalogue validé et gelé parmi les catalogues de confiance.
 *
 * @internal
 */
export function trust<T extends Catalogue>(catalogue: T): T {
  TRUSTED.add(catalogue);
  return catalogue;
}

/**
 * Indique si une valeur est un catalogue déjà validé et gelé.
 *
 * @internal
 */
export function isTrusted(value: unknown): value is Catalogue {
  return typeof value === 'object' && value !== null && TRUSTED.has(value);
}

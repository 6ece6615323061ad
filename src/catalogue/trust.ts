import { isRegistry, type Registry } from '../prestations/create-registry.js';
import { REGISTRY } from '../prestations/registry.js';
import type { Catalogue } from './types.js';

/**
 * Les catalogues validés et gelés par cette copie de la bibliothèque, et le registre selon lequel
 * chacun l'a été. La table est privée au module : aucun autre code (ni l'objet global, ni une
 * propriété du catalogue, qu'une entrée pourrait porter) ne peut y inscrire un objet.
 */
const TRUSTED = new WeakMap<object, Registry>();

/**
 * Les catalogues venus d'ailleurs (une autre copie de la bibliothèque, comme l'autre build ESM ou
 * CJS) déjà revalidés ici, et leur copie validée : un catalogue gelé en profondeur, fait de données
 * simples, ne peut plus changer, sa validation vaut donc pour toujours. Privé au module.
 */
const REVALIDATED = new WeakMap<Registry, WeakMap<object, Catalogue>>();

/**
 * Inscrit un catalogue validé et gelé par cette copie parmi les catalogues de confiance.
 *
 * @internal
 */
export function trust<T extends Catalogue>(catalogue: T, registry: Registry = REGISTRY): T {
  TRUSTED.set(catalogue, registry);
  return catalogue;
}

/**
 * Le registre selon lequel un catalogue validé l'a été (voir {@link extendRegistry}) ; le registre
 * intégré pour toute autre valeur. Un client s'en sert pour lire ce que le catalogue peut contenir
 * (les modèles de prix et leurs libellés, les prestations et leurs paramètres).
 *
 * @param catalogue - un catalogue validé (ou toute valeur)
 * @returns son registre
 * @category Extension
 * @example
 * ```ts
 * registryOf(catalogue2026) === REGISTRY;
 * //=> true
 * ```
 */
export function registryOf(catalogue: unknown): Registry {
  return (typeof catalogue === 'object' && catalogue !== null ? TRUSTED.get(catalogue) : undefined) ?? REGISTRY;
}

/**
 * Le registre demandé par des options (`{ registry }`), sinon celui du catalogue. Ne lève jamais :
 * des options illisibles ou un registre qui n'en est pas un sont ignorés.
 *
 * @internal
 */
export function registryFrom(options: unknown, catalogue: unknown): Registry {
  try {
    const registry = typeof options === 'object' && options !== null ? (options as { registry?: unknown }).registry : undefined;
    if (isRegistry(registry)) return registry;
  } catch {
    // Des options illisibles ne changent pas le registre.
  }
  return registryOf(catalogue);
}

/**
 * Indique si une valeur est un catalogue validé et gelé par cette copie de la bibliothèque.
 *
 * @internal
 */
export function isTrusted(value: unknown): value is Catalogue {
  return typeof value === 'object' && value !== null && TRUSTED.has(value);
}

/**
 * La copie validée d'un catalogue venu d'ailleurs et déjà revalidé, s'il y en a une.
 *
 * @internal
 */
export function revalidated(value: unknown, registry: Registry = REGISTRY): Catalogue | undefined {
  return typeof value === 'object' && value !== null ? REVALIDATED.get(registry)?.get(value) : undefined;
}

/**
 * Indique si une valeur est gelée en profondeur et faite de données simples (objets simples, listes,
 * propriétés de données, sans getter) : son contenu ne peut plus changer. Ne lève jamais.
 *
 * @internal
 */
export function isDeepFrozenData(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  try {
    while (stack.length > 0) {
      const v = stack.pop();
      if (typeof v === 'function') return false;
      if (typeof v !== 'object' || v === null || seen.has(v)) continue;
      seen.add(v);
      if (!Object.isFrozen(v)) return false;
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== null && proto !== Object.prototype && proto !== Array.prototype) return false;
      for (const key of Reflect.ownKeys(v)) {
        const d = Reflect.getOwnPropertyDescriptor(v, key);
        if (d === undefined || !('value' in d)) return false;
        stack.push(d.value);
      }
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Retient la copie validée d'un catalogue venu d'ailleurs, s'il ne peut plus changer (gelé en
 * profondeur avant sa lecture : `frozen`). Un catalogue modifiable est revalidé à chaque usage.
 *
 * @internal
 */
export function rememberRevalidated(original: unknown, frozen: boolean, copy: Catalogue, registry: Registry = REGISTRY): Catalogue {
  if (frozen && typeof original === 'object' && original !== null) {
    let known = REVALIDATED.get(registry);
    if (known === undefined) REVALIDATED.set(registry, (known = new WeakMap()));
    known.set(original, copy);
  }
  return copy;
}

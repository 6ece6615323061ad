import type { Registry } from '../prestations/create-registry.js';
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
 * Le registre selon lequel un catalogue de confiance a été validé (le registre intégré pour tout
 * autre valeur).
 *
 * @internal
 */
export function registryOf(catalogue: unknown): Registry {
  return (typeof catalogue === 'object' && catalogue !== null ? TRUSTED.get(catalogue) : undefined) ?? REGISTRY;
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

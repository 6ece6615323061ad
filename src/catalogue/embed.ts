import { deepFreeze } from '../shared/freeze.js';
import { withDeclarations } from './defaults.js';
import { trust } from './trust.js';
import type { Catalogue } from './types.js';

/**
 * Un catalogue embarqué (des données JSON, de confiance parce qu'un test les valide) : complété par
 * les déclarations, gelé et inscrit parmi les catalogues de confiance. Sans zod : l'import reste
 * léger ; sans effet hors de son résultat : un paquet qui ne l'utilise pas le retire.
 *
 * @internal
 */
export function embedCatalogue<C extends Catalogue>(data: unknown): C {
  return trust(deepFreeze(withDeclarations(data as { readonly prestations: unknown }))) as C;
}

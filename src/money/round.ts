import { decimalOf, Dec } from './decimal.js';

/**
 * La règle d'arrondi de la bibliothèque, et la seule : chaque ligne est arrondie au centime,
 * au demi supérieur (`2069,565 → 2069,57`). Un total est la somme de lignes déjà arrondies.
 * Un zéro négatif devient zéro.
 *
 * @internal
 */
export function roundToCent(value: Dec): Dec {
  const rounded = value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  return rounded.isNegative() && rounded.isZero() ? ZERO : rounded;
}

const ZERO = /* @__PURE__ */ new Dec(0);

/**
 * Écrit un montant arrondi en chaîne décimale à deux chiffres après le point.
 *
 * @internal
 */
export function toMontant(value: Dec): string {
  return roundToCent(value).toFixed(2);
}

/**
 * Les sommes déjà faites, en arbre : un nœud par suite de montants (ses montants dans l'ordre). Le
 * premier montant qui suit un nœud y est gardé à part (le cas de presque tous les nœuds), les autres
 * dans une table.
 */
interface SumNode {
  total: string | undefined;
  key: string | undefined;
  child: SumNode | undefined;
  more: Map<string, SumNode> | undefined;
}

const node = (): SumNode => ({ total: undefined, key: undefined, child: undefined, more: undefined });

const SUMS_LIMIT = 16_384;

/**
 * Les sommes de montants déjà faites, bornées (16 384 nœuds, puis tout est oublié) : gardées sur les
 * données qu'elles servent (le catalogue des devis, par une `WeakMap`), qui les emportent avec elles.
 *
 * @internal
 */
export class SumCache {
  root: SumNode = node();
  nodes = 0;
}

/**
 * Additionne des montants de lignes déjà arrondis (`"2069.57"`), en décimaux exacts : la somme
 * d'un total est celle de ses lignes.
 *
 * @internal
 */
export function sumMontants(texts: readonly string[]): string {
  return sumMontantsOf(texts, (t) => t);
}

/**
 * Comme {@link sumMontants}, sur les montants d'une liste d'éléments (les lignes d'un devis) ; avec
 * `cache`, une suite de montants déjà additionnée n'est pas refaite.
 *
 * @internal
 */
export function sumMontantsOf<T>(items: readonly T[], montant: (item: T) => string, cache?: SumCache): string {
  if (items.length === 1) return montant(items[0]!);
  if (items.length === 0) return '0.00';
  if (cache === undefined) return add(items, montant);
  let at = cache.root;
  for (let i = 0; i < items.length; i++) {
    const t = montant(items[i]!);
    let next = at.key === t ? at.child : at.more?.get(t);
    if (next === undefined) {
      if (++cache.nodes > SUMS_LIMIT) {
        cache.root = node();
        cache.nodes = 0;
        return add(items, montant);
      }
      next = node();
      if (at.key === undefined) {
        at.key = t;
        at.child = next;
      } else (at.more ??= new Map()).set(t, next);
    }
    at = next;
  }
  return (at.total ??= add(items, montant));
}

function add<T>(items: readonly T[], montant: (item: T) => string): string {
  let total = ZERO;
  for (let i = 0; i < items.length; i++) total = total.plus(decimalOf(montant(items[i]!)));
  return total.toFixed(2);
}

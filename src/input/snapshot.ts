import type { Path, QuoteIssue } from '../core/shapes.js';
import { describeError } from '../errors/quote-error.js';

/**
 * La marque d'une valeur qui n'a pas pu être lue (getter ou piège de proxy qui lève, référence
 * circulaire, objet qui n'est pas une donnée simple). Le problème est signalé par la lecture elle-même.
 */
const UNREADABLE: unique symbol = Symbol('illisible');

/** Au-delà, les objets et listes sont lus vides : aucune entrée attendue n'est aussi profonde. */
const MAX_DEPTH = 64;
/** Au-delà, l'entrée est refusée comme trop volumineuse. */
const MAX_NODES = 2_000_000;

/**
 * Une entrée lue une fois pour toutes : une copie faite d'objets simples, de listes et de
 * valeurs primitives, les problèmes de lecture, et les chemins des valeurs illisibles.
 *
 * @internal
 */
export interface Snapshot {
  /** La copie ; une valeur illisible y est remplacée par une marque. */
  readonly value: unknown;
  /** Les problèmes de lecture (`ENTREE_INVALIDE`), au chemin de la valeur. */
  readonly issues: readonly QuoteIssue[];
  /** Les chemins (`JSON.stringify(path)`) des valeurs illisibles. */
  readonly unreadable: ReadonlySet<string>;
}

interface State {
  nodes: number;
  readonly issues: QuoteIssue[];
  readonly unreadable: Set<string>;
  readonly ancestors: Set<object>;
  readonly copies: Map<object, unknown>;
}

function fail(state: State, path: Path, message: string): typeof UNREADABLE {
  state.issues.push({ code: 'ENTREE_INVALIDE', path, message });
  state.unreadable.add(JSON.stringify(path));
  return UNREADABLE;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function isPlainPrototype(proto: object | null): boolean {
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function exoticName(value: object): string {
  try {
    if (value instanceof Date) return 'une date';
    if (value instanceof Map || value instanceof Set) return 'une collection (Map ou Set)';
  } catch {
    // Un piège de proxy a levé : la description générale suffit.
  }
  return "un objet qui n'est pas une donnée simple (instance de classe…)";
}

function read(value: unknown, path: Path, depth: number, state: State): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = state.copies.get(value);
  if (known !== undefined) return known;
  if (state.ancestors.has(value)) return fail(state, path, 'Référence circulaire : la donnée se contient elle-même.');
  if (++state.nodes > MAX_NODES) return fail(state, path, `Entrée trop volumineuse (plus de ${MAX_NODES} valeurs).`);
  try {
    const array = Array.isArray(value);
    if (!array && !isPlainPrototype(Object.getPrototypeOf(value))) {
      return fail(state, path, `Attendu : une donnée simple (objet, liste, texte, nombre) ; reçu : ${exoticName(value)}.`);
    }
    if (depth >= MAX_DEPTH) return array ? [] : {};
    state.ancestors.add(value);
    let copy: unknown;
    if (array) {
      const length = (value as unknown[]).length;
      if (!Number.isSafeInteger(length) || length < 0 || length > MAX_NODES - state.nodes) {
        state.ancestors.delete(value);
        return fail(state, path, `Liste trop longue ou illisible (${String(length)} éléments).`);
      }
      const out: unknown[] = new Array(length);
      for (let i = 0; i < length; i++) out[i] = readMember(value, i, path, depth, state);
      copy = out;
    } else {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) setOwn(out, key, readMember(value, key, path, depth, state));
      copy = out;
    }
    state.ancestors.delete(value);
    state.copies.set(value, copy);
    return copy;
  } catch (error) {
    state.ancestors.delete(value);
    return fail(state, path, `Donnée illisible : sa lecture a levé une exception (${describeError(error)}).`);
  }
}

function readMember(container: object, key: string | number, path: Path, depth: number, state: State): unknown {
  let member: unknown;
  try {
    member = (container as Record<string | number, unknown>)[key];
  } catch (error) {
    return fail(state, [...path, key], `Donnée illisible : sa lecture a levé une exception (${describeError(error)}).`);
  }
  return typeof member === 'object' && member !== null ? read(member, [...path, key], depth + 1, state) : member;
}

/**
 * Lit une entrée une seule fois, par un seul lecteur protégé : chaque propriété propre énumérable
 * est lue une fois (un getter est appelé une fois), un proxy dont un piège lève, une référence
 * circulaire ou un objet exotique (date, Map, instance de classe) donnent un problème à leur chemin.
 * Validation, règles et chiffrage ne voient ensuite que la copie. Ne lève jamais.
 *
 * @internal
 * @param input - l'entrée brute
 * @param base - le chemin de l'entrée (pour les messages)
 */
export function snapshot(input: unknown, base: Path = []): Snapshot {
  const state: State = { nodes: 0, issues: [], unreadable: new Set(), ancestors: new Set(), copies: new Map() };
  const value = read(input, base, 0, state);
  return { value, issues: state.issues, unreadable: state.unreadable };
}

/**
 * Retire, des problèmes trouvés par la validation, ceux qui portent sur une valeur illisible : la
 * lecture les a déjà signalés. Un champ inconnu reste signalé.
 *
 * @internal
 */
export function withoutUnreadable(issues: readonly QuoteIssue[], snap: Snapshot): QuoteIssue[] {
  if (snap.unreadable.size === 0) return [...issues];
  return issues.filter((i) => i.code === 'CHAMP_INCONNU' || !snap.unreadable.has(JSON.stringify(i.path)));
}

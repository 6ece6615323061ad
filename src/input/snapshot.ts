import type { Path, QuoteIssue } from '../core/shapes.js';
import { describeValue } from '../errors/from-zod.js';
import { describeError } from '../errors/quote-error.js';
import { makeIssue, type IssueParamsByCode } from '../wording/issues.js';

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

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
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

/**
 * Une longueur lue, en texte, jugée sur son type réel : un nombre tel quel, une chaîne entre
 * guillemets (tronquée), toute autre valeur par son type (la convertir pourrait lever).
 *
 * @internal
 */
export function lengthText(length: unknown): string {
  if (typeof length === 'number') return String(length);
  if (typeof length === 'string') return `« ${length.slice(0, 40)} »`;
  return describeValue(length);
}

const NONE: readonly QuoteIssue[] = /* @__PURE__ */ Object.freeze([]);
const NO_PATHS: ReadonlySet<string> = new Set();

/** La nature d'une valeur lue : donnée simple (objet, liste), primitive, ou problème déjà signalé. */
export type Kind = 'object' | 'array' | 'primitive' | 'unreadable';

/**
 * Le lecteur protégé d'une entrée : chaque propriété est lue une fois (`get`), chaque valeur copiée
 * en données simples (`copy`) ; tout problème de lecture est signalé au chemin courant (`path`, une
 * pile que l'appelant tient à jour avec `enter` et `leave`). Ne lève jamais.
 *
 * @internal
 */
export class Reader {
  private problems: QuoteIssue[] | undefined;
  private unreadablePaths: Set<string> | undefined;
  readonly path: (string | number)[];
  private nodes = 0;
  private readonly ancestors: object[] = [];
  /** Les objets déjà copiés, et leur copie : une liste tant qu'ils sont peu nombreux. */
  private readonly seen: unknown[] = [];
  private copies: Map<object, unknown> | undefined;

  constructor(base: Path = []) {
    this.path = [...base];
  }

  /** Signale un problème de lecture au chemin courant et rend la marque d'une valeur illisible. */
  fail(params: IssueParamsByCode['ENTREE_INVALIDE']): typeof UNREADABLE {
    const path = [...this.path];
    (this.problems ??= []).push(makeIssue('ENTREE_INVALIDE', path, params));
    (this.unreadablePaths ??= new Set()).add(JSON.stringify(path));
    return UNREADABLE;
  }

  enter(key: string | number): void {
    this.path.push(key);
  }

  leave(): void {
    this.path.pop();
  }

  /** La nature d'une valeur : un objet exotique, un proxy qui lève ou une entrée trop grande est signalé. */
  kind(value: unknown): Kind {
    if (typeof value !== 'object' || value === null) return 'primitive';
    if (++this.nodes > MAX_NODES) {
      this.fail({ raison: 'volumineuse', maximum: MAX_NODES });
      return 'unreadable';
    }
    try {
      if (Array.isArray(value)) return 'array';
      const proto = Object.getPrototypeOf(value) as object | null;
      if (proto === null || Object.getPrototypeOf(proto) === null) return 'object';
      this.fail({ raison: 'type', attendu: 'donneeSimple', recu: exoticName(value) });
    } catch (error) {
      this.fail({ raison: 'illisible', detail: describeError(error) });
    }
    return 'unreadable';
  }

  /** Les clés propres énumérables d'un objet, ou `undefined` (signalé) si elles ne peuvent être lues. */
  keys(value: object): string[] | undefined {
    try {
      return Object.keys(value);
    } catch (error) {
      this.fail({ raison: 'illisible', detail: describeError(error) });
      return undefined;
    }
  }

  /** La longueur d'une liste, ou `undefined` (signalé) si elle est illisible ou démesurée. */
  length(value: object): number | undefined {
    let length: unknown;
    try {
      length = (value as unknown[]).length;
    } catch (error) {
      this.fail({ raison: 'illisible', detail: describeError(error) });
      return undefined;
    }
    if (typeof length === 'number' && Number.isSafeInteger(length) && length >= 0 && length <= MAX_NODES - this.nodes) return length;
    this.fail({ raison: 'listeIllisible', longueur: lengthText(length) });
    return undefined;
  }

  /** Lit une fois `container[key]` (un getter est appelé une fois), sans copier ; le chemin courant est celui du membre. */
  get(container: object, key: string | number): unknown {
    try {
      return (container as Record<string | number, unknown>)[key];
    } catch (error) {
      return this.fail({ raison: 'illisible', detail: describeError(error) });
    }
  }

  /** Copie une valeur déjà lue (au chemin courant) en données simples, en lisant une fois chacun de ses membres. */
  copy(value: unknown, depth = 0): unknown {
    if (typeof value === 'function') return this.fail({ raison: 'type', attendu: 'donneeSimple', recu: 'une fonction' });
    if (typeof value !== 'object' || value === null) return value;
    const opened = this.open(value, depth);
    return typeof opened === 'string' ? this.fill(value, opened, depth) : opened.copy;
  }

  /**
   * Ouvre un objet pour le lire : sa nature (`object` ou `array`), ou sa copie déjà faite (objet déjà
   * lu ailleurs, référence circulaire, objet illisible ou trop profond). Un objet ouvert se termine
   * par `fill` (lecture générique) ou par `close` (lecture faite par l'appelant).
   */
  open(value: object, depth: number): 'object' | 'array' | { readonly copy: unknown } {
    const known = this.copies !== undefined ? this.copies.get(value) : this.known(value);
    if (known !== undefined) return { copy: known };
    if (this.ancestors.includes(value)) return { copy: this.fail({ raison: 'circulaire' }) };
    const kind = this.kind(value);
    if (kind === 'unreadable') return { copy: UNREADABLE };
    if (depth >= MAX_DEPTH) return { copy: kind === 'array' ? [] : {} };
    this.ancestors.push(value);
    return kind === 'array' ? 'array' : 'object';
  }

  /** Lit tous les membres d'un objet ouvert et le ferme. */
  fill(value: object, kind: 'object' | 'array', depth: number): unknown {
    let copy: unknown = UNREADABLE;
    if (kind === 'array') {
      const length = this.length(value);
      if (length !== undefined) {
        const out: unknown[] = new Array(length);
        for (let i = 0; i < length; i++) out[i] = this.member(value, i, depth);
        copy = out;
      }
    } else {
      const keys = this.keys(value);
      if (keys !== undefined) {
        const out: Record<string, unknown> = {};
        for (const key of keys) setOwn(out, key, this.member(value, key, depth));
        copy = out;
      }
    }
    return this.close(value, copy);
  }

  /** Ferme un objet ouvert avec sa copie, et la retient (une référence partagée n'est lue qu'une fois). */
  close(value: object, copy: unknown): unknown {
    this.ancestors.pop();
    if (copy !== UNREADABLE) {
      if (this.copies !== undefined) this.copies.set(value, copy);
      else if (this.seen.length < 64) this.seen.push(value, copy);
      else {
        this.copies = new Map();
        for (let i = 0; i < this.seen.length; i += 2) this.copies.set(this.seen[i] as object, this.seen[i + 1]);
        this.copies.set(value, copy);
      }
    }
    return copy;
  }

  private known(value: object): unknown {
    const seen = this.seen;
    for (let i = 0; i < seen.length; i += 2) if (seen[i] === value) return seen[i + 1];
    return undefined;
  }

  /** Ajoute un membre à une copie d'objet (la clé `__proto__` reste une donnée). */
  static set(target: Record<string, unknown>, key: string, value: unknown): void {
    setOwn(target, key, value);
  }

  /** Lit et copie un membre : `copy(get(container, key))`, au chemin du membre. */
  member(container: object, key: string | number, depth = 0): unknown {
    this.path.push(key);
    const raw = this.get(container, key);
    const out = (typeof raw === 'object' && raw !== null) || typeof raw === 'function' ? this.copy(raw, depth + 1) : raw;
    this.path.pop();
    return out;
  }

  /** La copie lue et ses problèmes. */
  result(value: unknown): Snapshot {
    return { value, issues: this.problems ?? NONE, unreadable: this.unreadablePaths ?? NO_PATHS };
  }
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
  const reader = new Reader(base);
  return reader.result(reader.copy(input));
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

import type { Path, QuoteIssue, SafeResult } from '../core/shapes.js';
import { makeIssue, escapeControlCharacters } from '../wording/issues.js';
import { readingArgument } from './arguments.js';

/**
 * La marque des erreurs de la bibliothèque, partagée par ses builds ESM et CJS : une
 * {@link QuoteError} levée par l'un est reconnue par le {@link isQuoteError} de l'autre.
 */
const BRAND: unique symbol = Symbol.for('@te90/tarifs/QuoteError') as never;

/**
 * L'erreur levée par la bibliothèque, et la seule. Elle porte tous les problèmes trouvés
 * dans l'entrée (`issues`), pas seulement le premier.
 *
 * @category Erreurs
 * @example
 * ```ts
 * try {
 *   quote({ collectivite: { nom: 'X', siren: '123', type: 'commune' }, prestations: {} } as Adhesion);
 * } catch (error) {
 *   if (isQuoteError(error)) error.issues.map((i) => i.code);
 *   //=> ['SIREN_INVALIDE', 'MAINTENANCE_BASE_OBLIGATOIRE']
 * }
 * ```
 */
export class QuoteError extends Error {
  /** Tous les problèmes trouvés. */
  readonly issues: readonly QuoteIssue[];

  constructor(issues: readonly QuoteIssue[]) {
    super(summarize(issues));
    this.name = 'QuoteError';
    this.issues = issues;
    // La marque est posée sur le prototype par la première erreur construite, pas au chargement du
    // module : le paquet d'une application qui n'importe pas QuoteError n'en garde rien.
    if (!Object.prototype.hasOwnProperty.call(QuoteError.prototype, BRAND)) Object.defineProperty(QuoteError.prototype, BRAND, { value: true });
  }
}

function summarize(issues: readonly QuoteIssue[]): string {
  const lines = issues.map((i) => `- ${formatPath(i.path)} : ${i.message} [${i.code}]`);
  const head = issues.length === 1 ? '1 problème' : `${issues.length} problèmes`;
  return `${head} dans l'entrée :\n${lines.join('\n')}`;
}

/**
 * Écrit un chemin de donnée lisiblement : `prestations.packDemat.sirens[1]`, ou `(racine)`.
 *
 * @category Erreurs
 * @example
 * ```ts
 * formatPath(['prestations', 'packDemat', 'sirens', 1]);
 * //=> 'prestations.packDemat.sirens[1]'
 * ```
 */
export function formatPath(path: Path): string {
  return readingArgument('path', path, () => formatPathUnchecked(path));
}

function formatPathUnchecked(path: Path): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  // Une clé reçue peut porter des caractères de contrôle : ils sont montrés échappés.
  return out === '' ? '(racine)' : escapeControlCharacters(out);
}

/**
 * Indique si une valeur est une {@link QuoteError}, qu'elle vienne du build ESM ou CJS de la
 * bibliothèque : elle porte la marque de la bibliothèque, et ses `issues` sont bien une liste de
 * problèmes (chacun avec un code en majuscules — un code de la bibliothèque, ou celui d'un de ses
 * modules clients comme `@te90/tarifs/titres` —, un chemin de textes et de nombres, un message et des
 * paramètres). Lit chaque propriété une fois, et ne lève jamais d'exception, même sur un proxy révoqué.
 *
 * @category Erreurs
 * @example
 * ```ts
 * isQuoteError(new QuoteError([]));
 * //=> true
 * isQuoteError(new Error('x'));
 * //=> false
 * isQuoteError(Object.assign(new Error('x'), { [Symbol.for('@te90/tarifs/QuoteError')]: true, issues: 'non' }));
 * //=> false
 * ```
 */
export function isQuoteError(value: unknown): value is QuoteError {
  try {
    if (typeof value !== 'object' || value === null || (value as { [BRAND]?: unknown })[BRAND] !== true) return false;
    return isIssueList((value as { issues?: unknown }).issues);
  } catch {
    return false;
  }
}

/** La forme d'un code de problème, de la bibliothèque ou d'un module client (`ROLE_NON_EMISSIBLE`…) : des majuscules, des chiffres et des soulignés. */
const ISSUE_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Une liste de problèmes bien formés, lue une fois (peut lever sur une valeur hostile : l'appelant rattrape). */
function isIssueList(issues: unknown): boolean {
  if (!Array.isArray(issues)) return false;
  const length: unknown = issues.length;
  if (typeof length !== 'number') return false;
  for (let i = 0; i < length; i++) {
    const issue: unknown = issues[i];
    if (typeof issue !== 'object' || issue === null) return false;
    const { code, path, message, params } = issue as Record<string, unknown>;
    if (typeof code !== 'string' || !ISSUE_CODE.test(code)) return false;
    if (typeof message !== 'string' || typeof params !== 'object' || params === null || !Array.isArray(path)) return false;
    const n: unknown = path.length;
    if (typeof n !== 'number') return false;
    for (let k = 0; k < n; k++) {
      const part: unknown = path[k];
      if (typeof part !== 'string' && typeof part !== 'number') return false;
    }
  }
  return true;
}

/**
 * Décrit une exception sans jamais lever, pour le détail d'un problème : son message (200 caractères
 * au plus) si elle en a un, « exception sans message » sinon, « exception illisible » si la lire lève.
 *
 * @category Erreurs
 * @example
 * ```ts
 * describeError(new Error('disque plein'));
 * //=> 'disque plein'
 * ```
 */
export function describeError(error: unknown): string {
  try {
    if (typeof error === 'string') return error.slice(0, 200);
    const message = (error as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? message.slice(0, 200) : 'exception sans message';
  } catch {
    return 'exception illisible';
  }
}

/**
 * Une exception levée par une fonction de l'appelant (un rappel comme `onProgress`) : elle est
 * rapportée comme telle (`RAPPEL_EN_ERREUR`), pas comme une erreur de la bibliothèque.
 *
 * @internal
 */
export class CallerError {
  constructor(
    readonly path: Path,
    readonly cause: unknown,
  ) {}
}

function isOwnQuoteError(error: unknown): error is QuoteError {
  try {
    return error instanceof QuoteError && Array.isArray(error.issues);
  } catch {
    return false;
  }
}

function isCallerError(error: unknown): error is CallerError {
  try {
    return error instanceof CallerError;
  } catch {
    return false;
  }
}

/** Les propriétés que `Object.prototype` porte de lui-même ; toute autre y a été posée par un tiers. */
const OWN_PROTOTYPE_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'constructor',
  '__defineGetter__',
  '__defineSetter__',
  'hasOwnProperty',
  '__lookupGetter__',
  '__lookupSetter__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'valueOf',
  '__proto__',
  'toLocaleString',
]);

/**
 * Retire d'`Object.prototype`, le temps d'un calcul, les propriétés qu'un tiers y a posées (une autre
 * bibliothèque, une attaque) : une adhésion, un catalogue ou un schéma n'en héritent pas, et zod peut
 * construire ses schémas (il parcourt leurs formes par for…in). Rend de quoi les remettre, ou
 * `undefined` s'il n'y en a pas.
 */
function setPrototypeKeysAside(): (() => void) | undefined {
  // Le cas de presque tous les appels, sans rien allouer : aucune propriété énumérable. Une
  // propriété posée par affectation l'est ; dès qu'il y en a une, toutes celles d'un tiers sont mises de côté.
  if (Object.keys(Object.prototype).length === 0) return undefined;
  let names: string[];
  try {
    names = Object.getOwnPropertyNames(Object.prototype);
  } catch {
    return undefined;
  }
  const aside: [string, PropertyDescriptor][] = [];
  for (const name of names) {
    if (OWN_PROTOTYPE_KEYS.has(name)) continue;
    try {
      const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, name);
      if (descriptor?.configurable !== true) continue;
      delete (Object.prototype as Record<string, unknown>)[name];
      aside.push([name, descriptor]);
    } catch {
      // Une propriété qui ne se laisse pas retirer reste où elle est.
    }
  }
  return () => {
    for (const [name, descriptor] of aside) {
      try {
        Object.defineProperty(Object.prototype, name, descriptor);
      } catch {
        // Rien à faire : elle a été reposée entre-temps.
      }
    }
  };
}

/**
 * Exécute `run` et transforme toute exception en problème : une {@link QuoteError} donne ses
 * problèmes, une exception d'un rappel de l'appelant `RAPPEL_EN_ERREUR`, toute autre
 * `ERREUR_INTERNE`. Ne lève jamais. Le temps du calcul, les propriétés posées par un tiers sur
 * `Object.prototype` sont mises de côté, puis remises.
 *
 * @internal
 */
export function guard<T>(run: () => T): SafeResult<T> {
  const restore = setPrototypeKeysAside();
  try {
    return { success: true, data: run() };
  } catch (error) {
    // Seules les exceptions de ce build arrivent ici : la classe suffit, et une valeur marquée venue
    // d'ailleurs ne peut rien imposer.
    if (isOwnQuoteError(error)) return { success: false, issues: error.issues };
    if (isCallerError(error)) {
      return {
        success: false,
        issues: [makeIssue('RAPPEL_EN_ERREUR', error.path, { fonction: formatPath(error.path), detail: describeError(error.cause) })],
      };
    }
    return {
      success: false,
      issues: [makeIssue('ERREUR_INTERNE', [], { detail: describeError(error) })],
    };
  } finally {
    restore?.();
  }
}

/**
 * La valeur d'un résultat « sûr », ou la {@link QuoteError} de ses problèmes : la variante qui lève
 * de chaque fonction `safe…`.
 *
 * @internal
 */
export function unwrap<T>(result: SafeResult<T>): T {
  if (result.success) return result.data;
  throw new QuoteError(result.issues);
}

import type { IssueCode } from '../core/codes.js';
import type { IssueParams, Path, QuoteIssue } from '../core/shapes.js';
import { makeIssue } from '../wording/issues.js';

/**
 * Un problème tel que zod le signale (les champs que la traduction lit).
 *
 * @internal
 */
export interface RawIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly inclusive?: boolean;
  readonly keys?: readonly string[];
  readonly values?: readonly unknown[];
  /** Un problème `custom` : son code, ses paramètres de rédaction, ou le code d'une remarque du catalogue. */
  readonly params?: { readonly code?: IssueCode; readonly params?: IssueParams; readonly lintCode?: string; readonly chiffres?: IssueParams };
}

/**
 * Décrit en français une valeur reçue, pour un message d'erreur : « la chaîne « abc » », « le nombre 3 »,
 * « une liste », « rien »… Une chaîne de plus de 40 caractères n'est pas recopiée. Ne lève jamais.
 *
 * @category Erreurs
 * @example
 * ```ts
 * describeValue('abc');
 * //=> 'la chaîne « abc »'
 * describeValue(undefined);
 * //=> 'rien'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'rien';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? `le nombre ${String(value)}` : String(value);
    case 'string':
      return value.length > 40 ? 'une chaîne de caractères' : `la chaîne « ${value} »`;
    case 'boolean':
      return `le booléen ${String(value)}`;
    case 'bigint':
      return 'un grand entier (BigInt)';
    case 'symbol':
      return 'un symbole';
    case 'function':
      return 'une fonction';
    default:
      try {
        return Array.isArray(value) ? 'une liste' : value instanceof Date ? 'une date' : 'un objet';
      } catch {
        return 'un objet illisible';
      }
  }
}

/** Une borne de zod (nombre, ou grand entier) en donnée de paramètre. */
function limitOf(value: unknown): number | string {
  return typeof value === 'number' ? value : String(value);
}

/** Une valeur admise par zod en donnée de paramètre : un texte ou un nombre (un booléen, `null`… en texte). */
function valueOf(value: unknown): string | number {
  return typeof value === 'string' || typeof value === 'number' ? value : String(value);
}

/** Les paramètres de rédaction qu'un problème `custom` porte déjà (voir `ctx.addIssue`). */
function customIssue(issue: RawIssue, path: Path): QuoteIssue {
  const own = issue.params;
  if (own?.code !== undefined && own.params !== undefined) return makeIssue(own.code, path, own.params as never);
  if (own?.lintCode !== undefined) return makeIssue('ENTREE_INVALIDE', path, { ...own.chiffres, raison: 'lint', lintCode: own.lintCode });
  // Un problème sans paramètres de rédaction : son texte est transmis tel quel.
  const texte: IssueParams = { raison: 'texte', texte: issue.message };
  return { code: own?.code ?? 'ENTREE_INVALIDE', path, message: issue.message, params: texte };
}

function fromOne(issue: RawIssue): QuoteIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const recu = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      const attendu = String(issue.expected);
      if (issue.input === undefined) return [makeIssue('CHAMP_MANQUANT', path, { raison: path.length === 0 ? 'racine' : 'champ', attendu })];
      return [makeIssue('ENTREE_INVALIDE', path, { raison: 'type', attendu, recu })];
    }
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((champ) => makeIssue('CHAMP_INCONNU', [...path, champ], { champ }));
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limite = limitOf(small ? issue.minimum : issue.maximum);
      const origine = String(issue.origin);
      return [makeIssue('VALEUR_HORS_LIMITES', path, { raison: small ? 'minimum' : 'maximum', limite, origine, inclusif: issue.inclusive !== false, recu })];
    }
    case 'invalid_value': {
      const valeurs = (issue.values ?? []).map(valueOf);
      if (issue.input === undefined) return [makeIssue('CHAMP_MANQUANT', path, { raison: 'choix', valeurs })];
      return [makeIssue('VALEUR_NON_ADMISE', path, { raison: 'choix', valeurs, recu })];
    }
    case 'custom':
      return [customIssue(issue, path)];
    case 'invalid_union':
      return [makeIssue('ENTREE_INVALIDE', path, { raison: 'union', recu })];
    default:
      return [makeIssue('ENTREE_INVALIDE', path, { raison: 'autre', recu })];
  }
}

/**
 * Traduit les problèmes signalés par zod en problèmes de la bibliothèque, en français.
 * Un champ inconnu donne un problème par champ, au chemin du champ lui-même.
 *
 * @internal
 */
export function fromZodIssues(issues: readonly RawIssue[], prefix: Path = []): QuoteIssue[] {
  return issues.flatMap((issue) => fromOne(issue)).map((i) => (prefix.length ? { ...i, path: [...prefix, ...i.path] } : i));
}

/**
 * Les options de `safeParse` qui gardent la valeur reçue dans chaque problème, pour les messages.
 *
 * @internal
 */
export const REPORT = Object.freeze({ reportInput: true });

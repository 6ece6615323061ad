import type { IssueCode } from '../core/codes.js';
import type { Path, QuoteIssue } from '../core/shapes.js';

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
  readonly params?: { readonly code?: IssueCode; readonly lintCode?: string };
}

const TYPE_NAMES: Record<string, string> = {
  string: 'une chaîne de caractères',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'un booléen (true ou false)',
  object: 'un objet',
  array: 'une liste',
  null: 'null',
};

/**
 * Décrit en français le type d'une valeur reçue.
 *
 * @internal
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

function bound(issue: RawIssue, small: boolean): string {
  const limit = String(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    return small ? 'ne doit pas être vide' : `doit compter au plus ${limit} caractères`;
  }
  if (issue.origin === 'array') {
    return small ? `doit compter au moins ${limit} élément(s)` : `doit compter au plus ${limit} éléments`;
  }
  if (small) return issue.inclusive === false ? `doit être strictement supérieur à ${limit}` : `doit valoir au moins ${limit}`;
  return issue.inclusive === false ? `doit être strictement inférieur à ${limit}` : `doit valoir au plus ${limit}`;
}

function fromOne(issue: RawIssue): QuoteIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const got = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        const message = path.length === 0 ? 'Aucune donnée reçue.' : 'Ce champ est obligatoire.';
        return [{ code: 'CHAMP_MANQUANT', path, message }];
      }
      const expected = TYPE_NAMES[issue.expected ?? ''] ?? String(issue.expected);
      return [{ code: 'ENTREE_INVALIDE', path, message: `Attendu : ${expected} ; reçu : ${got}.` }];
    }
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) => ({
        code: 'CHAMP_INCONNU' as const,
        path: [...path, key],
        message: `Champ inconnu « ${key} » : il n'est pas accepté (faute de frappe ?).`,
      }));
    case 'too_small':
      return [{ code: 'VALEUR_HORS_LIMITES', path, message: `La valeur ${bound(issue, true)} ; reçu : ${got}.` }];
    case 'too_big':
      return [{ code: 'VALEUR_HORS_LIMITES', path, message: `La valeur ${bound(issue, false)} ; reçu : ${got}.` }];
    case 'invalid_value': {
      const allowed = (issue.values ?? []).map((v) => (typeof v === 'string' ? `« ${v} »` : String(v)));
      if (issue.input === undefined) {
        return [{ code: 'CHAMP_MANQUANT', path, message: `Ce champ est obligatoire (valeur admise : ${allowed.join(', ')}).` }];
      }
      return [
        { code: 'VALEUR_NON_ADMISE', path, message: `Valeur admise : ${allowed.join(', ')} ; reçu : ${got}.` },
      ];
    }
    case 'custom':
      return [{ code: issue.params?.code ?? 'ENTREE_INVALIDE', path, message: issue.message }];
    case 'invalid_union':
      return [{ code: 'ENTREE_INVALIDE', path, message: `Aucune des formes admises ne correspond ; reçu : ${got}.` }];
    default:
      return [{ code: 'ENTREE_INVALIDE', path, message: `Donnée invalide ; reçu : ${got}.` }];
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

import type { IssueCode } from './codes.js';

/**
 * Un problème trouvé dans une entrée : un code stable, le chemin de la donnée en cause
 * (`['prestations', 'marchesPublics', 'acces']`) et un message en français.
 *
 * @example
 * ```ts
 * const issue: QuoteIssue = {
 *   code: 'SIREN_INVALIDE',
 *   path: ['collectivite', 'siren'],
 *   message: 'Le SIREN « 123 » doit compter 9 chiffres.',
 * };
 * ```
 */
export interface QuoteIssue {
  /** Le code stable du problème (voir {@link ISSUE_CODES}). */
  readonly code: IssueCode;
  /** Le chemin de la donnée en cause, depuis la racine de l'entrée. */
  readonly path: readonly (string | number)[];
  /** Le problème, en français. */
  readonly message: string;
}

/**
 * L'erreur levée par la bibliothèque, et la seule. Elle porte tous les problèmes trouvés
 * dans l'entrée (`issues`), pas seulement le premier.
 *
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
 * @example
 * ```ts
 * formatPath(['prestations', 'packDemat', 'sirens', 1]);
 * //=> 'prestations.packDemat.sirens[1]'
 * ```
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out === '' ? '(racine)' : out;
}

/**
 * Indique si une valeur est une {@link QuoteError}.
 *
 * @example
 * ```ts
 * isQuoteError(new QuoteError([]));
 * //=> true
 * isQuoteError(new Error('x'));
 * //=> false
 * ```
 */
export function isQuoteError(value: unknown): value is QuoteError {
  return value instanceof QuoteError;
}

/**
 * Le résultat d'une fonction « sûre » : la valeur, ou les problèmes trouvés.
 *
 * @example
 * ```ts
 * const r: SafeResult<string> = { success: true, data: 'ok' };
 * ```
 */
export type SafeResult<T> =
  | {
      /** Réussite. */
      readonly success: true;
      /** La valeur calculée. */
      readonly data: T;
    }
  | {
      /** Échec. */
      readonly success: false;
      /** Tous les problèmes trouvés. */
      readonly issues: readonly QuoteIssue[];
    };

/**
 * Exécute `run` et transforme toute exception en problème : une {@link QuoteError} donne ses
 * problèmes, toute autre exception un problème `ERREUR_INTERNE`.
 *
 * @internal
 * @example
 * ```ts
 * guard(() => { throw new Error('boom'); }).success;
 * //=> false
 * ```
 */
export function guard<T>(run: () => T): SafeResult<T> {
  try {
    return { success: true, data: run() };
  } catch (error) {
    if (isQuoteError(error)) return { success: false, issues: error.issues };
    return {
      success: false,
      issues: [
        {
          code: 'ERREUR_INTERNE',
          path: [],
          message: `Erreur inattendue pendant le calcul : ${describe(error)}. Merci de la signaler.`,
        },
      ],
    };
  }
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'erreur illisible';
  }
}

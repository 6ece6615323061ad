/**
 * Les problèmes propres à la ligne de commande : leurs codes (`FICHIER_ILLISIBLE`, `JSON_INVALIDE`),
 * leurs paramètres et leurs messages, rédigés d'après le code et les paramètres seuls ; et la voix de
 * `comparer`, qui rédige à sa façon un problème de la bibliothèque, d'après son code et ses paramètres
 * (jamais d'après le texte de son message).
 *
 * Un problème de la ligne de commande a la forme d'un problème de la bibliothèque
 * (`{ code, path, message, params }`) : il s'affiche de la même façon.
 */
import { describeMissingAmount, escapeControlCharacters, formatPath, isQuoteError, missingAmountOf, type IssueParams, type Path, type QuoteIssue } from '@te90/tarifs';
import { describeJsonFault, type JsonExpected, type JsonFault } from './json-syntax.js';

/**
 * La faute de syntaxe d'un texte JSON, en paramètres simples : sa nature (`erreur`), ce qui était
 * attendu et ce qui a été trouvé, sa ligne dans le texte (`ligneTexte`) et sa colonne.
 *
 * @internal
 */
export type JsonFaultParams = {
  readonly erreur: JsonFault['erreur'];
  readonly attendu?: JsonExpected;
  readonly trouve?: string;
  readonly apresVirgule?: boolean;
  readonly ligneTexte: number;
  readonly colonne: number;
};

/**
 * Les paramètres d'une faute de syntaxe.
 *
 * @internal
 */
export function jsonFaultParams(f: JsonFault): JsonFaultParams {
  const { ligne, ...rest } = f;
  return { ...rest, ligneTexte: ligne };
}

function faultOf(p: Partial<JsonFaultParams>): JsonFault {
  const { ligneTexte, ...rest } = p;
  return { ...rest, ligne: ligneTexte } as JsonFault;
}

/**
 * Les paramètres de chaque code de problème de la ligne de commande.
 *
 * @internal
 */
export interface CliIssueParamsByCode {
  /** Un fichier (ou l'entrée standard) qui ne peut pas être lu. */
  FICHIER_ILLISIBLE:
    | { readonly raison: 'tropVolumineux'; readonly fichier: string; readonly octets: number }
    | { readonly raison: 'encodage'; readonly fichier: string; readonly octet: number | null; readonly ligne: number; readonly position: number }
    | { readonly raison: 'dossier'; readonly fichier: string }
    | { readonly raison: 'lecture'; readonly fichier: string; readonly erreur: string }
    | { readonly raison: 'lectureDossier'; readonly fichier: string; readonly erreur: string }
    | { readonly raison: 'entreeStandard'; readonly erreur: string }
    | { readonly raison: 'depasseLimite'; readonly fichier: string; readonly maximum: number }
    | { readonly raison: 'utf16' | 'utf32'; readonly fichier: string; readonly boutisme: 'LE' | 'BE' }
    | { readonly raison: 'pasUnFichier'; readonly fichier: string };
  /** Un fichier (ou une ligne d'un fichier JSONL) qui n'est pas du JSON. */
  JSON_INVALIDE:
    | ({ readonly raison: 'syntaxe'; readonly source: string; readonly ligne?: number; readonly jsonl?: boolean } & Partial<JsonFaultParams>)
    | { readonly raison: 'vide'; readonly source: string };
}

/**
 * Code stable d'un problème propre à la ligne de commande.
 *
 * @internal
 */
export type CliIssueCode = keyof CliIssueParamsByCode;

/**
 * Un problème propre à la ligne de commande : même forme qu'un problème de la bibliothèque.
 *
 * @internal
 */
export interface CliIssue {
  /** Son code. */
  readonly code: CliIssueCode;
  /** Le chemin de la donnée en cause (vide : le fichier lui-même). */
  readonly path: Path;
  /** Le problème, en français, rédigé à partir du code et des paramètres. */
  readonly message: string;
  /** Les données du problème. */
  readonly params: IssueParams;
}

/**
 * Un problème que la ligne de commande affiche : de la bibliothèque, ou le sien.
 *
 * @internal
 */
export type Problem = QuoteIssue | CliIssue;

type Builders = { readonly [C in CliIssueCode]: (params: CliIssueParamsByCode[C]) => string };

const MESSAGES: Builders = {
  FICHIER_ILLISIBLE: (p) => {
    switch (p.raison) {
      case 'tropVolumineux':
        return `${p.fichier} est trop volumineux pour être lu en une fois (${p.octets} octets) : découpez-le (par exemple en plusieurs fichiers JSONL).`;
      case 'encodage': {
        const byte = p.octet === null ? 'un caractère tronqué' : `l'octet 0x${p.octet.toString(16).toUpperCase().padStart(2, '0')}`;
        return `${p.fichier} n'est pas encodé en UTF-8 : ${byte} à la ligne ${p.ligne} (octet n° ${p.position}) ne peut pas être lu. Le fichier est sans doute en Latin-1 ou Windows-1252 : enregistrez-le en UTF-8.`;
      }
      case 'dossier':
        return `${p.fichier} est un dossier, pas un fichier.`;
      case 'depasseLimite':
        return `${p.fichier} dépasse la taille lue au plus (${p.maximum} octets) : lecture arrêtée. Découpez-le (par exemple en plusieurs fichiers JSONL).`;
      case 'utf16':
      case 'utf32':
        return `${p.fichier} est encodé en ${p.raison === 'utf16' ? 'UTF-16' : 'UTF-32'} (${p.boutisme === 'LE' ? 'petit-boutiste' : 'gros-boutiste'}), pas en UTF-8 : enregistrez-le en UTF-8.`;
      case 'pasUnFichier':
        return `${p.fichier} n'est pas un fichier ordinaire (tube, périphérique, socket…) : il n'est pas lu dans un dossier.`;
      case 'lecture':
        return `Impossible de lire ${p.fichier} : ${p.erreur}.`;
      case 'lectureDossier':
        return `Impossible de lire le dossier ${p.fichier} : ${p.erreur}.`;
      case 'entreeStandard':
        return `Impossible de lire l'entrée standard : ${p.erreur}.`;
    }
  },
  JSON_INVALIDE: (p) => {
    switch (p.raison) {
      case 'syntaxe': {
        const where = p.ligne === undefined ? p.source : `La ligne ${p.ligne} de ${p.source}`;
        const detail = p.erreur === undefined ? '' : ` : ${describeJsonFault(faultOf(p), p.ligne !== undefined)}`;
        return `${where} n'est pas du JSON valide${detail}${p.jsonl === false ? " (ce n'est pas non plus du JSONL, une adhésion par ligne)" : ''}.`;
      }
      case 'vide':
        return `${p.source} est vide : aucune adhésion (un lot vide s'écrit []).`;
    }
  },
};

/**
 * Le message d'un problème de la ligne de commande, rédigé à partir de son code et de ses paramètres seuls.
 *
 * @internal
 */
export function cliIssueMessage<C extends CliIssueCode>(code: C, params: CliIssueParamsByCode[C]): string {
  return escapeControlCharacters((MESSAGES[code] as (p: CliIssueParamsByCode[C]) => string)(params));
}

/**
 * Un problème de la ligne de commande : son code, son chemin, ses paramètres et son message.
 *
 * @internal
 */
export function cliIssue<C extends CliIssueCode>(code: C, path: Path, params: CliIssueParamsByCode[C]): CliIssue {
  return { code, path, message: cliIssueMessage(code, params), params: params as IssueParams };
}

/**
 * Un problème de la ligne de commande là où la bibliothèque (ou un document) attend l'un des siens :
 * une entrée illisible d'un lot, refusée avec ses problèmes ; la liste des problèmes affichée. Même
 * forme ; seul son code n'est pas l'un de ceux de la bibliothèque (rien ne le relit hors de la ligne
 * de commande : il est affiché tel quel).
 *
 * @internal
 */
export function asLibraryIssue(issue: Problem): QuoteIssue {
  return issue as QuoteIssue;
}

/**
 * L'entrée est refusée : les problèmes trouvés (de la bibliothèque, ou de la ligne de commande),
 * chacun à son chemin (code de sortie 1).
 *
 * @internal
 */
export class RefusedInput extends Error {
  /** Tous les problèmes trouvés. */
  readonly issues: readonly Problem[];

  constructor(issues: readonly Problem[]) {
    const head = issues.length === 1 ? '1 problème' : `${issues.length} problèmes`;
    super(`${head} dans l'entrée :\n${issues.map((i) => `- ${formatPath(i.path)} : ${i.message} [${i.code}]`).join('\n')}`);
    this.name = 'RefusedInput';
    this.issues = issues;
  }
}

/**
 * Les problèmes d'une erreur qui refuse l'entrée (une {@link RefusedInput}, ou une `QuoteError` de
 * la bibliothèque) ; `undefined` pour toute autre erreur.
 *
 * @internal
 */
export function problemsOf(error: unknown): readonly Problem[] | undefined {
  if (error instanceof RefusedInput) return error.issues;
  return isQuoteError(error) ? error.issues : undefined;
}

/**
 * Un problème de la bibliothèque dans la voix de la ligne de commande : un montant non publié se
 * fournit par l'option qui complète le catalogue (`--tarifs`, ou pour `comparer` `--tarifs-avant` ou
 * `--tarifs-apres`), jamais par une fonction de l'API. Rédigé d'après le code et les paramètres du
 * problème (jamais d'après le texte de son message) ; tout autre problème reste tel que la
 * bibliothèque l'a rédigé.
 *
 * @internal
 */
export function inCliVoice<T extends Problem>(issue: T, supply = 'Fournissez-le dans un fichier de tarifs (--tarifs tarifs.json ; les montants à fournir : te90-tarifs catalogue)'): T {
  const p = missingAmountOf(asLibraryIssue(issue));
  if (p === undefined) return issue;
  const message = escapeControlCharacters(`${describeMissingAmount(p, { chemin: true })}. ${supply}.`);
  return message === issue.message ? issue : { ...issue, message };
}

/**
 * Un refus de `comparer` dans la voix de la commande : un montant non publié se fournit par
 * --tarifs-avant ou --tarifs-apres.
 *
 * @internal
 */
export function inCompareVoice(issue: QuoteIssue): QuoteIssue {
  return inCliVoice(issue, 'Fournissez-le dans un catalogue complété (--tarifs-avant ou --tarifs-apres)');
}

/**
 * Les problèmes que signalent les documents eux-mêmes : les options du devis imprimable (numéro,
 * date, validité) et l'émetteur. Ils ont la forme des problèmes de la bibliothèque (`code`, `path`,
 * `message`, `params`) et s'écrivent de même ; leurs raisons et leurs messages sont ceux des
 * documents, rédigés ici à partir du code et des paramètres.
 */
import { describeError, escapeControlCharacters, isQuoteError, QuoteError, type Path, type QuoteIssue } from '@te90/tarifs';
import { dateEnLettres } from './dates.js';

/**
 * Les paramètres de chaque problème des documents, par code puis par raison.
 *
 * @internal
 */
export interface DocumentIssueParams {
  ENTREE_INVALIDE:
    | { readonly raison: 'numeroDevis'; readonly minimum: number; readonly maximum: number }
    | { readonly raison: 'dateDevis'; readonly format: string; readonly exemple: string }
    | { readonly raison: 'dateApresMillesime'; readonly date: string; readonly millesime: number }
    | { readonly raison: 'optionIllisible' }
    | { readonly raison: 'illisible' }
    | { readonly raison: 'forme'; readonly detail: string }
    | { readonly raison: 'type'; readonly attendu: Attendu; readonly recu: string };
  VALEUR_HORS_LIMITES:
    | { readonly raison: 'validiteJours'; readonly minimum: number; readonly maximum: number }
    | {
        readonly raison: 'validiteMillesime';
        readonly validiteJours: number;
        /** Le nombre de jours jusqu'au 31 décembre de l'année du catalogue. */
        readonly maximum: number;
        /** La fin de validité demandée, `AAAA-MM-JJ`. */
        readonly fin: string;
        readonly millesime: number;
      }
    | { readonly raison: 'minimum' | 'maximum'; readonly limite: number; readonly origine: 'string'; readonly inclusif: true; readonly recu: string };
  VALEUR_NON_ADMISE:
    | { readonly raison: 'caractereDeControle'; readonly caractere: string; readonly position: number }
    | { readonly raison: 'choix'; readonly valeurs: readonly string[]; readonly recu: string };
  CHAMP_MANQUANT: { readonly raison: 'racine' | 'champ'; readonly attendu: 'string' | 'object' };
  CHAMP_INCONNU: { readonly champ: string };
  SIRET_INVALIDE: { readonly raison: 'longueur' | 'cle'; readonly siret: string; readonly siren: null };
  ERREUR_INTERNE: { readonly detail: string };
}

/**
 * Un code de problème des documents.
 *
 * @internal
 */
export type DocumentIssueCode = keyof DocumentIssueParams;

/**
 * Ce qu'attend un champ des données d'un document.
 *
 * @internal
 */
export type Attendu = 'string' | 'object' | 'array' | 'integer' | 'boolean' | 'montant' | 'calcul';

const TYPE_NAMES: Readonly<Record<Attendu, string>> = {
  string: 'une chaîne de caractères',
  object: 'un objet',
  array: 'une liste',
  integer: 'un nombre entier',
  boolean: 'un booléen (true ou false)',
  montant: 'un nombre décimal écrit en chaîne (ex. « 12.50 »)',
  calcul: 'un type de calcul connu (fixe, produit, pondere, case, proportionnel, parStrate)',
};

type Builders = { readonly [C in DocumentIssueCode]: (params: DocumentIssueParams[C]) => string };

const MESSAGES: Builders = {
  ENTREE_INVALIDE: (p) => {
    switch (p.raison) {
      case 'numeroDevis':
        return `Le numéro du devis est obligatoire : un texte de ${p.minimum} à ${p.maximum} caractères.`;
      case 'dateDevis':
        return `La date du devis est obligatoire, au format ${p.format} (ex. ${p.exemple}).`;
      case 'dateApresMillesime':
        return `La date du devis (${dateEnLettres(p.date)}) est après l'année ${p.millesime} de ses tarifs : établissez-le sur le catalogue de l'année en cours.`;
      case 'optionIllisible':
        return "L'option ne peut pas être lue : sa lecture a levé une exception.";
      case 'forme':
        return `Ces données n'ont pas la forme qu'attend ce document (${p.detail}) : donnez-lui le résultat de la fonction de la bibliothèque qui les produit.`;
      case 'illisible':
        return 'Ces données ne peuvent pas être lues : leur lecture a levé une exception.';
      case 'type':
        return `Attendu : ${TYPE_NAMES[p.attendu]} ; reçu : ${p.recu}.`;
    }
  },
  VALEUR_HORS_LIMITES: (p) => {
    switch (p.raison) {
      case 'validiteJours':
        return `La durée de validité est un nombre entier de jours, de ${p.minimum} à ${p.maximum}.`;
      case 'validiteMillesime':
        return `Un devis aux tarifs ${p.millesime} est valable au plus tard jusqu'au 31 décembre ${p.millesime} : ${p.validiteJours} jours le mèneraient au ${dateEnLettres(p.fin)} ; ${p.maximum} jours au plus à partir de sa date.`;
      case 'minimum':
        return `La valeur ne doit pas être vide ; reçu : ${p.recu}.`;
      case 'maximum':
        return `La valeur doit compter au plus ${p.limite} caractères ; reçu : ${p.recu}.`;
    }
  },
  VALEUR_NON_ADMISE: (p) =>
    p.raison === 'caractereDeControle'
      ? `Ce texte contient un caractère de contrôle (${p.caractere}, position ${p.position}) : retour à la ligne, tabulation, échappement… ne sont pas admis dans ce texte.`
      : `Valeur admise : ${p.valeurs.map((v) => `« ${v} »`).join(', ')} ; reçu : ${p.recu}.`,
  CHAMP_MANQUANT: (p) => (p.raison === 'racine' ? 'Aucune donnée reçue.' : 'Ce champ est obligatoire.'),
  CHAMP_INCONNU: (p) => `Champ inconnu « ${p.champ} » : il n'est pas accepté (faute de frappe ?).`,
  SIRET_INVALIDE: (p) => {
    const shown = p.siret.length > 20 ? p.siret.slice(0, 20) + '…' : p.siret;
    return p.raison === 'longueur' ? `Le SIRET « ${shown} » doit compter exactement 14 chiffres.` : `La clé de contrôle du SIRET « ${shown} » est fausse (erreur de saisie ?).`;
  },
  ERREUR_INTERNE: (p) => `Erreur inattendue pendant le calcul : ${p.detail}. Merci de la signaler.`,
};

/**
 * Un problème des documents : son code, son chemin, ses paramètres, et le message qui en est rédigé.
 *
 * @internal
 */
export function documentIssue<C extends DocumentIssueCode>(code: C, path: Path, params: DocumentIssueParams[C]): QuoteIssue {
  const message = escapeControlCharacters((MESSAGES[code] as (p: DocumentIssueParams[C]) => string)(params));
  return { code, path, message, params: params as QuoteIssue['params'] };
}

/**
 * Exécute `run` ; toute exception qui n'est pas une {@link QuoteError} en devient une
 * (`ERREUR_INTERNE`) : un document ne lève jamais autre chose.
 *
 * @internal
 */
export function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isQuoteError(error)) throw error;
    throw new QuoteError([documentIssue('ERREUR_INTERNE', [], { detail: describeError(error) })]);
  }
}


/**
 * Exécute `run`, qui écrit un document de données que la bibliothèque n'a pas jugées : toute
 * exception qui n'est pas une {@link QuoteError} dit que ces données n'ont pas la forme attendue
 * (`ENTREE_INVALIDE`, raison `forme`), jamais une `TypeError`.
 *
 * @internal
 */
export function guardedInput<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isQuoteError(error)) throw error;
    throw new QuoteError([documentIssue('ENTREE_INVALIDE', [], { raison: 'forme', detail: describeError(error) })]);
  }
}

/**
 * Les morceaux d'un document écrit au fil de l'eau, chacun sous {@link guardedInput} (ou
 * {@link guarded} si `jugees`) : une exception pendant l'itération devient une {@link QuoteError}.
 *
 * @internal
 */
export function* guardedChunks<T>(make: () => Iterator<T>, jugees = false): Generator<T> {
  const guard = jugees ? guarded : guardedInput;
  const it = guard(make);
  for (;;) {
    const step = guard(() => it.next());
    if (step.done === true) return;
    yield step.value;
  }
}

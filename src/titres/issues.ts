/**
 * Les problèmes que signalent les titres de recettes (flux PES V2) : le fichier des paramètres
 * comptables, le rôle lu comme une donnée, et les règles du guichet Hélios que le schéma XML ne dit
 * pas. Ils ont la forme des problèmes de la bibliothèque (`code`, `path`, `message`, `params`) ;
 * leurs codes, leurs raisons et leurs messages sont ceux de ce client, rédigés ici à partir du code
 * et des paramètres seuls.
 */
import { describeError, escapeControlCharacters, isQuoteError, QuoteError, type Path, type QuoteIssue } from '@te90/tarifs';

/**
 * Les paramètres de chaque problème des titres, par code puis par raison.
 *
 * @internal
 */
export interface TitresIssueParams {
  ENTREE_INVALIDE:
    | { readonly raison: 'type'; readonly attendu: 'string' | 'object' | 'integer' | 'array'; readonly recu: string }
    | { readonly raison: 'format'; readonly format: string; readonly exemple: string; readonly recu: string }
    | { readonly raison: 'date'; readonly recu: string };
  VALEUR_HORS_LIMITES:
    | { readonly raison: 'minimum' | 'maximum'; readonly limite: number; readonly origine: 'string'; readonly inclusif: true; readonly recu: string }
    | { readonly raison: 'entier'; readonly minimum: number; readonly maximum: number; readonly recu: string };
  VALEUR_NON_ADMISE:
    | { readonly raison: 'caractereDeControle'; readonly caractere: string; readonly position: number }
    | { readonly raison: 'choix'; readonly valeurs: readonly string[]; readonly recu: string }
    | { readonly raison: 'modele'; readonly inconnu: string; readonly admis: readonly string[] };
  CHAMP_MANQUANT: { readonly raison: 'racine' | 'champ'; readonly attendu: 'string' | 'object' | 'integer' | 'array' };
  CHAMP_INCONNU: { readonly champ: string };
  SIRET_INVALIDE: { readonly raison: 'longueur' | 'cle' | 'siren'; readonly siret: string; readonly siren: string | null };
  /** Le rôle a des conflits ou des adhésions refusées : il ne donne aucun titre. */
  ROLE_NON_EMISSIBLE:
    | { readonly raison: 'conflit'; readonly code: string; readonly siren: string | null }
    | { readonly raison: 'refus'; readonly index: number; readonly siren: string | null; readonly fichier: string | null }
    | { readonly raison: 'vide' }
    | { readonly raison: 'total'; readonly attendu: string; readonly recu: string; readonly siren: string | null };
  /** Un débiteur sans ce que son titre exige. */
  DEBITEUR_INCOMPLET: { readonly raison: 'type' | 'adresse' | 'nom' | 'chorus'; readonly siren: string; readonly nom: string | null };
  /** Un débiteur de nature « autre » sans catégorie de tiers donnée par les paramètres. */
  CATEGORIE_TIERS_INCONNUE: { readonly siren: string; readonly nom: string | null; readonly type: string };
  /** Une prestation (ou une composante) du rôle sans imputation dans les paramètres. */
  IMPUTATION_MANQUANTE: { readonly prestation: string; readonly composante: string; readonly siren: string };
  /** Un montant de ligne qu'un titre ne peut pas porter. */
  MONTANT_NON_EMISSIBLE: { readonly raison: 'negatif' | 'centimes' | 'format'; readonly montant: string; readonly siren: string };
  /** Un caractère que l'ISO-8859-1 ne sait pas écrire, sans équivalent évident. */
  CARACTERE_NON_LATIN1: { readonly zone: string; readonly caractere: string; readonly position: number };
  /** Un texte trop long (ou vide, ou fait de zéros) pour sa zone du flux. */
  ZONE_PES_INVALIDE:
    | { readonly raison: 'longueur'; readonly zone: string; readonly limite: number; readonly longueur: number }
    | { readonly raison: 'vide'; readonly zone: string }
    | { readonly raison: 'nom'; readonly zone: 'Nom'; readonly limite: number; readonly longueur: number };
  /** Les numéros du bordereau ou des pièces dépassent ce que le flux admet. */
  NUMEROTATION_HORS_LIMITES:
    | { readonly raison: 'piece'; readonly derniere: number; readonly maximum: number }
    | { readonly raison: 'numeroFacture'; readonly numero: string; readonly limite: number };
  /** L'exercice des paramètres n'est pas le millésime du rôle, ou la date d'émission est hors de l'exercice. */
  EXERCICE_INCOHERENT:
    | { readonly raison: 'millesime'; readonly exercice: number; readonly millesime: number }
    | { readonly raison: 'date'; readonly exercice: number; readonly date: string };
  ERREUR_INTERNE: { readonly detail: string };
}

/**
 * Un code de problème des titres.
 *
 * @internal
 */
export type TitresIssueCode = keyof TitresIssueParams;

const TYPE_NAMES = { string: 'une chaîne de caractères', object: 'un objet', integer: 'un nombre entier', array: 'une liste' } as const;

const nomDe = (p: { readonly siren: string; readonly nom: string | null }) => (p.nom === null ? `SIREN ${p.siren}` : `${p.nom} (SIREN ${p.siren})`);

type Builders = { readonly [C in TitresIssueCode]: (params: TitresIssueParams[C]) => string };

const MESSAGES: Builders = {
  ENTREE_INVALIDE: (p) => {
    switch (p.raison) {
      case 'type':
        return `Attendu : ${TYPE_NAMES[p.attendu]} ; reçu : ${p.recu}.`;
      case 'format':
        return `Format attendu : ${p.format} (ex. ${p.exemple}) ; reçu : ${p.recu}.`;
      case 'date':
        return `Date attendue au format AAAA-MM-JJ, une date du calendrier ; reçu : ${p.recu}.`;
    }
  },
  VALEUR_HORS_LIMITES: (p) => {
    switch (p.raison) {
      case 'minimum':
        return `La valeur ne doit pas être vide ; reçu : ${p.recu}.`;
      case 'maximum':
        return `La valeur doit compter au plus ${p.limite} caractères ; reçu : ${p.recu}.`;
      case 'entier':
        return `Attendu : un nombre entier de ${p.minimum} à ${p.maximum} ; reçu : ${p.recu}.`;
    }
  },
  VALEUR_NON_ADMISE: (p) => {
    switch (p.raison) {
      case 'caractereDeControle':
        return `Ce texte contient un caractère de contrôle (${p.caractere}, position ${p.position}) : retour à la ligne, tabulation, échappement… ne sont pas admis dans ce texte.`;
      case 'choix':
        return `Valeur admise : ${p.valeurs.map((v) => `« ${v} »`).join(', ')} ; reçu : ${p.recu}.`;
      case 'modele':
        return `Le modèle cite « {${p.inconnu}} », qu'il ne connaît pas ; admis : ${p.admis.map((a) => `{${a}}`).join(', ')}.`;
    }
  },
  CHAMP_MANQUANT: (p) => (p.raison === 'racine' ? 'Aucune donnée reçue.' : 'Ce champ est obligatoire.'),
  CHAMP_INCONNU: (p) => `Champ inconnu « ${p.champ} » : il n'est pas accepté (faute de frappe ?).`,
  SIRET_INVALIDE: (p) => {
    const shown = p.siret.length > 20 ? p.siret.slice(0, 20) + '…' : p.siret;
    switch (p.raison) {
      case 'longueur':
        return `Le SIRET « ${shown} » doit compter exactement 14 chiffres.`;
      case 'cle':
        return `La clé de contrôle du SIRET « ${shown} » est fausse (erreur de saisie ?).`;
      case 'siren':
        return `Le SIRET « ${shown} » n'est pas un établissement du SIREN ${p.siren ?? ''} : il doit commencer par ses 9 chiffres.`;
    }
  },
  ROLE_NON_EMISSIBLE: (p) => {
    switch (p.raison) {
      case 'conflit':
        return `Le rôle n'est pas émis : un conflit (${p.code}${p.siren === null ? '' : `, SIREN ${p.siren}`}) reste à trancher avant d'émettre les titres.`;
      case 'refus':
        return `Le rôle n'est pas émis : l'adhésion n° ${p.index + 1}${p.fichier === null ? '' : ` (${p.fichier})`}${p.siren === null ? '' : `, SIREN ${p.siren}`}, est refusée ; corrigez-la ou retirez-la du lot avant d'émettre les titres.`;
      case 'vide':
        return "Le rôle n'a aucune ligne à titrer (aucun montant supérieur à zéro) : un bordereau compte au moins un titre.";
      case 'total':
        return `Le rôle n'est pas cohérent : ${p.siren === null ? 'son total' : `le total de la facture du SIREN ${p.siren}`} vaut ${p.recu}, la somme de ses lignes ${p.attendu}.`;
    }
  },
  DEBITEUR_INCOMPLET: (p) => {
    switch (p.raison) {
      case 'type':
        return `Le débiteur ${nomDe(p)} n'a pas de nature (commune, EPCI, syndicat, CCAS…) : la catégorie du tiers de son titre en dépend ; donnez-la dans l'adhésion (« type »).`;
      case 'adresse':
        return `Le débiteur ${nomDe(p)} n'a pas d'adresse postale : un tiers PES en exige une ; donnez-la dans l'adhésion (« adresse »).`;
      case 'nom':
        return `Le débiteur SIREN ${p.siren} n'a pas de nom : un tiers PES en exige un ; donnez-le dans l'adhésion (« nom »).`;
      case 'chorus':
        return `Le débiteur ${nomDe(p)} donne un code service ou un engagement, qui ne vont qu'à un titre déposé sur Chorus Pro (Edition 02) : il y faut le SIRET d'une personne publique ; donnez-le dans l'adhésion (« siret »).`;
    }
  },
  CATEGORIE_TIERS_INCONNUE: (p) =>
    `Le débiteur ${nomDe(p)} est de nature « ${p.type} » : sa catégorie de tiers et sa nature juridique ne s'en déduisent pas ; donnez-les dans les paramètres (« categoriesTiers » → « ${p.siren} »).`,
  IMPUTATION_MANQUANTE: (p) =>
    `La prestation « ${p.prestation} » (composante « ${p.composante} », facturée au SIREN ${p.siren}) n'a pas d'imputation : donnez son compte (« nature ») et son code produit (« codProdLoc ») dans les paramètres (« imputations » → « ${p.prestation} »).`,
  MONTANT_NON_EMISSIBLE: (p) => {
    switch (p.raison) {
      case 'negatif':
        return `Une ligne du SIREN ${p.siren} vaut ${p.montant} : un titre ne porte que des montants positifs (une réduction est un autre bordereau).`;
      case 'centimes':
        return `Une ligne du SIREN ${p.siren} vaut ${p.montant} : un titre porte des montants au centime (deux décimales au plus).`;
      case 'format':
        return `Une ligne du SIREN ${p.siren} a un montant illisible (${p.montant}) : attendu une chaîne décimale (« 1234.50 »).`;
    }
  },
  CARACTERE_NON_LATIN1: (p) =>
    `Ce texte (zone ${p.zone}) contient un caractère que l'ISO-8859-1, l'encodage des flux PES, ne sait pas écrire et qui n'a pas d'équivalent évident (${p.caractere}, position ${p.position}) : remplacez-le.`,
  ZONE_PES_INVALIDE: (p) => {
    switch (p.raison) {
      case 'longueur':
        return `La zone ${p.zone} du flux compte au plus ${p.limite} caractères ; ce texte en compte ${p.longueur}.`;
      case 'vide':
        return `La zone ${p.zone} du flux ne peut pas être vide, ni faite seulement de zéros, d'un point ou d'une espace.`;
      case 'nom':
        return `Ce nom compte ${p.longueur} caractères : le nom d'un tiers PES tient en ${p.limite} caractères (Nom puis ComplNom, coupés entre deux mots) ; abrégez-le.`;
    }
  },
  NUMEROTATION_HORS_LIMITES: (p) =>
    p.raison === 'piece'
      ? `Le dernier titre porterait le numéro ${p.derniere} : un numéro de pièce compte au plus 8 chiffres (${p.maximum}).`
      : `Le numéro de facture « ${p.numero} » (exercice, bordereau et pièce) dépasse ${p.limite} caractères : un numéro de bordereau ou de pièce plus court est nécessaire.`,
  EXERCICE_INCOHERENT: (p) =>
    p.raison === 'millesime'
      ? `L'exercice des paramètres (${p.exercice}) n'est pas le millésime du rôle (${p.millesime}) : les titres d'un rôle se rattachent à son année.`
      : `La date d'émission (${p.date}) n'est ni dans l'exercice ${p.exercice} ni dans l'année qui le suit (journée complémentaire).`,
  ERREUR_INTERNE: (p) => `Erreur inattendue pendant l'écriture du flux : ${p.detail}. Merci de la signaler.`,
};

/**
 * Un problème des titres : son code, son chemin, ses paramètres, et le message qui en est rédigé.
 *
 * @internal
 */
export function titresIssue<C extends TitresIssueCode>(code: C, path: Path, params: TitresIssueParams[C]): QuoteIssue {
  const message = escapeControlCharacters((MESSAGES[code] as (p: TitresIssueParams[C]) => string)(params));
  // Les codes des titres ne sont pas ceux du noyau (`IssueCode`) : un problème des titres a la forme
  // d'un problème de la bibliothèque pour voyager dans une QuoteError et un SafeResult ; son code se lit
  // dans la table de ce client.
  return { code, path, message, params: params as QuoteIssue['params'] } as unknown as QuoteIssue;
}

/**
 * Exécute `run` ; toute exception qui n'est pas une {@link QuoteError} en devient une
 * (`ERREUR_INTERNE`) : les titres ne lèvent jamais autre chose.
 *
 * @internal
 */
export function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    // `isQuoteError` ne reconnaît que les codes du noyau : une QuoteError des titres se reconnaît à sa classe.
    if (error instanceof QuoteError || isQuoteError(error)) throw error;
    throw new QuoteError([titresIssue('ERREUR_INTERNE', [], { detail: describeError(error) })]);
  }
}

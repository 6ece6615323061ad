const ISSUES = {
  ENTREE_INVALIDE: "La donnée n'a pas le type ou la forme attendue, ou ne peut pas être lue.",
  CHAMP_INCONNU: "Le champ n'existe pas (faute de frappe ?) et n'est donc pas accepté.",
  CHAMP_MANQUANT: 'Un champ obligatoire est absent.',
  VALEUR_HORS_LIMITES: 'La valeur est en dehors des bornes admises.',
  VALEUR_NON_ADMISE: 'La valeur ne fait pas partie de celles qui sont admises.',
  SIREN_INVALIDE: "Le SIREN n'a pas 9 chiffres ou sa clé de contrôle (Luhn) est fausse.",
  SIREN_EN_DOUBLE: 'Le même SIREN apparaît deux fois.',
  SIRET_INVALIDE: "Le SIRET n'a pas 14 chiffres, ne commence pas par le SIREN qu'il accompagne, ou sa clé de contrôle (Luhn) est fausse.",
  SIREN_FACTURE_DEUX_FOIS:
    "Dans un lot, la même prestation facturée par SIREN l'est deux fois au même SIREN (par deux adhésions), ou deux adhésions portent le SIREN de la même collectivité.",
  DEBITEUR_CONTRADICTOIRE:
    "Le même SIREN facturé est décrit deux fois autrement (nom, nature, ou SIRET, code service, engagement, adresse), dans une adhésion ou dans un lot : une facture n'a qu'un débiteur, rien n'est fusionné.",
  MAINTENANCE_BASE_OBLIGATOIRE:
    "L'adhésion ne comprend pas une prestation obligatoire pour tout adhérent (la maintenance de base des logiciels Berger Levrault).",
  POSTES_LICENCE_SUPERIEURS: 'Le nombre de postes sous licence Berger Levrault dépasse le nombre de postes maintenus.',
  POPULATION_REQUISE: 'La population de la collectivité est nécessaire pour ce calcul, et elle manque ou n’est pas valide.',
  QUOTA_INCONNU: "Le quota demandé n'est pas proposé par la grille.",
  TARIF_NON_PUBLIE: "Le montant nécessaire n'est pas publié ; il doit être fourni par un catalogue complété.",
  TARIF_DEJA_PUBLIE: 'Le fichier de tarifs fournit un montant déjà publié, qui ne peut pas être remplacé.',
  MILLESIME_INCOHERENT: "Le millésime demandé n'est pas celui du catalogue.",
  CATALOGUE_INVALIDE: "Le catalogue fourni n'a pas la forme attendue.",
  CATALOGUE_INCOHERENT:
    'Le catalogue (ou le fichier de tarifs qui le complète) est incohérent : paliers ou strates qui se chevauchent ou laissent une lacune, quota en double…',
  RAPPEL_EN_ERREUR: "Une fonction fournie par l'appelant (par exemple onProgress) a levé une exception : le traitement est interrompu.",
  ERREUR_INTERNE: "Une erreur inattendue s'est produite ; merci de la signaler avec l'entrée qui la provoque.",
} as const;

/**
 * Code stable d'un problème.
 *
 * @category Erreurs
 * @example
 * ```ts
 * const code: IssueCode = 'SIREN_INVALIDE';
 * ```
 */
export type IssueCode = keyof typeof ISSUES;

/**
 * Les codes stables des problèmes signalés par la bibliothèque, avec leur signification.
 * Un code ne change pas de sens d'une version à l'autre ; le message, lui, peut être reformulé.
 * L'objet est gelé.
 *
 * @category Erreurs
 * @example
 * ```ts
 * ISSUE_CODES.TARIF_NON_PUBLIE;
 * //=> "Le montant nécessaire n'est pas publié ; il doit être fourni par un catalogue complété."
 * ```
 */
// `@__PURE__` : un paquet qui ne lit pas ces descriptions (celui des tableurs) ne les porte pas.
export const ISSUE_CODES: Readonly<Record<IssueCode, string>> = /* @__PURE__ */ Object.freeze(ISSUES);

const WARNINGS = {
  PART2_NON_RENSEIGNEE: "Le nombre de postes sous licence Berger Levrault n'est pas renseigné : seule la part 1 de la maintenance est chiffrée.",
  DESTINATAIRE_SANS_FACTURE: "Un destinataire est décrit pour un SIREN auquel rien n'est facturé : vérifiez son SIREN.",
  BAREME_ETABLISSEMENTS_PUBLICS:
    "Le barème de la maintenance de base est publié pour les établissements publics (EPCI) ; il est appliqué par hypothèse du syndicat à tout autre adhérent (commune, CCAS, syndicat, autre), faute de formule propre.",
} as const;

/**
 * Code stable d'un avertissement.
 *
 * @category Erreurs
 * @example
 * ```ts
 * const code: WarningCode = 'PART2_NON_RENSEIGNEE';
 * ```
 */
export type WarningCode = keyof typeof WARNINGS;

/**
 * Les codes stables des avertissements d'un devis, avec leur signification. L'objet est gelé.
 *
 * @category Erreurs
 * @example
 * ```ts
 * Object.keys(WARNING_CODES);
 * //=> ['PART2_NON_RENSEIGNEE', 'DESTINATAIRE_SANS_FACTURE', 'BAREME_ETABLISSEMENTS_PUBLICS']
 * ```
 */
export const WARNING_CODES: Readonly<Record<WarningCode, string>> = /* @__PURE__ */ Object.freeze(WARNINGS);

/**
 * À qui s'adresse un avertissement : `syndicat`, une vérification pour le personnel du syndicat (elle
 * peut nommer un champ de l'entrée) ; `adherent`, une remarque pour l'adhérent aussi (le devis la
 * lui rédige en mots simples, dans `remarques`).
 *
 * @internal
 */
export const WARNING_AUDIENCES: Readonly<Record<WarningCode, readonly ('adherent' | 'syndicat')[]>> = /* @__PURE__ */ Object.freeze({
  PART2_NON_RENSEIGNEE: ['syndicat', 'adherent'],
  DESTINATAIRE_SANS_FACTURE: ['syndicat'],
  BAREME_ETABLISSEMENTS_PUBLICS: ['syndicat', 'adherent'],
});

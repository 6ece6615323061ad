/**
 * Les formes partagées par toutes les couches (catalogue, modèles, prestations, devis, affichage).
 * Ce module est tout en bas : il n'importe que les codes de problème.
 */
import type { IssueCode, WarningCode } from './codes.js';

/**
 * Le chemin d'une donnée dans une entrée : `['prestations', 'packDemat', 'sirens', 1]`.
 *
 * @category Devis
 * @example
 * ```ts
 * const chemin: Path = ['collectivite', 'siren'];
 * ```
 */
export type Path = readonly (string | number)[];

/**
 * Une valeur de paramètre d'un problème : une donnée simple (texte, nombre, booléen, `null`) ou une
 * liste de textes ou de nombres.
 *
 * @category Erreurs
 * @example
 * ```ts
 * const attendus: IssueParam = ['prixUnitaire', 'paliers'];
 * ```
 */
export type IssueParam = string | number | boolean | null | readonly (string | number)[];

/**
 * Les paramètres d'un problème ou d'un avertissement : les données dont son message est rédigé
 * (valeur attendue, valeur reçue, bornes, valeurs admises, SIREN, prestation…). Un programme lit le
 * code et ces paramètres, jamais le texte du message, qui peut être reformulé.
 *
 * @category Erreurs
 * @example
 * ```ts
 * const params: IssueParams = { raison: 'cle', siren: '200000173' };
 * ```
 */
export type IssueParams = Readonly<Record<string, IssueParam>>;

/**
 * Un problème trouvé dans une entrée : un code stable, le chemin de la donnée en cause
 * (`['prestations', 'marchesPublics', 'acces']`) et un message en français.
 *
 * @category Erreurs
 * @example
 * ```ts
 * const issue: QuoteIssue = {
 *   code: 'SIREN_INVALIDE',
 *   path: ['collectivite', 'siren'],
 *   message: 'Le SIREN « 123 » doit compter exactement 9 chiffres.',
 *   params: { raison: 'longueur', siren: '123' },
 * };
 * ```
 */
export interface QuoteIssue {
  /** Le code stable du problème (voir {@link ISSUE_CODES}). */
  readonly code: IssueCode;
  /** Le chemin de la donnée en cause, depuis la racine de l'entrée. */
  readonly path: Path;
  /** Le problème, en français, rédigé à partir du code et des paramètres. */
  readonly message: string;
  /** Les données du problème, d'où son message est rédigé : à lire plutôt que le message. */
  readonly params: IssueParams;
}

/**
 * Le résultat d'une fonction « sûre » : la valeur, ou les problèmes trouvés.
 *
 * @category Erreurs
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
 * D'où vient un montant : publié par le syndicat, fourni en complément par l'appelant, ou voté par
 * une révision du catalogue ; `exemple: true` marque un montant d'exemple (inventé pour une
 * démonstration, ni publié ni voté), et toute ligne chiffrée avec lui.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const s: Source = { origine: 'complement', reference: 'Délibération du comité syndical n° …' };
 * const e: Source = { origine: 'revision', reference: "Révision 2027 d'exemple", exemple: true };
 * ```
 */
export interface Source {
  /** `publie` : la page du syndicat ; `complement` : un fichier de tarifs ; `revision` : une révision du catalogue. */
  readonly origine: 'publie' | 'complement' | 'revision';
  /** La page publiée, la référence du fichier de tarifs ou la délibération de la révision. */
  readonly reference: string;
  /** `true` : montant d'exemple, ni publié ni voté. */
  readonly exemple?: true | undefined;
}

/**
 * Le nom d'une unité, au singulier et au pluriel.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const u: Unite = { un: 'journée', plusieurs: 'journées' };
 * ```
 */
export interface Unite {
  /** Au singulier (en dessous de 2). */
  readonly un: string;
  /** Au pluriel. */
  readonly plusieurs: string;
}

/**
 * Un palier d'un barème : de `de` à `a` unités, bornes comprises (`a: null` : sans limite).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const p: Palier = { de: 3, a: 5, coefficient: '0.9' };
 * ```
 */
export interface Palier {
  /** Première valeur comprise. */
  readonly de: number;
  /** Dernière valeur comprise ; `null` : sans limite. */
  readonly a: number | null;
  /** Le coefficient appliqué à toutes les unités quand ce palier est atteint, chaîne décimale. */
  readonly coefficient: string;
}

/**
 * Une strate de population : de `de` à `a` habitants, bornes comprises (`a: null` : sans limite).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const s: Strate = { de: 0, a: 999 };
 * ```
 */
export interface Strate {
  /** Première valeur comprise. */
  readonly de: number;
  /** Dernière valeur comprise ; `null` : sans limite. */
  readonly a: number | null;
}

/**
 * Une grille strate de population × quota : `montants[i][j]` pour la strate `i` et le quota `j`.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const g: Grille = { strates: [{ de: 0, a: 999 }, { de: 1000, a: null }], quotasGo: [50], montants: [['80.00'], ['150.00']] };
 * ```
 */
export interface Grille {
  /** Les strates de population, dans l'ordre. */
  readonly strates: readonly Strate[];
  /** Les quotas proposés, en Go. */
  readonly quotasGo: readonly number[];
  /** Une ligne par strate, un montant (chaîne décimale) par quota. */
  readonly montants: readonly (readonly string[])[];
}

/**
 * Ce que toute composante de prix porte, quel que soit son modèle.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteCommune = { libelle: 'DPO mutualisé', source: { origine: 'publie', reference: '…' } };
 * ```
 */
export interface ComposanteCommune {
  /** Le libellé de la ligne de devis. */
  readonly libelle: string;
  /** L'origine du montant (ou de la règle, si le montant n'est pas publié). */
  readonly source: Source;
  /** Une précision sur la règle ou sur ce qui n'est pas publié (pour le syndicat). */
  readonly note?: string | undefined;
  /** Ce que l'adhérent doit savoir de cette prestation, repris sur chaque ligne de devis (`remarque`). */
  readonly remarque?: string | undefined;
}

/**
 * Une strate de population et son forfait : de `de` à `a` habitants, bornes comprises
 * (`a: null` : sans limite), et le montant dû par un adhérent de cette strate.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const s: StrateForfait = { de: 0, a: 499, montant: '120.00' };
 * ```
 */
export interface StrateForfait extends Strate {
  /** Le forfait de la strate, chaîne décimale. */
  readonly montant: string;
}

/**
 * Le calcul d'une ligne, en données : ce que le modèle de prix a lu et appliqué. Les phrases du devis
 * (`detail`) en sont écrites ; un programme lit ce calcul, jamais la phrase. Montants et prix en
 * chaînes décimales.
 *
 * - `fixe` : un montant fixe ;
 * - `produit` : quantité × prix unitaire (`demandee` : la quantité demandée, quand toute unité
 *   commencée est due) ;
 * - `pondere` : prix × (unités × coefficient du palier atteint) ;
 * - `case` : la case d'une grille strate de population × quota ;
 * - `proportionnel` : population × prix par habitant, borné par un plancher et un plafond ;
 * - `parStrate` : le forfait de la strate de population.
 *
 * @category Devis
 * @example
 * ```ts
 * const c: Calcul = { type: 'produit', quantite: '2', unite: { un: 'accès', plusieurs: 'accès' }, prixUnitaire: '50.00', montant: '100.00' };
 * ```
 */
export type Calcul =
  | {
      /** Un montant fixe. */
      readonly type: 'fixe';
      /** Le montant. */
      readonly montant: string;
    }
  | {
      /** Quantité × prix unitaire. */
      readonly type: 'produit';
      /** La quantité facturée. */
      readonly quantite: string;
      /** La quantité demandée, quand elle a été arrondie à l'unité supérieure. */
      readonly demandee?: string | undefined;
      /** L'unité comptée. */
      readonly unite: Unite;
      /** Le prix d'une unité. */
      readonly prixUnitaire: string;
      /** Le montant de la ligne. */
      readonly montant: string;
    }
  | {
      /** Prix × (unités × coefficient du palier atteint). */
      readonly type: 'pondere';
      /** Le nombre d'unités. */
      readonly unites: string;
      /** L'unité comptée. */
      readonly unite: Unite;
      /** Le coefficient du palier atteint. */
      readonly coefficient: string;
      /** Le prix d'une unité. */
      readonly prixUnitaire: string;
      /** Le montant de la ligne. */
      readonly montant: string;
    }
  | {
      /** La case d'une grille strate × quota. */
      readonly type: 'case';
      /** La strate de la population. */
      readonly strate: Strate;
      /** Le quota retenu, en Go. */
      readonly quotaGo: number;
      /** Le montant de la case. */
      readonly montant: string;
    }
  | {
      /** Population × prix par habitant, entre plancher et plafond. */
      readonly type: 'proportionnel';
      /** La population de la collectivité. */
      readonly population: number;
      /** Le prix par habitant. */
      readonly prixParHabitant: string;
      /** population × prix, avant plancher et plafond, arrondi au centime. */
      readonly brut: string;
      /** Le plancher, s'il est fixé. */
      readonly plancher?: string | undefined;
      /** Le plafond, s'il est fixé. */
      readonly plafond?: string | undefined;
      /** Ce qui a été retenu : le calcul, le plancher ou le plafond. */
      readonly retenu: 'calcul' | 'plancher' | 'plafond';
      /** Le montant de la ligne. */
      readonly montant: string;
    }
  | {
      /** Le forfait de la strate de population. */
      readonly type: 'parStrate';
      /** La strate de la population. */
      readonly strate: Strate;
      /** La population de la collectivité. */
      readonly population: number;
      /** Le forfait de la strate. */
      readonly montant: string;
    };

/**
 * Nature juridique de la collectivité adhérente.
 *
 * @category Devis
 * @example
 * ```ts
 * const t: CollectiviteType = 'epci';
 * ```
 */
export type CollectiviteType = 'commune' | 'epci' | 'syndicat' | 'ccas' | 'autre';

/**
 * L'adresse postale d'un débiteur, selon la norme postale (chaque ligne de 38 caractères au plus,
 * sans caractère de contrôle) : le complément de distribution (service, bâtiment), le numéro et la
 * voie, le lieu-dit, le code postal (5 chiffres) et la ville. Un titre de recettes la reprend pour
 * son tiers (`Adr1`, `Adr2`, `Adr3`, `CP`, `Ville` d'un flux PES).
 *
 * @category Devis
 * @example
 * ```ts
 * const a: Adresse = { complement: 'Service finances', voie: '2 rue de la Mairie', codePostal: '90400', ville: 'Foussemagne' };
 * ```
 */
export interface Adresse {
  /** Le complément de distribution : service, bâtiment, boîte postale (PES `Adr1`). */
  readonly complement?: string | undefined;
  /** Le numéro et le nom de la voie (PES `Adr2`). */
  readonly voie: string;
  /** Le lieu-dit (PES `Adr3`). */
  readonly lieuDit?: string | undefined;
  /** Le code postal, 5 chiffres. */
  readonly codePostal: string;
  /** La ville (la localité de destination). */
  readonly ville: string;
}

/**
 * La collectivité adhérente.
 *
 * @category Devis
 * @example
 * ```ts
 * const c: Collectivite = { nom: 'Foussemagne', siren: '219 000 494', type: 'commune', population: 869 };
 * ```
 */
export interface Collectivite {
  /** Le nom de la collectivité. */
  readonly nom: string;
  /** 9 chiffres, clé de Luhn valide ; les espaces sont acceptés en entrée et retirés dans le devis. */
  readonly siren: string;
  /** Sa nature juridique. */
  readonly type: CollectiviteType;
  /** Nombre d'habitants ; obligatoire pour la sauvegarde (grille par strate de population). */
  readonly population?: number | undefined;
  /** `true` si tout le parc informatique est transféré au syndicat (pack démat inclus d'office). */
  readonly parcTransfere?: boolean | undefined;
  /** Le SIRET de l'établissement à qui adresser sa facture (14 chiffres, commençant par son SIREN). */
  readonly siret?: string | undefined;
  /** Son code service (Chorus Pro), quand il en demande un. */
  readonly codeService?: string | undefined;
  /** Le numéro d'engagement (bon de commande) à rappeler sur sa facture. */
  readonly engagement?: string | undefined;
  /** Son adresse postale, qu'un titre de recettes reprend. */
  readonly adresse?: Adresse | undefined;
}

/**
 * Une ligne de devis : une composante de prix d'une prestation, pour un SIREN.
 * Quantité, prix unitaire et montant sont des chaînes décimales ; le montant a toujours
 * deux décimales et est arrondi au centime, au demi supérieur.
 *
 * Le paramètre `Id` est l'identifiant de prestation : {@link quote} rend des lignes typées par
 * {@link PrestationId}.
 *
 * @category Devis
 * @example
 * ```ts
 * const ligne: QuoteLine = {
 *   prestation: 'marchesPublics', composante: 'acces', libelle: 'Accès à la plateforme des marchés publics',
 *   siren: '200069060', quantite: '2', unite: 'accès', prixUnitaire: '50.00', montant: '100.00', // le SIREN de la CC des Vosges du Sud
 *   detail: '2 accès × 50,00 € = 100,00 €', source: { origine: 'publie', reference: '…' },
 *   calcul: { type: 'produit', quantite: '2', unite: { un: 'accès', plusieurs: 'accès' }, prixUnitaire: '50.00', montant: '100.00' },
 * };
 * ```
 */
export interface QuoteLine<Id extends string = string> {
  /** La prestation du catalogue. */
  readonly prestation: Id;
  /** La composante de prix de la prestation (`'postes'`, `'licenceBL'`, `'acces'`…). */
  readonly composante: string;
  /** Le libellé de la ligne, en français. */
  readonly libelle: string;
  /** Le SIREN facturé. */
  readonly siren: string;
  /** La quantité facturée (`"3"`, ou `"3.6"` postes pondérés). */
  readonly quantite: string;
  /** L'unité de la quantité. */
  readonly unite: string;
  /** Le prix unitaire, chaîne décimale (deux à quatre décimales). */
  readonly prixUnitaire: string;
  /** Le montant de la ligne, deux décimales (`"2069.57"`). */
  readonly montant: string;
  /** Le calcul en français : `574,88 € × (4 postes × 0,9) = 2 069,57 €`, écrit à partir de `calcul`. */
  readonly detail: string;
  /** Le calcul en données (ce que le modèle de prix a lu et appliqué). */
  readonly calcul: Calcul;
  /** L'origine des montants : publiés, ou fournis par l'appelant. */
  readonly source: Source;
  /** `true` : la ligne est incluse d'office (parc informatique transféré au syndicat). */
  readonly inclusDOffice?: true | undefined;
  /** Le rang de l'intervention et leur nombre, quand chaque intervention est chiffrée à part. */
  readonly intervention?:
    | {
        /** Le rang de l'intervention (à partir de 1). */
        readonly rang: number;
        /** Le nombre d'interventions. */
        readonly sur: number;
      }
    | undefined;
  /** Ce que l'adhérent doit savoir de cette prestation (le caractère exceptionnel du secrétariat de mairie…). */
  readonly remarque?: string | undefined;
  /**
   * `true` : une prestation ponctuelle (réalisée et facturée à l'acte, comme une journée de
   * secrétariat de mairie), à part des abonnements annuels ; absent : un abonnement pour l'année du
   * catalogue. Déclaré par la composante de la prestation.
   */
  readonly ponctuelle?: true | undefined;
}

/**
 * Une part du devis qui n'est pas chiffrée faute d'une donnée (la part 2 de la maintenance quand le
 * nombre de postes sous licence n'est pas donné) : le total qui l'omet est partiel.
 *
 * @category Devis
 * @example
 * ```ts
 * const m: Manquant = {
 *   prestation: 'maintenanceBase', composante: 'licenceBL', siren: '219000494', // le SIREN de Foussemagne
 *   libelle: 'Maintenance de base — part 2 : postes sous licence Berger Levrault',
 *   path: ['prestations', 'maintenanceBase', 'postesLicenceBL'],
 * };
 * ```
 */
export interface Manquant<Id extends string = string> {
  /** La prestation (typée comme celle des lignes : {@link PrestationId} dans un devis de {@link quote}). */
  readonly prestation: Id;
  /** La composante qui n'est pas chiffrée. */
  readonly composante: string;
  /** Son libellé, en français. */
  readonly libelle: string;
  /** Le SIREN dont le total est partiel. */
  readonly siren: string;
  /** Le chemin de la donnée qui manque. */
  readonly path: Path;
}

/**
 * Ce qu'il faut pour adresser une facture à un SIREN facturé (une autre personne publique : budget
 * annexe, CCAS…, ou la collectivité elle-même) : son nom, sa nature, son SIRET et, pour Chorus Pro,
 * le code service et le numéro d'engagement, et son adresse postale, quand l'adhésion les donne.
 *
 * @category Devis
 * @example
 * ```ts
 * const d: Destinataire = { siren: '200000107', nom: 'CCAS fictif', siret: '20000010700016', codeService: 'FINANCES' };
 * ```
 */
export interface Destinataire {
  /** Le SIREN facturé (9 chiffres, sans espaces). */
  readonly siren: string;
  /** Son nom, qui titre ses factures. */
  readonly nom?: string | undefined;
  /** Sa nature juridique (mêmes valeurs que celle d'une collectivité). */
  readonly type?: CollectiviteType | undefined;
  /** Le SIRET de l'établissement à facturer (14 chiffres, commençant par le SIREN). */
  readonly siret?: string | undefined;
  /** Le code service (Chorus Pro). */
  readonly codeService?: string | undefined;
  /** Le numéro d'engagement (bon de commande) à rappeler sur la facture. */
  readonly engagement?: string | undefined;
  /** Son adresse postale. */
  readonly adresse?: Adresse | undefined;
}

/**
 * La facture d'un SIREN : ses lignes et leur total.
 *
 * @category Devis
 * @example
 * ```ts
 * const f: Invoice = { siren: '200069060', lignes: [], total: '0.00' }; // le SIREN de la CC des Vosges du Sud
 * ```
 */
export interface Invoice<Id extends string = string> {
  /** Le SIREN facturé. */
  readonly siren: string;
  /** Le nom du SIREN facturé, quand il est connu (la collectivité, ou un destinataire décrit). */
  readonly nom?: string | undefined;
  /**
   * Ce que l'adhésion dit du SIREN facturé (nature, SIRET, code service, engagement, adresse), quand
   * elle le décrit : un destinataire, ou la collectivité elle-même quand elle donne ses données de
   * facturation.
   */
  readonly destinataire?: Destinataire | undefined;
  /** Les lignes de ce SIREN. */
  readonly lignes: readonly QuoteLine<Id>[];
  /** Somme des montants des lignes. */
  readonly total: string;
  /** `true` : une part due par ce SIREN n'est pas chiffrée (voir {@link Quote.manquants}) : son total est partiel. */
  readonly totalPartiel?: true | undefined;
}

/**
 * Un avertissement : le devis est calculé, mais un point mérite l'attention.
 *
 * @category Devis
 * @example
 * ```ts
 * const w: QuoteWarning = {
 *   code: 'PART2_NON_RENSEIGNEE', path: ['prestations', 'maintenanceBase', 'postesLicenceBL'],
 *   message: 'Le nombre de postes sous licence Berger Levrault n\'est pas renseigné…', params: {},
 * };
 * ```
 */
export interface QuoteWarning {
  /** Le code stable de l'avertissement (voir {@link WARNING_CODES}). */
  readonly code: WarningCode;
  /** Le chemin de la donnée concernée. */
  readonly path: Path;
  /** L'avertissement, en français, rédigé à partir du code et des paramètres. */
  readonly message: string;
  /** Les données de l'avertissement, d'où son message est rédigé. */
  readonly params: IssueParams;
}

/**
 * Le devis d'une adhésion : lignes, factures par SIREN, total, tous en chaînes décimales.
 *
 * **À qui appartient un devis rendu.** Rien de ce qu'un appelant écrit sur un devis n'atteint un
 * autre devis, le catalogue ou la bibliothèque. Le devis, ses listes (`lignes`, `factures`,
 * `avertissements`, `remarques`, `manquants`, `destinataires`), chaque ligne, chaque facture et la
 * `collectivite` sont propres à ce devis : l'appelant peut les modifier. Ce qui est le même pour tous
 * les devis est partagé et gelé en profondeur (`Object.isFrozen`) : le `calcul` et la `source` de
 * chaque ligne, et les avertissements et remarques sans paramètre (leur `path` et leurs `params`
 * compris). Une écriture sur ces parties échoue (`TypeError` en mode strict) ; pour les modifier,
 * copiez-les (`structuredClone(devis)` copie tout).
 *
 * @category Devis
 * @example
 * ```ts
 * const devis: Quote = quote(adhesion);
 * devis.total;
 * //=> '2069.57'
 * ```
 */
export interface Quote<Id extends string = string> {
  /** Le millésime du catalogue utilisé. */
  readonly millesime: number;
  /** La collectivité, telle que validée (SIREN sans espaces). */
  readonly collectivite: Collectivite;
  /** Toutes les lignes, dans l'ordre du catalogue. */
  readonly lignes: readonly QuoteLine<Id>[];
  /** Une facture par SIREN ; celle de la collectivité d'abord. */
  readonly factures: readonly Invoice<Id>[];
  /** Somme des lignes, égale à la somme des factures. */
  readonly total: string;
  /** La devise des montants. */
  readonly devise: 'EUR';
  /**
   * Les vérifications pour le personnel du syndicat : le devis est calculé, mais un point est à
   * vérifier (leur message peut nommer un champ de l'entrée). Elles ne vont pas sur l'exemplaire de
   * l'adhérent.
   */
  readonly avertissements: readonly QuoteWarning[];
  /**
   * Les remarques pour l'adhérent : les avertissements qui le concernent aussi, mêmes codes et mêmes
   * paramètres, rédigés pour lui en mots simples (sans nom de champ).
   */
  readonly remarques: readonly QuoteWarning[];
  /** `true` : une part due n'est pas chiffrée ({@link Quote.manquants}) ; le total n'en tient pas compte. */
  readonly totalPartiel: boolean;
  /** Ce qui n'est pas chiffré faute d'une donnée (vide si le total est complet). */
  readonly manquants: readonly Manquant<Id>[];
  /** Les SIREN facturés que l'adhésion décrit (nom, nature, SIRET, code service, engagement, adresse), s'il y en a. */
  readonly destinataires?: readonly Destinataire[] | undefined;
}

/**
 * La rédaction des problèmes et des avertissements : UNE table de messages, par code (et, quand un
 * code a plusieurs rédactions, par le paramètre `raison`). Un message est une fonction du code et des
 * paramètres, et de rien d'autre, dans la voix de la bibliothèque (ou de l'adhérent, pour les
 * remarques d'un devis). Les clients (documents, tableur, ligne de commande, simulateur) ont leurs
 * propres codes et leur voix, dans leur dossier ; ils reprennent d'ici ce qui se dit de même
 * ({@link describeMissingAmount}, {@link escapeControlCharacters}).
 *
 * Aucune interface ne lit ni ne réécrit le texte d'un message : elle relit son code et ses paramètres
 * ({@link rewordIssue}).
 *
 * Cette couche est tout en bas : elle n'importe que `core`, `shared` et `money`.
 */
import { lintMessage } from './lint.js';
import type { IssueCode, WarningCode } from '../core/codes.js';
import type { IssueParam, IssueParams, Path, QuoteIssue, QuoteWarning } from '../core/shapes.js';
import { formatNumber } from '../money/format.js';
import { textArgument, readingArgument } from '../errors/arguments.js';
import { CONTROL_ALL } from '../shared/control.js';

/**
 * La voix d'un message : qui le lit, et donc comment il fournit ce qui manque.
 *
 * - `bibliotheque` : l'appelant de la bibliothèque (un montant manquant se fournit par `completeCatalogue`) ;
 * - `adherent` : l'adhérent qui lit son devis (mots simples, aucun nom de champ).
 *
 * @category Erreurs
 * @example
 * ```ts
 * const voix: Voice = 'adherent';
 * ```
 */
export type Voice = 'bibliotheque' | 'adherent';

// ---------------------------------------------------------------------------------------------
// Les paramètres de chaque code.
// ---------------------------------------------------------------------------------------------

/**
 * Une remarque de `lintCatalogue` devenue problème : son code (`CHEVAUCHEMENT`, `MONTANT_ILLISIBLE`…)
 * et ses chiffres, d'où la table des remarques rédige le message.
 */
export type LintParams = { readonly raison: 'lint'; readonly lintCode: string } & { readonly [chiffre: string]: IssueParam };

/**
 * Un problème de forme d'un catalogue (champ manquant, valeur hors limites…) : le code du problème
 * d'origine, sa raison (`detail`) et ses paramètres, d'où il est rédigé comme à l'origine.
 */
export type ShapeParams = { readonly raison: 'probleme'; readonly code: IssueCode; readonly detail: IssueParam } & { readonly [param: string]: IssueParam };

/** Les problèmes de lecture d'une entrée (getter qui lève, référence circulaire, objet exotique…). */
export type ReadingParams =
  | { readonly raison: 'volumineuse'; readonly maximum: number }
  | { readonly raison: 'illisible'; readonly detail: string }
  | { readonly raison: 'listeIllisible'; readonly longueur: string }
  | { readonly raison: 'circulaire' };

/**
 * Les paramètres de chaque code de problème. `recu` est toujours la valeur reçue décrite en français
 * (« la chaîne « abc » », « le nombre 3 »). Un outil qui rédige un problème à sa façon le fait
 * d'après son code et ces paramètres, jamais d'après le texte de son message.
 *
 * @internal
 */
export interface IssueParamsByCode {
  ENTREE_INVALIDE:
    | ReadingParams
    | { readonly raison: 'type'; readonly attendu: string; readonly recu: string }
    | { readonly raison: 'union'; readonly recu: string }
    | { readonly raison: 'autre'; readonly recu: string }
    | { readonly raison: 'texte'; readonly texte: string }
    | LintParams
    | { readonly raison: 'pourcentage'; readonly recu: string; readonly decimales: number; readonly minimum: number; readonly exemple: string }
    | { readonly raison: 'optionIllisible' }
    | { readonly raison: 'lotPasListe' }
    | { readonly raison: 'lotTropLong'; readonly maximum: number; readonly recu: number | string }
    | { readonly raison: 'lotLongueurInvalide'; readonly recu: number | string }
    | { readonly raison: 'adhesionIllisible' }
    | { readonly raison: 'listeIllisibleLot' };
  CHAMP_INCONNU: { readonly champ: string };
  CHAMP_MANQUANT:
    | { readonly raison: 'racine'; readonly attendu: string }
    | { readonly raison: 'champ'; readonly attendu: string }
    | { readonly raison: 'choix'; readonly valeurs: readonly (string | number)[] }
    | { readonly raison: 'unParmi'; readonly champs: readonly string[] };
  VALEUR_HORS_LIMITES: {
    readonly raison: 'minimum' | 'maximum';
    /** La borne (`minimum` ou `maximum` selon la raison). */
    readonly limite: number | string;
    /** Ce qui est borné : `string` (longueur), `array` (nombre d'éléments), `number`… */
    readonly origine: string;
    readonly inclusif: boolean;
    readonly recu: string;
  };
  VALEUR_NON_ADMISE:
    | { readonly raison: 'choix'; readonly valeurs: readonly (string | number)[]; readonly recu: string }
    | { readonly raison: 'prestation'; readonly recu: string; readonly prestations: readonly string[] }
    | {
        readonly raison: 'champDuModele';
        readonly modele: string;
        readonly attendus: readonly string[];
        readonly recu: string;
        readonly operation: 'complete' | 'revise';
      }
    | { readonly raison: 'modeleNonAdmis'; readonly modele: string; readonly admis: readonly string[] }
    | { readonly raison: 'sirensSurAdherent'; readonly libellePrestation: string; readonly millesime: number }
    | { readonly raison: 'exclusifs'; readonly champs: readonly string[] }
    | { readonly raison: 'caractereDeControle'; readonly caractere: string; readonly position: number }
    | { readonly raison: 'codePostal'; readonly recu: string };
  SIREN_INVALIDE: { readonly raison: 'longueur' | 'cle'; readonly siren: string };
  SIREN_EN_DOUBLE: { readonly siren: string; readonly position: number };
  SIRET_INVALIDE: { readonly raison: 'longueur' | 'siren' | 'cle'; readonly siret: string; readonly siren: string | null };
  /** `entrees` : les positions (à partir de 0) des adhésions en cause ; `fichiers` : leurs fichiers, en ligne de commande. */
  SIREN_FACTURE_DEUX_FOIS:
    | { readonly raison: 'prestation'; readonly siren: string; readonly prestation: string; readonly libellePrestation: string; readonly entrees: readonly number[]; readonly fichiers?: readonly string[] }
    | { readonly raison: 'collectivite'; readonly siren: string; readonly entrees: readonly number[]; readonly fichiers?: readonly string[] };
  /**
   * Le même SIREN décrit deux fois autrement. `champs` : ceux qui diffèrent (`nom`, `type`, `siret`,
   * `codeService`, `engagement`, `adresse`) ; `chemins` : les deux descriptions, chacune par son chemin
   * dans son adhésion (`collectivite`, `destinataires[0]`) ; dans un lot, `entrees` : les positions
   * (à partir de 0) de leurs adhésions, et `fichiers` : leurs fichiers, en ligne de commande.
   */
  DEBITEUR_CONTRADICTOIRE:
    | { readonly raison: 'adhesion'; readonly siren: string; readonly champs: readonly string[]; readonly chemins: readonly string[] }
    | {
        readonly raison: 'lot';
        readonly siren: string;
        readonly champs: readonly string[];
        readonly entrees: readonly number[];
        readonly chemins: readonly string[];
        readonly fichiers?: readonly string[];
      };
  MAINTENANCE_BASE_OBLIGATOIRE: {
    readonly prestation: string;
    readonly libellePrestation: string;
    /** Les paramètres de l'exemple (« maintenanceBase: { postes: 1 } »), et leurs valeurs. */
    readonly champsExemple: readonly string[];
    readonly valeursExemple: readonly number[];
  };
  POSTES_LICENCE_SUPERIEURS: { readonly valeur: number; readonly limite: number };
  POPULATION_REQUISE: { readonly raison: 'invalide' | 'manquante'; readonly libellePrestation: string };
  QUOTA_INCONNU: { readonly quotaGo: number; readonly quotasGo: readonly number[] };
  TARIF_NON_PUBLIE: MissingAmountParams;
  /** `valeur` : le montant publié (`null` pour une grille ou des strates) ; pour `champ: 'modele'`, le modèle publié. */
  TARIF_DEJA_PUBLIE: { readonly champ: string; readonly valeur: IssueParam };
  MILLESIME_INCOHERENT:
    | { readonly raison: 'adhesion'; readonly millesime: number; readonly millesimeCatalogue: number }
    | { readonly raison: 'tarifs'; readonly millesimeTarifs: number; readonly millesimeCatalogue: number };
  /** Une remarque de forme du catalogue, ou un problème de lecture (mêmes paramètres que `ENTREE_INVALIDE`). */
  CATALOGUE_INVALIDE: LintParams | ShapeParams | IssueParamsByCode['ENTREE_INVALIDE'];
  CATALOGUE_INCOHERENT:
    | { readonly raison: 'strate'; readonly libellePrestation: string; readonly population: number; readonly strates: readonly string[] }
    | { readonly raison: 'palier'; readonly libelle: string; readonly unites: number; readonly nomUnites: string }
    | LintParams;
  RAPPEL_EN_ERREUR: { readonly fonction: string; readonly detail: string };
  ERREUR_INTERNE: { readonly detail: string };
}

/**
 * Les paramètres de chaque code d'avertissement.
 *
 * @internal
 */
export interface WarningParamsByCode {
  DESTINATAIRE_SANS_FACTURE: { readonly siren: string };
  PART2_NON_RENSEIGNEE: Record<string, never>;
  BAREME_ETABLISSEMENTS_PUBLICS: Record<string, never>;
}

type Check<T extends Record<string, IssueParams>> = T;
/**
 * Vérifié à la compilation : les paramètres de chaque code de problème sont des données simples ({@link IssueParams}).
 *
 * @internal
 */
export type _IssueParamsAreData = Check<{ [C in IssueCode]: IssueParamsByCode[C] }>;
/**
 * Vérifié à la compilation : les paramètres de chaque code d'avertissement sont des données simples.
 *
 * @internal
 */
export type _WarningParamsAreData = Check<{ [C in WarningCode]: WarningParamsByCode[C] }>;

// ---------------------------------------------------------------------------------------------
// Les briques des messages.
// ---------------------------------------------------------------------------------------------

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'une chaîne de caractères',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'un booléen (true ou false)',
  object: 'un objet',
  array: 'une liste',
  null: 'null',
  donneeSimple: 'une donnée simple (objet, liste, texte, nombre)',
};

/** Le type attendu, en français. */
function typeName(attendu: string): string {
  return TYPE_NAMES[attendu] ?? attendu;
}

/** Une liste de valeurs admises : les textes entre guillemets, les nombres tels quels. */
function allowed(valeurs: readonly (string | number)[]): string {
  return valeurs.map((v) => (typeof v === 'string' ? `« ${v} »` : String(v))).join(', ');
}

function quoted(list: readonly string[]): string {
  return list.map((v) => `« ${v} »`).join(' ou ');
}

function bound(p: { raison: 'minimum' | 'maximum'; limite: number | string; origine: string; inclusif: boolean }): string {
  const small = p.raison === 'minimum';
  const limit = String(p.limite);
  if (p.origine === 'string') return small ? 'ne doit pas être vide' : `doit compter au plus ${limit} caractères`;
  if (p.origine === 'array') return small ? `doit compter au moins ${limit} élément(s)` : `doit compter au plus ${limit} éléments`;
  if (small) return p.inclusif ? `doit valoir au moins ${limit}` : `doit être strictement supérieur à ${limit}`;
  return p.inclusif ? `doit valoir au plus ${limit}` : `doit être strictement inférieur à ${limit}`;
}

function reading(p: ReadingParams): string {
  switch (p.raison) {
    case 'volumineuse':
      return `Entrée trop volumineuse (plus de ${p.maximum} valeurs).`;
    case 'illisible':
      return `Donnée illisible : sa lecture a levé une exception (${p.detail}).`;
    case 'listeIllisible':
      return `Liste trop longue ou illisible (sa longueur lue est ${p.longueur}).`;
    case 'circulaire':
      return 'Référence circulaire : la donnée se contient elle-même.';
  }
}

/**
 * Ce que dit un problème `TARIF_NON_PUBLIE` : quel montant manque, de quelle prestation, pour quelle
 * année, et où il se place dans un catalogue.
 *
 * @category Erreurs
 * @example
 * ```ts
 * const p: MissingAmountParams = { prestation: 'dpo', composante: 'abonnement', champ: 'montant', libelle: 'DPO mutualisé', libellePrestation: 'DPO', millesime: 2026 };
 * ```
 */
export type MissingAmountParams = {
  /** La prestation. */
  readonly prestation: string;
  /** La composante de prix. */
  readonly composante: string;
  /** Le champ manquant (`montant`, `prixUnitaire`, `grille`…). */
  readonly champ: string;
  /** Le libellé de la composante. */
  readonly libelle: string;
  /** Le libellé de la prestation. */
  readonly libellePrestation: string;
  /** L'année du catalogue. */
  readonly millesime: number;
};

/**
 * Les paramètres d'un problème `TARIF_NON_PUBLIE`, lus de ses données (jamais de son message), ou
 * `undefined` pour tout autre problème : un outil qui dit à sa façon comment fournir le montant part
 * de là. Ne lève jamais.
 *
 * @category Erreurs
 * @example
 * ```ts
 * const r = safeQuote({ collectivite: { nom: 'Foussemagne', siren: '219000494', type: 'commune' }, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, dpo: {} } });
 * if (!r.success) missingAmountOf(r.issues[0]!)?.prestation;
 * //=> 'dpo'
 * ```
 */
export function missingAmountOf(issue: Pick<QuoteIssue, 'code' | 'params'>): MissingAmountParams | undefined {
  return readingArgument('issue', issue, () => missingAmountOfUnchecked(issue));
}

function missingAmountOfUnchecked(issue: Pick<QuoteIssue, 'code' | 'params'>): MissingAmountParams | undefined {
  if (typeof issue !== 'object' || issue === null || issue.code !== 'TARIF_NON_PUBLIE') return undefined;
  const params: unknown = issue.params;
  if (typeof params !== 'object' || params === null) return undefined;
  const { prestation, composante, champ, libelle, libellePrestation, millesime } = params as Record<string, unknown>;
  const texts = [prestation, composante, champ, libelle, libellePrestation];
  if (!texts.every((t): t is string => typeof t === 'string') || typeof millesime !== 'number') return undefined;
  return { prestation: texts[0]!, composante: texts[1]!, champ: texts[2]!, libelle: texts[3]!, libellePrestation: texts[4]!, millesime };
}

/**
 * Le montant qui manque, en une phrase sans point final : « Le montant « DPO mutualisé » de la
 * prestation « … » n'est pas publié pour 2026 », suivie avec `chemin` de sa place dans un catalogue.
 * Chaque outil y ajoute comment le fournir chez lui (`completeCatalogue`, `--tarifs`, une plage…).
 *
 * @category Erreurs
 * @example
 * ```ts
 * describeMissingAmount({ prestation: 'dpo', composante: 'abonnement', champ: 'montant', libelle: 'DPO mutualisé', libellePrestation: 'DPO', millesime: 2026 }, { chemin: true });
 * //=> "Le montant « DPO mutualisé » de la prestation « DPO » n'est pas publié pour 2026 (catalogue : prestations.dpo.composantes.abonnement.montant)"
 * ```
 */
export function describeMissingAmount(p: MissingAmountParams, options?: { readonly chemin?: boolean }): string {
  return readingArgument('p', p, () => describeMissingAmountUnchecked(p, options));
}

function describeMissingAmountUnchecked(p: MissingAmountParams, options?: { readonly chemin?: boolean }): string {
  const head = `Le montant « ${p.libelle} » de la prestation « ${p.libellePrestation} » n'est pas publié pour ${p.millesime}`;
  return options?.chemin === true ? `${head} (catalogue : prestations.${p.prestation}.composantes.${p.composante}.${p.champ})` : head;
}

/** Comment l'appelant de la bibliothèque fournit un montant non publié. */
function supplyMissing(p: IssueParamsByCode['TARIF_NON_PUBLIE']): string {
  return `${describeMissingAmount(p, { chemin: true })}. Fournissez-le dans un catalogue complété (completeCatalogue, ou --tarifs en ligne de commande).`;
}

/** L'exemple d'une prestation obligatoire : « maintenanceBase: { postes: 1 } ». */
function mandatoryExample(p: IssueParamsByCode['MAINTENANCE_BASE_OBLIGATOIRE']): string {
  const fields = p.champsExemple.map((name, i) => [name, p.valeursExemple[i]] as const);
  const body = fields.length === 0 ? '{}' : `{ ${fields.map(([name, v]) => `${name}: ${String(v)}`).join(', ')} }`;
  return `« ${p.prestation}: ${body} »`;
}

// ---------------------------------------------------------------------------------------------
// La table.
// ---------------------------------------------------------------------------------------------

type Builders<Codes extends string, Params extends Record<Codes, unknown>> = { readonly [C in Codes]: (params: Params[C], voice: Voice) => string };

const ISSUE_MESSAGES: Builders<IssueCode, IssueParamsByCode> = {
  ENTREE_INVALIDE: (p) => {
    switch (p.raison) {
      case 'type':
        return `Attendu : ${typeName(p.attendu)} ; reçu : ${p.recu}.`;
      case 'union':
        return `Aucune des formes admises ne correspond ; reçu : ${p.recu}.`;
      case 'autre':
        return `Donnée invalide ; reçu : ${p.recu}.`;
      case 'texte':
        return p.texte;
      case 'lint':
        return lintMessage(p.lintCode, p);
      case 'pourcentage':
        return `Pourcentage attendu en chaîne décimale, au plus ${p.decimales} décimales, au-dessus de ${p.minimum} (ex. « ${p.exemple} ») ; reçu : ${p.recu}.`;
      case 'optionIllisible':
        return "L'option ne peut pas être lue : sa lecture a levé une exception.";
      case 'lotPasListe':
        return 'Un lot est une liste d’adhésions.';
      case 'lotTropLong':
        return `Un lot compte au plus ${p.maximum} adhésions (reçu : ${p.recu}).`;
      case 'lotLongueurInvalide':
        return `La longueur lue du lot n'est pas un nombre d'adhésions (reçu : ${p.recu}).`;
      case 'adhesionIllisible':
        return "L'adhésion ne peut pas être lue.";
      case 'listeIllisibleLot':
        return "L'adhésion ne peut pas être lue : la lecture de la liste a levé une exception.";
      default:
        return reading(p);
    }
  },
  CHAMP_INCONNU: (p) => `Champ inconnu « ${p.champ} » : il n'est pas accepté (faute de frappe ?).`,
  CHAMP_MANQUANT: (p) => {
    switch (p.raison) {
      case 'racine':
        return 'Aucune donnée reçue.';
      case 'champ':
        return 'Ce champ est obligatoire.';
      case 'choix':
        return `Ce champ est obligatoire (valeur admise : ${allowed(p.valeurs)}).`;
      case 'unParmi':
        return `Indiquez l'un de ces champs : ${p.champs.map((c) => `« ${c} »`).join(' ou ')}.`;
    }
  },
  VALEUR_HORS_LIMITES: (p) => {
    // Une borne d'un client (la validité d'un devis imprimable…) garde le message de son client.
    if (p.raison !== 'minimum' && p.raison !== 'maximum') throw new RangeError('raison rédigée par un client');
    return `La valeur ${bound(p)} ; reçu : ${p.recu}.`;
  },
  VALEUR_NON_ADMISE: (p) => {
    switch (p.raison) {
      case 'choix':
        return `Valeur admise : ${allowed(p.valeurs)} ; reçu : ${p.recu}.`;
      case 'prestation':
        return `Prestation inconnue : ${p.recu} ; prestations : ${p.prestations.join(', ')}.`;
      case 'champDuModele':
        return `Cette composante suit le modèle « ${p.modele} » : elle se ${p.operation === 'complete' ? 'complète' : 'révise'} par ${quoted(p.attendus)}, pas par « ${p.recu} ».`;
      case 'modeleNonAdmis':
        return `Le modèle « ${p.modele} » n'est pas admis pour cette composante ; modèles admis : ${p.admis.map((m) => `« ${m} »`).join(', ')}.`;
      case 'exclusifs':
        return `Indiquez ${p.champs.map((c) => `« ${c} »`).join(' ou ')}, pas les deux : ils disent la même chose de deux façons.`;
      case 'caractereDeControle':
        return `Ce texte contient un caractère de contrôle (${p.caractere}, position ${p.position}) : retour à la ligne, tabulation, échappement… ne sont pas admis dans ce texte.`;
      case 'codePostal':
        return `Un code postal compte exactement 5 chiffres ; reçu : « ${p.recu} ».`;
      case 'sirensSurAdherent':
        return `La prestation « ${p.libellePrestation} » est facturée par adhérent au catalogue ${p.millesime} : la liste de SIREN facturés ne s'applique pas ; retirez-la.`;
    }
  },
  SIREN_INVALIDE: (p) => {
    const shown = p.siren.length > 20 ? p.siren.slice(0, 20) + '…' : p.siren;
    return p.raison === 'longueur' ? `Le SIREN « ${shown} » doit compter exactement 9 chiffres.` : `La clé de contrôle du SIREN « ${shown} » est fausse (erreur de saisie ?).`;
  },
  SIREN_EN_DOUBLE: (p) => `Le SIREN ${p.siren} figure déjà dans la liste (position ${p.position}).`,
  SIRET_INVALIDE: (p) => {
    const shown = p.siret.length > 20 ? p.siret.slice(0, 20) + '…' : p.siret;
    switch (p.raison) {
      case 'longueur':
        return `Le SIRET « ${shown} » doit compter exactement 14 chiffres.`;
      case 'siren':
        return `Le SIRET « ${shown} » ne commence pas par le SIREN ${p.siren ?? ''} qu'il accompagne.`;
      case 'cle':
        return `La clé de contrôle du SIRET « ${shown} » est fausse (erreur de saisie ?).`;
    }
  },
  SIREN_FACTURE_DEUX_FOIS: (p) => {
    const entries = p.entrees.map((e, i) => (p.fichiers?.[i] === undefined ? `n° ${e + 1}` : `n° ${e + 1} (${p.fichiers[i]})`)).join(', ');
    return p.raison === 'prestation'
      ? `Le SIREN ${p.siren} serait facturé ${p.entrees.length} fois la prestation « ${p.libellePrestation} », par les adhésions ${entries} : elle n'est due qu'une fois par SIREN ; retirez-le de toutes sauf une.`
      : `Les adhésions ${entries} portent toutes le SIREN ${p.siren} de la collectivité : une collectivité n'adhère qu'une fois ; gardez-en une seule.`;
  },
  DEBITEUR_CONTRADICTOIRE: (p) => {
    const siren = p.siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
    const places =
      p.raison === 'lot'
        ? p.entrees.map((e, i) => `« ${p.chemins[i] ?? ''} » de l'adhésion n° ${e + 1}${p.fichiers?.[i] === undefined || p.fichiers[i] === '' ? '' : ` (${p.fichiers[i]})`}`)
        : p.chemins.map((c) => `« ${c} »`);
    return `Le SIREN ${siren} est décrit deux fois autrement, par ${places.join(' et par ')} : ils diffèrent par ${p.champs.join(', ')}. Une facture n'a qu'un débiteur : donnez la même description aux deux endroits (ou une seule).`;
  },
  MAINTENANCE_BASE_OBLIGATOIRE: (p) => `La prestation « ${p.libellePrestation} » est obligatoire pour tout adhérent : ajoutez-la (ex. ${mandatoryExample(p)}).`,
  POSTES_LICENCE_SUPERIEURS: (p) => `Les postes sous licence Berger Levrault (${p.valeur}) ne peuvent dépasser les postes maintenus (${p.limite}).`,
  POPULATION_REQUISE: (p) =>
    p.raison === 'invalide'
      ? `La prestation « ${p.libellePrestation} » ne peut pas être chiffrée : elle dépend de la population de la collectivité, qui n'est pas valide.`
      : `La prestation « ${p.libellePrestation} » est calculée selon la population : indiquez la population de la collectivité.`,
  QUOTA_INCONNU: (p) => `Le quota de ${formatNumber(String(p.quotaGo))} Go n'est pas proposé ; quotas possibles : ${p.quotasGo.map((q) => `${q} Go`).join(', ')}.`,
  TARIF_NON_PUBLIE: supplyMissing,
  TARIF_DEJA_PUBLIE: (p) =>
    p.champ === 'modele'
      ? `Les montants de cette composante sont publiés (modèle « ${String(p.valeur)} ») : un fichier de tarifs ne peut pas en changer le modèle.`
      : `Ce montant est déjà publié${p.valeur === null ? '' : ` (${JSON.stringify(p.valeur)})`} : un fichier de tarifs ne complète que les montants non publiés.`,
  MILLESIME_INCOHERENT: (p) =>
    p.raison === 'adhesion'
      ? `L'adhésion porte sur ${p.millesime}, mais le catalogue utilisé est celui de ${p.millesimeCatalogue}.`
      : `Les tarifs sont ceux de ${p.millesimeTarifs}, le catalogue celui de ${p.millesimeCatalogue}.`,
  CATALOGUE_INVALIDE: (p, voice) => {
    if (p.raison === 'lint') return lintMessage(p.lintCode, p);
    if (p.raison === 'probleme') {
      const { code, detail, ...rest } = p as ShapeParams;
      const build = ISSUE_MESSAGES[code] as (params: IssueParams, voice: Voice) => string;
      return build({ ...rest, raison: detail }, voice);
    }
    return ISSUE_MESSAGES.ENTREE_INVALIDE(p as IssueParamsByCode['ENTREE_INVALIDE'], voice);
  },
  CATALOGUE_INCOHERENT: (p) => {
    switch (p.raison) {
      case 'strate':
        return `Aucune strate de la grille « ${p.libellePrestation} » ne contient ${formatNumber(String(p.population))} habitants (strates : ${p.strates.join(' ; ')}).`;
      case 'palier':
        return `Aucun palier du barème « ${p.libelle} » ne couvre ${formatNumber(String(p.unites))} ${p.nomUnites}.`;
      case 'lint':
        return lintMessage(p.lintCode, p);
    }
  },
  RAPPEL_EN_ERREUR: (p) => `La fonction « ${p.fonction} » fournie par l'appelant a levé une exception : ${p.detail}. Le traitement est interrompu.`,
  ERREUR_INTERNE: (p) => `Erreur inattendue pendant le calcul : ${p.detail}. Merci de la signaler.`,
};

const WARNING_MESSAGES: Builders<WarningCode, WarningParamsByCode> = {
  DESTINATAIRE_SANS_FACTURE: (p) => `Un destinataire est décrit pour le SIREN ${p.siren}, auquel rien n'est facturé : vérifiez son SIREN, ou retirez-le.`,
  PART2_NON_RENSEIGNEE: (_, voice) =>
    voice === 'adherent'
      ? "La part 2 de la maintenance de base (les postes qui portent une licence Berger Levrault) n'est pas chiffrée : leur nombre n'a pas été indiqué. Le total de ce devis est donc partiel."
      : "Le nombre de postes sous licence Berger Levrault (part 2) n'est pas renseigné : seule la part 1 est chiffrée. Indiquez postesLicenceBL (0 s'il n'y en a aucun).",
  BAREME_ETABLISSEMENTS_PUBLICS: (_, voice) =>
    voice === 'adherent'
      ? "Le montant de la maintenance de base applique le barème que le syndicat publie pour ses établissements publics (EPCI) ; aucun barème n'est publié pour votre type de collectivité : ce montant est une hypothèse du syndicat."
      : "Le barème de la maintenance de base est publié pour les établissements publics (EPCI) ; aucune formule distincte n'est publiée pour ce type de collectivité : vérifiez qu'il s'applique.",
};

// ---------------------------------------------------------------------------------------------
// L'interface de la couche.
// ---------------------------------------------------------------------------------------------

/**
 * Le message d'un problème, rédigé à partir de son code et de ses paramètres seuls.
 *
 * @internal
 */
export function issueMessage<C extends IssueCode>(code: C, params: IssueParamsByCode[C], voice: Voice = 'bibliotheque'): string {
  return escapeControlCharacters((ISSUE_MESSAGES as unknown as Readonly<Record<string, (p: unknown, v: Voice) => string>>)[code]!(params, voice));
}

/**
 * Un texte sans caractère de contrôle (C0, DEL, C1), pour un message : une valeur reçue qui en porte
 * (un échappement de terminal, un retour à la ligne…) y est montrée échappée (`\u001b`), jamais
 * telle quelle. Les messages de la bibliothèque le sont tous ; un outil qui rédige les siens fait de même.
 *
 * @category Erreurs
 * @example
 * ```ts
 * escapeControlCharacters('Mairie\u001b[2J');
 * //=> 'Mairie\\u001b[2J'
 * ```
 */
export function escapeControlCharacters(text: string): string {
  textArgument('text', text);
  return text.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Le message d'un avertissement, rédigé à partir de son code et de ses paramètres seuls.
 *
 * @internal
 */
export function warningMessage<C extends WarningCode>(code: C, params: WarningParamsByCode[C], voice: Voice = 'bibliotheque'): string {
  return escapeControlCharacters((WARNING_MESSAGES as unknown as Readonly<Record<string, (p: unknown, v: Voice) => string>>)[code]!(params, voice));
}

/**
 * Un problème : son code, son chemin, ses paramètres, et le message (voix de la bibliothèque) qui en
 * est rédigé.
 *
 * @internal
 */
export function makeIssue<C extends IssueCode>(code: C, path: Path, params: IssueParamsByCode[C]): QuoteIssue {
  return { code, path, message: issueMessage(code, params), params: params as IssueParams };
}

/**
 * Un avertissement : son code, son chemin, ses paramètres, et le message qui en est rédigé.
 *
 * @internal
 */
export function makeWarning<C extends WarningCode>(code: C, path: Path, params: WarningParamsByCode[C]): QuoteWarning {
  return { code, path, message: warningMessage(code, params), params: params as IssueParams };
}

/** Les avertissements sans paramètre : leur message ne dépend que du code, il est rédigé une fois. */
/**
 * Les codes d'avertissement sans paramètre.
 *
 * @internal
 */
export type PlainWarningCode = { [C in WarningCode]: WarningParamsByCode[C] extends Record<string, never> ? C : never }[WarningCode];
const PLAIN_MESSAGES = new Map<string, string>();

/**
 * Un avertissement sans paramètre (son message, rédigé une fois par code, est partagé : c'est un texte).
 *
 * @internal
 */
export function makePlainWarning(code: PlainWarningCode, path: Path): QuoteWarning {
  let message = PLAIN_MESSAGES.get(code);
  if (message === undefined) PLAIN_MESSAGES.set(code, (message = warningMessage(code, {})));
  return { code, path, message, params: {} };
}

function isWarning(item: QuoteIssue | QuoteWarning): item is QuoteWarning {
  return Object.prototype.hasOwnProperty.call(WARNING_MESSAGES, item.code);
}

/** Le message rédigé par la table, ou `undefined` si elle ne sait pas rédiger ces paramètres. */
function wordOrUndefined(build: (p: IssueParams, v: Voice) => string, params: IssueParams, voice: Voice): string | undefined {
  try {
    const text: unknown = build(params, voice);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Le même problème (ou avertissement), son message rédigé dans une autre voix à partir de son code et
 * de ses paramètres (jamais de son texte). Un problème sans paramètres (venu d'un code qui ne les
 * fournit pas encore) garde son message tel quel.
 *
 * @category Erreurs
 * @example
 * ```ts
 * const r = safeQuote(adhesion);
 * if (!r.success) r.issues.map((i) => rewordIssue(i, 'adherent').message);
 * ```
 */
export function rewordIssue<T extends QuoteIssue | QuoteWarning>(item: T, voice: Voice): T {
  return readingArgument('item', item, () => rewordIssueUnchecked<T>(item, voice));
}

function rewordIssueUnchecked<T extends QuoteIssue | QuoteWarning>(item: T, voice: Voice): T {
  const params = item.params;
  if (params === undefined) return item;
  const table = (isWarning(item) ? WARNING_MESSAGES : ISSUE_MESSAGES) as unknown as Readonly<Record<string, (p: IssueParams, v: Voice) => string>>;
  const build = Object.prototype.hasOwnProperty.call(table, item.code) ? table[item.code] : undefined;
  // Un texte transmis tel quel (sans paramètres de rédaction) n'a qu'une voix ; un problème d'un client
  // (raison que la table ne rédige pas) garde son message.
  const worded = build === undefined || params['raison'] === 'texte' ? undefined : wordOrUndefined(build, params, voice);
  const message = worded === undefined ? item.message : escapeControlCharacters(worded);
  return message === item.message ? item : { ...item, message };
}

/**
 * `true` si `code` est un code de problème : la table des messages en rédige chacun (un test le
 * vérifie). Le paquet pour tableurs s'en sert sans porter les descriptions de `ISSUE_CODES`.
 *
 * @internal
 */
export function isIssueCode(code: string): code is IssueCode {
  return Object.prototype.hasOwnProperty.call(ISSUE_MESSAGES, code);
}

/** Les codes qui ont une rédaction (tous), pour les tests. @internal */
export const WORDED_ISSUE_CODES: readonly IssueCode[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.keys(ISSUE_MESSAGES) as IssueCode[]);
/** Les codes d'avertissement qui ont une rédaction (tous), pour les tests. @internal */
export const WORDED_WARNING_CODES: readonly WarningCode[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.keys(WARNING_MESSAGES) as WarningCode[]);

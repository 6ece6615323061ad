/**
 * Les problèmes propres au tableur, et la voix du tableur : ce que la lecture des plages signale
 * (une date dans une cellule, un champ écrit deux fois, une case contredite…), avec ses messages,
 * et la façon dont le tableur redit un problème de la bibliothèque à son utilisateur (il fournit les
 * montants dans la plage `tarifs`, écrit les booléens « oui ou non » et les paramètres en champs de
 * plage). Un problème de la bibliothèque est redit d'après son code et ses paramètres, jamais
 * d'après le texte de son message ; ce que le tableur ne redit pas garde le message de la bibliothèque.
 */
import { describeMissingAmount, escapeControlCharacters, missingAmountOf, type IssueParams, type Path, type QuoteIssue } from '@te90/tarifs';

/**
 * Un problème trouvé par le tableur, de même forme qu'un problème de la bibliothèque (code, chemin,
 * message, paramètres) : les deux se lisent et s'affichent de la même façon.
 *
 * @internal
 */
export interface SheetIssue {
  readonly code: string;
  readonly path: Path;
  readonly message: string;
  readonly params: IssueParams;
}

/**
 * Ce qu'une cellule devait contenir, pour le message d'une cellule qui contient une date.
 *
 * @internal
 */
export type CellExpectation = 'annee' | 'texte' | 'siren' | 'siret' | 'codePostal' | 'nombre' | 'ouiNon' | 'sirens' | 'durees' | 'montant';

const CELL_EXPECTATIONS: Readonly<Record<CellExpectation, string>> = {
  annee: 'une année',
  texte: 'un texte',
  siren: 'un SIREN',
  siret: 'un SIRET',
  codePostal: 'un code postal',
  nombre: 'un nombre',
  ouiNon: 'oui ou non',
  sirens: 'une liste de SIREN',
  durees: 'une liste de durées',
  montant: 'un montant',
};

/**
 * Les paramètres de chaque problème du tableur, par code et raison.
 *
 * @internal
 */
export interface SheetParamsByCode {
  ENTREE_INVALIDE:
    | { readonly raison: 'cellule'; readonly attendu: 'sirens' | 'nombre'; readonly recu: string }
    | { readonly raison: 'champEnDouble'; readonly champ: string; readonly premier: string; readonly second: string }
    | { readonly raison: 'dateDansCellule'; readonly champ: string; readonly recu: string; readonly attendu: CellExpectation }
    | { readonly raison: 'ouiNon'; readonly champ: string; readonly recu: string }
    | { readonly raison: 'caseContredite'; readonly champ: string; readonly recu: string; readonly parametres: readonly string[] }
    /** Un identifiant (SIREN, SIRET, code) saisi en nombre que le tableur a pu arrondir : à virgule, négatif, ou de plus de 15 chiffres. */
    | { readonly raison: 'identifiantNombre'; readonly champ: string; readonly recu: string };
  /** `admis` : les champs admis dans la plage. */
  CHAMP_INCONNU: { readonly champ: string; readonly admis: readonly string[] };
  JSON_INVALIDE: { readonly raison: 'cellule'; readonly champ: string };
  /** Une date dans la cellule de l'identifiant de la prestation. */
  VALEUR_NON_ADMISE:
    | { readonly raison: 'prestation'; readonly recu: string; readonly prestations: readonly string[] }
    | { readonly raison: 'partiel'; readonly recu: string }
    | { readonly raison: 'tarifsEnDouble' }
    | { readonly raison: 'formeDesPlages'; readonly detail: string }
    | { readonly raison: 'tropDArguments'; readonly prestation: string; readonly arguments: readonly string[] };
  /** Deux destinataires d'une plage pour le même SIREN : `premier` est le champ qui le décrit déjà (`destinataires.1.siren`). */
  SIREN_EN_DOUBLE: { readonly raison: 'destinataire'; readonly siren: string; readonly premier: string };
  /** Une part due qui n'est pas chiffrée faute d'une donnée (`champ`, tel que la plage l'écrit) : le rôle ne l'invente pas. */
  MONTANT_MANQUANT: { readonly champ: string; readonly libelle: string };
  /**
   * Une part due n'est pas chiffrée faute d'une donnée (`champ`, tel qu'on l'écrit dans la plage) :
   * le total serait partiel, et le tableur ne le rend que si la formule le demande (`option`, `null`
   * quand la fonction n'a pas d'option `partiel`).
   */
  TOTAL_PARTIEL: { readonly libelle: string; readonly champ: string; readonly option: string | null };
}

type SheetCode = keyof SheetParamsByCode;

const MESSAGES: { readonly [C in SheetCode]: (p: SheetParamsByCode[C]) => string } = {
  ENTREE_INVALIDE: (p) => {
    switch (p.raison) {
      case 'cellule':
        return `la cellule contient ${p.recu}, pas ${p.attendu === 'sirens' ? 'une liste de SIREN' : 'un nombre'}.`;
      case 'champEnDouble':
        return `« ${p.champ} » figure deux fois (${p.premier} et ${p.second}) : n'en gardez qu'un, sinon on ne sait pas lequel compte.`;
      case 'dateDansCellule':
        return `« ${p.champ} » : la cellule contient ${p.recu}, pas ${CELL_EXPECTATIONS[p.attendu]} ; vérifiez son format (Format › Nombre, ou Texte brut).`;
      case 'ouiNon':
        return `« ${p.champ} » : écrivez oui ou non (reçu ${p.recu}).`;
      case 'caseContredite': {
        const several = p.parametres.length > 1;
        return `« ${p.champ} » n'est pas cochée (reçu ${p.recu}), mais ${p.parametres.map((c) => `« ${c} »`).join(', ')} ${several ? 'sont remplis' : 'est rempli'} : cochez la prestation, ou videz ${several ? 'ses paramètres' : 'son paramètre'} ; on ne sait pas si elle est demandée.`;
      }
      case 'identifiantNombre':
        return `« ${p.champ} » : la cellule contient ${p.recu}, que le tableur a pu arrondir (nombre à virgule, négatif, ou de plus de 15 chiffres) : saisissez l'identifiant en texte (Format › Nombre › Texte brut, ou une apostrophe devant).`;
    }
  },
  CHAMP_INCONNU: (p) => `Champ inconnu « ${p.champ} » ; champs admis : ${p.admis.join(', ')}.`,
  JSON_INVALIDE: (p) => `« ${p.champ} » doit être écrit en JSON.`,
  VALEUR_NON_ADMISE: (p) => {
    switch (p.raison) {
      case 'prestation':
        return `Prestation inconnue : ${p.recu} ; prestations : ${p.prestations.join(', ')}.`;
      case 'partiel':
        return `écrivez VRAI ou FAUX (reçu ${p.recu}).`;
      case 'tarifsEnDouble':
        return "deux plages de tarifs : n'en donnez qu'une, sinon on ne sait pas laquelle compte.";
      case 'formeDesPlages':
        return p.detail;
      case 'tropDArguments':
        return p.arguments.length === 0
          ? `la prestation « ${p.prestation} » ne prend pas de quantité.`
          : `la prestation « ${p.prestation} » prend au plus ${p.arguments.length} quantité${p.arguments.length > 1 ? 's' : ''} : ${p.arguments.join(', ')}.`;
    }
  },
  TOTAL_PARTIEL: (p) =>
    `total partiel : la part « ${p.libelle} » n'est pas chiffrée, faute de « ${p.champ} » ; remplissez-le${p.option === null ? '' : `, ou demandez le total partiel (${p.option})`}.`,
  SIREN_EN_DOUBLE: (p) => `Le SIREN ${p.siren} est déjà décrit par « ${p.premier} » : un seul destinataire par SIREN.`,
  MONTANT_MANQUANT: (p) => `« ${p.libelle} » n'est pas chiffrée : « ${p.champ} » n'est pas renseigné ; remplissez-le pour la facturer (aucun montant n'est inventé).`,
};

/**
 * Un problème du tableur : son code, son chemin dans les plages, ses paramètres, et le message qui
 * en est rédigé.
 *
 * @internal
 */
export function sheetIssue<C extends SheetCode>(code: C, path: Path, params: SheetParamsByCode[C]): SheetIssue {
  const build = MESSAGES[code] as (p: SheetParamsByCode[C]) => string;
  return { code, path, message: escapeControlCharacters(build(params)), params: params as unknown as IssueParams };
}

// ---------------------------------------------------------------------------------------------
// La voix du tableur pour les problèmes de la bibliothèque.
// ---------------------------------------------------------------------------------------------

const text = (v: unknown): string => String(v);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** Un paramètre qu'un tableur écrit « oui ou non », et pas « un booléen (true ou false) ». */
function typeMessage(p: IssueParams): string | undefined {
  return p['raison'] === 'type' && p['attendu'] === 'boolean' ? `Attendu : oui ou non ; reçu : ${text(p['recu'])}.` : undefined;
}

/** Un montant non publié : l'utilisateur du tableur le fournit sur une ligne de la plage tarifs. */
function missingAmount(params: IssueParams): string | undefined {
  const p = missingAmountOf({ code: 'TARIF_NON_PUBLIE', params });
  if (p === undefined) return undefined;
  return `${describeMissingAmount(p)} : indiquez-le dans la plage tarifs, sur une ligne « prestations.${p.prestation}.${p.composante}.${p.champ} »${p.champ === 'grille' ? ' (la grille, écrite en JSON).' : '.'}`;
}

/** L'exemple d'une prestation obligatoire, en champs de plage : « maintenanceBase.postes » : 1. */
function mandatory(p: IssueParams): string {
  const prestation = text(p['prestation']);
  const values = list(p['valeursExemple']);
  const fields = list(p['champsExemple']).map((name, i) => `« ${prestation}.${text(name)} » : ${text(values[i])}`);
  const example = fields.length === 0 ? `« ${prestation} » : oui` : fields.join(', ');
  return `La prestation « ${text(p['libellePrestation'])} » est obligatoire pour tout adhérent : ajoutez-la (ex. ${example}).`;
}

/** Un montant déjà publié : c'est la plage tarifs qui ne peut pas le remplacer. */
function alreadyPublished(p: IssueParams): string {
  return p['champ'] === 'modele'
    ? `Les montants de cette composante sont publiés (modèle « ${text(p['valeur'])} ») : la plage tarifs ne peut pas en changer le modèle.`
    : `Ce montant est déjà publié${p['valeur'] === null ? '' : ` (${JSON.stringify(p['valeur'])})`} : la plage tarifs ne complète que les montants non publiés.`;
}

/**
 * Un débiteur décrit deux fois autrement par deux lignes du tableau : chaque description par sa ligne
 * (les positions sont celles des lignes du tableau) et le champ qui la porte.
 */
function debtorConflict(p: IssueParams): string | undefined {
  if (p['raison'] !== 'lot') return undefined;
  const chemins = list(p['chemins']);
  const places = list(p['entrees']).map((e, i) => {
    const chemin = text(chemins[i] ?? '');
    return `ligne ${Number(e) + 1} (ses champs ${chemin.startsWith('destinataires') ? 'destinataires' : 'collectivite'}.…)`;
  });
  const siren = text(p['siren']).replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
  return `Le SIREN ${siren} est décrit deux fois autrement, ${places.join(' et ')} : ils diffèrent par ${list(p['champs']).map(text).join(', ')}. Une facture n'a qu'un débiteur : donnez la même description aux deux endroits (ou une seule).`;
}

/** Le message du tableur pour un code et ses paramètres, ou `undefined` s'il dit la même chose que la bibliothèque. */
function reworded(code: string, p: IssueParams): string | undefined {
  switch (code) {
    case 'ENTREE_INVALIDE':
      return typeMessage(p);
    case 'TARIF_NON_PUBLIE':
      return missingAmount(p);
    case 'MAINTENANCE_BASE_OBLIGATOIRE':
      return mandatory(p);
    case 'TARIF_DEJA_PUBLIE':
      return alreadyPublished(p);
    case 'DEBITEUR_CONTRADICTOIRE':
      return debtorConflict(p);
    case 'CATALOGUE_INVALIDE': {
      // Un problème de forme du catalogue porte le code et la raison (`detail`) du problème d'origine.
      if (p['raison'] === 'probleme') {
        const { code: inner, detail, ...rest } = p;
        return typeof inner === 'string' ? reworded(inner, { ...rest, raison: detail ?? null }) : undefined;
      }
      return p['raison'] === 'lint' ? undefined : typeMessage(p);
    }
    default:
      return undefined;
  }
}

/**
 * Le message d'un problème pour l'utilisateur du tableur : un problème de la bibliothèque redit
 * d'après son code et ses paramètres là où le tableur le dit autrement, sinon son message (celui d'un
 * problème du tableur est déjà le sien).
 *
 * @internal
 */
export function sheetMessage(issue: SheetIssue | QuoteIssue): string {
  const params = issue.params as IssueParams | undefined;
  if (params === undefined || params['raison'] === 'texte') return issue.message;
  const message = reworded(issue.code, params);
  return message === undefined ? issue.message : escapeControlCharacters(message);
}

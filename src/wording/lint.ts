import type { IssueParam } from '../core/shapes.js';
import { formatEuros, formatNumber } from '../money/format.js';

/**
 * Les chiffres d'une remarque sur un catalogue : ce qui la montre (bornes, quantités, montants en
 * chaînes décimales) et, quand un code a plusieurs formes, laquelle (`objet`, `forme`).
 *
 * @internal
 */
export type LintFacts = Readonly<Record<string, IssueParam>>;

const NOUNS = {
  palier: { nom: 'Palier', noms: 'Paliers', premier: 'Le premier palier', dernier: 'Le dernier palier', aucun: 'Aucun palier' },
  strate: { nom: 'Strate', noms: 'Strates', premier: 'La première strate', dernier: 'La dernière strate', aucun: 'Aucune strate' },
} as const;

function noun(f: LintFacts) {
  return NOUNS[f['objet'] === 'strate' ? 'strate' : 'palier'];
}

/** Une borne : `sans limite` pour `null`. */
function label(n: IssueParam | undefined): string {
  return n === null || n === undefined ? 'sans limite' : formatNumber(String(n));
}

function text(v: IssueParam | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Un montant d'une baisse au seuil : en euros, ou en unités pondérées quand le prix n'est pas publié. */
function shown(f: LintFacts, key: 'montantAvant' | 'montantApres'): string {
  const value = text(f[key]);
  return f['mesure'] === 'pondere' ? `${formatNumber(value)} ${text(f['unites'])} pondérés` : formatEuros(value);
}

const BUILDERS: Readonly<Record<string, (f: LintFacts) => string>> = {
  BORNES_INVERSEES: (f) =>
    f['objet'] === 'plancherPlafond'
      ? `Le plafond (${text(f['plafond'])}) est inférieur au plancher (${text(f['plancher'])}).`
      : `${noun(f).nom} ${text(f['rang'])} va de ${label(f['de'])} à ${label(f['a'])} : la fin précède le début.`,
  DEBUT_MANQUANT: (f) =>
    `${noun(f).premier} commence à ${label(f['de'])} au lieu de ${label(f['attendu'])} : les valeurs de ${label(f['attendu'])} à ${label(Number(f['de']) - 1)} n'ont pas de tarif.`,
  CHEVAUCHEMENT: (f) =>
    `${noun(f).noms} ${text(f['rangPrecedent'])} (${label(f['dePrecedent'])} à ${label(f['finPrecedent'])}) et ${text(f['rang'])} (${label(f['debut'])} à ${label(f['fin'])}) se chevauchent.`,
  LACUNE: (f) =>
    f['a'] === null ? `${noun(f).dernier} s'arrête à ${label(Number(f['de']) - 1)} : au-delà, aucun tarif.` : `${noun(f).aucun} ne couvre ${label(f['de'])} à ${label(f['a'])}.`,
  QUOTA_EN_DOUBLE: (f) => `Le quota de ${text(f['quotaGo'])} Go figure deux fois.`,
  BAISSE_AU_SEUIL: (f) => {
    switch (f['forme']) {
      case 'grilleStrates':
        return `Quota ${text(f['quotaGo'])} Go : ${label(f['apres'])} habitants paient ${formatEuros(text(f['montantApres']))}, moins que ${label(f['avant'])} habitants (${formatEuros(text(f['montantAvant']))}).`;
      case 'grilleQuotas':
        return `Strate à partir de ${label(f['de'])} habitants : ${text(f['quotaApres'])} Go coûtent ${formatEuros(text(f['montantApres']))}, moins que ${text(f['quotaAvant'])} Go (${formatEuros(text(f['montantAvant']))}).`;
      case 'strates':
        return `${label(f['apres'])} habitants paient ${formatEuros(text(f['montantApres']))}, moins que ${label(f['avant'])} habitants (${formatEuros(text(f['montantAvant']))}).`;
      default:
        return `${text(f['apres'])} ${text(f['unites'])} coûtent moins que ${text(f['avant'])} : ${shown(f, 'montantApres')} au lieu de ${shown(f, 'montantAvant')}.`;
    }
  },
  AUTRE_ANNEE: (f) => `Ce texte nomme ${text(f['annees'])}, pas ${text(f['millesime'])} : « ${text(f['extrait'])} ».`,
  MONTANT_ILLISIBLE: (f) => {
    const quoi = text(f['quoi']);
    switch (f['forme']) {
      case 'tropGrand':
        return `${quoi} trop grand : ${text(f['valeur'])} (au plus ${text(f['chiffres'])} chiffres avant la virgule).`;
      case 'malEcrit':
        return `${quoi} mal écrit : « ${text(f['valeur'])} » (écrivez ${f['signe'] === true ? 'sans signe' : 'sans zéro initial'}).`;
      default:
        return `${quoi} illisible : attendu une chaîne décimale (ex. « ${text(f['exemple'])} ») ; reçu ${text(f['recu'])}.`;
    }
  },
  MONTANT_NEGATIF: (f) => `${text(f['quoi'])} négatif : ${text(f['valeur'])}.`,
  MONTANT_TROP_PRECIS: (f) =>
    `${text(f['quoi'])} trop précis : ${text(f['valeur'])} a ${text(f['decimales'])} décimales ; au plus ${text(f['maximum'])} sont admises.`,
  GRILLE_INCOMPLETE: (f) =>
    f['forme'] === 'lignes'
      ? `La grille doit avoir une ligne de montants par strate (${text(f['attendu'])}), elle en a ${text(f['recu'])}.`
      : `Chaque ligne de montants doit avoir un montant par quota (${text(f['attendu'])}), celle-ci en a ${text(f['recu'])}.`,
  FORME_INVALIDE: (f) => `Modèle de prix non admis pour cette composante : ${f['modele'] === null ? 'une valeur qui n’est pas un nom de modèle' : `« ${text(f['modele'])} »`} ; modèles admis : ${Array.isArray(f['admis']) ? f['admis'].map((m) => `« ${m} »`).join(', ') : ''}.`,
};

/**
 * Rédige une remarque sur un catalogue à partir de son code et de ses chiffres. `FORME_INVALIDE` n'est
 * rédigée ici que pour un modèle non admis (`forme: 'modele'`) ; les autres viennent d'un problème de
 * forme, rédigé par la table des problèmes.
 *
 * @internal
 */
export function lintMessage(code: string, facts: LintFacts): string {
  const build = BUILDERS[code];
  return build === undefined ? code : build(facts);
}

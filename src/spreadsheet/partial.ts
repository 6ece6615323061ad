/**
 * Un total partiel ne se lit jamais comme complet dans une cellule : ce que le devis ne chiffre pas
 * faute d'une donnée (`Quote.manquants`) devient une erreur qui le dit, ou, quand la formule demande
 * le total partiel, une note à côté du total ; le devis porte une ligne « non chiffré » par part qui
 * manque, et les remarques que la bibliothèque adresse à l'adhérent (`Quote.remarques`).
 */
import { formatPath, type Manquant, type Path, type Quote, type QuoteLine } from '@te90/tarifs';
import type { Cell } from './cells.js';
import { sheetIssue, type SheetIssue } from './issues.js';

/**
 * Le début du montant d'une part non chiffrée dans le devis : l'erreur `#N/A` dans Excel (les glues
 * le reconnaissent), qu'une somme des montants n'ignore pas ; dans Google Sheets, un texte, qu'une
 * somme ignore : la page du tableur dit de le compter (`NB.SI`) ou de prendre `TOTAL`.
 *
 * @internal
 */
export const NOT_PRICED = 'Non chiffré';

/**
 * Le champ d'une plage qui aurait chiffré la part : `maintenanceBase.postesLicenceBL`.
 *
 * @internal
 */
export function missingField(path: Path): string {
  const [root, id, ...rest] = path;
  if (root === 'prestations' && typeof id === 'string') return rest.length === 0 ? id : `${id}.${formatPath(rest)}`;
  return formatPath(path);
}

/** Une part qui manque par composante et par champ (un manquant est répété pour chaque SIREN facturé). */
function distinct(manquants: readonly Manquant[]): Manquant[] {
  const seen = new Set<string>();
  return manquants.filter((m) => {
    const key = `${m.prestation}|${m.composante}|${formatPath(m.path)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Les problèmes d'un total partiel, un par part qui manque, à l'endroit de son champ dans la plage
 * (`places` : champ → `ligne 6`, `colonne F`) quand il y est, sinon à la plage (`root`).
 *
 * @internal
 */
export function partialIssues(quote: Quote, root: string, places: ReadonlyMap<string, string>, option: string): SheetIssue[] {
  return distinct(quote.manquants).map((m) => {
    const champ = missingField(m.path);
    const place = places.get(champ);
    return sheetIssue('TOTAL_PARTIEL', place === undefined ? [root] : [root, place], { libelle: m.libelle, champ, option });
  });
}

/**
 * La note d'un total partiel, à côté du total que la formule a demandé : « Total partiel : la part
 * « … » n'est pas chiffrée (faute de « … ») ; le total n'en tient pas compte. » ; vide si le total est complet.
 *
 * @internal
 */
export function partialNote(quote: Quote): string {
  if (!quote.totalPartiel) return '';
  const parts = distinct(quote.manquants).map((m) => `la part « ${m.libelle} » n'est pas chiffrée (faute de « ${missingField(m.path)} »)`);
  return `Total partiel : ${parts.join(' ; ')} ; le total n'en tient pas compte.`;
}

/**
 * Les remarques pour l'adhérent, en un texte (séparées par une espace).
 *
 * @internal
 */
export function remarksText(quote: Quote): string {
  return quote.remarques.map((w) => w.message).join(' ');
}

/**
 * L'en-tête du devis rendu dans une feuille.
 *
 * @internal
 */
export const QUOTE_HEADER = ['Prestation', 'Composante', 'Libellé', 'SIREN', 'Quantité', 'Unité', 'Prix unitaire', 'Montant', 'Détail', 'Source', 'Remarque'];

function lineRow(l: QuoteLine): Cell[] {
  return [l.prestation, l.composante, l.libelle, l.siren, Number(l.quantite), l.unite, Number(l.prixUnitaire), Number(l.montant), l.detail, l.source.reference, ''];
}

function missingRow(m: Manquant): Cell[] {
  const champ = missingField(m.path);
  return [m.prestation, m.composante, m.libelle, m.siren, '', '', '', `${NOT_PRICED} : faute de « ${champ} »`, `« ${champ} » n'est pas rempli : cette part n'est pas chiffrée, le total du devis est partiel.`, '', ''];
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * Les lignes du devis pour une feuille : l'en-tête, chaque ligne (montants en nombres), une ligne
 * « non chiffré » par part qui manque (après les lignes de sa prestation), et chaque remarque pour
 * l'adhérent dans la colonne « Remarque » de la ligne qu'elle concerne (la part qui manque, sinon la
 * première ligne de sa prestation), ou sur une ligne à elle.
 *
 * @internal
 */
export function quoteRows(quote: Quote): Cell[][] {
  const rows: { row: Cell[]; prestation: string; path?: Path }[] = [];
  const missing = distinct(quote.manquants);
  const placed = new Set<Manquant>();
  const flush = (prestation: string | undefined) => {
    for (const m of missing) {
      if (placed.has(m) || (prestation !== undefined && m.prestation !== prestation)) continue;
      rows.push({ row: missingRow(m), prestation: m.prestation, path: m.path });
      placed.add(m);
    }
  };
  quote.lignes.forEach((l, i) => {
    rows.push({ row: lineRow(l), prestation: l.prestation });
    if (quote.lignes[i + 1]?.prestation !== l.prestation) flush(l.prestation);
  });
  flush(undefined);
  const extra: Cell[][] = [];
  for (const w of quote.remarques) {
    const prestation = w.path[0] === 'prestations' ? w.path[1] : undefined;
    const target = rows.find((r) => r.path !== undefined && samePath(r.path, w.path)) ?? rows.find((r) => prestation !== undefined && r.prestation === prestation);
    if (target) target.row[10] = target.row[10] === '' ? w.message : `${String(target.row[10])} ${w.message}`;
    else extra.push(['', '', 'Remarque', '', '', '', '', '', '', '', w.message]);
  }
  return [QUOTE_HEADER, ...rows.map((r) => r.row), ...extra];
}

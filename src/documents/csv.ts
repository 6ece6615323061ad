import type { BatchQuote, BatchResult, Quote, QuoteLine } from '@te90/tarifs';
import { guarded, guardedInput } from './issues.js';
import { check, QUOTE } from './input-shapes.js';

const BOM = '\uFEFF';

/**
 * Le BOM UTF-8 qui ouvre un CSV (pour que les tableurs le lisent en UTF-8).
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * const csv = CSV_BOM + renderBatchCsvHeader() + '\r\n';
 * ```
 */
export const CSV_BOM = BOM;

const HEADER = [
  'collectivite',
  'siren_collectivite',
  'siren_facture',
  'prestation',
  'composante',
  'libelle',
  'quantite',
  'unite',
  'prix_unitaire',
  'montant',
  'detail',
  'origine_montant',
  'reference',
  'exemple',
  'periodicite',
  'total_partiel',
];

/**
 * Une cellule de texte CSV : protégée contre les formules, entre guillemets si besoin. Un nombre
 * s'écrit avec {@link numberCell}.
 *
 * @internal
 */
export function cell(value: string): string {
  // Un texte qui commencerait par = + - @ serait lu comme une formule par le tableur.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Un identifiant (SIREN, SIRET, code service, engagement) que le tableur doit lire en texte, zéros
 * de tête compris : dans un CSV, `00012` ou `"00012"` est lu comme le nombre 12 par LibreOffice Calc
 * (et `01/02/2026` comme une date), et une apostrophe devant reste dans la cellule. Seule une formule
 * de texte, `="00012"`, donne à LibreOffice Calc, Excel et Google Sheets la cellule de texte
 * `00012` : c'est ainsi qu'elle est écrite. Un programme qui lit le CSV octet par octet voit
 * `="00012"` (le JSON du même document donne les identifiants tels quels). Vide : cellule vide.
 *
 * @internal
 */
export function identifierCell(value: string): string {
  return value === '' ? '' : `"=""${value.replace(/"/g, '""""')}"""`;
}

/** Une chaîne décimale produite par la bibliothèque (« 1234.50 », « -3 », « 0.9 »). */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Un nombre (quantité, prix, montant, pourcentage) pour un tableur français : virgule décimale, sans
 * séparateur de milliers ni protection contre les formules, pour qu'il soit lu comme un nombre
 * (« -308,37 » est un nombre négatif, pas une formule). Ce qui ne serait pas une chaîne décimale est
 * écrit comme un texte, protégé.
 *
 * @internal
 */
export function numberCell(value: string): string {
  return DECIMAL.test(value) ? value.replace('.', ',') : cell(value);
}

/**
 * Les cellules d'une ligne de devis (le lot les reprend) : prestation,
 * composante, libellé, quantité, unité, prix unitaire, montant (en nombres), détail et origine du
 * montant (référence, exemple).
 *
 * @internal
 */
export function lineCells(l: Pick<QuoteLine, 'prestation' | 'composante' | 'libelle' | 'quantite' | 'unite' | 'prixUnitaire' | 'montant' | 'detail' | 'source'>): string[] {
  return [
    cell(l.prestation),
    cell(l.composante),
    cell(l.libelle),
    numberCell(l.quantite),
    cell(l.unite),
    numberCell(l.prixUnitaire),
    numberCell(l.montant),
    cell(l.detail),
    cell(l.source.origine),
    cell(l.source.reference),
    l.source.exemple === true ? 'oui' : '',
  ];
}

function row(devis: Quote, l: QuoteLine, prefix: readonly string[], suffix: readonly string[] = []): string {
  return [
    ...prefix.map(cell),
    cell(devis.collectivite.nom),
    identifierCell(devis.collectivite.siren),
    identifierCell(l.siren),
    ...lineCells(l),
    l.ponctuelle === true ? 'ponctuelle' : 'annuelle',
    devis.totalPartiel ? 'oui' : '',
    ...suffix.map(cell),
  ].join(';');
}

/**
 * Écrit un devis en CSV pour tableur : une ligne par ligne de devis, séparateur `;`, UTF-8 avec
 * BOM, fins de ligne CRLF. Quantité, prix unitaire et montant sont des nombres à virgule décimale,
 * lus comme des nombres par un tableur français ; seules les cellules de texte sont protégées contre
 * les formules. Chaque ligne dit d'où vient son montant (`origine_montant`, `reference`), si c'est
 * un montant d'exemple (`exemple` : oui), si elle est annuelle ou ponctuelle (`periodicite`) et si
 * le total du devis est partiel (`total_partiel` : oui).
 *
 * @param devis - un devis rendu par {@link "@te90/tarifs"!quote}
 * @returns le texte CSV
 * @category Devis
 * @example
 * ```ts
 * renderQuoteCsv(quote(adhesion)).split('\r\n')[1];
 * //=> 'Foussemagne;"=""219000494""";"=""219000494""";maintenanceBase;postes;…;3,6;postes pondérés;574,88;2069,57;…;publie;…;;annuelle;'
 * ```
 */
export function renderQuoteCsv(devis: Quote): string {
  return guarded(() => {
    check(devis, QUOTE, ['devis']);
    return BOM + [HEADER.join(';'), ...devis.lignes.map((l) => row(devis, l, []))].join('\r\n') + '\r\n';
  });
}

/**
 * Écrit un lot en CSV : une ligne par ligne de facture de chaque adhésion acceptée, précédée
 * de la position de l'adhésion dans le lot.
 *
 * @param lot - un lot rendu par {@link "@te90/tarifs"!quoteAll}
 * @returns le texte CSV
 * @category Lot
 * @example
 * ```ts
 * renderBatchCsv(quoteAll(adhesions)).split('\r\n')[0];
 * //=> '\uFEFFposition;collectivite;siren_collectivite;…'
 * ```
 */
export function renderBatchCsv(lot: BatchQuote): string {
  return guardedInput(() => {
    const rows = [renderBatchCsvHeader()];
    for (const r of lot.resultats) rows.push(...renderBatchCsvRows(r));
    return BOM + rows.join('\r\n') + '\r\n';
  });
}

/**
 * L'en-tête du CSV d'un lot (sans BOM ni fin de ligne), suivi des colonnes `extra`.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * renderBatchCsvHeader(['fichier']).startsWith('position;collectivite;');
 * //=> true
 * ```
 */
export function renderBatchCsvHeader(extra: readonly string[] = []): string {
  return guardedInput(() => {
    return ['position', ...HEADER, ...extra].join(';');
  });
}

/**
 * Les lignes CSV d'un résultat d'un lot (aucune s'il est refusé), sans fin de ligne, suivies des
 * cellules `extra`.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * const lot = quoteAll(adhesions);
 * const lignes = lot.resultats.flatMap((r) => renderBatchCsvRows(r));
 * ```
 */
export function renderBatchCsvRows(r: BatchResult, extra: readonly string[] = []): string[] {
  return guardedInput(() => {
    if (!r.success) return [];
    const rows: string[] = [];
    for (const f of r.data.factures) for (const l of f.lignes) rows.push(row(r.data, l, [String(r.index + 1)], extra));
    return rows;
  });
}

import type { BatchQuote } from '../batch/quote-all.js';
import type { Quote, QuoteLine } from '../core/shapes.js';

const BOM = '\uFEFF';
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
];

/**
 * Une cellule CSV : protégée contre les formules, entre guillemets si besoin.
 *
 * @internal
 */
export function cell(value: string): string {
  // Un texte qui commencerait par = + - @ serait lu comme une formule par le tableur.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Écrit une chaîne décimale avec une virgule décimale, sans séparateur de milliers. */
function decimalComma(value: string): string {
  return value.replace('.', ',');
}

function row(devis: Quote, l: QuoteLine, prefix: string[]): string {
  return [
    ...prefix,
    devis.collectivite.nom,
    devis.collectivite.siren,
    l.siren,
    l.prestation,
    l.composante,
    l.libelle,
    decimalComma(l.quantite),
    l.unite,
    decimalComma(l.prixUnitaire),
    decimalComma(l.montant),
    l.detail,
    l.source.origine,
  ]
    .map(cell)
    .join(';');
}

/**
 * Écrit un devis en CSV pour tableur : une ligne par ligne de devis, séparateur `;`, virgule
 * décimale, UTF-8 avec BOM, fins de ligne CRLF.
 *
 * @param devis - un devis rendu par {@link quote}
 * @returns le texte CSV
 * @category Affichage
 * @example
 * ```ts
 * renderQuoteCsv(quote(adhesion)).split('\r\n')[1];
 * //=> 'Commune exemple;219000106;219000106;maintenanceBase;postes;…;3,6;poste pondéré;574,88;2069,57;…;publie'
 * ```
 */
export function renderQuoteCsv(devis: Quote): string {
  return BOM + [HEADER.join(';'), ...devis.lignes.map((l) => row(devis, l, []))].join('\r\n') + '\r\n';
}

/**
 * Écrit un lot en CSV : une ligne par ligne de facture de chaque adhésion acceptée, précédée
 * de la position de l'adhésion dans le lot.
 *
 * @param lot - un lot rendu par {@link quoteAll}
 * @returns le texte CSV
 * @category Affichage
 * @example
 * ```ts
 * renderBatchCsv(quoteAll(adhesions)).split('\r\n')[0];
 * //=> '\uFEFFposition;collectivite;siren_collectivite;…'
 * ```
 */
export function renderBatchCsv(lot: BatchQuote): string {
  const rows = [['position', ...HEADER].join(';')];
  for (const r of lot.resultats) {
    if (!r.success) continue;
    for (const f of r.data.factures) for (const l of f.lignes) rows.push(row(r.data, l, [String(r.index + 1)]));
  }
  return BOM + rows.join('\r\n') + '\r\n';
}

import type { PrestationId, Source } from '../catalogue/types.js';
import type { Collectivite } from './collectivite.js';

/**
 * Une ligne de devis : une composante de prix d'une prestation, pour un SIREN.
 * Quantité, prix unitaire et montant sont des chaînes décimales ; le montant a toujours
 * deux décimales et est arrondi au centime, au demi supérieur.
 *
 * @category Devis
 * @example
 * ```ts
 * const ligne: QuoteLine = {
 *   prestation: 'marchesPublics', composante: 'acces', libelle: 'Accès à la plateforme des marchés publics',
 *   siren: '200000172', quantite: '2', unite: 'accès', prixUnitaire: '50.00', montant: '100.00',
 *   detail: '2 accès × 50,00 € = 100,00 €', source: { origine: 'publie', reference: '…' },
 * };
 * ```
 */
export interface QuoteLine {
  /** La prestation du catalogue. */
  readonly prestation: PrestationId;
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
  /** Le prix unitaire, chaîne décimale. */
  readonly prixUnitaire: string;
  /** Le montant de la ligne, deux décimales (`"2069.57"`). */
  readonly montant: string;
  /** Le calcul en français : `574,88 € × (4 postes × 0,9) = 2 069,57 €`. */
  readonly detail: string;
  /** L'origine des montants : publiés, ou fournis par l'appelant. */
  readonly source: Source;
}

/**
 * La facture d'un SIREN : ses lignes et leur total.
 *
 * @category Devis
 * @example
 * ```ts
 * const f: Invoice = { siren: '200000172', lignes: [], total: '0.00' };
 * ```
 */
export interface Invoice {
  /** Le SIREN facturé. */
  readonly siren: string;
  /** Les lignes de ce SIREN. */
  readonly lignes: readonly QuoteLine[];
  /** Somme des montants des lignes. */
  readonly total: string;
}

/**
 * Un avertissement : le devis est calculé, mais un point mérite l'attention.
 *
 * @category Devis
 * @example
 * ```ts
 * const w: QuoteWarning = {
 *   code: 'PART2_NON_RENSEIGNEE', path: ['prestations', 'maintenanceBase', 'postesLicenceBL'],
 *   message: 'Le nombre de postes sous licence Berger Levrault n\'est pas renseigné…',
 * };
 * ```
 */
export interface QuoteWarning {
  /** Le code stable de l'avertissement. */
  readonly code: 'PART2_NON_RENSEIGNEE' | 'BAREME_ETABLISSEMENTS_PUBLICS';
  /** Le chemin de la donnée concernée. */
  readonly path: readonly (string | number)[];
  /** L'avertissement, en français. */
  readonly message: string;
}

/**
 * Le devis d'une adhésion : lignes, factures par SIREN, total, tous en chaînes décimales.
 *
 * @category Devis
 * @example
 * ```ts
 * const devis: Quote = quote(adhesion);
 * devis.total;
 * //=> '2069.57'
 * ```
 */
export interface Quote {
  /** Le millésime du catalogue utilisé. */
  readonly millesime: number;
  /** La collectivité, telle que validée (SIREN sans espaces). */
  readonly collectivite: Collectivite;
  /** Toutes les lignes, dans l'ordre du catalogue. */
  readonly lignes: readonly QuoteLine[];
  /** Une facture par SIREN ; celle de la collectivité d'abord. */
  readonly factures: readonly Invoice[];
  /** Somme des lignes, égale à la somme des factures. */
  readonly total: string;
  /** La devise des montants. */
  readonly devise: 'EUR';
  /** Les points d'attention : le devis est calculé, mais à vérifier. */
  readonly avertissements: readonly QuoteWarning[];
}

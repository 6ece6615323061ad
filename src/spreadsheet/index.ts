/**
 * Point d'entrée du paquet autonome pour tableurs (Google Sheets, Excel) : trois fonctions à plat,
 * exposées sous le global `TE90Tarifs`.
 *
 * @packageDocumentation
 */
export { devis, total, prestation } from './functions.js';
export type { Cell, Range } from './cells.js';

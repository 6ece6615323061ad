/**
 * Point d'entrée du paquet autonome pour tableurs (Google Sheets, Excel) : quatre fonctions à plat,
 * exposées sous le global `TE90Tarifs`. Elles ne lèvent jamais : une erreur revient en message qui
 * commence par `Erreur : `, et les fichiers d'installation de chaque tableur en font une erreur de
 * cellule selon l'usage du tableur.
 *
 * @packageDocumentation
 */
export { devis, total, prestation, tableau } from './functions.js';
export type { Cell, Range } from './cells.js';

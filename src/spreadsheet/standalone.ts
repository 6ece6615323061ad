/**
 * Ce que porte le paquet autonome des tableurs (Google Sheets, Excel) : les fonctions de
 * tableur du module `@te90/tarifs/tableur`, sans le manifeste du complément Excel, qui ne sert qu'à
 * l'installer (la commande `te90-tarifs manifeste` l'écrit).
 */
export { devis, total, prestation, tableau, facturation } from './index.js';

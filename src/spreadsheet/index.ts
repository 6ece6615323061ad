/**
 * `@te90/tarifs/tableur` : les fonctions de tableur (Google Sheets, Excel) en module ES. Cinq
 * fonctions lisent des plages de cellules et rendent des cellules : `devis`, `total`, `prestation`,
 * `tableau`, `facturation`. Elles ne lèvent jamais : une erreur revient en message qui commence par `Erreur : `.
 * Le manifeste du complément Excel s'écrit avec `excelManifest`.
 *
 * Les paquets autonomes des tableurs (un script, global `TE90Tarifs`) sont construits à partir de
 * ce module ; ce ne sont pas des modules à importer : ils sont livrés dans `dist/tableur/` du paquet
 * (voir la page « Tableur » de la documentation).
 *
 * @packageDocumentation
 * @category Modules
 * @module @te90/tarifs/tableur
 */
export { devis, total, prestation, tableau } from './functions.js';
export { facturation } from './billing.js';
export { excelManifest, readBaseUrl, type BaseUrlResult } from './manifest.js';
export type { Cell, Range } from './cells.js';

/**
 * `@te90/tarifs/titres` : du rôle de facturation aux titres de recettes. Le flux PES V2
 * (`PES_Aller`) que l'ordonnateur du syndicat envoie à son comptable public (Hélios) : un bordereau,
 * un titre par débiteur et par nature de facture, les débiteurs publics par Chorus Pro ; et le
 * fichier des paramètres comptables qu'il demande (poste comptable, budget, numéros, imputations).
 * Pur, sans dépendance à Node : il s'exécute aussi dans un navigateur.
 *
 * Ce module n'utilise que l'API publique de `@te90/tarifs`.
 *
 * @category Modules
 * @module @te90/tarifs/titres
 */
export { renderPesAller, safeRenderPesAller, type PesAller, type PieceJointeAttendue } from './pes-aller.js';
export { safeParseParametres, type ParametresPes, type ImputationPes, type ImputationPrestation } from './parametres.js';

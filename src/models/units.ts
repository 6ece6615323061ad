/**
 * L'unité d'une ligne qui vaut un montant fixe (forfait, case de grille, forfait de strate).
 *
 * @internal
 */
export const UNITE_FORFAITAIRE = 'forfait';

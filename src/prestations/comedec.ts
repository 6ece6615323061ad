import { subscriptionPrestation } from './subscription.js';

/**
 * Raccordement au projet COMEDEC : cochée avec `{}`, une ligne « raccordement » par adhérent.
 * Montant non publié en 2026 : à fournir par un catalogue complété.
 *
 * @internal
 */
export const comedec = subscriptionPrestation('comedec', 'raccordement', "Raccordement au projet COMEDEC");

import { subscriptionPrestation } from './subscription.js';

/**
 * Raccordement au projet COMEDEC : cochée avec `{}`, une ligne « raccordement » par adhérent.
 * Montant non publié en 2026 : à fournir par un catalogue complété.
 *
 * @internal
 * @example
 * ```ts
 * quote({ collectivite, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, comedec: {} } }, { catalogue: complet });
 * ```
 */
export const comedec = subscriptionPrestation('comedec', 'raccordement');

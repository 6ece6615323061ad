import { subscriptionPrestation } from './subscription.js';

/**
 * Saisine par voie électronique (guichet unique des usagers) : cochée avec `{}`, une ligne « abonnement » par adhérent.
 * Montant non publié en 2026 : à fournir par un catalogue complété.
 *
 * @internal
 * @example
 * ```ts
 * quote({ collectivite, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, saisineElectronique: {} } }, { catalogue: complet });
 * ```
 */
export const saisineElectronique = subscriptionPrestation('saisineElectronique', 'abonnement');

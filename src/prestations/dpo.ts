import { subscriptionPrestation } from './subscription.js';

/**
 * Délégué à la protection des données mutualisé : cochée avec `{}`, une ligne « abonnement » par adhérent.
 * Montant non publié en 2026 : à fournir par un catalogue complété.
 *
 * @internal
 * @example
 * ```ts
 * quote({ collectivite, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, dpo: {} } }, { catalogue: complet });
 * ```
 */
export const dpo = subscriptionPrestation('dpo', 'abonnement');

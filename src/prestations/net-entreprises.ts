import { subscriptionPrestation } from './subscription.js';

/**
 * Connecteur Net-Entreprises pour le prélèvement à la source : cochée avec `{}`, une ligne « abonnement » par adhérent.
 * Montant non publié en 2026 : à fournir par un catalogue complété.
 *
 * @internal
 * @example
 * ```ts
 * quote({ collectivite, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, netEntreprises: {} } }, { catalogue: complet });
 * ```
 */
export const netEntreprises = subscriptionPrestation('netEntreprises', 'abonnement');

import { subscriptionPrestation } from './subscription.js';

/**
 * Cabinet numérique (convocations dématérialisées des élus) : cochée avec `{}`, une ligne « abonnement » par adhérent.
 * Montant non publié en 2026 : à fournir par un catalogue complété.
 *
 * @internal
 * @example
 * ```ts
 * quote({ collectivite, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, cabinetNumerique: {} } }, { catalogue: complet });
 * ```
 */
export const cabinetNumerique = subscriptionPrestation('cabinetNumerique', 'abonnement');

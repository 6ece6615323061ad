import { subscriptionPrestation } from './subscription.js';

/**
 * Cabinet numérique (convocations dématérialisées des élus) : cochée avec `{}`, une ligne « abonnement » par adhérent.
 * Montant non publié en 2026 : à fournir par un catalogue complété.
 *
 * @internal
 */
export const cabinetNumerique = /* @__PURE__ */ subscriptionPrestation(
  'cabinetNumerique', 'abonnement',
  "Le cabinet numérique",
  'Cabinet numérique',
  'Plate-forme de convocation dématérialisée des élus : preuve d\'envoi, horodatage, documents joints, envoi en nombre, RGPD.',
);

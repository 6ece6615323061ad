import { subscriptionPrestation } from './subscription.js';

/**
 * Connecteur Net-Entreprises pour le prélèvement à la source : cochée avec `{}`, une ligne « abonnement » par adhérent.
 * Montant non publié en 2026 : à fournir par un catalogue complété.
 *
 * @internal
 */
export const netEntreprises = /* @__PURE__ */ subscriptionPrestation(
  'netEntreprises', 'abonnement',
  "Connecteur Net-Entreprises (prélèvement à la source)",
  'Connecteur Net-Entreprises',
  'Connecteur Berger Levrault en mode API avec la plateforme Net-Entreprises : fichiers nominatifs, déclaratifs et de contrôle du prélèvement à la source.',
);

import { subscriptionPrestation } from './subscription.js';

/**
 * Saisine par voie électronique (guichet unique des usagers) : cochée avec `{}`, une ligne « abonnement » par adhérent.
 * Montant non publié en 2026 : à fournir par un catalogue complété.
 *
 * @internal
 */
export const saisineElectronique = /* @__PURE__ */ subscriptionPrestation(
  'saisineElectronique', 'abonnement',
  "Saisine par voie électronique",
  'Saisine par voie électronique',
  'Guichet unique mutualisé de saisine des collectivités par les usagers : accusés de réception, suivi, acheminement, intégration à la gamme e.magnus.',
);

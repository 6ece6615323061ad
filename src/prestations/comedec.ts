import { subscriptionPrestation } from './subscription.js';

/**
 * Raccordement au projet COMEDEC : cochée avec `{}`, une ligne « raccordement » par adhérent.
 * Montant non publié en 2026 : à fournir par un catalogue complété.
 *
 * @internal
 */
export const comedec = /* @__PURE__ */ subscriptionPrestation(
  'comedec', 'raccordement',
  "Raccordement au projet COMEDEC",
  'Raccordement COMEDEC',
  "Échange électronique des données d'état civil (ANTS, ministère de la Justice) ; cartes à puce et lecteurs fournis gratuitement par l'ANTS.",
);

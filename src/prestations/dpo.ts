import { subscriptionPrestation } from './subscription.js';

/**
 * Délégué à la protection des données mutualisé : cochée avec `{}`, une ligne « abonnement » par adhérent.
 * Montant non publié en 2026 : à fournir par un catalogue complété.
 *
 * @internal
 */
export const dpo = /* @__PURE__ */ subscriptionPrestation(
  'dpo', 'abonnement',
  "Délégué à la protection des données (DPO mutualisé)",
  'DPO mutualisé',
  'Le syndicat est le délégué à la protection des données mutualisé de la collectivité (RGPD).',
);

import type { Source } from '../core/shapes.js';

/**
 * La page publiée par le syndicat : « Les prestations « à la carte » 2026 et leur tarification ».
 *
 * @internal
 */
export const SOURCE_PAGE_2026: Source = /* @__PURE__ */ Object.freeze({
  origine: 'publie',
  reference:
    "Territoire d'énergie 90, page « Les prestations « à la carte » 2026 et leur tarification » (territoiredenergie90.fr)",
});

/**
 * La page du syndicat sur le calcul de la cotisation des établissements publics
 * (`calcul-cotisation-info-epci`, copie non datée).
 *
 * @internal
 */
export const SOURCE_COTISATION_EPCI: Source = /* @__PURE__ */ Object.freeze({
  origine: 'publie',
  reference:
    "Territoire d'énergie 90, page « calcul-cotisation-info-epci » : calcul de la cotisation de maintenance des établissements publics (copie non datée)",
});

/**
 * La convention d'adhésion au service informatique du syndicat, en cours : ses dates, et l'annexe
 * où l'adhérent coche ses prestations (page des prestations 2026 du syndicat).
 *
 * @internal
 */
export const CONVENTION_ADHESION = /* @__PURE__ */ Object.freeze({
  libelle: "convention d'adhésion au service informatique mutualisé de Territoire d'énergie 90",
  debut: '2024-07-01',
  fin: '2030-06-30',
  annexe: 'annexe 1',
});

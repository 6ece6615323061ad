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
 * La convention d'adhésion au service informatique du syndicat : son libellé, ses dates
 * (`AAAA-MM-JJ`) et l'annexe où l'adhérent coche ses prestations. La page des prestations 2026 ne
 * la date pas : ces dates sont celles des adhésions que donne la page « les-statuts » du syndicat
 * (copie non datée), qu'une autre de ses pages contredit (conventions d'un an, renouvelées). Les
 * documents ne la citent pas : un devis ne cite que la convention que donne son émetteur. L'objet est
 * gelé.
 *
 * @category Catalogue
 * @example
 * ```ts
 * CONVENTION_ADHESION.fin;
 * //=> '2030-06-30'
 * ```
 */
export const CONVENTION_ADHESION: {
  /** Son libellé, tel qu'un devis le cite. */
  readonly libelle: string;
  /** Son premier jour, `AAAA-MM-JJ`. */
  readonly debut: string;
  /** Son dernier jour, `AAAA-MM-JJ`. */
  readonly fin: string;
  /** L'annexe où l'adhérent coche ses prestations. */
  readonly annexe: string;
} = /* @__PURE__ */ Object.freeze({
  libelle: "convention d'adhésion au service informatique mutualisé de Territoire d'énergie 90",
  debut: '2024-07-01',
  fin: '2030-06-30',
  annexe: 'annexe 1',
});

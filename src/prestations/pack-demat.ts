import type { Equals } from '../shared/type-check.js';
import { definePrestation, type ParamsOf } from './define.js';

/**
 * Paramètres du pack dématérialisation.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: PackDematParams = { sirens: ['200000172', '200 000 107'] };
 * ```
 */
export interface PackDematParams {
  /** Les SIREN facturés, sans doublon ; par défaut celui de la collectivité. */
  readonly sirens?: readonly string[] | undefined;
}

const PAR_SIREN = Object.freeze([Object.freeze({ composante: 'parSiren' as const })]);

/**
 * Pack dématérialisation (i-parapheur, TdT Hélios et ACTES, connecteur Chorus) : facturé par SIREN
 * au catalogue 2026, donc une ligne et une facture par SIREN listé. Inclus d'office quand le parc
 * informatique est transféré.
 *
 * @internal
 */
export const packDemat = definePrestation({
  id: 'packDemat',
  libelle: 'Pack dématérialisation',
  facturation: 'siren',
  obligatoire: 'siParcTransfere',
  composantes: { parSiren: { modele: 'forfait' } },
  parametres: {
    sirens: {
      type: 'sirens',
      requis: false,
      max: 500,
      libelle: 'SIREN facturés',
      unite: 'SIREN',
      aide: 'Les SIREN facturés (collectivité, budgets annexes, CCAS…), sans doublon ; par défaut celui de la collectivité.',
    },
  },
  chiffrer: () => PAR_SIREN,
});

true satisfies Equals<PackDematParams, ParamsOf<typeof packDemat.parametres>>;

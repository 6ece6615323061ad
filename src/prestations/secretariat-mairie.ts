import type { Equals } from '../shared/type-check.js';
import { definePrestation, type ParamsOf } from './define.js';

/**
 * Paramètres du secrétariat de mairie.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: SecretariatMairieParams = { jours: 2.5 };
 * ```
 */
export interface SecretariatMairieParams {
  /** Nombre de jours (peut être fractionnaire : toute journée commencée est due). */
  readonly jours: number;
}

/**
 * Secrétariat de mairie : 300 € la journée incompressible ; toute journée commencée est due
 * (2,5 jours → 3 journées → 900 €).
 *
 * @internal
 */
export const secretariatMairie = definePrestation({
  id: 'secretariatMairie',
  libelle: 'Prestation de secrétariat de mairie',
  facturation: 'adherent',
  obligatoire: 'non',
  composantes: { journee: { modele: 'unitaire' } },
  parametres: {
    jours: {
      type: 'decimal',
      requis: true,
      min: 0,
      minExclu: true,
      max: 366,
      libelle: 'Jours de secrétariat',
      unite: 'jours',
      aide: 'Nombre de jours, éventuellement fractionnaire : toute journée commencée est due entière.',
    },
  },
  chiffrer: (p) => [{ composante: 'journee', unites: p.jours, path: ['jours'] }],
});

true satisfies Equals<SecretariatMairieParams, ParamsOf<typeof secretariatMairie.parametres>>;

import * as z from 'zod/mini';
import { collector, definePrestation } from './define.js';

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
 * Paramètres du secrétariat de mairie : le nombre de jours, éventuellement fractionnaire.
 *
 * @internal
 * @example
 * ```ts
 * secretariatMairieParams.parse({ jours: 2.5 });
 * ```
 */
export const secretariatMairieParams: z.ZodMiniType<SecretariatMairieParams, unknown> = z.strictObject({
  jours: z.number().check(z.gt(0), z.maximum(366)),
});

/**
 * Secrétariat de mairie : 300 € la journée incompressible ; toute journée commencée est due
 * (2,5 jours → 3 journées → 900 €).
 *
 * @internal
 * @example
 * ```ts
 * quote({ collectivite, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, secretariatMairie: { jours: 2.5 } } })
 *   .lignes[1].montant;
 * //=> '900.00'
 * ```
 */
export const secretariatMairie = definePrestation('secretariatMairie', secretariatMairieParams, (p, ctx) => {
  const out = collector(ctx);
  out.line('journee', { unites: p.jours }, { path: ['jours'] });
  return out.result();
});

import * as z from 'zod/mini';
import { Dec } from '../money/decimal.js';
import { collector, definePrestation } from './define.js';

/**
 * Paramètres du secrétariat de mairie : le nombre de jours, éventuellement fractionnaire.
 *
 * @category Prestations
 * @example
 * ```ts
 * SecretariatMairieParams.parse({ jours: 2.5 });
 * ```
 */
export const SecretariatMairieParams = z.strictObject({
  jours: z.number().check(z.gt(0), z.maximum(366)),
});

/**
 * Secrétariat de mairie : 300 € la journée incompressible ; toute journée commencée est due
 * (2,5 jours → 3 journées → 900 €).
 *
 * @category Prestations
 * @example
 * ```ts
 * quote({ collectivite, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, secretariatMairie: { jours: 2.5 } } })
 *   .lignes[1].montant;
 * //=> '900.00'
 * ```
 */
export const secretariatMairie = definePrestation('secretariatMairie', SecretariatMairieParams, (p, ctx) => {
  const out = collector(ctx);
  out.line('journee', { unites: new Dec(p.jours) }, { path: ['jours'] });
  return out.result();
});

import * as z from 'zod/mini';
import { Dec } from '../money/decimal.js';
import { SirenSchema } from '../siren/schema.js';
import { collector, definePrestation } from './define.js';

/**
 * Paramètres du pack démat : les SIREN facturés (par défaut celui de la collectivité),
 * sans doublon.
 *
 * @category Prestations
 * @example
 * ```ts
 * PackDematParams.parse({ sirens: ['200 000 172', '200000107'] });
 * //=> { sirens: ['200000172', '200000107'] }
 * ```
 */
export const PackDematParams = z.strictObject({
  sirens: z.optional(
    z.array(SirenSchema).check(
      z.minLength(1),
      z.maxLength(500),
      z.superRefine((sirens, ctx) => {
        sirens.forEach((siren, i) => {
          if (sirens.indexOf(siren) !== i) {
            ctx.addIssue({
              code: 'custom',
              path: [i],
              params: { code: 'SIREN_EN_DOUBLE' },
              message: `Le SIREN ${siren} figure déjà dans la liste (position ${sirens.indexOf(siren)}).`,
            });
          }
        });
      }),
    ),
  ),
});

/**
 * Pack dématérialisation (i-parapheur, TdT Hélios et ACTES, connecteur Chorus) : une ligne,
 * donc une facture, par SIREN. Inclus d'office quand le parc informatique est transféré.
 *
 * @category Prestations
 * @example
 * ```ts
 * quote(adhesionAvecPackDemat, { catalogue: complet }).factures.length;
 * //=> 2
 * ```
 */
export const packDemat = definePrestation('packDemat', PackDematParams, (p, ctx) => {
  const out = collector(ctx);
  const sirens = p.sirens ?? [ctx.collectivite.siren];
  sirens.forEach((siren, i) => {
    out.line('parSiren', { unites: new Dec(1) }, { siren, path: p.sirens ? ['sirens', i] : [] });
  });
  return out.result();
});

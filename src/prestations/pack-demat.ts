import * as z from 'zod/mini';
import { SirenSchema } from '../siren/schema.js';
import { collector, definePrestation } from './define.js';

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

/**
 * Paramètres du pack démat : les SIREN facturés (par défaut celui de la collectivité),
 * sans doublon.
 *
 * @internal
 * @example
 * ```ts
 * packDematParams.parse({ sirens: ['200 000 172', '200000107'] });
 * //=> { sirens: ['200000172', '200000107'] }
 * ```
 */
export const packDematParams: z.ZodMiniType<PackDematParams, unknown> = z.strictObject({
  sirens: z.optional(
    z.array(SirenSchema).check(
      z.minLength(1),
      z.maxLength(500),
      z.superRefine((sirens, ctx) => {
        const first = new Map<string, number>();
        sirens.forEach((siren, i) => {
          const seen = first.get(siren);
          if (seen === undefined) first.set(siren, i);
          else {
            ctx.addIssue({
              code: 'custom',
              path: [i],
              params: { code: 'SIREN_EN_DOUBLE' },
              message: `Le SIREN ${siren} figure déjà dans la liste (position ${seen}).`,
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
 * @internal
 * @example
 * ```ts
 * quote(adhesionAvecPackDemat, { catalogue: complet }).factures.length;
 * //=> 2
 * ```
 */
export const packDemat = definePrestation('packDemat', packDematParams, (p, ctx) => {
  const out = collector(ctx);
  const sirens = p.sirens ?? [ctx.collectivite.siren];
  sirens.forEach((siren, i) => {
    out.line('parSiren', { unites: 1 }, { siren, path: p.sirens ? ['sirens', i] : [] });
  });
  return out.result();
});

import * as z from 'zod/mini';
import { SirenSchema } from '../siren/schema.js';

/**
 * Schéma de la collectivité adhérente.
 *
 * @internal
 * @example
 * ```ts
 * CollectiviteSchema.parse({ nom: 'Commune exemple', siren: '219 000 106', type: 'commune' });
 * ```
 */
export const CollectiviteSchema = z.strictObject({
  nom: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  siren: SirenSchema,
  type: z.enum(['commune', 'epci', 'syndicat', 'ccas', 'autre']),
  population: z.optional(z.int().check(z.minimum(0), z.maximum(100_000_000))),
  parcTransfere: z.optional(z.boolean()),
});

/**
 * La collectivité adhérente, telle que validée (SIREN sans espaces).
 *
 * @category Devis
 * @example
 * ```ts
 * const c: Collectivite = { nom: 'Commune exemple', siren: '219000106', type: 'commune', population: 850 };
 * ```
 */
export type Collectivite = z.output<typeof CollectiviteSchema>;

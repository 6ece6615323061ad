import * as z from 'zod/mini';
import type { Collectivite } from '../core/shapes.js';
import { SirenSchema } from '../siren/schema.js';

/**
 * Le schéma de chaque champ de la collectivité, pour juger chacun à part : un champ invalide
 * n'empêche pas de chiffrer les prestations qui ne s'en servent pas.
 *
 * @internal
 */
export const COLLECTIVITE_FIELDS = {
  nom: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  siren: SirenSchema,
  type: z.enum(['commune', 'epci', 'syndicat', 'ccas', 'autre']),
  population: z.optional(z.int().check(z.minimum(0), z.maximum(100_000_000))),
  parcTransfere: z.optional(z.boolean()),
} as const;

/**
 * Schéma de la collectivité adhérente.
 *
 * @internal
 */
export const CollectiviteSchema: z.ZodMiniType<Collectivite, unknown> = z.strictObject(COLLECTIVITE_FIELDS);

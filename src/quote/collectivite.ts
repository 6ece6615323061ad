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
export const CollectiviteSchema: z.ZodMiniType<Collectivite, unknown> = z.strictObject({
  nom: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  siren: SirenSchema,
  type: z.enum(['commune', 'epci', 'syndicat', 'ccas', 'autre']),
  population: z.optional(z.int().check(z.minimum(0), z.maximum(100_000_000))),
  parcTransfere: z.optional(z.boolean()),
});

/**
 * Nature juridique de la collectivité adhérente.
 *
 * @category Devis
 * @example
 * ```ts
 * const t: CollectiviteType = 'epci';
 * ```
 */
export type CollectiviteType = 'commune' | 'epci' | 'syndicat' | 'ccas' | 'autre';

/**
 * La collectivité adhérente.
 *
 * @category Devis
 * @example
 * ```ts
 * const c: Collectivite = { nom: 'Commune exemple', siren: '219 000 106', type: 'commune', population: 850 };
 * ```
 */
export interface Collectivite {
  /** Le nom de la collectivité. */
  readonly nom: string;
  /** 9 chiffres, clé de Luhn valide ; les espaces sont acceptés en entrée et retirés dans le devis. */
  readonly siren: string;
  /** Sa nature juridique. */
  readonly type: CollectiviteType;
  /** Nombre d'habitants ; obligatoire pour la sauvegarde (grille par strate de population). */
  readonly population?: number | undefined;
  /** `true` si tout le parc informatique est transféré au syndicat (pack démat inclus d'office). */
  readonly parcTransfere?: boolean | undefined;
}

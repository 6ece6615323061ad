import * as z from 'zod/mini';
import type { Collectivite } from '../core/shapes.js';
import { deepFreeze } from '../shared/freeze.js';
import { fieldSchema, type FieldDeclaration } from './fields.js';

/**
 * Les champs de la collectivité d'une adhésion, en données : pour chacun, sa sorte (`texte`, `siren`,
 * `choix`, `entier`, `booleen`), s'il est obligatoire, et ses bornes ou ses valeurs admises. La
 * validation en est déduite ; un formulaire ou un tableur peut l'être aussi. L'objet est gelé.
 *
 * @category Prestations
 * @example
 * ```ts
 * COLLECTIVITE_DECLARATION.type.valeurs;
 * //=> ['commune', 'epci', 'syndicat', 'ccas', 'autre']
 * COLLECTIVITE_DECLARATION.population.requis;
 * //=> false
 * ```
 */
export const COLLECTIVITE_DECLARATION = /* @__PURE__ */ deepFreeze({
  nom: { type: 'texte', requis: true, max: 200 },
  siren: { type: 'siren', requis: true },
  type: { type: 'choix', requis: true, valeurs: ['commune', 'epci', 'syndicat', 'ccas', 'autre'] },
  population: { type: 'entier', requis: false, min: 0, max: 100_000_000 },
  parcTransfere: { type: 'booleen', requis: false },
} as const satisfies Record<keyof Collectivite, FieldDeclaration>);

/**
 * La clé `$schema` facultative d'un fichier d'entrée (l'adresse de son schéma JSON, pour les éditeurs).
 *
 * @internal
 */
export const SCHEMA_DECLARATION: FieldDeclaration = { type: 'texte', requis: false, max: 500 };

/**
 * Le millésime facultatif d'une adhésion.
 *
 * @internal
 */
export const MILLESIME_DECLARATION: FieldDeclaration = { type: 'entier', requis: false, min: 2000, max: 2100 };

type CollectiviteFields = { readonly [K in keyof typeof COLLECTIVITE_DECLARATION]: z.ZodMiniType };

let built: { fields: CollectiviteFields; schema: z.ZodMiniType<Collectivite, unknown> } | undefined;

function build(): NonNullable<typeof built> {
  const fields = Object.fromEntries(Object.entries(COLLECTIVITE_DECLARATION).map(([name, f]) => [name, fieldSchema(f)])) as CollectiviteFields;
  return { fields, schema: z.strictObject(fields) as never };
}

/**
 * Le schéma de chaque champ de la collectivité, pour juger chacun à part : un champ invalide
 * n'empêche pas de chiffrer les prestations qui ne s'en servent pas. Construits au premier usage.
 *
 * @internal
 */
export function collectiviteFields(): CollectiviteFields {
  return (built ??= build()).fields;
}

/**
 * Schéma de la collectivité adhérente, construit au premier usage.
 *
 * @internal
 */
export function collectiviteSchema(): z.ZodMiniType<Collectivite, unknown> {
  return (built ??= build()).schema;
}

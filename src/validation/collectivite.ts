import * as z from 'zod/mini';
import type { Collectivite } from '../core/shapes.js';
import { deepFreeze } from '../shared/freeze.js';
import { COLLECTIVITE_TYPES, fieldSchema, siretCheck, type FieldDeclaration } from './fields.js';

/**
 * Les champs de la collectivité, en données : d'où sont déduits leurs schémas zod et la
 * vérification rapide (publiés tels quels : {@link COLLECTIVITE_FIELDS}).
 *
 * @internal
 */
export const COLLECTIVITE_DECLARATION = /* @__PURE__ */ deepFreeze({
  nom: { type: 'texte', requis: true, max: 200 },
  siren: { type: 'siren', requis: true },
  type: { type: 'choix', requis: true, valeurs: COLLECTIVITE_TYPES },
  population: { type: 'entier', requis: false, min: 0, max: 100_000_000 },
  parcTransfere: { type: 'booleen', requis: false },
  siret: { type: 'siret', requis: false },
  codeService: { type: 'texte', requis: false, max: 100 },
  engagement: { type: 'texte', requis: false, max: 50 },
  adresse: { type: 'adresse', requis: false },
} as const satisfies Record<keyof Collectivite, FieldDeclaration>);

/**
 * Un champ de la collectivité d'une adhésion, en données : sa sorte, s'il est obligatoire, et ses
 * bornes ou ses valeurs admises.
 *
 * @category Prestations
 * @example
 * ```ts
 * const champ: CollectiviteField = { type: 'entier', requis: false, min: 0, max: 100_000_000 };
 * ```
 */
export interface CollectiviteField {
  /**
   * La sorte du champ : `texte`, `siren` (9 chiffres, clé de Luhn), `choix`, `entier`, `booleen`,
   * `siret` (14 chiffres commençant par le SIREN, clé de Luhn) ou `adresse` (une adresse postale,
   * dont les champs sont {@link ADRESSE_FIELDS}).
   */
  readonly type: 'texte' | 'siren' | 'choix' | 'entier' | 'booleen' | 'siret' | 'adresse';
  /** `true` : le champ est obligatoire. */
  readonly requis: boolean;
  /** `entier` : la plus petite valeur admise. */
  readonly min?: number | undefined;
  /** `texte` : la longueur maximale ; `entier` : la plus grande valeur admise. */
  readonly max?: number | undefined;
  /** `choix` : les valeurs admises. */
  readonly valeurs?: readonly string[] | undefined;
}

/**
 * Les champs de la collectivité d'une adhésion, par nom.
 *
 * @category Prestations
 * @example
 * ```ts
 * const champs: CollectiviteFields = COLLECTIVITE_FIELDS;
 * ```
 */
export interface CollectiviteFields {
  /** Le nom de la collectivité. */
  readonly nom: CollectiviteField;
  /** Son SIREN. */
  readonly siren: CollectiviteField;
  /** Sa nature (commune, EPCI…). */
  readonly type: CollectiviteField;
  /** Sa population, quand une prestation en dépend. */
  readonly population: CollectiviteField;
  /** Son parc informatique est-il transféré au syndicat ? */
  readonly parcTransfere: CollectiviteField;
  /** Le SIRET de l'établissement à qui adresser sa facture. */
  readonly siret: CollectiviteField;
  /** Son code service (Chorus Pro). */
  readonly codeService: CollectiviteField;
  /** Le numéro d'engagement à rappeler sur sa facture. */
  readonly engagement: CollectiviteField;
  /** Son adresse postale. */
  readonly adresse: CollectiviteField;
}

/**
 * Les champs de la collectivité d'une adhésion, en données gelées, dans l'ordre où une adhésion les
 * écrit : pour chacun, sa sorte, s'il est obligatoire, et ses bornes ou ses valeurs admises. Les
 * quatre derniers (SIRET, code service, engagement, adresse) sont ses propres données de
 * facturation, facultatives. La validation en est déduite ; un formulaire ou un tableur peut l'être
 * aussi.
 *
 * @category Prestations
 * @example
 * ```ts
 * COLLECTIVITE_FIELDS.type.valeurs;
 * //=> ['commune', 'epci', 'syndicat', 'ccas', 'autre']
 * COLLECTIVITE_FIELDS.population.requis;
 * //=> false
 * ```
 */
export const COLLECTIVITE_FIELDS: CollectiviteFields = COLLECTIVITE_DECLARATION;

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

type CollectiviteSchemas = { readonly [K in keyof typeof COLLECTIVITE_DECLARATION]: z.ZodMiniType };

let built: { fields: CollectiviteSchemas; schema: z.ZodMiniType<Collectivite, unknown> } | undefined;

function build(): NonNullable<typeof built> {
  const fields = Object.fromEntries(Object.entries(COLLECTIVITE_DECLARATION).map(([name, f]) => [name, fieldSchema(f)])) as CollectiviteSchemas;
  return { fields, schema: z.strictObject(fields).check(siretCheck()) as never };
}

/**
 * Le schéma de chaque champ de la collectivité, pour juger chacun à part : un champ invalide
 * n'empêche pas de chiffrer les prestations qui ne s'en servent pas. Construits au premier usage.
 *
 * @internal
 */
export function collectiviteFields(): CollectiviteSchemas {
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

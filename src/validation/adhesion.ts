import * as z from 'zod/mini';
import type { Collectivite, Destinataire } from '../core/shapes.js';
import { destinataireSchemas } from './destinataires.js';
import { REGISTRY, type MandatoryId, type ParamsDe, type PrestationId } from '../prestations/registry.js';
import type { Registry } from '../prestations/create-registry.js';
import type { PrestationDeclaration } from '../prestations/define.js';
import { collectiviteSchema, MILLESIME_DECLARATION, SCHEMA_DECLARATION } from './collectivite.js';
import { fieldSchema } from './fields.js';
import { paramsSchema } from './params.js';

/**
 * Les prestations cochées sur l'annexe 1 : les prestations obligatoires (la maintenance de base)
 * et les options, chacune avec ses paramètres (`{}` pour une prestation sans paramètre). Déduit des
 * déclarations des prestations.
 *
 * @category Devis
 * @example
 * ```ts
 * const p: PrestationsCochees = { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, dpo: {} };
 * ```
 */
export type PrestationsCochees = { readonly [Id in MandatoryId]: ParamsDe<Id> } & {
  readonly [Id in Exclude<PrestationId, MandatoryId>]?: ParamsDe<Id> | undefined;
};

/**
 * Une adhésion : la collectivité et les prestations cochées sur l'annexe 1.
 *
 * @category Devis
 * @example
 * ```ts
 * const adhesion: Adhesion = {
 *   collectivite: { nom: 'Foussemagne', siren: '219 000 494', type: 'commune', population: 869 },
 *   prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, marchesPublics: { acces: 1 } },
 * };
 * ```
 */
export interface Adhesion {
  /** L'adresse du schéma JSON du fichier (pour les éditeurs) ; ignorée. */
  readonly $schema?: string | undefined;
  /** Le millésime demandé ; s'il est donné, il doit être celui du catalogue. */
  readonly millesime?: number | undefined;
  /** La collectivité adhérente. */
  readonly collectivite: Collectivite;
  /** Les prestations cochées sur l'annexe 1. */
  readonly prestations: PrestationsCochees;
  /**
   * Les SIREN facturés décrits : leur nom (qui titre leur facture), leur nature, leur SIRET et, pour
   * Chorus Pro, leur code service et leur numéro d'engagement, et leur adresse. Le SIREN de la
   * collectivité peut l'être aussi (ses propres données vont plutôt dans `collectivite`) : décrit des
   * deux côtés, il doit l'être de même (`DEBITEUR_CONTRADICTOIRE` sinon).
   */
  readonly destinataires?: readonly Destinataire[] | undefined;
}

/**
 * Une adhésion validée (SIREN sans espaces).
 *
 * @internal
 */
export interface ValidAdhesion {
  readonly $schema?: string | undefined;
  readonly millesime?: number | undefined;
  readonly collectivite: Collectivite;
  readonly prestations: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;
  readonly destinataires?: readonly Destinataire[] | undefined;
}

function build(r: Registry): z.ZodMiniType<ValidAdhesion, unknown> {
  const prestations: Record<string, z.ZodMiniType> = {};
  for (const d of r.prestations) prestations[d.id] = z.optional(paramsSchema(d as PrestationDeclaration));
  return z.strictObject({
    $schema: fieldSchema(SCHEMA_DECLARATION),
    millesime: fieldSchema(MILLESIME_DECLARATION),
    collectivite: collectiviteSchema(),
    prestations: z.strictObject(prestations),
    destinataires: z.optional(destinataireSchemas().list),
  }) as unknown as z.ZodMiniType<ValidAdhesion, unknown>;
}

const BUILT = new WeakMap<Registry, z.ZodMiniType<ValidAdhesion, unknown>>();

/**
 * Le schéma zod d'une adhésion, déduit des déclarations des prestations. Tout champ inconnu est refusé.
 *
 * @internal
 */
export function adhesionSchema(r: Registry = REGISTRY): z.ZodMiniType<ValidAdhesion, unknown> {
  let built = BUILT.get(r);
  if (built === undefined) BUILT.set(r, (built = build(r)));
  return built;
}

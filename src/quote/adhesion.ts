import * as z from 'zod/mini';
import { cabinetNumerique } from '../prestations/cabinet-numerique.js';
import { comedec } from '../prestations/comedec.js';
import { dpo } from '../prestations/dpo.js';
import { maintenanceBase } from '../prestations/maintenance-base.js';
import { marchesPublics } from '../prestations/marches-publics.js';
import { netEntreprises } from '../prestations/net-entreprises.js';
import { packDemat } from '../prestations/pack-demat.js';
import { saisineElectronique } from '../prestations/saisine-electronique.js';
import { sauvegarde } from '../prestations/sauvegarde.js';
import { secretariatMairie } from '../prestations/secretariat-mairie.js';
import { CollectiviteSchema, type Collectivite } from './collectivite.js';
import type { MaintenanceBaseParams } from '../prestations/maintenance-base.js';
import type { SauvegardeParams } from '../prestations/sauvegarde.js';
import type { PackDematParams } from '../prestations/pack-demat.js';
import type { MarchesPublicsParams } from '../prestations/marches-publics.js';
import type { SecretariatMairieParams } from '../prestations/secretariat-mairie.js';

/**
 * Schéma d'une adhésion : la collectivité et les prestations cochées sur l'annexe 1
 * (une prestation sans paramètre se coche avec `{}`). Tout champ inconnu est refusé.
 *
 * @internal
 * @example
 * ```ts
 * AdhesionSchema.safeParse({
 *   collectivite: { nom: 'Commune exemple', siren: '219000106', type: 'commune' },
 *   prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 } },
 * }).success;
 * //=> true
 * ```
 */
export const AdhesionSchema = z.strictObject({
  millesime: z.optional(z.int().check(z.minimum(2000), z.maximum(2100))),
  collectivite: CollectiviteSchema,
  prestations: z.strictObject({
    maintenanceBase: z.optional(maintenanceBase.params),
    sauvegarde: z.optional(sauvegarde.params),
    netEntreprises: z.optional(netEntreprises.params),
    packDemat: z.optional(packDemat.params),
    saisineElectronique: z.optional(saisineElectronique.params),
    marchesPublics: z.optional(marchesPublics.params),
    dpo: z.optional(dpo.params),
    cabinetNumerique: z.optional(cabinetNumerique.params),
    comedec: z.optional(comedec.params),
    secretariatMairie: z.optional(secretariatMairie.params),
  }),
});

/**
 * Une prestation sans paramètre se coche avec `{}`.
 *
 * @category Devis
 * @example
 * ```ts
 * const dpo: SansParametre = {};
 * ```
 */
export type SansParametre = Record<string, never>;

/**
 * Les prestations cochées sur l'annexe 1 : la maintenance de base, obligatoire, et les options.
 *
 * @category Devis
 * @example
 * ```ts
 * const p: PrestationsCochees = { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, dpo: {} };
 * ```
 */
export interface PrestationsCochees {
  /** Maintenance de base des logiciels Berger Levrault : obligatoire. */
  readonly maintenanceBase: MaintenanceBaseParams;
  /** Sauvegarde des données (la population de la collectivité est alors obligatoire). */
  readonly sauvegarde?: SauvegardeParams | undefined;
  /** Connecteur Net-Entreprises (prélèvement à la source). */
  readonly netEntreprises?: SansParametre | undefined;
  /** Pack dématérialisation, facturé par SIREN. */
  readonly packDemat?: PackDematParams | undefined;
  /** Saisine par voie électronique. */
  readonly saisineElectronique?: SansParametre | undefined;
  /** Plateforme mutualisée des marchés publics. */
  readonly marchesPublics?: MarchesPublicsParams | undefined;
  /** Délégué à la protection des données mutualisé. */
  readonly dpo?: SansParametre | undefined;
  /** Cabinet numérique (convocations dématérialisées). */
  readonly cabinetNumerique?: SansParametre | undefined;
  /** Raccordement au projet COMEDEC. */
  readonly comedec?: SansParametre | undefined;
  /** Secrétariat de mairie, à la journée. */
  readonly secretariatMairie?: SecretariatMairieParams | undefined;
}

/**
 * Une adhésion : la collectivité et les prestations cochées sur l'annexe 1.
 *
 * @category Devis
 * @example
 * ```ts
 * const adhesion: Adhesion = {
 *   collectivite: { nom: 'Commune exemple', siren: '219 000 106', type: 'commune', population: 850 },
 *   prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, marchesPublics: { acces: 1 } },
 * };
 * ```
 */
export interface Adhesion {
  /** Le millésime demandé ; s'il est donné, il doit être celui du catalogue. */
  readonly millesime?: number | undefined;
  /** La collectivité adhérente. */
  readonly collectivite: Collectivite;
  /** Les prestations cochées sur l'annexe 1. */
  readonly prestations: PrestationsCochees;
}

/**
 * Une adhésion validée (SIREN sans espaces).
 *
 * @internal
 * @example
 * ```ts
 * const a: ValidAdhesion = adhesionSchema.parse(adhesion);
 * ```
 */
export type ValidAdhesion = z.output<typeof AdhesionSchema>;

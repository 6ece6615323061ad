import type { PrestationId } from '../catalogue/types.js';
import { cabinetNumerique } from './cabinet-numerique.js';
import { comedec } from './comedec.js';
import type { PrestationModule } from './define.js';
import { dpo } from './dpo.js';
import { maintenanceBase } from './maintenance-base.js';
import { marchesPublics } from './marches-publics.js';
import { netEntreprises } from './net-entreprises.js';
import { packDemat } from './pack-demat.js';
import { saisineElectronique } from './saisine-electronique.js';
import { sauvegarde } from './sauvegarde.js';
import { secretariatMairie } from './secretariat-mairie.js';

/**
 * Les modules de prestation, dans l'ordre du catalogue (qui est l'ordre des lignes du devis).
 *
 * @internal
 * @example
 * ```ts
 * PRESTATIONS.map((m) => m.id)[0];
 * //=> 'maintenanceBase'
 * ```
 */
export const PRESTATIONS = [
  maintenanceBase,
  sauvegarde,
  netEntreprises,
  packDemat,
  saisineElectronique,
  marchesPublics,
  dpo,
  cabinetNumerique,
  comedec,
  secretariatMairie,
] as const;

/**
 * Un module de prestation quelconque du registre.
 *
 * @internal
 * @example
 * ```ts
 * const m: AnyPrestationModule = PRESTATIONS[0];
 * ```
 */
export type AnyPrestationModule = PrestationModule<PrestationId, (typeof PRESTATIONS)[number]['params']>;

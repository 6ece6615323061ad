import * as z from 'zod/mini';
import { collector, definePrestation } from './define.js';

const postes = z.int().check(z.minimum(1), z.maximum(100_000));

/**
 * Paramètres de la maintenance de base.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: MaintenanceBaseParams = { postes: 4, postesLicenceBL: 0 };
 * ```
 */
export interface MaintenanceBaseParams {
  /** Postes maintenus par TE90 (entier, au moins 1). */
  readonly postes: number;
  /** Dont postes portant une licence Berger Levrault (part 2) ; au plus `postes`. */
  readonly postesLicenceBL?: number | undefined;
}

/**
 * Paramètres de la maintenance de base : postes maintenus par TE90, dont postes sous licence
 * Berger Levrault (au plus autant que de postes).
 *
 * @internal
 * @example
 * ```ts
 * maintenanceBaseParams.parse({ postes: 4, postesLicenceBL: 0 });
 * ```
 */
export const maintenanceBaseParams: z.ZodMiniType<MaintenanceBaseParams, unknown> = z
  .strictObject({
    postes,
    postesLicenceBL: z.optional(z.int().check(z.minimum(0), z.maximum(100_000))),
  })
  .check(
    z.superRefine((p, ctx) => {
      const valid = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
      if (valid(p.postes) && valid(p.postesLicenceBL) && p.postesLicenceBL! > p.postes) {
        ctx.addIssue({
          code: 'custom',
          path: ['postesLicenceBL'],
          params: { code: 'POSTES_LICENCE_SUPERIEURS' },
          message: `Les postes sous licence Berger Levrault (${p.postesLicenceBL}) ne peuvent dépasser les postes maintenus (${p.postes}).`,
        });
      }
    }),
  );

/**
 * Maintenance de base des logiciels Berger Levrault, obligatoire pour tout adhérent.
 * Part 1 : prix unitaire × (postes × coefficient du palier atteint). Part 2 : par poste
 * sous licence Berger Levrault (montant non publié en 2026).
 *
 * @internal
 * @example
 * ```ts
 * quote({ collectivite, prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 } } }).lignes[0].detail;
 * //=> '574,88 € × (4 postes × 0,9) = 2 069,57 €'
 * ```
 */
export const maintenanceBase = definePrestation('maintenanceBase', maintenanceBaseParams, (p, ctx) => {
  const out = collector(ctx);
  out.line('postes', { unites: p.postes }, { path: ['postes'] });
  if (p.postesLicenceBL === undefined) {
    out.warn(
      'PART2_NON_RENSEIGNEE',
      ['postesLicenceBL'],
      "Le nombre de postes sous licence Berger Levrault (part 2) n'est pas renseigné : seule la part 1 est chiffrée. Indiquez postesLicenceBL (0 s'il n'y en a aucun).",
    );
  } else if (p.postesLicenceBL > 0) {
    out.line('licenceBL', { unites: p.postesLicenceBL }, { path: ['postesLicenceBL'] });
  }
  if (ctx.collectivite.type === 'commune') {
    out.warn(
      'BAREME_ETABLISSEMENTS_PUBLICS',
      [],
      "Le barème de la maintenance de base est publié pour les établissements publics ; aucune formule distincte n'est publiée pour les communes : vérifiez qu'il s'applique.",
    );
  }
  return out.result();
});

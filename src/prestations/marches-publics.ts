import * as z from 'zod/mini';
import { collector, definePrestation } from './define.js';

/**
 * Paramètres de la plateforme des marchés publics.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: MarchesPublicsParams = { acces: 2, misesEnLigneAssistees: 1 };
 * ```
 */
export interface MarchesPublicsParams {
  /** Nombre d'accès à la plateforme (au moins 1). */
  readonly acces: number;
  /** Nombre de marchés mis en ligne avec l'aide du syndicat. */
  readonly misesEnLigneAssistees?: number | undefined;
}

/**
 * Paramètres des marchés publics : nombre d'accès à la plateforme, et de mises en ligne de
 * marché avec l'aide du syndicat.
 *
 * @internal
 * @example
 * ```ts
 * marchesPublicsParams.parse({ acces: 2, misesEnLigneAssistees: 1 });
 * ```
 */
export const marchesPublicsParams: z.ZodMiniType<MarchesPublicsParams, unknown> = z.strictObject({
  acces: z.int().check(z.minimum(1), z.maximum(10_000)),
  misesEnLigneAssistees: z.optional(z.int().check(z.minimum(0), z.maximum(10_000))),
});

/**
 * Plateforme mutualisée des marchés publics : 50 € par accès, plus 32 € par marché mis en ligne
 * avec l'aide du syndicat.
 *
 * @internal
 * @example
 * ```ts
 * quote({ collectivite, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, marchesPublics: { acces: 2, misesEnLigneAssistees: 1 } } })
 *   .lignes.map((l) => l.montant);
 * //=> ['574.88', '100.00', '32.00']
 * ```
 */
export const marchesPublics = definePrestation('marchesPublics', marchesPublicsParams, (p, ctx) => {
  const out = collector(ctx);
  out.line('acces', { unites: p.acces }, { path: ['acces'] });
  if (p.misesEnLigneAssistees) {
    out.line('miseEnLigneAssistee', { unites: p.misesEnLigneAssistees }, { path: ['misesEnLigneAssistees'] });
  }
  return out.result();
});

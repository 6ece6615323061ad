import * as z from 'zod/mini';
import { collector, definePrestation } from './define.js';

/**
 * Paramètres de la sauvegarde des données.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: SauvegardeParams = { quotaGo: 100 };
 * ```
 */
export interface SauvegardeParams {
  /** Le quota retenu, en Go : l'un de ceux que la grille propose. */
  readonly quotaGo: number;
}

/**
 * Paramètres de la sauvegarde : le quota retenu, en Go (l'un de ceux de la grille).
 *
 * @internal
 * @example
 * ```ts
 * sauvegardeParams.parse({ quotaGo: 100 });
 * ```
 */
export const sauvegardeParams: z.ZodMiniType<SauvegardeParams, unknown> = z.strictObject({
  quotaGo: z.int().check(z.minimum(1), z.maximum(1_000_000)),
});

/**
 * Sauvegarde des données : montant de la grille pour la strate de population de la collectivité
 * et le quota retenu. La population est alors obligatoire ; la grille 2026 n'est pas publiée.
 *
 * @internal
 * @example
 * ```ts
 * quote({ collectivite: { ...c, population: 850 }, prestations: { maintenanceBase: { postes: 1 }, sauvegarde: { quotaGo: 50 } } }, { catalogue: complet });
 * ```
 */
export const sauvegarde = definePrestation('sauvegarde', sauvegardeParams, (p, ctx) => {
  const out = collector(ctx);
  out.line('grille', { unites: 1, quotaGo: p.quotaGo });
  return out.result();
});

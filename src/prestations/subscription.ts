import * as z from 'zod/mini';
import type { PrestationId } from '../catalogue/types.js';
import { collector, definePrestation, type PrestationModule } from './define.js';

/**
 * Une prestation sans paramètre, cochée avec `{}` : une ligne par adhérent pour la composante donnée
 * (abonnement annuel). Sert à Net-Entreprises, saisine électronique, DPO, cabinet numérique, COMEDEC.
 *
 * @internal
 * @example
 * ```ts
 * const dpo = subscriptionPrestation('dpo', 'abonnement');
 * ```
 */
export function subscriptionPrestation<Id extends PrestationId>(
  id: Id,
  composanteId: string,
): PrestationModule<Id, z.ZodMiniObject<{}, z.core.$strict>> {
  return definePrestation(id, z.strictObject({}), (_params, ctx) => {
    const out = collector(ctx);
    out.line(composanteId, { unites: 1 });
    return out.result();
  });
}

import * as z from 'zod/mini';

/**
 * Une valeur dont la longueur a un sens : une chaîne ou une vraie liste. zod mesure par défaut
 * toute valeur qui porte une propriété `length` (un objet `{ length: … }` compris), et la comparaison
 * d'une longueur qui n'est pas un nombre peut lever : la longueur n'est jugée que sur le type réel.
 */
function measurable(payload: { readonly value: unknown }): boolean {
  return typeof payload.value === 'string' || Array.isArray(payload.value);
}

/**
 * `z.minLength`, mesurée seulement sur une chaîne ou une liste.
 *
 * @internal
 */
export function minLength(minimum: number): ReturnType<typeof z.minLength> {
  return z.minLength(minimum, { when: measurable } as never);
}

/**
 * `z.maxLength`, mesurée seulement sur une chaîne ou une liste.
 *
 * @internal
 */
export function maxLength(maximum: number): ReturnType<typeof z.maxLength> {
  return z.maxLength(maximum, { when: measurable } as never);
}

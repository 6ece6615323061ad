/**
 * Indique si une valeur est un objet ordinaire (ni `null`, ni une liste), pour lire une entrée brute.
 *
 * @internal
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Gèle un objet et tout ce qu'il contient, pour qu'aucun appelant ne puisse le modifier.
 *
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

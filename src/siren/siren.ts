/**
 * Retire les espaces (y compris insécables) d'un SIREN saisi : `"219 000 106" → "219000106"`.
 *
 * @example
 * ```ts
 * normalizeSiren(' 219 000 106 ');
 * //=> '219000106'
 * ```
 */
export function normalizeSiren(input: string): string {
  return input.replace(/\s+/g, '');
}

/**
 * Indique si un SIREN (déjà sans espaces) compte 9 chiffres et une clé de Luhn valide.
 *
 * @example
 * ```ts
 * isValidSiren('200000172');
 * //=> true
 * isValidSiren('200000173');
 * //=> false
 * ```
 */
export function isValidSiren(siren: string): boolean {
  if (!/^\d{9}$/.test(siren)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = siren.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Pourquoi un SIREN (déjà sans espaces) est refusé : `longueur` (pas 9 chiffres) ou `cle` (clé de
 * Luhn fausse).
 *
 * @internal
 */
export function sirenProblem(siren: string): 'longueur' | 'cle' {
  return /^\d{9}$/.test(siren) ? 'cle' : 'longueur';
}

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
 * Explique en français pourquoi un SIREN (déjà sans espaces) est refusé.
 *
 * @internal
 */
export function sirenProblem(siren: string): string {
  const shown = siren.length > 20 ? siren.slice(0, 20) + '…' : siren;
  if (!/^\d{9}$/.test(siren)) return `Le SIREN « ${shown} » doit compter exactement 9 chiffres.`;
  return `La clé de contrôle du SIREN « ${shown} » est fausse (erreur de saisie ?).`;
}

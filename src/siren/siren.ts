import { textArgument } from '../errors/arguments.js';

/**
 * Retire les espaces (y compris insécables) d'un SIREN saisi : `"219 000 494" → "219000494"` (le SIREN de Foussemagne).
 *
 * @example
 * ```ts
 * normalizeSiren(' 219 000 494 '); // le SIREN de Foussemagne
 * //=> '219000494'
 * ```
 * @category SIREN
 */
export function normalizeSiren(input: string): string {
  textArgument('input', input);
  return input.replace(/\s+/g, '');
}

/**
 * Indique si un SIREN (déjà sans espaces) compte 9 chiffres et une clé de Luhn valide.
 *
 * @example
 * ```ts
 * isValidSiren('200069060'); // le SIREN de la CC des Vosges du Sud
 * //=> true
 * isValidSiren('200000173');
 * //=> false
 * ```
 * @category SIREN
 */
export function isValidSiren(siren: string): boolean {
  return typeof siren === 'string' && /^\d{9}$/.test(siren) && luhn(siren);
}

/** La clé de Luhn d'une suite de chiffres, en doublant un chiffre sur deux depuis la droite. */
function luhn(digits: string): boolean {
  let sum = 0;
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    let digit = digits.charCodeAt(n - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Indique si un SIRET (déjà sans espaces) compte 14 chiffres et une clé de Luhn valide.
 *
 * @category SIREN
 * @example
 * ```ts
 * isValidSiret('25900032500011');
 * //=> true
 * isValidSiret('25900032500012');
 * //=> false
 * ```
 */
export function isValidSiret(siret: string): boolean {
  return typeof siret === 'string' && /^\d{14}$/.test(siret) && luhn(siret);
}

/**
 * Écrit un SIREN par groupes de trois chiffres : `219 000 494` (Foussemagne). Un texte qui n'est pas fait de
 * 9 chiffres est rendu tel quel.
 *
 * @category SIREN
 * @example
 * ```ts
 * formatSiren('219000494'); // le SIREN de Foussemagne
 * //=> '219 000 494'
 * ```
 */
export function formatSiren(siren: string): string {
  textArgument('siren', siren);
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

/**
 * Ce qui ne va pas dans un SIRET, ou `undefined` s'il est valide : 14 chiffres, les 9 premiers
 * étant le SIREN qu'il accompagne, et une clé de Luhn valide sur les 14.
 *
 * @internal
 */
export function siretProblem(siret: string, siren: string | undefined): 'longueur' | 'siren' | 'cle' | undefined {
  if (!/^\d{14}$/.test(siret)) return 'longueur';
  if (siren !== undefined && !siret.startsWith(siren)) return 'siren';
  return luhn(siret) ? undefined : 'cle';
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

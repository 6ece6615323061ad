/** Les caractères de contrôle (C0, DEL, C1) : un texte qui en porte pourrait forger une ligne d'un document ou piloter un terminal. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Les mêmes, tous (drapeau `g`) : pour les remplacer. */
export const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Les mêmes, sauf les fins de ligne (`\n`, `\r\n`) d'un texte de plusieurs lignes (une adresse). */
const CONTROL_SAUF_LIGNES = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;

/**
 * Le premier caractère de contrôle (C0, DEL, C1) d'un texte, qui pourrait forger une ligne d'un
 * document ou piloter un terminal : son code (`U+001B`) et sa position (à partir de 1), ou
 * `undefined` s'il n'en a pas. Avec `lignes`, les fins de ligne (`\n`, `\r\n`) sont admises.
 *
 * @category Erreurs
 * @example
 * ```ts
 * controlCharacter('Mairie\u001b[2J');
 * //=> { caractere: 'U+001B', position: 7 }
 * controlCharacter('1 rue\nBelfort', true);
 * //=> undefined
 * ```
 */
export function controlCharacter(
  text: string,
  lignes = false,
): {
  /** Le code du caractère, `U+001B`. */
  caractere: string;
  /** Sa position dans le texte, à partir de 1. */
  position: number;
} | undefined {
  if (typeof text !== 'string') return undefined;
  const m = (lignes ? CONTROL_SAUF_LIGNES : CONTROL).exec(text);
  if (m === null) return undefined;
  return { caractere: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, position: m.index + 1 };
}

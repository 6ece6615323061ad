import { formatSiren } from '@te90/tarifs';

/**
 * Le mot qui s'accorde avec un nombre, en français : le singulier en dessous de 2 (`0 adhésion`,
 * `1 adhésion`), le pluriel à partir de 2.
 *
 * @internal
 */
export function agreeing(n: number, un: string, plusieurs: string): string {
  return n >= 2 ? plusieurs : un;
}

/**
 * Une énumération en français : `A`, `A et B`, `A, B et C`.
 *
 * @internal
 */
export function enumerate(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]!}`;
}

/**
 * Un SIREN groupé par trois chiffres, avec des espaces insécables : il ne se coupe jamais en fin de
 * ligne (`219 000 494`, le SIREN de Foussemagne).
 *
 * @internal
 */
export function sirenUnbroken(siren: string): string {
  return formatSiren(siren).replaceAll(' ', '\u00a0');
}

/**
 * Un texte écrit dans une chaîne CSS (`content: "…"`) : guillemets, barres obliques inverses,
 * caractères de contrôle et chevrons échappés.
 *
 * @internal
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

import * as z from 'zod/mini';
import { maxLength, minLength } from '../shared/lengths.js';
import { behaviourOf, fastSiren, REJECT, type ParamDeclaration } from '../prestations/param-kinds.js';
import { issueMessage } from '../wording/issues.js';
import { sirenSchema } from '../siren/schema.js';

/**
 * La déclaration d'un champ simple de l'adhésion (hors paramètres de prestation) : ses règles en
 * données, d'où sont déduits le schéma zod et la vérification rapide.
 *
 * @internal
 */
export type FieldDeclaration =
  | { readonly type: 'texte'; readonly requis: boolean; readonly max: number }
  | { readonly type: 'siren'; readonly requis: boolean }
  | { readonly type: 'choix'; readonly requis: boolean; readonly valeurs: readonly string[] }
  | { readonly type: 'entier'; readonly requis: boolean; readonly min: number; readonly max: number }
  | { readonly type: 'booleen'; readonly requis: boolean };

/** Un champ de l'adhésion ou un paramètre de prestation. */
export type AnyField = FieldDeclaration | ParamDeclaration;

/** Les caractères de contrôle (C0, DEL, C1) : un nom qui en porte pourrait forger une ligne d'un texte ou piloter un terminal. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
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
  const m = (lignes ? CONTROL_SAUF_LIGNES : CONTROL).exec(text);
  if (m === null) return undefined;
  return { caractere: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, position: m.index + 1 };
}

/**
 * Le refus des caractères de contrôle (`VALEUR_NON_ADMISE`), sauf le saut de ligne avec `lignes`,
 * construit avec le schéma qui le porte (rien de zod n'est construit à l'import).
 *
 * @internal
 */
export const noControl = (lignes = false) =>
  z.superRefine((text: string, ctx) => {
    const found = controlCharacter(text, lignes);
    if (found === undefined) return;
    const params = { raison: 'caractereDeControle', ...found } as const;
    ctx.addIssue({ code: 'custom', input: text, params: { code: 'VALEUR_NON_ADMISE', params }, message: issueMessage('VALEUR_NON_ADMISE', params) });
  });

function requiredSchema(f: AnyField): z.ZodMiniType {
  switch (f.type) {
    case 'texte':
      return z.string().check(z.trim(), minLength(1), maxLength(f.max), noControl());
    case 'siren':
      return sirenSchema();
    case 'choix':
      return z.enum(f.valeurs as [string, ...string[]]);
    case 'booleen':
      return z.boolean();
    default:
      // Un paramètre, ou un champ entier de l'adhésion : la table des sortes de paramètre en décide.
      return behaviourOf(f as ParamDeclaration).schema(f as ParamDeclaration);
  }
}

/**
 * Le schéma zod d'un champ, déduit de sa déclaration : zod est le juge de toute entrée.
 *
 * @internal
 */
export function fieldSchema(f: AnyField): z.ZodMiniType {
  const schema = requiredSchema(f);
  return f.requis ? schema : z.optional(schema);
}

export { REJECT };

/**
 * La vérification rapide d'un champ, déduite de la même déclaration que son schéma zod : elle
 * n'accepte que ce qu'elle peut prouver valide, et rend alors la même valeur que zod ; au moindre
 * doute, `REJECT`, et zod juge. `undefined` pour un champ facultatif absent.
 *
 * @internal
 */
export function fastField(f: AnyField, value: unknown): unknown {
  return fastCheckOf(f)(value);
}

const CHECKERS = new WeakMap<AnyField, (value: unknown) => unknown>();

/**
 * La vérification rapide d'un champ (voir {@link fastField}), préparée une fois par déclaration :
 * une fonction propre à sa sorte de champ, qui ne relit pas la déclaration.
 *
 * @internal
 */
export function fastCheckOf(f: AnyField): (value: unknown) => unknown {
  let check = CHECKERS.get(f);
  if (check === undefined) {
    const present = presentCheck(f);
    const requis = f.requis;
    check = (value) => (value === undefined ? (requis ? REJECT : undefined) : present(value));
    CHECKERS.set(f, check);
  }
  return check;
}

function presentCheck(f: AnyField): (value: unknown) => unknown {
  switch (f.type) {
    case 'texte': {
      const max = f.max;
      return (value) => {
        if (typeof value !== 'string') return REJECT;
        const trimmed = value.trim();
        return trimmed.length >= 1 && trimmed.length <= max && !CONTROL.test(trimmed) ? trimmed : REJECT;
      };
    }
    case 'siren':
      return fastSiren;
    case 'choix': {
      const valeurs = f.valeurs;
      return (value) => (typeof value === 'string' && valeurs.includes(value) ? value : REJECT);
    }
    case 'booleen':
      return (value) => (typeof value === 'boolean' ? value : REJECT);
    default:
      return behaviourOf(f as ParamDeclaration).check(f as ParamDeclaration);
  }
}

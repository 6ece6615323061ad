import * as z from 'zod/mini';
import { maxLength, minLength } from '../shared/lengths.js';
import type { ParamDeclaration } from '../prestations/define.js';
import { issueMessage } from '../wording/issues.js';
import { isValidSiren, normalizeSiren } from '../siren/siren.js';
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

function sirensSchema(max: number) {
  return z.array(sirenSchema()).check(
    minLength(1),
    maxLength(max),
    z.superRefine((sirens, ctx) => {
      const first = new Map<string, number>();
      sirens.forEach((siren, i) => {
        const seen = first.get(siren);
        if (seen === undefined) first.set(siren, i);
        else {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            input: siren,
            params: { code: 'SIREN_EN_DOUBLE', params: { siren, position: seen } },
            message: issueMessage('SIREN_EN_DOUBLE', { siren, position: seen }),
          });
        }
      });
    }),
  );
}

/** Les caractères de contrôle (C0, DEL, C1) : un nom qui en porte pourrait forger une ligne d'un texte ou piloter un terminal. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Les mêmes, sauf les fins de ligne (`\n`, `\r\n`) d'un texte de plusieurs lignes (une adresse). */
const CONTROL_SAUF_LIGNES = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;

/**
 * Le premier caractère de contrôle d'un texte : son code (`U+001B`) et sa position (à partir de 1).
 *
 * @internal
 */
export function controlCharacter(text: string, lignes = false): { caractere: string; position: number } | undefined {
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
    case 'entier':
      return z.int().check(z.minimum(f.min), z.maximum(f.max));
    case 'decimal':
      return z.number().check(f.minExclu ? z.gt(f.min) : z.minimum(f.min), z.maximum(f.max));
    case 'sirens':
      return sirensSchema(f.max);
    case 'durees':
      return z.array(z.number().check(z.gt(0), z.maximum(f.maxDuree))).check(minLength(1), maxLength(f.max));
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

/** Une valeur refusée par la vérification rapide : zod dira pourquoi. */
export const REJECT: unique symbol = Symbol('à juger par zod');

const SPACES = /\s/;

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
    case 'entier': {
      const { min, max } = f;
      return (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max ? value : REJECT);
    }
    case 'decimal': {
      const { min, max } = f;
      const minExclu = f.minExclu === true;
      return (value) => (typeof value === 'number' && Number.isFinite(value) && (minExclu ? value > min : value >= min) && value <= max ? value : REJECT);
    }
    case 'sirens': {
      const max = f.max;
      return (value) => {
        if (!Array.isArray(value) || value.length < 1 || value.length > max) return REJECT;
        const out: string[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          const s = fastSiren(value[i]);
          if (s === REJECT || out.indexOf(s) !== -1) return REJECT;
          out[i] = s;
        }
        return out;
      };
    }
    case 'durees': {
      const { max, maxDuree } = f;
      return (value) => {
        if (!Array.isArray(value) || value.length < 1 || value.length > max) return REJECT;
        for (const d of value) if (typeof d !== 'number' || !Number.isFinite(d) || d <= 0 || d > maxDuree) return REJECT;
        return value.slice();
      };
    }
  }
}

function fastSiren(value: unknown): string | typeof REJECT {
  if (typeof value !== 'string' || value.length > 100) return REJECT;
  const siren = SPACES.test(value) ? normalizeSiren(value) : value;
  return isValidSiren(siren) ? siren : REJECT;
}

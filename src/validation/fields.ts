import * as z from 'zod/mini';
import { maxLength, minLength } from '../shared/lengths.js';
import { behaviourOf, fastSiren, REJECT, type ParamDeclaration } from '../prestations/param-kinds.js';
import { issueMessage } from '../wording/issues.js';
import { sirenSchema } from '../siren/schema.js';
import { siretProblem } from '../siren/siren.js';
import { deepFreeze } from '../shared/freeze.js';
import { DECIMAL_PATTERNS, noControl } from '../models/kit.js';
import { CONTROL } from '../shared/control.js';

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
  | { readonly type: 'booleen'; readonly requis: boolean }
  | { readonly type: 'siret'; readonly requis: boolean }
  | { readonly type: 'codePostal'; readonly requis: boolean }
  | { readonly type: 'adresse'; readonly requis: boolean };

/**
 * Les natures juridiques d'une collectivité (et d'un débiteur) : une seule liste, que la
 * collectivité et les destinataires déclarent.
 *
 * @internal
 */
export const COLLECTIVITE_TYPES = /* @__PURE__ */ Object.freeze(['commune', 'epci', 'syndicat', 'ccas', 'autre'] as const);

/** La longueur d'une ligne d'adresse selon la norme postale. */
const LIGNE_POSTALE = 38;

/**
 * Les champs d'une adresse postale, en données, dans l'ordre où une adresse les écrit (publiés tels
 * quels : `ADRESSE_FIELDS`).
 *
 * @internal
 */
export const ADRESSE_DECLARATION = /* @__PURE__ */ deepFreeze({
  complement: { type: 'texte', requis: false, max: LIGNE_POSTALE },
  voie: { type: 'texte', requis: true, max: LIGNE_POSTALE },
  lieuDit: { type: 'texte', requis: false, max: LIGNE_POSTALE },
  codePostal: { type: 'codePostal', requis: true },
  ville: { type: 'texte', requis: true, max: LIGNE_POSTALE },
} as const);

let adresseBuilt: z.ZodMiniType | undefined;

/** Le schéma d'une adresse postale, déduit de sa déclaration, construit au premier usage. */
function adresseSchema(): z.ZodMiniType {
  return (adresseBuilt ??= z.strictObject(Object.fromEntries(Object.entries(ADRESSE_DECLARATION).map(([name, f]) => [name, fieldSchema(f)]))));
}

const CODE_POSTAL = /^\d{5}$/;

/** Un champ de l'adhésion ou un paramètre de prestation. */
export type AnyField = FieldDeclaration | ParamDeclaration;

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
    case 'siret':
      // Les espaces sont retirés ; le SIREN qu'il doit prolonger est vérifié par l'objet qui les porte (siretCheck).
      return z.string().check(maxLength(100), z.overwrite((s) => s.replace(/\s+/g, '')));
    case 'codePostal': {
      const schema = z.string().check(
        z.trim(),
        z.superRefine((text: string, ctx) => {
          if (CODE_POSTAL.test(text)) return;
          const params = { raison: 'codePostal', recu: text.length > 20 ? `${text.slice(0, 20)}…` : text } as const;
          ctx.addIssue({ code: 'custom', input: text, params: { code: 'VALEUR_NON_ADMISE', params }, message: issueMessage('VALEUR_NON_ADMISE', params) });
        }),
      );
      // Le schéma JSON de l'adhésion le dit aussi (espaces autour admis : ils sont retirés).
      DECIMAL_PATTERNS.set(schema, '^\\s*\\d{5}\\s*$');
      return schema;
    }
    case 'adresse':
      return adresseSchema();
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
 * La vérification d'un SIRET par l'objet qui le porte avec un SIREN (une collectivité, un
 * destinataire) : 14 chiffres, commençant par ce SIREN, clé de Luhn (`SIRET_INVALIDE`).
 *
 * @internal
 */
export const siretCheck = () =>
  z.superRefine((d: { readonly siren?: unknown; readonly siret?: unknown }, ctx) => {
    if (typeof d.siret !== 'string') return;
    const siren = typeof d.siren === 'string' && /^\d{9}$/.test(d.siren) ? d.siren : undefined;
    const raison = siretProblem(d.siret, siren);
    if (raison === undefined) return;
    const params = { raison, siret: d.siret, siren: siren ?? null };
    ctx.addIssue({ code: 'custom', path: ['siret'], input: d.siret, params: { code: 'SIRET_INVALIDE', params }, message: issueMessage('SIRET_INVALIDE', params) });
  });

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
    case 'codePostal':
      return (value) => {
        if (typeof value !== 'string') return REJECT;
        const trimmed = value.trim();
        return CODE_POSTAL.test(trimmed) ? trimmed : REJECT;
      };
    case 'siret':
    case 'adresse':
      // Un SIRET (qui dépend du SIREN) ou une adresse donnés : zod juge (la voie rapide reste celle des adhésions qui n'en ont pas).
      return () => REJECT;
    default:
      return behaviourOf(f as ParamDeclaration).check(f as ParamDeclaration);
  }
}

/**
 * Les sortes de paramètre d'une prestation, déclarées une fois : pour chaque sorte, le type de sa
 * valeur, ce que sa déclaration porte (bornes), son schéma zod, sa vérification rapide, sa borne en
 * mots, la façon dont une saisie en texte (cellule de tableur, champ de formulaire) se lit, et son
 * libellé pour les messages. Une sorte nouvelle est une entrée de ces tables ; tout le reste en est
 * déduit (types des paramètres, schémas, voie rapide, exemples, aide, générateurs des tests).
 */
import * as z from 'zod/mini';
import type { IssueCode } from '../core/codes.js';
import { formatNumber } from '../money/format.js';
import { maxLength, minLength } from '../shared/lengths.js';
import { sirenSchema } from '../siren/schema.js';
import { isValidSiren, normalizeSiren } from '../siren/siren.js';
import { issueMessage } from '../wording/issues.js';
import { readingArgument, textArgument } from '../errors/arguments.js';

/**
 * Le type de la valeur de chaque sorte de paramètre, telle qu'une adhésion la donne.
 *
 * @category Prestations
 * @example
 * ```ts
 * const jours: ParamKinds['durees'] = [0.5, 1];
 * ```
 */
export interface ParamKinds {
  /** Un nombre entier borné (postes, accès, quota…). */
  readonly entier: number;
  /** Un nombre décimal borné (jours de secrétariat). */
  readonly decimal: number;
  /** Une liste de SIREN, sans doublon : les SIREN facturés d'une prestation facturée par SIREN. */
  readonly sirens: readonly string[];
  /** Une liste de durées en jours, une par intervention, chacune chiffrée à part. */
  readonly durees: readonly number[];
}

/**
 * Une sorte de paramètre : `entier`, `decimal`, `sirens`, `durees`.
 *
 * @category Prestations
 * @example
 * ```ts
 * const sorte: ParamKind = 'entier';
 * ```
 */
export type ParamKind = keyof ParamKinds;

/**
 * Un nombre borné : `min` (strictement dépassé avec `minExclu`) et `max` ; `auPlus` le borne par un
 * autre paramètre de la prestation, avec le code d'erreur qui le dit.
 *
 * @category Prestations
 * @example
 * ```ts
 * const b: NumberBounds = { min: 0, max: 100_000, auPlus: { parametre: 'postes', code: 'POSTES_LICENCE_SUPERIEURS' } };
 * ```
 */
export interface NumberBounds {
  /** La plus petite valeur admise. */
  readonly min: number;
  /** `true` : la valeur doit être strictement supérieure à `min`. */
  readonly minExclu?: boolean;
  /** La plus grande valeur admise. */
  readonly max: number;
  /** Un autre paramètre de la prestation qui borne celui-ci. */
  readonly auPlus?: {
    /** Le nom du paramètre qui le borne. */
    readonly parametre: string;
    /** Le code du problème qui le dit. */
    readonly code: IssueCode;
  };
}

/**
 * Ce que la déclaration d'un paramètre de chaque sorte porte, en plus de son libellé, de son unité
 * et de son aide.
 *
 * @category Prestations
 * @example
 * ```ts
 * const b: ParamBounds['durees'] = { max: 366, maxDuree: 366 };
 * ```
 */
export interface ParamBounds {
  /** Un entier borné. */
  readonly entier: NumberBounds;
  /** Un décimal borné. */
  readonly decimal: NumberBounds;
  /** Une liste de SIREN. */
  readonly sirens: {
    /** Le nombre de SIREN, au plus. */
    readonly max: number;
  };
  /** Une liste de durées. */
  readonly durees: {
    /** Le nombre d'entrées, au plus. */
    readonly max: number;
    /** Chaque durée, au plus (et strictement positive). */
    readonly maxDuree: number;
  };
}

/**
 * Ce que toute déclaration de paramètre porte : s'il est requis, son libellé, son unité et une aide,
 * en français (formulaires, tableurs, aide de la ligne de commande).
 *
 * @category Prestations
 * @example
 * ```ts
 * const c: ParamCommon = { requis: true, libelle: 'Accès à la plateforme', unite: 'accès', aide: "Nombre d'accès." };
 * ```
 */
export interface ParamCommon {
  /** `true` : le paramètre doit être donné. */
  readonly requis: boolean;
  /** Son libellé, en français. */
  readonly libelle: string;
  /** L'unité de sa valeur (`postes`, `jours`…). */
  readonly unite: string;
  /** Une aide, en une phrase. */
  readonly aide: string;
}

/**
 * La déclaration d'un paramètre de la sorte `K`.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: ParamDeclarationOf<'sirens'> = { type: 'sirens', requis: false, max: 500, libelle: 'SIREN facturés', unite: 'SIREN', aide: 'Les SIREN facturés.' };
 * ```
 */
export type ParamDeclarationOf<K extends ParamKind> = ParamCommon & {
  /** La sorte du paramètre. */
  readonly type: K;
} & ParamBounds[K];

/** La valeur refusée par une vérification rapide : zod dira pourquoi. */
export const REJECT: unique symbol = Symbol('à juger par zod');

/**
 * Comment une saisie en texte (une cellule de tableur, un champ de formulaire) se lit : un nombre
 * écrit à la française, ou une liste coupée à l'un des `separateurs` (la virgule étant celle des
 * décimales dans une liste de nombres), dont chaque élément est un SIREN ou un nombre.
 *
 * @category Prestations
 * @example
 * ```ts
 * const s: ParamInput = { forme: 'liste', separateurs: ';\n', element: 'nombre', consigne: 'Séparez-les par des points-virgules (0,5 ; 1).' };
 * ```
 */
export type ParamInput =
  | {
      /** Un nombre. */
      readonly forme: 'nombre';
      /** `true` : un nombre entier. */
      readonly entier: boolean;
    }
  | {
      /** Une liste. */
      readonly forme: 'liste';
      /** Les caractères qui séparent les éléments. */
      readonly separateurs: string;
      /** Ce qu'est chaque élément. */
      readonly element: 'siren' | 'nombre';
      /** La consigne de saisie, en une phrase. */
      readonly consigne: string;
    };

/**
 * Ce qu'est chaque sorte de paramètre pour un client (tableur, simulateur, formulaire) : ce qu'une
 * valeur doit être, en mots, et comment la lire d'une saisie en texte.
 *
 * @category Prestations
 * @example
 * ```ts
 * const info: ParamKindInfo = PARAM_KINDS.durees;
 * info.attendu;
 * //=> 'une liste de durées'
 * ```
 */
export interface ParamKindInfo {
  /** Ce qu'une valeur de cette sorte est, pour les messages (« un nombre », « une liste de SIREN »). */
  readonly attendu: string;
  /** Comment une saisie en texte se lit. */
  readonly saisie: ParamInput;
}

/**
 * Ce que le noyau fait de chaque sorte de paramètre : son schéma zod, sa vérification rapide, sa
 * borne en mots et, pour un nombre, sa plus petite valeur admise (l'exemple d'un message).
 *
 * @internal
 */
export interface ParamKindBehaviour<K extends ParamKind> extends ParamKindInfo {
  /** Le schéma zod d'une valeur présente : zod est le juge de toute entrée. */
  readonly schema: (p: ParamDeclarationOf<K>) => z.ZodMiniType;
  /**
   * La vérification rapide d'une valeur présente, préparée pour une déclaration : elle n'accepte que
   * ce qu'elle peut prouver valide et rend alors la même valeur que zod ; au moindre doute, `REJECT`.
   */
  readonly check: (p: ParamDeclarationOf<K>) => (value: unknown) => ParamKinds[K] | typeof REJECT;
  /** La borne en mots, unité comprise (« entier de 1 à 100 000 postes »). */
  readonly bornes: (p: ParamDeclarationOf<K>) => string;
  /** La plus petite valeur admise d'un nombre (un exemple à donner) ; absent pour une liste. */
  readonly exemple?: (p: ParamDeclarationOf<K>) => number;
  /** Le nom du paramètre qui borne celui-ci, et le code qui le dit, s'il y en a un. */
  readonly auPlus?: (p: ParamDeclarationOf<K>) => NumberBounds['auPlus'];
}

const SPACES = /\s/;

/**
 * La vérification rapide d'un SIREN : le SIREN sans espaces s'il est valide, sinon `REJECT`.
 *
 * @internal
 */
export function fastSiren(value: unknown): string | typeof REJECT {
  if (typeof value !== 'string' || value.length > 100) return REJECT;
  const siren = SPACES.test(value) ? normalizeSiren(value) : value;
  return isValidSiren(siren) ? siren : REJECT;
}

function sirensSchema(max: number): z.ZodMiniType {
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

function numberBounds(nom: string, p: NumberBounds & { readonly unite: string }): string {
  return `${nom} de ${p.minExclu ? 'plus de ' : ''}${formatNumber(p.min)} à ${formatNumber(p.max)} ${p.unite}`;
}

/**
 * Ce que fait chaque sorte de paramètre. C'est la seule table des sortes de paramètre.
 *
 * @internal
 */
export const PARAM_KIND_BEHAVIOURS: { readonly [K in ParamKind]: ParamKindBehaviour<K> } = {
  entier: {
    attendu: 'un nombre',
    saisie: { forme: 'nombre', entier: true },
    schema: (p) => z.int().check(p.minExclu ? z.gt(p.min) : z.minimum(p.min), z.maximum(p.max)),
    check: ({ min, max, minExclu }) => (value) =>
      typeof value === 'number' && Number.isSafeInteger(value) && (minExclu === true ? value > min : value >= min) && value <= max ? value : REJECT,
    bornes: (p) => numberBounds('entier', p),
    exemple: (p) => (p.minExclu ? p.min + 1 : p.min),
    auPlus: (p) => p.auPlus,
  },
  decimal: {
    attendu: 'un nombre',
    saisie: { forme: 'nombre', entier: false },
    schema: (p) => z.number().check(p.minExclu ? z.gt(p.min) : z.minimum(p.min), z.maximum(p.max)),
    check: ({ min, max, minExclu }) => (value) =>
      typeof value === 'number' && Number.isFinite(value) && (minExclu === true ? value > min : value >= min) && value <= max ? value : REJECT,
    bornes: (p) => numberBounds('nombre', p),
    exemple: (p) => (p.minExclu ? p.min + 1 : p.min),
    auPlus: (p) => p.auPlus,
  },
  sirens: {
    attendu: 'une liste de SIREN',
    saisie: { forme: 'liste', separateurs: ',;\n', element: 'siren', consigne: 'Séparez-les par des virgules.' },
    schema: (p) => sirensSchema(p.max),
    check: ({ max }) => (value) => {
      if (!Array.isArray(value) || value.length < 1 || value.length > max) return REJECT;
      // La liste lue (déjà une copie) est rendue telle quelle quand chaque SIREN y est écrit sans espace.
      let same = true;
      const out: string[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const s = fastSiren(value[i]);
        if (s === REJECT || out.indexOf(s) !== -1) return REJECT;
        out[i] = s;
        if (s !== value[i]) same = false;
      }
      return same ? value : out;
    },
    bornes: (p) => `de 1 à ${formatNumber(p.max)} SIREN, sans doublon`,
  },
  durees: {
    attendu: 'une liste de durées',
    saisie: { forme: 'liste', separateurs: ';\n', element: 'nombre', consigne: 'Séparez-les par des points-virgules (0,5 ; 1).' },
    schema: (p) => z.array(z.number().check(z.gt(0), z.maximum(p.maxDuree))).check(minLength(1), maxLength(p.max)),
    check: ({ max, maxDuree }) => (value) => {
      if (!Array.isArray(value) || value.length < 1 || value.length > max) return REJECT;
      for (const d of value) if (typeof d !== 'number' || !Number.isFinite(d) || d <= 0 || d > maxDuree) return REJECT;
      // La liste lue (déjà une copie) est rendue telle quelle.
      return value as number[];
    },
    bornes: (p) => `de 1 à ${formatNumber(p.max)} durées, chacune de plus de 0 à ${formatNumber(p.maxDuree)} ${p.unite}`,
  },
};

/**
 * Le comportement de la sorte d'une déclaration, vu pour cette déclaration (sans distinguer les sortes).
 *
 * @internal
 */
export function behaviourOf<K extends ParamKind>(p: ParamDeclarationOf<K>): ParamKindBehaviour<K> {
  return PARAM_KIND_BEHAVIOURS[p.type] as unknown as ParamKindBehaviour<K>;
}

/**
 * Les sortes de paramètre des prestations, en données gelées : ce qu'une valeur de chaque sorte
 * doit être, en mots, et comment la lire d'une saisie en texte (une cellule de tableur, un champ de
 * formulaire). Déduit de la seule table des sortes.
 *
 * @category Prestations
 * @example
 * ```ts
 * PARAM_KINDS.sirens.attendu;
 * //=> 'une liste de SIREN'
 * PARAM_KINDS.durees.saisie;
 * //=> { forme: 'liste', separateurs: ';\n', element: 'nombre', consigne: 'Séparez-les par des points-virgules (0,5 ; 1).' }
 * ```
 */
export const PARAM_KINDS: { readonly [K in ParamKind]: ParamKindInfo } = /* @__PURE__ */ (() => {
  const out: Record<string, ParamKindInfo> = {};
  for (const [kind, b] of Object.entries(PARAM_KIND_BEHAVIOURS)) {
    out[kind] = Object.freeze({ attendu: b.attendu, saisie: Object.freeze({ ...b.saisie }) });
  }
  return Object.freeze(out) as { readonly [K in ParamKind]: ParamKindInfo };
})();

/**
 * Un paramètre nombre (entier ou décimal) borné ; `auPlus` le borne par un autre paramètre.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p = prestationDeclaration('marchesPublics')?.parametres['acces'] as NumberParam;
 * p.min;
 * //=> 1
 * ```
 */
export type NumberParam = ParamDeclarationOf<'entier' | 'decimal'>;

/**
 * Une liste de SIREN, sans doublon : les SIREN facturés d'une prestation facturée par SIREN.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p = prestationDeclaration('packDemat')?.parametres['sirens'] as SirensParam;
 * p.type;
 * //=> 'sirens'
 * ```
 */
export type SirensParam = ParamDeclarationOf<'sirens'>;

/**
 * Une liste de durées (en jours, chacune strictement positive et au plus `maxDuree`) : une entrée
 * par intervention, chacune chiffrée à part.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p = prestationDeclaration('secretariatMairie')?.parametres['interventions'] as DureesParam;
 * p.type;
 * //=> 'durees'
 * ```
 */
export type DureesParam = ParamDeclarationOf<'durees'>;

/**
 * La déclaration d'un paramètre d'une prestation, de l'une des sortes de {@link ParamKinds}.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: ParamDeclaration = { type: 'entier', requis: true, min: 1, max: 50, libelle: 'Salles équipées', unite: 'salles', aide: 'Nombre de salles équipées.' };
 * ```
 */
export type ParamDeclaration = { [K in ParamKind]: ParamDeclarationOf<K> }[ParamKind];

/**
 * Les éléments d'une liste saisie en texte (une cellule de tableur, un champ de formulaire) : le texte
 * coupé à chacun des `separateurs` de sa saisie, chaque élément sans espaces autour, les éléments
 * vides écartés. Le client lit ensuite chaque élément selon `element` (un SIREN, un nombre).
 *
 * @category Prestations
 * @example
 * ```ts
 * splitListInput('0,5 ; 1;', { separateurs: ';\n' });
 * //=> ['0,5', '1']
 * ```
 */
export function splitListInput(text: string, saisie: { readonly separateurs: string }): string[] {
  textArgument('text', text);
  return readingArgument('saisie', saisie, () => splitListInputUnchecked(text, saisie));
}

function splitListInputUnchecked(text: string, saisie: { readonly separateurs: string }): string[] {
  const parts: string[] = [];
  let part = '';
  for (const ch of text) {
    if (saisie.separateurs.includes(ch)) {
      parts.push(part);
      part = '';
    } else part += ch;
  }
  parts.push(part);
  return parts.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * L'aide d'un paramètre, telle qu'un formulaire l'affiche : son aide, puis sa borne en mots pour un
 * nombre (« (entier de 1 à 100 000 postes) »), ou la consigne de saisie pour une liste.
 *
 * @category Prestations
 * @example
 * ```ts
 * paramHelp({ type: 'entier', requis: true, min: 1, max: 50, libelle: 'Salles équipées', unite: 'salles', aide: 'Nombre de salles équipées.' });
 * //=> 'Nombre de salles équipées. (entier de 1 à 50 salles)'
 * ```
 */
export function paramHelp(p: ParamDeclaration): string {
  return readingArgument('p', p, () => paramHelpUnchecked(p));
}

function paramHelpUnchecked(p: ParamDeclaration): string {
  const kind = behaviourOf(p);
  return kind.saisie.forme === 'liste' ? `${p.aide} ${kind.saisie.consigne}` : `${p.aide} (${kind.bornes(p)})`;
}

/**
 * La borne d'un paramètre en mots, unité comprise : « entier de 1 à 100 000 postes », « de 1 à 500
 * SIREN, sans doublon ».
 *
 * @category Prestations
 * @example
 * ```ts
 * paramBounds({ type: 'decimal', requis: false, min: 0, minExclu: true, max: 366, libelle: 'Jours', unite: 'jours', aide: 'Durée.' });
 * //=> 'nombre de plus de 0 à 366 jours'
 * ```
 */
export function paramBounds(p: ParamDeclaration): string {
  return readingArgument('p', p, () => paramBoundsUnchecked(p));
}

function paramBoundsUnchecked(p: ParamDeclaration): string {
  return behaviourOf(p).bornes(p);
}

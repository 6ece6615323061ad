import type { IssueCode } from '../core/codes.js';
import type { PlainWarningCode } from '../wording/issues.js';
import type { CollectiviteType, Path } from '../core/shapes.js';
import type { Measures } from '../models/define.js';
import type { Modele } from '../models/registry.js';
import { deepFreeze } from '../shared/freeze.js';

/**
 * Ce que toute déclaration de paramètre porte : s'il est requis, son libellé, son unité et une aide,
 * en français (formulaires, tableurs, aide de la ligne de commande).
 *
 * @category Prestations
 * @example
 * ```ts
 * const aide: ParamCommon['aide'] = prestationDeclaration('dpo')?.parametres['x']?.aide ?? '';
 * ```
 */
export interface ParamCommon {
  /** `true` : l'adhésion doit le donner. */
  readonly requis: boolean;
  /** Le libellé, en français. */
  readonly libelle: string;
  /** L'unité de la valeur (« postes », « jours »…). */
  readonly unite: string;
  /** Une phrase d'aide, en français. */
  readonly aide: string;
}

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
export interface NumberParam extends ParamCommon {
  /** Un nombre entier, ou décimal. */
  readonly type: 'entier' | 'decimal';
  /** La plus petite valeur admise. */
  readonly min: number;
  /** `true` : la valeur doit être strictement supérieure à `min`. */
  readonly minExclu?: boolean;
  /** La plus grande valeur admise. */
  readonly max: number;
  /** Au plus la valeur d'un autre paramètre (`parametre`), sinon le problème `code`. */
  readonly auPlus?: {
    /** Le paramètre qui borne celui-ci. */
    readonly parametre: string;
    /** Le code du problème quand la borne est dépassée. */
    readonly code: IssueCode;
  };
}

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
export interface SirensParam extends ParamCommon {
  /** Une liste de SIREN. */
  readonly type: 'sirens';
  /** Le nombre de SIREN, au plus. */
  readonly max: number;
}

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
export interface DureesParam extends ParamCommon {
  /** Une liste de durées, en jours. */
  readonly type: 'durees';
  /** Le nombre d'entrées, au plus. */
  readonly max: number;
  /** Chaque durée, au plus. */
  readonly maxDuree: number;
}

/**
 * La déclaration d'un paramètre d'une prestation : son type (`entier`, `decimal`, `sirens`,
 * `durees`), ses bornes, s'il est requis, son libellé, son unité et une aide, en français.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: ParamDeclaration | undefined = prestationDeclaration('marchesPublics')?.parametres['acces'];
 * p?.type;
 * //=> 'entier'
 * ```
 */
export type ParamDeclaration = NumberParam | SirensParam | DureesParam;

/**
 * Une prestation sans paramètre se coche avec `{}`.
 *
 * @category Devis
 * @example
 * ```ts
 * const dpo: SansParametre = {};
 * ```
 */
export type SansParametre = Record<string, never>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ValueOf<P> = P extends { readonly type: 'sirens' } ? readonly string[] : P extends { readonly type: 'durees' } ? readonly number[] : number;
type RequiredKeys<P> = { [K in keyof P]: P[K] extends { readonly requis: true } ? K : never }[keyof P];

/**
 * Le type des paramètres d'une prestation, déduit de leurs déclarations.
 *
 * @internal
 */
export type ParamsOf<P> = [keyof P] extends [never]
  ? SansParametre
  : Simplify<{ readonly [K in RequiredKeys<P>]: ValueOf<P[K]> } & { readonly [K in Exclude<keyof P, RequiredKeys<P>>]?: ValueOf<P[K]> | undefined }>;

/**
 * Ce qu'un module de prestation sait de la collectivité pour chiffrer : ses champs valides seulement.
 *
 * @internal
 */
export interface PricingContext {
  readonly collectivite: { readonly type?: CollectiviteType | undefined };
  /** Ajoute un avertissement, au chemin donné depuis la prestation ; son message est écrit à partir du code. */
  readonly warn: (code: PlainWarningCode, path: Path) => void;
  /** Note une composante due mais non chiffrée faute de la donnée au chemin donné : le total sera partiel. */
  readonly manque: (composante: string, path: Path) => void;
}

/**
 * Une demande de chiffrage : la composante, ses mesures par nom (quantité, quota ; la population
 * vient de la collectivité) et le chemin du paramètre qui la demande (depuis la prestation), pour
 * les messages.
 *
 * @internal
 */
export interface Demand<C extends string = string> {
  readonly composante: C;
  readonly mesures?: Measures;
  readonly path?: Path;
  /** Le rang de l'intervention et leur nombre, quand chacune est chiffrée à part. */
  readonly intervention?: { readonly rang: number; readonly sur: number };
}

/**
 * La déclaration d'une composante de prix : les modèles qu'elle peut prendre (une famille du
 * registre des modèles ; le premier est celui par défaut), le libellé de sa ligne de devis, et les
 * valeurs par défaut des champs de structure de ses modèles (unité, arrondi).
 *
 * @category Prestations
 * @example
 * ```ts
 * const c: ComposanteDeclaration | undefined = prestationDeclaration('secretariatMairie')?.composantes['journee'];
 * c?.ponctuelle;
 * //=> true
 * ```
 */
export interface ComposanteDeclaration {
  /** Les modèles de prix admis ; le premier est celui par défaut. */
  readonly modeles: readonly Modele[];
  /** Le libellé de la ligne de devis. */
  readonly libelle: string;
  /** `true` : une prestation ponctuelle, réalisée et facturée à l'acte ; sinon un abonnement annuel. */
  readonly ponctuelle?: true;
  /** Les valeurs par défaut des champs de structure de ses modèles (unité, arrondi). */
  readonly defauts?: Readonly<Record<string, unknown>>;
}

/**
 * La déclaration d'une prestation, en données simples et gelées, plus sa fonction de chiffrage :
 * identifiant, libellé, description, facturation par défaut, obligation, composantes (libellé et
 * modèles de prix admis),
 * paramètres (type, bornes, libellé, unité, aide). Tout le reste en est déduit : schémas zod du
 * catalogue et de l'adhésion, types des paramètres, `COMPOSANTES`, tableurs, ligne de commande.
 *
 * @category Prestations
 * @example
 * ```ts
 * const d: PrestationDeclaration | undefined = prestationDeclaration('packDemat');
 * d?.facturation;
 * //=> 'siren'
 * ```
 */
export interface PrestationDeclaration<
  Id extends string = string,
  Cs extends Readonly<Record<string, ComposanteDeclaration>> = Readonly<Record<string, ComposanteDeclaration>>,
  P extends Readonly<Record<string, ParamDeclaration>> = Readonly<Record<string, ParamDeclaration>>,
  O extends 'toujours' | 'siParcTransfere' | 'non' = 'toujours' | 'siParcTransfere' | 'non',
> {
  /** L'identifiant de la prestation. */
  readonly id: Id;
  /** Le libellé, en français. */
  readonly libelle: string;
  /** Ce qu'est la prestation, en une ou deux phrases. */
  readonly description: string;
  /** Par défaut ; le catalogue de l'année décide (`siren` : une ligne par SIREN facturé). */
  readonly facturation: 'adherent' | 'siren';
  /** `toujours` : obligatoire ; `siParcTransfere` : incluse d'office si le parc est transféré. */
  readonly obligatoire: O;
  /** Les composantes de prix, par identifiant, dans l'ordre des lignes du devis. */
  readonly composantes: Cs;
  /** Les paramètres que l'adhésion donne, par nom. */
  readonly parametres: P;
  /** Des paramètres dont un, et un seul, doit être donné (`jours` ou `interventions`). */
  readonly unParmi?: readonly string[];
  /** Ce que la prestation demande de chiffrer, pour des paramètres valides. */
  readonly chiffrer: (params: ParamsOf<P>, ctx: PricingContext) => readonly Demand<keyof Cs & string>[];
}

/**
 * Déclare une prestation : vérifie la déclaration au typage et la gèle.
 *
 * @internal
 */
export function definePrestation<
  const Id extends string,
  const Cs extends Readonly<Record<string, ComposanteDeclaration>>,
  const P extends Readonly<Record<string, ParamDeclaration>>,
  const O extends 'toujours' | 'siParcTransfere' | 'non',
>(declaration: PrestationDeclaration<Id, Cs, P, O>): PrestationDeclaration<Id, Cs, P, O> {
  return deepFreeze(declaration);
}

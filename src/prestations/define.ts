import type { IssueCode, WarningCode } from '../core/codes.js';
import type { CollectiviteType, Modele, Path } from '../core/shapes.js';
import { deepFreeze } from '../shared/freeze.js';

/**
 * Ce que toute déclaration de paramètre porte : s'il est requis, son libellé, son unité et une aide,
 * en français (formulaires, tableurs, aide de la ligne de commande).
 *
 * @internal
 */
export interface ParamCommon {
  readonly requis: boolean;
  readonly libelle: string;
  readonly unite: string;
  readonly aide: string;
}

/**
 * Un paramètre nombre (entier ou décimal) borné ; `auPlus` le borne par un autre paramètre.
 *
 * @internal
 */
export interface NumberParam extends ParamCommon {
  readonly type: 'entier' | 'decimal';
  readonly min: number;
  /** `true` : la valeur doit être strictement supérieure à `min`. */
  readonly minExclu?: boolean;
  readonly max: number;
  readonly auPlus?: { readonly parametre: string; readonly code: IssueCode; readonly message: string };
}

/**
 * Une liste de SIREN, sans doublon : les SIREN facturés d'une prestation facturée par SIREN.
 *
 * @internal
 */
export interface SirensParam extends ParamCommon {
  readonly type: 'sirens';
  readonly max: number;
}

/**
 * La déclaration d'un paramètre d'une prestation.
 *
 * @internal
 */
export type ParamDeclaration = NumberParam | SirensParam;

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
type ValueOf<P> = P extends { readonly type: 'sirens' } ? readonly string[] : number;
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
  /** Ajoute un avertissement, au chemin donné depuis la prestation. */
  readonly warn: (code: WarningCode, path: Path, message: string) => void;
}

/**
 * Une demande de chiffrage : la composante, ce qu'elle mesure (unités, quota) et le chemin du
 * paramètre qui la demande (depuis la prestation), pour les messages.
 *
 * @internal
 */
export interface Demand<C extends string = string> {
  readonly composante: C;
  readonly unites?: number;
  readonly quotaGo?: number;
  readonly path?: Path;
}

/**
 * La déclaration d'une prestation, en données simples et gelées, plus sa fonction de chiffrage :
 * identifiant, libellé, facturation par défaut, obligation, composantes et leur modèle de prix,
 * paramètres (type, bornes, libellé, unité, aide). Tout le reste en est déduit : schémas zod du
 * catalogue et de l'adhésion, types des paramètres, `COMPOSANTES`, tableurs, ligne de commande.
 *
 * @internal
 */
export interface PrestationDeclaration<
  Id extends string = string,
  Cs extends Readonly<Record<string, { readonly modele: Modele }>> = Readonly<Record<string, { readonly modele: Modele }>>,
  P extends Readonly<Record<string, ParamDeclaration>> = Readonly<Record<string, ParamDeclaration>>,
  O extends 'toujours' | 'siParcTransfere' | 'non' = 'toujours' | 'siParcTransfere' | 'non',
> {
  readonly id: Id;
  readonly libelle: string;
  /** Par défaut ; le catalogue de l'année décide (`siren` : une ligne par SIREN facturé). */
  readonly facturation: 'adherent' | 'siren';
  /** `toujours` : obligatoire ; `siParcTransfere` : incluse d'office si le parc est transféré. */
  readonly obligatoire: O;
  readonly composantes: Cs;
  readonly parametres: P;
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
  const Cs extends Readonly<Record<string, { readonly modele: Modele }>>,
  const P extends Readonly<Record<string, ParamDeclaration>>,
  const O extends 'toujours' | 'siParcTransfere' | 'non',
>(declaration: PrestationDeclaration<Id, Cs, P, O>): PrestationDeclaration<Id, Cs, P, O> {
  return deepFreeze(declaration);
}

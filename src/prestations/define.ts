import type { PlainWarningCode } from '../wording/issues.js';
import type { CollectiviteType, Path } from '../core/shapes.js';
import type { Measures } from '../models/define.js';
import { deepFreeze } from '../shared/freeze.js';
import type { ParamDeclaration, ParamKind, ParamKinds } from './param-kinds.js';

export type { DureesParam, NumberParam, ParamCommon, ParamDeclaration, SirensParam } from './param-kinds.js';

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
type ValueOf<P> = P extends { readonly type: infer K extends ParamKind } ? ParamKinds[K] : never;
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
  /** Les noms des modèles de prix admis (une famille du registre) ; le premier est celui par défaut. */
  readonly modeles: readonly string[];
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
  chiffrer(params: ParamsOf<P>, ctx: PricingContext): readonly Demand<keyof Cs & string>[];
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

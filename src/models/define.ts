import type { Calcul, ComposanteCommune, Path } from '../core/shapes.js';
import type { Dec } from '../money/decimal.js';
import { deepFreeze } from '../shared/freeze.js';
import type { Push } from './bands.js';
import type { FieldKinds, FieldDeclaration } from './fields.js';

/**
 * Ce qu'un modèle de prix peut lire pour chiffrer, par nom : la quantité demandée (postes, accès,
 * journées…), la population de la collectivité, le quota de sauvegarde retenu.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const mesures: readonly MeasureName[] = modelDeclaration('parHabitant')?.mesures ?? [];
 * //=> ['population']
 * ```
 */
export type MeasureName = 'quantite' | 'population' | 'quotaGo';

/**
 * Les mesures d'une demande de chiffrage, par nom.
 *
 * @internal
 */
export type Measures = { readonly [K in MeasureName]?: number | undefined };

/**
 * Les champs d'un modèle, par nom.
 *
 * @internal
 */
export type Fields = Readonly<Record<string, FieldDeclaration>>;

type FieldType<S extends FieldDeclaration> = FieldKinds[S['kind']] | (S extends { readonly nullable: true } ? null : never);
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends { readonly optional: true } ? K : never }[keyof F];

/**
 * Le tarif d'un modèle, déduit de ses champs : un montant non publié vaut `null`.
 *
 * @internal
 */
export type TarifOf<F extends Fields> = Simplify<
  { readonly [K in Exclude<keyof F, OptionalKeys<F>>]: FieldType<F[K]> } & { readonly [K in OptionalKeys<F>]?: FieldType<F[K]> | undefined }
>;

/**
 * Un tarif dont tous les montants sont connus : celui qu'un modèle chiffre.
 *
 * @internal
 */
export type KnownTarif<F extends Fields> = { readonly [K in keyof TarifOf<F>]: Exclude<TarifOf<F>[K], null> };

/**
 * Le résultat d'un modèle : quantité, unité, prix unitaire, montant arrondi au centime (au demi
 * supérieur) et le calcul en données. Aucune phrase : la couche de rédaction les écrit.
 *
 * @internal
 */
export interface Chiffrage {
  readonly quantite: Dec;
  /** L'unité de la quantité, accordée. */
  readonly unite: string;
  readonly prixUnitaire: Dec;
  readonly montant: Dec;
  readonly calcul: Calcul;
}

/**
 * Pourquoi un tarif complet ne peut pas chiffrer des mesures données (un catalogue validé couvre
 * toutes les valeurs : `palier` et `strate` restent une défense ; `quota` vient de l'adhésion).
 *
 * @internal
 */
export type ModelProblem =
  | { readonly kind: 'quota'; readonly quotaGo: number; readonly quotasGo: readonly number[] }
  | { readonly kind: 'strate'; readonly population: number; readonly strates: readonly { readonly de: number; readonly a: number | null }[] }
  | { readonly kind: 'palier'; readonly unites: number };

/**
 * La déclaration d'un modèle de prix, en données simples et gelées : son nom, son libellé, ses
 * champs (sorte, libellé, montant publiable ou non, facultatif) et les mesures qu'il lit. Ce que
 * lit un programme qui écrit ou lit des tarifs (un tableur, un formulaire) sans chiffrer lui-même.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const m: ModelDeclaration | undefined = modelDeclaration('unitaire');
 * Object.keys(m?.champs ?? {});
 * //=> ['unite', 'prixUnitaire', 'arrondiQuantite']
 * ```
 */
export interface ModelDeclaration {
  /** Le nom du modèle (`parHabitant`). */
  readonly nom: string;
  /** Le nom du modèle en français (`prix par habitant`). */
  readonly libelle: string;
  /** Les champs d'un tarif de ce modèle, par nom. */
  readonly champs: Readonly<Record<string, FieldDeclaration>>;
  /** Ce que le modèle lit pour chiffrer. */
  readonly mesures: readonly MeasureName[];
}

/**
 * Un modèle de prix tel qu'on le déclare : sa déclaration en données ({@link ModelDeclaration}),
 * son chiffrage (un résultat en données), et au besoin une vérification de cohérence propre (seuils
 * où une unité de plus coûte moins) et une clé de mémoire. Tout le reste (schémas, complément,
 * révision, montants manquants, remarques, schémas JSON, affichage) en est déduit.
 *
 * @internal
 */
export interface PricingModel<N extends string = string, F extends Fields = Fields> extends ModelDeclaration {
  readonly nom: N;
  readonly champs: F;
  /** Chiffre un tarif dont tous les montants sont connus, pour des mesures présentes. */
  chiffrer(tarif: KnownTarif<F>, mesures: Readonly<Record<MeasureName, number>>): Chiffrage | ModelProblem;
  /** Les problèmes visibles avec les seules mesures présentes, quand une autre manque (tout dire en une fois). */
  controler?(tarif: KnownTarif<F>, mesures: Measures): readonly ModelProblem[];
  /** La clé sous laquelle un chiffrage se mémorise : ce qui le change parmi les mesures. */
  cle?(tarif: KnownTarif<F>, mesures: Readonly<Record<MeasureName, number>>): string | number;
  /** Vérifie la cohérence d'un tarif de forme valide (montants connus ou non). */
  verifier?(tarif: TarifOf<F>, path: Path, push: Push): void;
}


/**
 * Une composante de catalogue du modèle `M` : ce que toute composante porte, le nom du modèle et
 * ses champs.
 *
 * @internal
 */
export type ComposanteOf<M> = M extends PricingModel<infer N, infer F> ? Simplify<ComposanteCommune & { readonly modele: N } & TarifOf<F>> : never;

/**
 * Déclare un modèle de prix : vérifie la déclaration au typage et la gèle.
 *
 * @internal
 */
export function defineModel<const N extends string, const F extends Fields>(declaration: PricingModel<N, F>): PricingModel<N, F> {
  return deepFreeze(declaration);
}

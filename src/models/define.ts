import type { Calcul, ComposanteCommune, Path } from '../core/shapes.js';
import type { Dec } from '../money/decimal.js';
import { deepFreeze } from '../shared/freeze.js';
import type { Push } from './bands.js';
import type { FieldKinds, FieldSpec } from './fields.js';

/**
 * Ce qu'un modèle de prix peut lire pour chiffrer, par nom : la quantité demandée (postes, accès,
 * journées…), la population de la collectivité, le quota de sauvegarde retenu.
 *
 * @internal
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
export type Fields = Readonly<Record<string, FieldSpec>>;

type FieldType<S extends FieldSpec> = FieldKinds[S['kind']] | (S extends { readonly nullable: true } ? null : never);
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
 * La déclaration d'un modèle de prix : son nom, ses champs (sorte, libellé, montant publiable ou
 * non), les mesures qu'il lit, son chiffrage (un résultat en données), et au besoin une vérification
 * de cohérence propre (seuils où une unité de plus coûte moins) et une clé de mémoire. Tout le reste
 * (schémas, complément, révision, montants manquants, remarques, tableurs, schémas JSON, affichage)
 * en est déduit.
 *
 * @category Extension
 * @example
 * ```ts
 * const m: ModelDeclaration = REGISTRY.modeles[0]!;
 * m.mesures;
 * //=> []
 * ```
 */
export interface ModelDeclaration<N extends string = string, F extends Fields = Fields> {
  /** Le nom du modèle (`parHabitant`), qu'un catalogue écrit dans `modele`. */
  readonly nom: N;
  /** Le nom du modèle en français (`prix par habitant`). */
  readonly libelle: string;
  /** Ses champs : sorte, libellé, montant publiable (`nullable`) ou facultatif. */
  readonly champs: F;
  /** Ce qu'il lit pour chiffrer : `quantite`, `population`, `quotaGo`. */
  readonly mesures: readonly MeasureName[];
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
 * La déclaration d'un modèle de prix quelconque, quels que soient ses champs (ce qu'un registre liste).
 *
 * @category Extension
 * @example
 * ```ts
 * const m: AnyModelDeclaration = REGISTRY.modeles[0]!;
 * m.nom;
 * //=> 'forfait'
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- les champs d'un modèle quelconque : tout modèle déclaré s'y range.
export type AnyModelDeclaration = ModelDeclaration<string, any>;

/**
 * Une composante de catalogue du modèle `M` : ce que toute composante porte, le nom du modèle et
 * ses champs.
 *
 * @internal
 */
export type ComposanteOf<M> = M extends ModelDeclaration<infer N, infer F> ? Simplify<ComposanteCommune & { readonly modele: N } & TarifOf<F>> : never;

/**
 * Déclare un modèle de prix : vérifie la déclaration au typage et la gèle.
 *
 * @internal
 */
export function defineModel<const N extends string, const F extends Fields>(declaration: ModelDeclaration<N, F>): ModelDeclaration<N, F> {
  return deepFreeze(declaration);
}

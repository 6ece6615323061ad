import { deepFreeze } from '../shared/freeze.js';
import { coefficientParPalier } from './coefficient-par-palier.js';
import type { ComposanteOf, ModelDeclaration, PricingModel } from './define.js';
import { forfait } from './forfait.js';
import { forfaitParStrate } from './forfait-par-strate.js';
import { grilleStrates } from './grille-strates.js';
import { parHabitant } from './par-habitant.js';
import { unitaire } from './unitaire.js';

export type { ComposanteForfait } from './forfait.js';
export type { ComposanteUnitaire } from './unitaire.js';
export type { ComposanteCoefficientParPalier } from './coefficient-par-palier.js';
export type { ComposanteGrilleStrates } from './grille-strates.js';
export type { ComposanteParHabitant } from './par-habitant.js';
export type { ComposanteForfaitParStrate } from './forfait-par-strate.js';

/**
 * Les modèles de prix. C'est la seule liste des modèles : schémas, complément, révision,
 * vérifications, tableurs et affichage en sont déduits.
 *
 * @internal
 */
export const MODELS = /* @__PURE__ */ deepFreeze([forfait, unitaire, coefficientParPalier, grilleStrates, parHabitant, forfaitParStrate] as const);

/**
 * Un modèle quelconque du registre.
 *
 * @internal
 */
export type AnyModel = (typeof MODELS)[number];

/**
 * Le nom d'un modèle de prix.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const m: Modele = 'parHabitant';
 * ```
 */
export type Modele = AnyModel['nom'];

/**
 * Les noms des modèles de prix, dans l'ordre du registre.
 *
 * @category Catalogue
 * @example
 * ```ts
 * MODELES.includes('parHabitant');
 * //=> true
 * ```
 */
export const MODELES: readonly Modele[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ MODELS.map((m) => m.nom));

/**
 * Une composante de prix, selon l'un des modèles de prix.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: Composante = catalogue2026.prestations.secretariatMairie.composantes.journee;
 * c.modele;
 * //=> 'unitaire'
 * ```
 */
export type Composante = ComposanteOf<AnyModel>;

/**
 * La composante du modèle `M` : son type ne dépend que des champs de ce modèle.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteDuModele<'unitaire'> = catalogue2026.prestations.marchesPublics.composantes.acces;
 * ```
 */
export type ComposanteDuModele<M extends Modele> = Extract<
  Composante,
  {
    /** Le nom du modèle. */
    readonly modele: M;
  }
>;

/**
 * Les familles de modèles : les modèles qu'une composante peut prendre, le premier étant celui par
 * défaut. Une déclaration de prestation choisit une famille ; un catalogue, un fichier de tarifs ou
 * une révision choisit l'un de ses modèles par `modele`.
 *
 * - `forfaitFixe` : un montant fixe (facturé par SIREN, il ne peut dépendre de la population) ;
 * - `forfaitAdherent` : un montant annuel par adhérent, fixe ou selon sa population ;
 * - `parUnite` : un prix par unité demandée ;
 * - `bareme` : un prix par unité pondéré par palier ;
 * - `grille` : une grille strate de population × quota.
 *
 * @internal
 */
export const FAMILIES = /* @__PURE__ */ (() => deepFreeze({
  forfaitFixe: [forfait.nom],
  forfaitAdherent: [forfait.nom, parHabitant.nom, forfaitParStrate.nom],
  parUnite: [unitaire.nom],
  bareme: [coefficientParPalier.nom],
  grille: [grilleStrates.nom],
} as const))(); // Dans une fonction pure : lire forfait.nom… en argument empêcherait l'outil d'une application d'écarter FAMILIES inutilisé.

/**
 * Une famille de modèles.
 *
 * @internal
 */
export type Family = (typeof FAMILIES)[keyof typeof FAMILIES];

const BY_NAME = /* @__PURE__ */ new Map<string, PricingModel>(/* @__PURE__ */ MODELS.map((m) => [m.nom, m as unknown as PricingModel]));

/**
 * La déclaration d'un modèle par son nom, ou `undefined`.
 *
 * @internal
 */
export function modelOf(nom: unknown): PricingModel | undefined {
  return typeof nom === 'string' ? BY_NAME.get(nom) : undefined;
}

/**
 * La déclaration d'un modèle de prix par son nom (voir {@link MODELES}), en données simples et
 * gelées : son libellé, ses champs (sorte, libellé, montant publiable ou non, facultatif) et les
 * mesures qu'il lit ; `undefined` pour un nom inconnu. Ne lève jamais.
 *
 * @param nom - le nom du modèle (`parHabitant`)
 * @category Catalogue
 * @example
 * ```ts
 * modelDeclaration('parHabitant')?.mesures;
 * //=> ['population']
 * MODELES.flatMap((m) => Object.keys(modelDeclaration(m)?.champs ?? {}));
 * //=> ['montant', 'unite', 'prixUnitaire', 'arrondiQuantite', …]
 * modelDeclaration('inconnu');
 * //=> undefined
 * ```
 */
export function modelDeclaration(nom: unknown): ModelDeclaration | undefined {
  return modelOf(nom);
}

type AllFields = AnyModel['champs'];
type FieldName = AllFields extends infer F ? (F extends object ? keyof F & string : never) : never;
type KindOf<K extends string> = Extract<AllFields, Readonly<Record<K, { readonly kind: unknown }>>>[K]['kind'];

/**
 * Ce qu'un fichier de tarifs ou une révision peut dire d'une composante : au besoin un autre modèle
 * admis (`modele`), et des champs de modèle (`montant`, `prixUnitaire`, `paliers`, `grille`,
 * `prixParHabitant`, `plancher`, `plafond`, `strates`…), déduits du registre des modèles.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const dpo: ChampsDeTarif = { modele: 'parHabitant', prixParHabitant: '0.045', plancher: '50.00', plafond: '800.00' };
 * ```
 */
export type ChampsDeTarif = {
  /** Un autre modèle admis par la composante ; absent : celui qu'elle suit. */
  readonly modele?: Modele | undefined;
} & {
  readonly [K in FieldName]?: import('./fields.js').FieldKinds[KindOf<K> & keyof import('./fields.js').FieldKinds] | undefined;
};

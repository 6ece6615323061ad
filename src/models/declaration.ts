import type { FieldKind } from './fields.js';
import { modelOf, type Modele } from './registry.js';

/**
 * Un champ d'un modèle de prix, en données : sa sorte (`montant`, `prix`, `unite`, `arrondi`,
 * `paliers`, `grille`, `stratesForfait`) et son libellé.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const champ: ModelFieldDeclaration = { kind: 'prix', libelle: 'prix par habitant' };
 * ```
 */
export interface ModelFieldDeclaration {
  /** La sorte du champ. */
  readonly kind: FieldKind;
  /** Son libellé, en français. */
  readonly libelle: string;
  /** `true` : le champ vaut `null` tant que son montant n'est pas publié. */
  readonly nullable?: true | undefined;
  /** `true` : le champ peut être omis. */
  readonly optional?: true | undefined;
}

/**
 * Un modèle de prix, en données : son nom, son libellé et ses champs (dans l'ordre où un document
 * les écrit).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const m: PricingModelDeclaration = modelDeclaration('forfait');
 * ```
 */
export interface PricingModelDeclaration {
  /** Le nom du modèle (`parHabitant`). */
  readonly nom: Modele;
  /** Son libellé, en français (`prix par habitant`). */
  readonly libelle: string;
  /** Ses champs, par nom. */
  readonly champs: Readonly<Record<string, ModelFieldDeclaration>>;
}

/**
 * La déclaration d'un modèle de prix, en données gelées : son libellé et chacun de ses champs (sorte
 * et libellé). Un document qui écrit un catalogue en déduit comment écrire chaque composante, quel
 * que soit son modèle.
 *
 * @param modele - le nom du modèle (l'un de {@link MODELES})
 * @returns la déclaration du modèle
 * @category Catalogue
 * @example
 * ```ts
 * modelDeclaration('forfait').champs['montant']?.kind;
 * //=> 'montant'
 * ```
 */
export function modelDeclaration(modele: Modele): PricingModelDeclaration {
  return modelOf(modele) as unknown as PricingModelDeclaration;
}

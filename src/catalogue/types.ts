import type { Composante, ComposanteDuModele } from '../models/registry.js';
import type { ComposanteId, DeclarationOf, PrestationId } from '../prestations/registry.js';

/**
 * La composante `C` de la prestation `Id`, de l'un des modèles de prix que sa déclaration admet.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteDe<'maintenanceBase', 'postes'> = catalogue2026.prestations.maintenanceBase.composantes.postes;
 * c.paliers.length;
 * //=> 4
 * ```
 */
export type ComposanteDe<Id extends PrestationId, C extends ComposanteId<Id>> = Extract<
  Composante,
  {
    /** L'un des modèles de prix que la prestation admet pour cette composante. */
    readonly modele: ModelOf<DeclarationOf<Id>['composantes'], C>;
  }
>;

type ModelOf<Cs, C> = C extends keyof Cs ? (Cs[C] extends { readonly modeles: readonly (infer M)[] } ? M : never) : never;

/**
 * Les composantes de prix d'une prestation, par identifiant.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposantesDe<'marchesPublics'> = catalogue2026.prestations.marchesPublics.composantes;
 * ```
 */
export type ComposantesDe<Id extends PrestationId> = Id extends PrestationId ? { readonly [C in ComposanteId<Id>]: ComposanteDe<Id, C> } : never;

/**
 * Une prestation du catalogue.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const p: Prestation<'packDemat'> = catalogue2026.prestations.packDemat;
 * p.facturation;
 * //=> 'siren'
 * ```
 */
export interface Prestation<Id extends PrestationId = PrestationId, Cs = ComposantesDe<Id>> {
  /** L'identifiant de la prestation. */
  readonly id: Id;
  /** Le libellé, en français. */
  readonly libelle: string;
  /** Une description courte. */
  readonly description: string;
  /**
   * `adherent` : les lignes sont facturées au SIREN de la collectivité ; `siren` : une fois par SIREN
   * facturé (la liste de SIREN de la prestation, par défaut celui de la collectivité). C'est le
   * catalogue qui décide.
   */
  readonly facturation: 'adherent' | 'siren';
  /** `toujours` : obligatoire ; `siParcTransfere` : incluse d'office si le parc est transféré ; `non` : facultative. Fixé par la déclaration de la prestation. */
  readonly obligatoire: DeclarationOf<Id>['obligatoire'];
  /** Les composantes de prix, chacune donnant une ligne de devis. */
  readonly composantes: Cs;
}

/**
 * Les prestations d'un catalogue, par identifiant.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const p: PrestationsDuCatalogue = catalogue2026.prestations;
 * ```
 */
export type PrestationsDuCatalogue = { readonly [Id in PrestationId]: Prestation<Id> };

/**
 * Un catalogue annuel des prestations et de leurs tarifs (lecture seule).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: Catalogue = catalogue2026;
 * c.millesime;
 * //=> 2026
 * ```
 */
export interface Catalogue {
  /** L'année des tarifs. */
  readonly millesime: number;
  /** Le libellé, en français. */
  readonly libelle: string;
  /** La devise des montants. */
  readonly devise: 'EUR';
  /** Les prestations, par identifiant. */
  readonly prestations: PrestationsDuCatalogue;
}

/**
 * Les composantes de prix d'une prestation, chacune dans son modèle de prix par défaut (le premier
 * que sa déclaration admet) : celles d'un catalogue qui ne nomme aucun autre modèle, comme le
 * catalogue 2026 embarqué. Ce type ne change pas quand un modèle de prix s'ajoute à une famille.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: DefaultComposantes<'marchesPublics'> = catalogue2026.prestations.marchesPublics.composantes;
 * c.acces.arrondiQuantite;
 * //=> 'aucun'
 * ```
 */
export type DefaultComposantes<Id extends PrestationId> = Id extends PrestationId ? DefaultComposantesOf<DeclarationOf<Id>['composantes']> : never;

/**
 * Les composantes déclarées `Cs`, chacune dans son modèle par défaut : le premier de ses modèles
 * admis. Ajouter un modèle à la fin d'une famille ne le change pas.
 *
 * @internal
 */
export type DefaultComposantesOf<Cs> = {
  readonly [C in keyof Cs & string]: ComposanteDuModele<
    Cs[C] extends {
      /** Les modèles admis, le premier par défaut. */
      readonly modeles: readonly [infer M extends Composante['modele'], ...unknown[]];
    }
      ? M
      : never
  >;
};

/**
 * Le type du catalogue 2026 embarqué : celui de ses données, où chaque composante suit son modèle
 * de prix par défaut (un test vérifie que les données le disent). Un catalogue comme un autre
 * (il se passe partout où un {@link Catalogue} est attendu), mais dont chaque composante a un type
 * précis, qui ne s'élargit pas quand un modèle de prix s'ajoute à une famille.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: Catalogue2026 = catalogue2026;
 * const prix: string | null = c.prestations.secretariatMairie.composantes.journee.prixUnitaire;
 * ```
 */
export interface Catalogue2026 extends Catalogue {
  /** Les prestations, par identifiant, chaque composante dans son modèle par défaut. */
  readonly prestations: DefaultPrestations;
}

/**
 * Les prestations d'un catalogue dont chaque composante suit son modèle de prix par défaut (celles
 * du catalogue 2026 embarqué), par identifiant.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const p: DefaultPrestations = catalogue2026.prestations;
 * ```
 */
export type DefaultPrestations = { readonly [Id in PrestationId]: Prestation<Id, DefaultComposantes<Id>> };

import { deepFreeze } from '../shared/freeze.js';
import { FAMILIES, MODELS } from '../models/registry.js';
import { extend, makeRegistry, type Registry, type RegistryExtension } from './create-registry.js';
import { cabinetNumerique } from './cabinet-numerique.js';
import { comedec } from './comedec.js';
import type { ParamsOf, PrestationDeclaration } from './define.js';
import { dpo } from './dpo.js';
import { maintenanceBase } from './maintenance-base.js';
import { marchesPublics } from './marches-publics.js';
import { netEntreprises } from './net-entreprises.js';
import { packDemat } from './pack-demat.js';
import { saisineElectronique } from './saisine-electronique.js';
import { sauvegarde } from './sauvegarde.js';
import { secretariatMairie } from './secretariat-mairie.js';
import { readingArgument } from '../errors/arguments.js';


/**
 * Les déclarations des prestations, avec leurs types exacts : la seule liste des prestations.
 *
 * @internal
 */
export const DECLARATIONS = /* @__PURE__ */ deepFreeze([
  maintenanceBase,
  sauvegarde,
  netEntreprises,
  packDemat,
  saisineElectronique,
  marchesPublics,
  dpo,
  cabinetNumerique,
  comedec,
  secretariatMairie,
] as const);

/**
 * Les déclarations des prestations, dans l'ordre du catalogue (qui est l'ordre des lignes du
 * devis), en données gelées : identifiant, libellé, description, facturation par défaut, obligation,
 * composantes (libellé, modèles de prix admis) et paramètres (type, bornes, libellé, unité, aide).
 * C'est la seule liste des prestations : schémas, types, formulaires et tableurs en sont déduits.
 *
 * @category Prestations
 * @example
 * ```ts
 * const marches = PRESTATIONS.find((d) => d.id === 'marchesPublics')!;
 * marches.parametres['acces']?.libelle;
 * //=> 'Accès à la plateforme'
 * ```
 */
export const PRESTATIONS: readonly PrestationDeclaration[] = DECLARATIONS as readonly PrestationDeclaration[];

/**
 * La déclaration d'une prestation quelconque du registre.
 *
 * @internal
 */
export type AnyDeclaration = (typeof DECLARATIONS)[number];

/**
 * Identifiant d'une prestation.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const id: PrestationId = 'secretariatMairie';
 * ```
 */
// « & string » ne change rien au type (les identifiants sont des chaînes) : il garde son nom,
// que la documentation de l'API et les messages du compilateur affichent au lieu de dix chaînes.
export type PrestationId = AnyDeclaration['id'] & string;

/**
 * La déclaration de la prestation `Id`.
 *
 * @internal
 */
export type DeclarationOf<Id extends PrestationId> = Extract<AnyDeclaration, { readonly id: Id }>;

/**
 * Identifiant d'une composante de prix d'une prestation (`'postes'`, `'licenceBL'`, `'acces'`…).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteId<'marchesPublics'> = 'miseEnLigneAssistee';
 * ```
 */
export type ComposanteId<Id extends PrestationId = PrestationId> = Id extends PrestationId
  ? keyof DeclarationOf<Id>['composantes'] & string
  : never;

/**
 * Les paramètres de la prestation `Id`, tels qu'une adhésion les donne.
 *
 * @category Devis
 * @example
 * ```ts
 * const p: ParamsDe<'marchesPublics'> = { acces: 2, misesEnLigneAssistees: 1 };
 * ```
 */
export type ParamsDe<Id extends PrestationId> = ParamsOf<DeclarationOf<Id>['parametres']>;

/**
 * Les prestations obligatoires pour tout adhérent (la maintenance de base).
 *
 * @internal
 */
export type MandatoryId = Extract<AnyDeclaration, { readonly obligatoire: 'toujours' }>['id'];

const BY_ID = /* @__PURE__ */ new Map<string, AnyDeclaration>(/* @__PURE__ */ DECLARATIONS.map((d) => [d.id, d]));

/**
 * La déclaration d'une prestation par son identifiant, ou `undefined` si ce n'est pas l'identifiant
 * d'une prestation. Ne lève jamais.
 *
 * @category Prestations
 * @example
 * ```ts
 * prestationDeclaration('dpo')?.facturation;
 * //=> 'adherent'
 * prestationDeclaration('inconnue');
 * //=> undefined
 * ```
 */
export function prestationDeclaration(id: unknown): PrestationDeclaration | undefined {
  return typeof id === 'string' ? (BY_ID.get(id) as PrestationDeclaration | undefined) : undefined;
}

/**
 * Les identifiants des prestations, dans l'ordre du catalogue.
 *
 * @category Catalogue
 * @example
 * ```ts
 * PRESTATION_IDS[0];
 * //=> 'maintenanceBase'
 * ```
 */
export const PRESTATION_IDS: readonly PrestationId[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ DECLARATIONS.map((d) => d.id));

/**
 * Les composantes de prix de chaque prestation, dans l'ordre des lignes du devis. Déduit des
 * déclarations, gelé.
 *
 * @category Catalogue
 * @example
 * ```ts
 * COMPOSANTES.maintenanceBase;
 * //=> ['postes', 'licenceBL']
 * ```
 */
export const COMPOSANTES: { readonly [Id in PrestationId]: readonly ComposanteId<Id>[] } = /* @__PURE__ */ deepFreeze(
  /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ DECLARATIONS.map((d) => [d.id, Object.keys(d.composantes)])) as never,
);

/**
 * Paramètres de la maintenance de base, déduits de sa déclaration : `postes` (entier, au moins 1) et
 * `postesLicenceBL` (part 2, au plus `postes` ; facultatif).
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: MaintenanceBaseParams = { postes: 4, postesLicenceBL: 0 };
 * ```
 */
export type MaintenanceBaseParams = ParamsDe<'maintenanceBase'>;

/**
 * Paramètres de la sauvegarde des données, déduits de sa déclaration : `quotaGo`, l'un des quotas de la grille.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: SauvegardeParams = { quotaGo: 100 };
 * ```
 */
export type SauvegardeParams = ParamsDe<'sauvegarde'>;

/**
 * Paramètres du pack dématérialisation, déduits de sa déclaration : `sirens`, les SIREN facturés
 * (sans doublon ; par défaut celui de la collectivité).
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: PackDematParams = { sirens: ['200069060', '200 000 107'] }; // la CC des Vosges du Sud et un CCAS fictif
 * ```
 */
export type PackDematParams = ParamsDe<'packDemat'>;

/**
 * Paramètres de la plateforme des marchés publics, déduits de sa déclaration : `acces` (au moins 1)
 * et `misesEnLigneAssistees` (facultatif).
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: MarchesPublicsParams = { acces: 2, misesEnLigneAssistees: 1 };
 * ```
 */
export type MarchesPublicsParams = ParamsDe<'marchesPublics'>;

/**
 * Paramètres du secrétariat de mairie, déduits de sa déclaration : `jours`, la durée d'une
 * intervention (peut être fractionnaire : toute journée commencée est due), ou `interventions`, une
 * durée par intervention, chacune arrondie à la journée à part. L'un ou l'autre, pas les deux.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: SecretariatMairieParams = { jours: 2.5 };
 * const q: SecretariatMairieParams = { interventions: [0.5, 0.5] }; // deux journées dues
 * ```
 */
export type SecretariatMairieParams = ParamsDe<'secretariatMairie'>;

/**
 * Le registre intégré : les modèles de prix, leurs familles et les prestations de cette version de
 * la bibliothèque (`src/models/registry.ts`, `src/prestations/registry.ts`). C'est celui de
 * `catalogue2026` et de tout catalogue lu sans autre registre.
 *
 * @category Extension
 * @example
 * ```ts
 * REGISTRY.familles.forfaitAdherent;
 * //=> ['forfait', 'parHabitant', 'forfaitParStrate']
 * ```
 */
export const REGISTRY: Registry = /* @__PURE__ */ makeRegistry(MODELS, FAMILIES, PRESTATIONS);

/**
 * Un registre qui ajoute au registre intégré (ou à un autre) des modèles de prix, des modèles admis
 * par ses familles et des prestations. Ni le registre de départ ni aucun type public ne change : un
 * catalogue lu avec le nouveau registre (`parseCatalogue(valeur, { registry })`) le retient, et ses
 * devis, compléments, révisions, montants manquants et lots le suivent.
 *
 * @param extension - ce qui s'ajoute : `modeles`, `familles` (des modèles admis en plus par une famille), `prestations`
 * @param base - le registre de départ ; par défaut {@link REGISTRY}
 * @returns le nouveau registre, gelé
 * @throws {@link QuoteError} `ENTREE_INVALIDE` : un nom de modèle ou un identifiant de prestation déjà pris, une famille ou un modèle inconnu
 * @category Extension
 * @example
 * ```ts
 * const registre = extendRegistry({ prestations: [] });
 * const catalogue = parseCatalogue(JSON.parse(JSON.stringify(catalogue2026)), { registry: registre });
 * quote(adhesion, { catalogue });
 * ```
 */
export function extendRegistry(extension: RegistryExtension, base: Registry = REGISTRY): Registry {
  return readingArgument('extension', extension, () => extendRegistryUnchecked(extension, base));
}

function extendRegistryUnchecked(extension: RegistryExtension, base: Registry = REGISTRY): Registry {
  return extend(extension, base);
}

/**
 * Les composantes de prix de chaque prestation, dans l'ordre des lignes du devis.
 *
 * @category Catalogue
 * @example
 * ```ts
 * COMPOSANTES.maintenanceBase;
 * //=> ['postes', 'licenceBL']
 * ```
 */
export const COMPOSANTES = {
  /** Part 1 (postes maintenus) et part 2 (postes sous licence Berger Levrault). */
  maintenanceBase: ['postes', 'licenceBL'],
  /** La grille strate de population × quota. */
  sauvegarde: ['grille'],
  /** L'abonnement annuel. */
  netEntreprises: ['abonnement'],
  /** Le forfait par SIREN. */
  packDemat: ['parSiren'],
  /** L'abonnement annuel. */
  saisineElectronique: ['abonnement'],
  /** Les accès et les mises en ligne assistées. */
  marchesPublics: ['acces', 'miseEnLigneAssistee'],
  /** L'abonnement annuel. */
  dpo: ['abonnement'],
  /** L'abonnement annuel. */
  cabinetNumerique: ['abonnement'],
  /** Le raccordement. */
  comedec: ['raccordement'],
  /** La journée incompressible. */
  secretariatMairie: ['journee'],
} as const;

/**
 * Identifiant d'une prestation.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const id: PrestationId = 'secretariatMairie';
 * ```
 */
export type PrestationId = keyof typeof COMPOSANTES;

/**
 * Identifiant d'une composante de prix d'une prestation (`'postes'`, `'licenceBL'`, `'acces'`…).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteId<'marchesPublics'> = 'miseEnLigneAssistee';
 * ```
 */
export type ComposanteId<Id extends PrestationId = PrestationId> = (typeof COMPOSANTES)[Id][number];

/**
 * D'où vient un montant : publié par le syndicat, ou fourni en complément par l'appelant.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const s: Source = { origine: 'complement', reference: 'Délibération du comité syndical n° …' };
 * ```
 */
export interface Source {
  /** `publie` : la page du syndicat ; `complement` : un fichier de tarifs fourni par l'appelant. */
  readonly origine: 'publie' | 'complement';
  /** La page publiée, ou la référence donnée par le fichier de tarifs. */
  readonly reference: string;
}

/**
 * Le nom d'une unité, au singulier et au pluriel.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const u: Unite = { un: 'journée', plusieurs: 'journées' };
 * ```
 */
export interface Unite {
  /** Au singulier (en dessous de 2). */
  readonly un: string;
  /** Au pluriel. */
  readonly plusieurs: string;
}

/**
 * Ce que toute composante de prix porte, quel que soit son modèle.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteCommune = { libelle: 'DPO mutualisé', source: { origine: 'publie', reference: '…' } };
 * ```
 */
export interface ComposanteCommune {
  /** Le libellé de la ligne de devis. */
  readonly libelle: string;
  /** L'origine du montant (ou de la règle, si le montant n'est pas publié). */
  readonly source: Source;
  /** Une précision sur la règle ou sur ce qui n'est pas publié. */
  readonly note?: string | undefined;
}

/**
 * Modèle « forfait » : un montant fixe, une fois par adhérent (ou par SIREN).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteForfait = { modele: 'forfait', libelle: 'DPO mutualisé', montant: null, source };
 * ```
 */
export interface ComposanteForfait extends ComposanteCommune {
  /** Le modèle de prix. */
  readonly modele: 'forfait';
  /** Le montant, chaîne décimale ; `null` s'il n'est pas publié. */
  readonly montant: string | null;
}

/**
 * Modèle « prix unitaire » : prix × nombre d'unités.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteUnitaire = {
 *   modele: 'unitaire', libelle: 'Accès', unite: { un: 'accès', plusieurs: 'accès' },
 *   prixUnitaire: '50.00', arrondiQuantite: 'aucun', source,
 * };
 * ```
 */
export interface ComposanteUnitaire extends ComposanteCommune {
  /** Le modèle de prix. */
  readonly modele: 'unitaire';
  /** L'unité comptée. */
  readonly unite: Unite;
  /** Le prix d'une unité, chaîne décimale ; `null` s'il n'est pas publié. */
  readonly prixUnitaire: string | null;
  /** `entierSuperieur` : toute unité commencée est due entière (journée incompressible). */
  readonly arrondiQuantite: 'aucun' | 'entierSuperieur';
}

/**
 * Un palier d'un barème : de `de` à `a` unités, bornes comprises (`a: null` : sans limite).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const p: Palier = { de: 3, a: 5, coefficient: '0.9' };
 * ```
 */
export interface Palier {
  /** Première valeur comprise. */
  readonly de: number;
  /** Dernière valeur comprise ; `null` : sans limite. */
  readonly a: number | null;
  /** Le coefficient appliqué à toutes les unités quand ce palier est atteint, chaîne décimale. */
  readonly coefficient: string;
}

/**
 * Modèle « prix unitaire × coefficient par palier » : prix × (unités × coefficient du palier atteint).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c = catalogue2026.prestations.maintenanceBase.composantes.postes as ComposanteCoefficientParPalier;
 * c.paliers[1];
 * //=> { de: 3, a: 5, coefficient: '0.9' }
 * ```
 */
export interface ComposanteCoefficientParPalier extends ComposanteCommune {
  /** Le modèle de prix. */
  readonly modele: 'coefficientParPalier';
  /** L'unité comptée. */
  readonly unite: Unite;
  /** Le prix d'une unité, chaîne décimale ; `null` s'il n'est pas publié. */
  readonly prixUnitaire: string | null;
  /** Les paliers du barème, dans l'ordre. */
  readonly paliers: readonly Palier[];
}

/**
 * Une strate de population : de `de` à `a` habitants, bornes comprises (`a: null` : sans limite).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const s: Strate = { de: 0, a: 999 };
 * ```
 */
export interface Strate {
  /** Première valeur comprise. */
  readonly de: number;
  /** Dernière valeur comprise ; `null` : sans limite. */
  readonly a: number | null;
}

/**
 * Une grille strate de population × quota : `montants[i][j]` pour la strate `i` et le quota `j`.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const g: Grille = { strates: [{ de: 0, a: 999 }, { de: 1000, a: null }], quotasGo: [50], montants: [['80.00'], ['150.00']] };
 * ```
 */
export interface Grille {
  /** Les strates de population, dans l'ordre. */
  readonly strates: readonly Strate[];
  /** Les quotas proposés, en Go. */
  readonly quotasGo: readonly number[];
  /** Une ligne par strate, un montant (chaîne décimale) par quota. */
  readonly montants: readonly (readonly string[])[];
}

/**
 * Modèle « grille strate de population × quota ».
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteGrilleStrates = { modele: 'grilleStrates', libelle: 'Sauvegarde', grille: null, source };
 * ```
 */
export interface ComposanteGrilleStrates extends ComposanteCommune {
  /** Le modèle de prix. */
  readonly modele: 'grilleStrates';
  /** La grille ; `null` si elle n'est pas publiée. */
  readonly grille: Grille | null;
}

/**
 * Une composante de prix, selon l'un des quatre modèles partagés.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: Composante = catalogue2026.prestations.secretariatMairie.composantes.journee;
 * c.modele;
 * //=> 'unitaire'
 * ```
 */
export type Composante = ComposanteForfait | ComposanteUnitaire | ComposanteCoefficientParPalier | ComposanteGrilleStrates;

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
export interface Prestation<Id extends PrestationId = PrestationId> {
  /** L'identifiant de la prestation. */
  readonly id: Id;
  /** Le libellé, en français. */
  readonly libelle: string;
  /** Une description courte. */
  readonly description: string;
  /** `adherent` : une fois par adhérent ; `siren` : une fois par SIREN facturé. */
  readonly facturation: 'adherent' | 'siren';
  /** `toujours` : obligatoire ; `siParcTransfere` : incluse d'office si le parc est transféré ; `non` : facultative. */
  readonly obligatoire: 'toujours' | 'siParcTransfere' | 'non';
  /** Les composantes de prix, chacune donnant une ligne de devis. */
  readonly composantes: ComposantesDe<Id>;
}

/**
 * Les composantes de prix d'une prestation, par identifiant.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposantesDe<'marchesPublics'> = catalogue2026.prestations.marchesPublics.composantes;
 * ```
 */
export type ComposantesDe<Id extends PrestationId> = Id extends PrestationId ? { readonly [C in ComposanteId<Id>]: Composante } : never;

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
  /** Les dix prestations, par identifiant. */
  readonly prestations: PrestationsDuCatalogue;
}

/**
 * Les dix prestations d'un catalogue, par identifiant.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const p: PrestationsDuCatalogue = catalogue2026.prestations;
 * ```
 */
export interface PrestationsDuCatalogue {
  /** Maintenance de base des logiciels métier (Berger Levrault), obligatoire. */
  readonly maintenanceBase: Prestation<'maintenanceBase'>;
  /** Sauvegarde des données informatiques. */
  readonly sauvegarde: Prestation<'sauvegarde'>;
  /** Connecteur Net-Entreprises. */
  readonly netEntreprises: Prestation<'netEntreprises'>;
  /** Pack dématérialisation, facturé par SIREN. */
  readonly packDemat: Prestation<'packDemat'>;
  /** Saisine par voie électronique. */
  readonly saisineElectronique: Prestation<'saisineElectronique'>;
  /** Plateforme mutualisée des marchés publics. */
  readonly marchesPublics: Prestation<'marchesPublics'>;
  /** Délégué à la protection des données mutualisé. */
  readonly dpo: Prestation<'dpo'>;
  /** Cabinet numérique. */
  readonly cabinetNumerique: Prestation<'cabinetNumerique'>;
  /** Raccordement COMEDEC. */
  readonly comedec: Prestation<'comedec'>;
  /** Secrétariat de mairie. */
  readonly secretariatMairie: Prestation<'secretariatMairie'>;
}

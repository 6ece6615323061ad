/**
 * Les règles du fichier des paramètres comptables des titres de recettes, en données : sa lecture
 * ({@link safeParseParametres}) et son schéma JSON (`parametres-pes.schema.json`) en sont déduits.
 * Chaque champ dit où le syndicat trouve sa valeur (`aide`), repris par le schéma JSON.
 */
/**
 * Un champ du fichier : sa règle, s'il est obligatoire, et où le syndicat trouve sa valeur.
 *
 * @internal
 */
export type ParamRule = { readonly requis: boolean; readonly aide?: string } & (
  | { readonly kind: 'schema' }
  | { readonly kind: 'vrai' }
  | { readonly kind: 'texte'; readonly max: number }
  /** Un code écrit selon un motif : `pattern` (expression régulière, ancrée), `format` en mots, un `exemple`. */
  | { readonly kind: 'code'; readonly pattern: string; readonly format: string; readonly exemple: string }
  | { readonly kind: 'siret' }
  | { readonly kind: 'entier'; readonly minimum: number; readonly maximum: number }
  | { readonly kind: 'date' }
  /** Un modèle de texte : `{nom}` y est remplacé ; seuls les noms `admis` sont connus. */
  | { readonly kind: 'modele'; readonly max: number; readonly admis: readonly string[] }
  | { readonly kind: 'choix'; readonly valeurs: readonly string[] }
  | { readonly kind: 'objet'; readonly champs: Readonly<Record<string, ParamRule>> }
  /** Un objet dont chaque clé suit un motif, et chaque valeur une règle. */
  | { readonly kind: 'dictionnaire'; readonly cle: { readonly pattern: string; readonly format: string; readonly exemple: string }; readonly valeur: ParamRule }
);

/** Les mots qu'un modèle d'objet de titre peut citer. @internal */
export const MODELE_TITRE = ['exercice', 'debiteur'] as const;
/** Les mots qu'un modèle d'objet de ligne peut citer. @internal */
export const MODELE_LIGNE = ['exercice', 'prestation', 'libelle', 'adherent'] as const;

/**
 * Les catégories de tiers (`CatTiers`) qu'un débiteur peut recevoir des paramètres : celles du
 * schéma (`CommunPES.xsd`, TCatTiers), sauf 01 (personne physique : civilité et prénom exigés).
 *
 * @internal
 */
export const CATEGORIES_TIERS = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '50', '60', '61', '62', '63', '64', '65', '70', '71', '72', '73', '74'] as const;
/**
 * Les natures juridiques (`NatJur`) qu'un débiteur peut recevoir des paramètres : celles du schéma
 * (`CommunPES.xsd`, TNatJur), sauf 01 (particuliers).
 *
 * @internal
 */
export const NATURES_JURIDIQUES = ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11'] as const;

const IDENTIFIANT = { pattern: '^[A-Za-z][A-Za-z0-9_]*$', format: 'un identifiant (lettres, chiffres)', exemple: 'unePrestation' } as const;

/** L'imputation d'une ligne : son compte, son code produit local, sa fonction. */
const IMPUTATION: Readonly<Record<string, ParamRule>> = {
  nature: {
    kind: 'code',
    requis: true,
    pattern: '^(?!0+$)[0-9]{1,12}$',
    format: 'le compte par nature, de 1 à 12 chiffres',
    exemple: '70688',
    aide: 'Le compte de produit (zone PES « Nature ») : le plan de comptes du budget (nomenclature M57 ou M14), tel que le budget voté l’impute.',
  },
  codProdLoc: {
    kind: 'code',
    requis: true,
    pattern: '^(?!0+$)[0-9A-Za-z]{1,4}$',
    format: 'de 1 à 4 lettres ou chiffres',
    exemple: 'INF1',
    aide: 'Le code produit local (zone PES « CodProdLoc »), obligatoire sur chaque ligne : le paramétrage des produits du logiciel financier, associé dans Hélios à un code produit national (à voir avec le comptable).',
  },
  fonction: {
    kind: 'code',
    requis: false,
    pattern: '^[0-9]{1,10}$',
    format: 'de 1 à 10 chiffres',
    exemple: '020',
    aide: 'La fonction (zone PES « Fonction »), seulement pour un budget voté par fonction ou avec présentation croisée (M57, M14…) ; sinon omise.',
  },
};

/**
 * Les champs du fichier des paramètres comptables (et de son fichier JSON, `$schema` admis), dans
 * l'ordre où ils sont jugés.
 *
 * @internal
 */
export const PARAMETRES_PES: Readonly<Record<string, ParamRule>> = {
  $schema: { kind: 'schema', requis: false },
  posteComptable: {
    kind: 'code',
    requis: true,
    pattern: '^(02[AB][0-9]{3,4}|(?!0+$)[0-9]{6,7})$',
    format: 'le codique du poste, 6 ou 7 chiffres (ou 02A, 02B et 3 ou 4 chiffres)',
    exemple: '090000',
    aide: 'Le codique du poste comptable (service de gestion comptable) qui tient les comptes du syndicat (zone PES « IdPost ») : sur les courriers du comptable ou la convention de services comptables et financiers.',
  },
  libellePoste: { kind: 'texte', max: 38, requis: false, aide: 'Le libellé court du poste comptable (« LibellePoste »), facultatif.' },
  siret: {
    kind: 'siret',
    requis: true,
    aide: 'Le SIRET du syndicat (de son budget) qui émet les titres (zone PES « IdColl ») : l’avis de situation au répertoire SIRENE, ou l’en-tête des flux déjà envoyés.',
  },
  codCol: {
    kind: 'code',
    requis: true,
    pattern: '^(?!000$)[0-9]{3}$',
    format: '3 chiffres',
    exemple: '123',
    aide: 'Le code collectivité dans Hélios (« CodCol ») : donné par le comptable ; il figure dans le paramétrage PES du logiciel financier.',
  },
  codBud: {
    kind: 'code',
    requis: true,
    pattern: '^[0-9A-Z][0-9]$',
    format: '2 caractères : un chiffre ou une majuscule, puis un chiffre',
    exemple: '01',
    aide: 'Le code budget dans Hélios (« CodBud ») : budget principal ou annexe qui porte les recettes ; donné par le comptable, comme le code collectivité.',
  },
  libelleColBud: { kind: 'texte', max: 38, requis: false, aide: 'Le libellé du budget (« LibelleColBud »), facultatif.' },
  exercice: { kind: 'entier', minimum: 2000, maximum: 2999, requis: true, aide: 'L’exercice budgétaire des titres (« Exer ») : l’année du rôle.' },
  bordereau: {
    kind: 'entier',
    minimum: 1,
    maximum: 9_999_999,
    requis: true,
    aide: 'Le numéro du bordereau (« IdBord »), unique par exercice : le suivant de la série des bordereaux de titres dans le logiciel financier (Hélios rejette un numéro déjà connu).',
  },
  premierePiece: {
    kind: 'entier',
    minimum: 1,
    maximum: 99_999_999,
    requis: true,
    aide: 'Le numéro du premier titre (« IdPce ») ; les suivants se suivent : le prochain numéro de titre libre de l’exercice dans le logiciel financier.',
  },
  dateEmission: { kind: 'date', requis: true, aide: 'La date d’émission du bordereau et du flux (« DteBordEm », « DteStr »), AAAA-MM-JJ : le jour où l’ordonnateur le rend exécutoire.' },
  objets: {
    kind: 'objet',
    requis: true,
    aide: 'Les objets des titres et de leurs lignes, dans les mots du syndicat ; {exercice}, {debiteur}, {prestation}, {libelle}, {adherent} y sont remplacés.',
    champs: {
      abonnements: { kind: 'modele', max: 160, admis: MODELE_TITRE, requis: true, aide: 'L’objet du titre des abonnements annuels d’un débiteur (« ObjPce »).' },
      ponctuelles: { kind: 'modele', max: 160, admis: MODELE_TITRE, requis: true, aide: 'L’objet du titre des prestations ponctuelles d’un débiteur (« ObjPce »).' },
      ligne: { kind: 'modele', max: 160, admis: MODELE_LIGNE, requis: true, aide: 'L’objet de chaque ligne (« ObjLignePce »).' },
    },
  },
  imputations: {
    kind: 'dictionnaire',
    requis: true,
    aide: 'L’imputation de chaque prestation (par son identifiant), et au besoin de chacune de ses composantes : le budget voté et le paramétrage des produits du logiciel financier.',
    cle: IDENTIFIANT,
    valeur: {
      kind: 'objet',
      requis: true,
      champs: {
        ...IMPUTATION,
        composantes: {
          kind: 'dictionnaire',
          requis: false,
          aide: 'L’imputation d’une composante de la prestation, quand elle diffère de celle de la prestation.',
          cle: { ...IDENTIFIANT, exemple: 'uneComposante' },
          valeur: { kind: 'objet', requis: true, champs: IMPUTATION },
        },
      },
    },
  },
  categoriesTiers: {
    kind: 'dictionnaire',
    requis: false,
    aide: 'La catégorie de tiers et la nature juridique d’un débiteur de nature « autre », par son SIREN (grille catégorie / nature juridique des tiers de la DGFiP).',
    cle: { pattern: '^[0-9]{9}$', format: 'un SIREN, 9 chiffres', exemple: '200000107' },
    valeur: {
      kind: 'objet',
      requis: true,
      champs: {
        catTiers: { kind: 'choix', valeurs: CATEGORIES_TIERS, requis: true, aide: 'La catégorie du tiers (« CatTiers »).' },
        natJur: { kind: 'choix', valeurs: NATURES_JURIDIQUES, requis: true, aide: 'Sa nature juridique (« NatJur »).' },
      },
    },
  },
  exemple: { kind: 'vrai', requis: false, aide: '`true` : un fichier d’exemple, dont aucune valeur n’est celle du syndicat.' },
};

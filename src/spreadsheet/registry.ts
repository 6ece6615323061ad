import { PRESTATIONS, PRESTATION_IDS } from '@te90/tarifs';
import { argumentMeanings, describeMeaning, positionalCount, QUANTITY_ARGUMENTS } from './mapping.js';

/**
 * L'espace de noms des fonctions dans Excel (`=TETARIFS.TOTAL(…)`). Il ne doit pas être une adresse
 * de cellule : `TE90` en est une (colonne TE, ligne 90), et Excel lirait `=TE90.TOTAL` comme une
 * référence. Des lettres seules, plus de trois, ne sont jamais une adresse A1 (une à trois lettres,
 * jusqu'à XFD, suivies de chiffres) ni L1C1.
 *
 * @internal
 */
export const NAMESPACE = 'TETARIFS';

/**
 * Le préfixe des fonctions dans Google Sheets, qui n'a pas d'espace de noms (`=TE90_TOTAL(…)`) :
 * avec son « _ », ce n'est pas une adresse de cellule.
 *
 * @internal
 */
export const SHEETS_PREFIX = 'TE90';

/**
 * La longueur maximale d'une description dans les métadonnées Excel (`functions.json`) : la
 * limite des schémas de Microsoft, anciens compris.
 *
 * @internal
 */
export const MAX_DESCRIPTION = 128;

/**
 * Un paramètre d'une fonction personnalisée de tableur.
 *
 * @internal
 */
export interface CustomFunctionParameter {
  readonly name: string;
  readonly description: string;
  readonly type: 'any' | 'number' | 'string';
  readonly dimensionality: 'scalar' | 'matrix';
  readonly optional?: boolean;
  /** Exemple de plage ou de valeur, pour la documentation d'Apps Script. */
  readonly example: string;
  /** Une description plus complète, pour Apps Script, qui n'a pas la limite d'Excel. */
  readonly details?: string;
}

/**
 * Comment une fonction rend une erreur dans la feuille :
 * - `exception` : une erreur de cellule (`#ERROR!` dans Google Sheets, `#VALEUR!` dans Excel), le
 *   message dans la note ou l'info-bulle de la cellule, pour qu'une somme ne l'ignore pas (un
 *   devis refusé aussi : sa plage entière devient cette erreur) ;
 * - `lignes` : ligne par ligne (le message dans Google Sheets, une erreur `#VALEUR!` dans Excel) ;
 * - `table` : une erreur de cellule si tout est refusé (une seule cellule, son message), sinon
 *   cellule par cellule, comme `lignes`.
 *
 * @internal
 */
export type ErrorStyle = 'exception' | 'lignes' | 'table';

/**
 * Une fonction personnalisée : son nom dans le tableur (sans l'espace de noms), la fonction du
 * paquet qu'elle appelle, sa description, ses paramètres et son résultat. Les fichiers
 * d'installation d'Apps Script et d'Excel (glue, métadonnées, manifeste) sont produits à partir de
 * cette table, et d'elle seule.
 *
 * @internal
 */
export interface CustomFunctionSpec {
  readonly name: string;
  readonly target: 'devis' | 'total' | 'prestation' | 'tableau' | 'facturation';
  readonly description: string;
  readonly parameters: readonly CustomFunctionParameter[];
  readonly result: {
    readonly type: 'any' | 'number';
    readonly dimensionality: 'scalar' | 'matrix';
    readonly description: string;
    readonly errors: ErrorStyle;
  };
}

/**
 * Le nom d'une fonction dans Google Sheets : `TE90_TOTAL`.
 *
 * @internal
 */
export function sheetsName(f: CustomFunctionSpec): string {
  return `${SHEETS_PREFIX}_${f.name}`;
}

const TARIFS: CustomFunctionParameter = {
  name: 'tarifs',
  description: 'Facultatif : les montants non publiés, en deux colonnes « champ | valeur » (source, prestations.…) ; reconnue à ses champs.',
  details:
    'Facultatif : les montants non publiés, en deux colonnes « champ | valeur » (source, prestations.…). Elle se reconnaît à ses champs : elle peut venir juste après les arguments obligatoires, sans cases vides.',
  type: 'any',
  dimensionality: 'matrix',
  optional: true,
  example: 'D1:E12',
};

const PARTIEL: CustomFunctionParameter = {
  name: 'partiel',
  description: "Facultatif : VRAI pour rendre un total partiel avec ce qui manque à côté ; sinon un total partiel est une erreur.",
  details:
    "Facultatif : VRAI pour rendre un total partiel (une part non chiffrée faute d'une donnée), avec à côté ce qui manque ; sans lui, un total partiel est une erreur qui dit ce qui manque.",
  type: 'any',
  dimensionality: 'matrix',
  optional: true,
  example: 'VRAI',
};

const PLAGE: CustomFunctionParameter = {
  name: 'plage',
  description: "L'adhésion en deux colonnes « champ | valeur » : collectivite.nom, collectivite.siren, <prestation>.<paramètre>…",
  type: 'any',
  dimensionality: 'matrix',
  example: 'A1:B20',
};

const TABLE: CustomFunctionParameter = {
  name: 'tableau',
  description: "L'en-tête des champs (collectivite.nom, collectivite.siren, <prestation>.<paramètre>…), puis une ligne par adhérent.",
  type: 'any',
  dimensionality: 'matrix',
  example: 'A1:H50',
};

/** La plus longue des descriptions qui tient dans la limite d'Excel. */
function fitting(...candidates: string[]): string {
  const found = candidates.find((c) => c.length <= MAX_DESCRIPTION);
  if (found === undefined) throw new Error(`Description trop longue pour Excel (${MAX_DESCRIPTION} caractères au plus) : ${candidates[0]}`);
  return found;
}

/**
 * Les arguments de quantité de `PRESTATION` (`quantite`, `quantite2`) : leur sens dépend de la
 * prestation, et leur description, déduite des déclarations, le dit pour chaque prestation (la même
 * que la table de la documentation, voir `reference.ts`).
 */
function quantityParameters(): CustomFunctionParameter[] {
  if (positionalCount() !== QUANTITY_ARGUMENTS.length) {
    throw new Error(`La fonction prestation() prend ${QUANTITY_ARGUMENTS.length} quantités, les déclarations en demandent ${positionalCount()} : mettez-la à jour.`);
  }
  return QUANTITY_ARGUMENTS.map((name, i) => {
    const meanings = PRESTATIONS.flatMap((d) => {
      const m = argumentMeanings(d)[i];
      return m === undefined ? [] : [m];
    });
    const head = i === 0 ? 'La quantité (ou une plage de quantités), selon la prestation' : 'La seconde quantité, selon la prestation';
    const byName = [...new Set(meanings.map((m) => m.name))].map((n) => `${n} (${meanings.filter((m) => m.name === n).map((m) => m.id).join(', ')})`);
    return {
      name,
      description: fitting(`${head} : ${byName.join(', ')}.`, `${head} : ${[...new Set(meanings.map((m) => m.name))].join(', ')}.`),
      details: `Facultatif. ${head} : ${meanings.map((m) => `${m.id} : ${describeMeaning(m)}`).join(' ; ')}.`,
      type: 'any',
      dimensionality: 'matrix',
      optional: true,
      example: String(i + 1),
    };
  });
}

/**
 * Les fonctions personnalisées de tableur, dans l'ordre de la documentation.
 *
 * @internal
 */
export const CUSTOM_FUNCTIONS: readonly CustomFunctionSpec[] = [
  {
    name: 'DEVIS',
    target: 'devis',
    description: "Devis TE90 d'une adhésion : un en-tête puis une ligne par ligne de devis (montants en nombres), avec les remarques.",
    parameters: [PLAGE, TARIFS],
    result: {
      type: 'any',
      dimensionality: 'matrix',
      description: "Les lignes du devis avec leur en-tête, une ligne « non chiffré » par part qui manque, et les remarques pour l'adhérent (une erreur de cellule si l'adhésion est refusée).",
      errors: 'exception',
    },
  },
  {
    name: 'TOTAL',
    target: 'total',
    description: "Total du devis TE90 d'une adhésion, en euros ; une erreur s'il est partiel, sauf avec partiel VRAI.",
    parameters: [PLAGE, TARIFS, PARTIEL],
    result: {
      type: 'any',
      dimensionality: 'matrix',
      description: "Le total en euros (une erreur qui dit ce qui manque s'il est partiel) ; avec partiel VRAI, le total puis, à côté, ce qui manque.",
      errors: 'exception',
    },
  },
  {
    name: 'PRESTATION',
    target: 'prestation',
    description: "Montant TE90 d'une prestation seule, d'après ses quantités ; une plage de quantités donne une plage de montants.",
    parameters: [
      {
        name: 'prestation',
        description: fitting(`L'identifiant de la prestation : ${PRESTATION_IDS.join(', ')}.`, `L'identifiant de la prestation, entre guillemets (ex. "${PRESTATION_IDS[0]}").`),
        details: `L'identifiant de la prestation, entre guillemets (ou une plage d'identifiants) : ${PRESTATION_IDS.join(', ')}.`,
        type: 'any',
        dimensionality: 'matrix',
        example: JSON.stringify(PRESTATION_IDS[0]),
      },
      ...quantityParameters(),
      TARIFS,
    ],
    result: {
      type: 'any',
      dimensionality: 'matrix',
      description: 'Le montant en euros ; pour des plages, une plage de montants de même forme, chaque cellule son montant ou son erreur.',
      errors: 'exception',
    },
  },
  {
    name: 'TABLEAU',
    target: 'tableau',
    description: "Totaux TE90 d'un tableau d'adhésions (une ligne par adhérent), en un appel : « Total | Remarques » puis une ligne par adhérent.",
    parameters: [TABLE, TARIFS, PARTIEL],
    result: {
      type: 'any',
      dimensionality: 'matrix',
      description: "« Total | Remarques » en face de l'en-tête, puis pour chaque adhérent son total (ou son erreur) et les remarques pour lui.",
      errors: 'lignes',
    },
  },
  {
    name: 'FACTURATION',
    target: 'facturation',
    description: "Rôle de facturation TE90 d'un tableau d'adhésions : une ligne par ligne de facture, par SIREN débiteur.",
    parameters: [
      {
        ...TABLE,
        description: "L'en-tête des champs (collectivite.…, <prestation>.<paramètre>, destinataires.1.siren…), puis une ligne par adhérent.",
      },
      TARIFS,
    ],
    result: {
      type: 'any',
      dimensionality: 'matrix',
      description: "L'en-tête puis une ligne par ligne de facture ; Statut dit si elle est à facturer, Montant porte l'erreur sinon.",
      errors: 'table',
    },
  },
];

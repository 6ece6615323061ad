import type { PrestationDeclaration } from '../prestations/define.js';
import { PRESTATION_IDS, PRESTATIONS } from '../prestations/registry.js';
import { argumentNames } from './mapping.js';

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
}

/**
 * Une fonction personnalisée : son nom dans le tableur, la fonction du paquet qu'elle appelle,
 * sa description, ses paramètres et son résultat. Les glues Apps Script et Excel sont
 * produites à partir de cette table, et d'elle seule.
 *
 * @internal
 */
export interface CustomFunctionSpec {
  readonly name: string;
  readonly target: 'devis' | 'total' | 'prestation';
  readonly description: string;
  readonly parameters: readonly CustomFunctionParameter[];
  readonly result: { readonly type: 'any' | 'number'; readonly dimensionality: 'scalar' | 'matrix'; readonly description: string };
}

const TARIFS: CustomFunctionParameter = {
  name: 'tarifs',
  description:
    'Facultatif : les montants fournis par le syndicat, en deux colonnes « champ | valeur » (source, prestations.<prestation>.<composante>.<montant|prixUnitaire|grille>).',
  type: 'any',
  dimensionality: 'matrix',
  optional: true,
  example: 'D1:E12',
};

const PLAGE: CustomFunctionParameter = {
  name: 'plage',
  description:
    "L'adhésion, en deux colonnes « champ | valeur » : collectivite.nom, collectivite.siren, collectivite.type, collectivite.population, <prestation>.<paramètre>, <prestation> (oui/non)…",
  type: 'any',
  dimensionality: 'matrix',
  example: 'A1:B20',
};

/** Les prestations qui prennent des arguments, avec leurs noms : `maintenanceBase (postes ; postesLicenceBL)`. */
function withArguments(): string {
  return PRESTATIONS.flatMap((d) => {
    const names = argumentNames(d as PrestationDeclaration);
    return names.length === 0 ? [] : [`${d.id} (${names.join(' ; ')})`];
  }).join(', ');
}

/**
 * Les fonctions personnalisées de tableur, dans l'ordre de la documentation.
 *
 * @internal
 */
export const CUSTOM_FUNCTIONS: readonly CustomFunctionSpec[] = [
  {
    name: 'TE90_DEVIS',
    target: 'devis',
    description: "Devis TE90 d'une adhésion : une ligne d'en-tête puis une ligne par ligne de devis (montants en nombres).",
    parameters: [PLAGE, TARIFS],
    result: { type: 'any', dimensionality: 'matrix', description: "Les lignes du devis avec leur en-tête, ou un message d'erreur." },
  },
  {
    name: 'TE90_TOTAL',
    target: 'total',
    description: "Total du devis TE90 d'une adhésion, en euros.",
    parameters: [PLAGE, TARIFS],
    result: { type: 'any', dimensionality: 'scalar', description: "Le total en euros, ou un message d'erreur." },
  },
  {
    name: 'TE90_PRESTATION',
    target: 'prestation',
    description: `Montant TE90 d'une prestation seule : ${withArguments()} ; les autres sans paramètre.`,
    parameters: [
      { name: 'prestation', description: `L'identifiant de la prestation : ${PRESTATION_IDS.join(', ')}.`, type: 'string', dimensionality: 'scalar', example: JSON.stringify(PRESTATION_IDS[0]) },
      { name: 'a', description: 'Premier paramètre de la prestation (postes, quota en Go, accès, jours).', type: 'any', dimensionality: 'scalar', optional: true, example: '2' },
      { name: 'b', description: 'Second paramètre (postes sous licence, population, mises en ligne assistées).', type: 'any', dimensionality: 'scalar', optional: true, example: '1' },
      TARIFS,
    ],
    result: { type: 'any', dimensionality: 'scalar', description: "Le montant en euros, ou un message d'erreur." },
  },
];

/**
 * Les règles de l'émetteur d'un devis imprimable, en données.
 */

/**
 * Un texte imprimé sur le devis : rogné, non vide, borné ; un caractère de contrôle y est refusé
 * (sauf les fins de ligne d'une adresse, avec `lignes`).
 *
 * @internal
 */
export interface TextRule {
  readonly kind: 'texte';
  readonly max: number;
  readonly lignes?: true;
}

/**
 * Un champ de l'émetteur : sa règle, et s'il est obligatoire.
 *
 * @internal
 */
export type Rule = { readonly requis: boolean } & (
  | TextRule
  | { readonly kind: 'schema' }
  | { readonly kind: 'siret' }
  | { readonly kind: 'vrai' }
  | { readonly kind: 'objet'; readonly champs: Readonly<Record<string, Rule>> }
);

/**
 * Les champs de l'émetteur (et de son fichier JSON, `$schema` admis), dans l'ordre où ils sont
 * jugés : la lecture de l'émetteur et son schéma JSON en sont déduits.
 *
 * @internal
 */
export const EMETTEUR: Readonly<Record<string, Rule>> = {
  $schema: { kind: 'schema', requis: false },
  nom: { kind: 'texte', max: 200, requis: true },
  adresse: { kind: 'texte', max: 500, requis: true, lignes: true },
  siret: { kind: 'siret', requis: true },
  contact: { kind: 'texte', max: 300, requis: false },
  signataire: {
    kind: 'objet',
    requis: false,
    champs: { nom: { kind: 'texte', max: 200, requis: true }, qualite: { kind: 'texte', max: 200, requis: true } },
  },
  mentionFiscale: { kind: 'texte', max: 500, requis: false },
  exemple: { kind: 'vrai', requis: false },
};

/** Le schéma JSON d'un champ. */
function fieldSchema(rule: Rule): Record<string, unknown> {
  switch (rule.kind) {
    case 'texte':
      return { type: 'string', minLength: 1, maxLength: rule.max };
    case 'schema':
      return { type: 'string', maxLength: 500 };
    case 'siret':
      return { type: 'string', maxLength: 100 };
    case 'vrai':
      return { type: 'boolean', const: true };
    case 'objet':
      return objectSchema(rule.champs);
  }
}

function objectSchema(champs: Readonly<Record<string, Rule>>): Record<string, unknown> {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(champs).map(([name, rule]) => [name, fieldSchema(rule)])),
    required: Object.entries(champs)
      .filter(([, rule]) => rule.requis)
      .map(([name]) => name),
    additionalProperties: false,
  };
}

/**
 * Le schéma JSON d'un fichier d'émetteur (`emetteur.schema.json`), déduit des règles : un éditeur
 * vérifie un fichier qui le nomme dans sa clé `$schema`. La lecture de l'émetteur reste le juge.
 *
 * @internal
 */
export function emetteurJsonSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...objectSchema(EMETTEUR),
    title: "Émetteur d'un devis imprimable : le syndicat, tel qu'il se présente (@te90/tarifs)",
  };
}

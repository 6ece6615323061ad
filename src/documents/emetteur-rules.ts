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
  convention: { kind: 'texte', max: 500, requis: false },
  conditions: { kind: 'texte', max: 1000, requis: false },
  exemple: { kind: 'vrai', requis: false },
};

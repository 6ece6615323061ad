import * as z from 'zod/mini';
import { tarifsSchemas } from '../src/catalogue/complete.js';
import { revisionSchema } from '../src/catalogue/revise.js';
import { catalogueSchemas, DECIMAL_PATTERNS } from '../src/catalogue/schema.js';
import { adhesionSchema } from '../src/validation/adhesion.js';
import type { Registry } from '../src/prestations/create-registry.js';
import { REGISTRY } from '../src/prestations/registry.js';
import { EMETTEUR, type Rule } from '../src/documents/emetteur-rules.js';
import { PARAMETRES_PES, type ParamRule } from '../src/titres/parametres-rules.js';

const TITLES = {
  catalogue: "Catalogue annuel des prestations « à la carte » de Territoire d'énergie 90 (@te90/tarifs)",
  tarifs: 'Fichier de tarifs : montants non publiés fournis par le syndicat (@te90/tarifs)',
  adhesion: "Adhésion : la collectivité et les prestations cochées sur l'annexe 1 (@te90/tarifs)",
  revision: "Révision d'un catalogue : le nouveau millésime voté par le comité syndical (@te90/tarifs)",
} as const;

/**
 * Les schémas JSON des fichiers d'entrée (catalogue, tarifs, adhésion, révision), déduits des schémas
 * zod à la construction du paquet (`dist/schemas/*.schema.json`) : un éditeur vérifie un fichier qui
 * les nomme dans sa clé `$schema`. zod reste le juge : le schéma JSON n'en est qu'une aide. Le schéma
 * de l'émetteur est celui des documents (`src/documents/emetteur-rules.ts`). Ceux du registre intégré
 * par défaut, ou d'un autre registre (`extendRegistry`).
 *
 * @internal
 */
export function jsonSchemas(registry: Registry = REGISTRY): Record<keyof typeof TITLES, object> {
  const schemas = {
    catalogue: catalogueSchemas(registry).catalogue,
    tarifs: tarifsSchemas(registry).tarifsSchema,
    adhesion: adhesionSchema(registry),
    revision: revisionSchema(registry),
  };
  const out = {} as Record<keyof typeof TITLES, object>;
  for (const [name, schema] of Object.entries(schemas) as [keyof typeof TITLES, z.ZodMiniType][]) {
    const json = z.toJSONSchema(schema, {
      unrepresentable: 'any',
      override: (ctx) => {
        const pattern = DECIMAL_PATTERNS.get(ctx.zodSchema as object);
        if (pattern !== undefined) Object.assign(ctx.jsonSchema, { type: 'string', pattern });
      },
    }) as Record<string, unknown>;
    out[name] = { ...json, title: TITLES[name] };
  }
  return out;
}

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
 * Le schéma JSON d'un fichier d'émetteur (`emetteur.schema.json`), déduit des règles des documents :
 * un éditeur vérifie un fichier qui le nomme dans sa clé `$schema`. La lecture de l'émetteur reste le juge.
 */
export function emetteurJsonSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...objectSchema(EMETTEUR),
    title: "Émetteur d'un devis imprimable : le syndicat, tel qu'il se présente (@te90/tarifs)",
  };
}

/** Le schéma JSON d'un champ des paramètres des titres, avec ce que dit son aide. */
function parametreSchema(rule: ParamRule): Record<string, unknown> {
  const base = ((): Record<string, unknown> => {
    switch (rule.kind) {
      case 'modele':
        return { type: 'string', minLength: 1, maxLength: rule.max };
      case 'texte':
      case 'schema':
      case 'siret':
      case 'vrai':
        // Les sortes communes à l'émetteur : un seul schéma JSON pour chacune.
        return fieldSchema(rule);
      case 'code':
        return { type: 'string', pattern: rule.pattern, examples: [rule.exemple] };
      case 'entier':
        return { type: 'integer', minimum: rule.minimum, maximum: rule.maximum };
      case 'date':
        return { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
      case 'choix':
        return { type: 'string', enum: [...rule.valeurs] };
      case 'objet':
        return {
          type: 'object',
          properties: Object.fromEntries(Object.entries(rule.champs).map(([name, r]) => [name, parametreSchema(r)])),
          required: Object.entries(rule.champs)
            .filter(([, r]) => r.requis)
            .map(([name]) => name),
          additionalProperties: false,
        };
      case 'dictionnaire':
        return { type: 'object', propertyNames: { pattern: rule.cle.pattern }, additionalProperties: parametreSchema(rule.valeur) };
    }
  })();
  return rule.aide === undefined ? base : { description: rule.aide, ...base };
}

/**
 * Le schéma JSON du fichier des paramètres comptables des titres de recettes
 * (`parametres-pes.schema.json`), déduit des règles des titres : un éditeur vérifie un fichier qui
 * le nomme dans sa clé `$schema`. La lecture des paramètres reste le juge.
 */
export function parametresPesJsonSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...parametreSchema({ kind: 'objet', requis: true, champs: PARAMETRES_PES }),
    title: 'Paramètres comptables des titres de recettes (flux PES V2) du syndicat (@te90/tarifs)',
  };
}

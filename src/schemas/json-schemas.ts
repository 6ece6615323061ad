import * as z from 'zod/mini';
import { tarifsSchemas } from '../catalogue/complete.js';
import { revisionSchema } from '../catalogue/revise.js';
import { catalogueSchemas, DECIMAL_PATTERNS } from '../catalogue/schema.js';
import { adhesionSchema } from '../validation/adhesion.js';
import type { Registry } from '../prestations/create-registry.js';
import { REGISTRY } from '../prestations/registry.js';

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

import * as z from 'zod/mini';
import type { PrestationDeclaration } from '../prestations/define.js';
import { behaviourOf } from '../prestations/param-kinds.js';
import { makeIssue } from '../wording/issues.js';
import { fieldSchema } from './fields.js';

function build(declaration: PrestationDeclaration): z.ZodMiniType {
  const entries = Object.entries(declaration.parametres);
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [name, p] of entries) shape[name] = fieldSchema(p);
  const bounded = entries.flatMap(([name, p]) => {
    const rule = behaviourOf(p).auPlus?.(p);
    return rule ? [{ name, rule }] : [];
  });
  const object = z.strictObject(shape);
  const oneOf = declaration.unParmi;
  if (bounded.length === 0 && oneOf === undefined) return object;
  return object.check(
    z.superRefine((params, ctx) => {
      const values = params as Record<string, unknown>;
      if (oneOf !== undefined) {
        const given = oneOf.filter((name) => values[name] !== undefined);
        if (given.length === 0) {
          const issue = makeIssue('CHAMP_MANQUANT', [], { raison: 'unParmi', champs: oneOf });
          ctx.addIssue({ code: 'custom', path: [], input: params, params: { code: issue.code, params: issue.params }, message: issue.message });
        } else if (given.length > 1) {
          const issue = makeIssue('VALEUR_NON_ADMISE', [given[1]!], { raison: 'exclusifs', champs: given });
          ctx.addIssue({ code: 'custom', path: [given[1]!], input: params, params: { code: issue.code, params: issue.params }, message: issue.message });
        }
      }
      for (const { name, rule } of bounded) {
        const value = values[name];
        const limit = values[rule.parametre];
        const limitValid = shape[rule.parametre]?.safeParse(limit).success === true;
        if (typeof value === 'number' && typeof limit === 'number' && limitValid && value > limit) {
          // La règle est rédigée par la table des messages, d'après son code : valeur et limite en paramètres.
          const issue = makeIssue(rule.code, [name], { valeur: value, limite: limit } as never);
          ctx.addIssue({ code: 'custom', path: [name], input: value, params: { code: rule.code, params: issue.params }, message: issue.message });
        }
      }
    }),
  );
}

const BUILT = new Map<PrestationDeclaration, z.ZodMiniType>();

/**
 * Le schéma zod des paramètres d'une prestation, déduit de sa déclaration (construit une fois).
 *
 * @internal
 */
export function paramsSchema(declaration: PrestationDeclaration): z.ZodMiniType {
  let schema = BUILT.get(declaration);
  if (schema === undefined) BUILT.set(declaration, (schema = build(declaration)));
  return schema;
}

import * as z from 'zod/mini';
import type { NumberParam, ParamDeclaration, PrestationDeclaration } from '../prestations/define.js';
import { SirenSchema } from '../siren/schema.js';

function numberSchema(p: NumberParam) {
  const base = p.type === 'entier' ? z.int() : z.number();
  return base.check(p.minExclu ? z.gt(p.min) : z.minimum(p.min), z.maximum(p.max));
}

function sirensSchema(max: number) {
  return z.array(SirenSchema).check(
    z.minLength(1),
    z.maxLength(max),
    z.superRefine((sirens, ctx) => {
      const first = new Map<string, number>();
      sirens.forEach((siren, i) => {
        const seen = first.get(siren);
        if (seen === undefined) first.set(siren, i);
        else {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            input: siren,
            params: { code: 'SIREN_EN_DOUBLE' },
            message: `Le SIREN ${siren} figure déjà dans la liste (position ${seen}).`,
          });
        }
      });
    }),
  );
}

function paramSchema(p: ParamDeclaration): z.ZodMiniType {
  const schema = p.type === 'sirens' ? sirensSchema(p.max) : numberSchema(p);
  return p.requis ? schema : z.optional(schema);
}

function build(declaration: PrestationDeclaration): z.ZodMiniType {
  const entries = Object.entries(declaration.parametres);
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [name, p] of entries) shape[name] = paramSchema(p);
  const bounded = entries.flatMap(([name, p]) => (p.type !== 'sirens' && p.auPlus ? [{ name, rule: p.auPlus }] : []));
  const object = z.strictObject(shape);
  if (bounded.length === 0) return object;
  return object.check(
    z.superRefine((params, ctx) => {
      const values = params as Record<string, unknown>;
      for (const { name, rule } of bounded) {
        const value = values[name];
        const limit = values[rule.parametre];
        const limitValid = shape[rule.parametre]?.safeParse(limit).success === true;
        if (typeof value === 'number' && typeof limit === 'number' && limitValid && value > limit) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            input: value,
            params: { code: rule.code },
            message: rule.message.replace('{valeur}', String(value)).replace('{limite}', String(limit)),
          });
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

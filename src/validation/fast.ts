import type { Collectivite } from '../core/shapes.js';
import type { ParamDeclaration, PrestationDeclaration } from '../prestations/define.js';
import { PRESTATIONS } from '../prestations/registry.js';
import type { ValidAdhesion } from './adhesion.js';
import { COLLECTIVITE_DECLARATION, MILLESIME_DECLARATION } from './collectivite.js';
import { fastField, REJECT, type AnyField } from './fields.js';

const COLLECTIVITE = Object.entries(COLLECTIVITE_DECLARATION) as [keyof Collectivite, AnyField][];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Les champs d'un objet lu, dans l'ordre des déclarations (celui de la sortie de zod), ou `REJECT`. */
function fastObject(value: unknown, fields: readonly [string, AnyField][]): Record<string, unknown> | typeof REJECT {
  if (!isPlainObject(value)) return REJECT;
  let known = 0;
  const out: Record<string, unknown> = {};
  for (const [name, f] of fields) {
    const raw = value[name];
    if (raw !== undefined || Object.prototype.hasOwnProperty.call(value, name)) known++;
    const v = fastField(f, raw);
    if (v === REJECT) return REJECT;
    if (raw !== undefined) out[name] = v;
  }
  return Object.keys(value).length === known ? out : REJECT;
}

const PARAM_FIELDS = new Map<PrestationDeclaration, [string, ParamDeclaration][]>();

function fastParams(declaration: PrestationDeclaration, value: unknown): Record<string, unknown> | typeof REJECT {
  let fields = PARAM_FIELDS.get(declaration);
  if (fields === undefined) PARAM_FIELDS.set(declaration, (fields = Object.entries(declaration.parametres)));
  const out = fastObject(value, fields);
  if (out === REJECT) return REJECT;
  for (const [name, p] of fields) {
    if (p.type === 'sirens' || !p.auPlus) continue;
    const v = out[name];
    const limit = out[p.auPlus.parametre];
    if (typeof v === 'number' && typeof limit === 'number' && v > limit) return REJECT;
  }
  return out;
}

/**
 * La validation rapide d'une adhésion déjà lue, déduite des mêmes déclarations que les schémas zod :
 * elle n'accepte que ce qu'elle peut prouver valide et rend alors exactement la sortie de zod ; au
 * moindre doute, `undefined`, et zod juge la même entrée. Un test de propriété le vérifie.
 *
 * @internal
 */
export function fastAdhesion(value: unknown): ValidAdhesion | undefined {
  if (!isPlainObject(value)) return undefined;
  let known = 2;
  if (value['millesime'] !== undefined || Object.prototype.hasOwnProperty.call(value, 'millesime')) known++;
  const millesime = fastField(MILLESIME_DECLARATION, value['millesime']);
  if (millesime === REJECT) return undefined;
  const collectivite = fastObject(value['collectivite'], COLLECTIVITE);
  if (collectivite === REJECT) return undefined;
  const ticked = value['prestations'];
  if (!isPlainObject(ticked)) return undefined;
  const prestations: Record<string, Record<string, unknown> | undefined> = {};
  let ids = 0;
  for (const declaration of PRESTATIONS as readonly PrestationDeclaration[]) {
    const raw = ticked[declaration.id];
    if (raw === undefined) {
      if (Object.prototype.hasOwnProperty.call(ticked, declaration.id)) {
        ids++;
        prestations[declaration.id] = undefined;
      }
      continue;
    }
    ids++;
    const params = fastParams(declaration, raw);
    if (params === REJECT) return undefined;
    prestations[declaration.id] = params;
  }
  if (Object.keys(ticked).length !== ids) return undefined;
  if (Object.keys(value).length !== known || !Object.prototype.hasOwnProperty.call(value, 'collectivite') || !Object.prototype.hasOwnProperty.call(value, 'prestations')) {
    return undefined;
  }
  const out: { millesime?: number; collectivite: Collectivite; prestations: typeof prestations } = {
    collectivite: collectivite as unknown as Collectivite,
    prestations,
  };
  if (value['millesime'] !== undefined) return { millesime: millesime as number, ...out };
  return out;
}

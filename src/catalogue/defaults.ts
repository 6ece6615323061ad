import { modelIn, prestationIn, type Registry } from '../prestations/create-registry.js';
import { REGISTRY } from '../prestations/registry.js';
import type { ComposanteDeclaration } from '../prestations/define.js';
import { isRecord } from '../shared/is-record.js';
import type { Catalogue } from './types.js';

function own(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Une composante complétée par sa déclaration : modèle par défaut, libellé, valeurs par défaut de structure. */
function composanteWith(declared: ComposanteDeclaration, c: unknown, r: Registry): unknown {
  if (!isRecord(c)) return c;
  const modele = own(c, 'modele') ? c['modele'] : declared.modeles[0];
  const out: Record<string, unknown> = { modele, libelle: own(c, 'libelle') ? c['libelle'] : declared.libelle };
  const model = modelIn(r, modele);
  if (model !== undefined) {
    for (const field of Object.keys(model.champs)) {
      if (own(c, field)) out[field] = c[field];
      else if (declared.defauts !== undefined && own(declared.defauts, field)) out[field] = declared.defauts[field];
    }
  }
  for (const key of Object.keys(c)) if (!own(out, key)) out[key] = c[key];
  return out;
}

/**
 * Complète un catalogue (ou un brouillon : toute valeur est acceptée, rien n'est modifié en place)
 * par les déclarations des prestations : l'identifiant, le libellé, la description, la facturation
 * par défaut et l'obligation de chaque prestation ; le modèle de prix par défaut, le libellé et les
 * valeurs de structure (unité, arrondi) de chaque composante. Ce que le catalogue dit l'emporte ;
 * l'ordre des champs est celui des déclarations.
 *
 * @internal
 */
export function withDeclarations<T>(draft: T, r: Registry = REGISTRY): T extends { readonly prestations: unknown } ? Catalogue : unknown {
  if (!isRecord(draft) || !isRecord(draft['prestations'])) return draft as never;
  const prestations = draft['prestations'];
  const out: Record<string, unknown> = {};
  const ids = [...r.prestations.map((d) => d.id as string).filter((id) => own(prestations, id)), ...Object.keys(prestations)];
  for (const id of ids) {
    if (own(out, id)) continue;
    const p = prestations[id];
    const d = prestationIn(r, id);
    if (d === undefined || !isRecord(p)) {
      out[id] = p;
      continue;
    }
    const composantes = p['composantes'];
    let filled: unknown = composantes;
    if (isRecord(composantes)) {
      const c: Record<string, unknown> = {};
      for (const [cid, declared] of Object.entries(d.composantes)) if (own(composantes, cid)) c[cid] = composanteWith(declared, composantes[cid], r);
      for (const cid of Object.keys(composantes)) if (!own(c, cid)) c[cid] = composantes[cid];
      filled = c;
    }
    out[id] = {
      id: d.id,
      libelle: d.libelle,
      description: d.description,
      facturation: d.facturation,
      obligatoire: d.obligatoire,
      ...p,
      ...(own(p, 'composantes') ? { composantes: filled } : {}),
    };
  }
  return { ...draft, prestations: out } as never;
}

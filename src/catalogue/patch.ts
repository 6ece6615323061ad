import * as z from 'zod/mini';
import type { Path, QuoteIssue, Source } from '../core/shapes.js';
import type { PricingModel } from '../models/define.js';
import { carriesAmounts, FIELD_KINDS, type FieldDeclaration } from '../models/fields.js';
import { kit } from '../models/kit.js';
import type { Modele } from '../models/registry.js';
import { modelIn, type Registry } from '../prestations/create-registry.js';
import type { ComposanteDeclaration } from '../prestations/define.js';
import { makeIssue } from '../wording/issues.js';

/**
 * Ce qu'un fichier de tarifs ou une révision dit d'une composante : au besoin un autre modèle de prix
 * (`modele`), et des champs de son modèle.
 *
 * @internal
 */
export type Patch = Readonly<Record<string, unknown>> & { readonly modele?: string };

/**
 * Une composante en cours de modification (copie JSON d'une composante validée).
 *
 * @internal
 */
export type Mutable = Record<string, unknown> & { modele: Modele; libelle: string; source: Source; note?: string; remarque?: string };

/**
 * Le schéma de ce qu'un fichier de tarifs ou une révision peut dire d'une composante : `modele`, et
 * tout champ d'un modèle du registre, chacun de sa forme ; qu'un champ ou un modèle convienne à la
 * composante se vérifie ensuite, avec un message qui dit lesquels conviennent.
 *
 * @internal
 */
export function patchSchema(r: Registry): z.ZodMiniType {
  const shape: Record<string, z.ZodMiniType> = { modele: z.optional(z.enum(r.modeles.map((m) => m.nom) as unknown as [string, ...string[]])) };
  for (const model of r.modeles) {
    for (const [name, spec] of Object.entries(model.champs) as [string, FieldDeclaration][]) shape[name] ??= z.optional(FIELD_KINDS[spec.kind].schema(kit()));
  }
  return z.strictObject(shape);
}

/** Les montants publiables (`null` tant qu'ils ne sont pas publiés) d'un modèle. */
function publishable(model: PricingModel): string[] {
  return Object.entries(model.champs)
    .filter(([, spec]) => spec.nullable)
    .map(([name]) => name);
}

/** Aucun montant de la composante n'est publié : un fichier de tarifs peut tout en dire, modèle compris. */
function nothingPublished(c: Mutable, r: Registry): boolean {
  return publishable(modelIn(r, c.modele)!).every((name) => c[name] === null);
}

/**
 * Une composante refaite selon un autre modèle : son libellé, sa note, les valeurs de structure que
 * sa déclaration donne, puis les champs fournis.
 */
function remodel(c: Mutable, modele: Modele, declared: ComposanteDeclaration, patch: Patch, r: Registry): Mutable {
  const model = modelIn(r, modele)!;
  const out: Record<string, unknown> = { modele, libelle: c.libelle };
  for (const name of Object.keys(model.champs)) {
    if (patch[name] !== undefined) out[name] = patch[name];
    else if (declared.defauts?.[name] !== undefined) out[name] = declared.defauts[name];
  }
  out['source'] = c.source;
  if (c.note !== undefined) out['note'] = c.note;
  if (c.remarque !== undefined) out['remarque'] = c.remarque;
  return out as Mutable;
}

/**
 * Vérifie qu'un changement de modèle est admis, et rend le modèle visé (celui de la composante s'il
 * n'en change pas).
 */
function targetModel(c: Mutable, patch: Patch, declared: ComposanteDeclaration, path: Path, issues: QuoteIssue[], r: Registry): PricingModel | undefined {
  if (patch.modele === undefined || patch.modele === c.modele) return modelIn(r, c.modele)!;
  // Un nom qui n'est celui d'aucun modèle (« __proto__ », « xyz ») est refusé par le schéma, une fois.
  if (modelIn(r, patch.modele) === undefined) return undefined;
  if (!(declared.modeles as readonly string[]).includes(patch.modele)) {
    issues.push(makeIssue('VALEUR_NON_ADMISE', [...path, 'modele'], { raison: 'modeleNonAdmis', modele: patch.modele, admis: declared.modeles }));
    return undefined;
  }
  return modelIn(r, patch.modele)!;
}

/** Les champs fournis qui ne sont pas des champs du modèle visé. */
function foreignFields(
  model: PricingModel,
  patch: Patch,
  allowed: readonly string[],
  operation: 'complete' | 'revise',
  path: Path,
  issues: QuoteIssue[],
): boolean {
  let ok = true;
  for (const key of Object.keys(patch)) {
    if (key === 'modele' || patch[key] === undefined || allowed.includes(key)) continue;
    ok = false;
    issues.push(makeIssue('VALEUR_NON_ADMISE', [...path, key], { raison: 'champDuModele', modele: model.nom, attendus: allowed, recu: key, operation }));
  }
  return ok;
}

/**
 * Complète une composante par un fichier de tarifs : les montants qui valent `null` (jamais un
 * montant publié), ou, si aucun de ses montants n'est publié, un autre modèle admis avec ses champs.
 * Rend la composante complétée, ou `undefined` si rien n'a changé ou si un problème a été trouvé.
 *
 * @internal
 */
export function completeComposante(c: Mutable, patch: Patch, declared: ComposanteDeclaration, path: Path, issues: QuoteIssue[], r: Registry): Mutable | undefined {
  const before = issues.length;
  const model = targetModel(c, patch, declared, path, issues, r);
  if (model === undefined) return undefined;
  if (model.nom !== c.modele) {
    if (!nothingPublished(c, r)) {
      issues.push(makeIssue('TARIF_DEJA_PUBLIE', [...path, 'modele'], { champ: 'modele', valeur: c.modele }));
      return undefined;
    }
    if (!foreignFields(model, patch, Object.keys(model.champs), 'complete', path, issues)) return undefined;
    return remodel(c, model.nom as Modele, declared, patch, r);
  }
  const empty = nothingPublished(c, r);
  // Un montant facultatif (plancher, plafond) se fournit tant que rien n'est publié.
  const amounts = Object.entries(model.champs)
    .filter(([name, spec]) => carriesAmounts(spec) && (spec.nullable || (spec.optional && empty && c[name] === undefined)))
    .map(([name]) => name);
  if (!foreignFields(model, patch, amounts.length > 0 ? amounts : publishable(model), 'complete', path, issues)) return undefined;
  const out = { ...c };
  for (const name of amounts) {
    if (patch[name] === undefined) continue;
    if (c[name] !== null && c[name] !== undefined) {
      issues.push(makeIssue('TARIF_DEJA_PUBLIE', [...path, name], { champ: name, valeur: typeof c[name] === 'string' ? (c[name] as string) : null }));
    } else out[name] = patch[name];
  }
  return issues.length === before ? out : undefined;
}

/**
 * Révise une composante : les champs que la révision fixe (montants, paliers… ou un autre modèle
 * admis), puis l'indexation des montants connus qu'elle ne fixe pas. Rend la composante et si elle a
 * changé, et si l'un des montants changés est un montant d'exemple indexé.
 *
 * @internal
 */
export function reviseComposante(
  c: Mutable,
  patch: Patch | undefined,
  index: ((montant: string) => string) | undefined,
  declared: ComposanteDeclaration,
  path: Path,
  issues: QuoteIssue[],
  r: Registry,
): { composante: Mutable; changed: boolean; indexedExample: boolean } {
  const model = patch === undefined ? modelIn(r, c.modele)! : targetModel(c, patch, declared, path, issues, r);
  if (model === undefined || (patch !== undefined && !foreignFields(model, patch, Object.keys(model.champs), 'revise', path, issues))) {
    return { composante: c, changed: false, indexedExample: false };
  }
  if (patch !== undefined && model.nom !== c.modele) return { composante: remodel(c, model.nom as Modele, declared, patch, r), changed: true, indexedExample: false };
  const out: Mutable = { ...c };
  let changed = false;
  for (const [name, value] of Object.entries(patch ?? {})) {
    if (name === 'modele' || value === undefined) continue;
    out[name] = value;
    changed = true;
  }
  let indexedExample = false;
  if (index !== undefined) {
    for (const [name, spec] of Object.entries(model.champs)) {
      const mapAmounts = FIELD_KINDS[spec.kind].mapAmounts;
      if (mapAmounts === undefined || patch?.[name] !== undefined || out[name] === null || out[name] === undefined) continue;
      out[name] = mapAmounts(out[name] as never, index);
      changed = true;
      indexedExample = c.source.exemple === true;
    }
  }
  return { composante: out, changed, indexedExample };
}

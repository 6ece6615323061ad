import type { Calcul } from '../core/shapes.js';
import type { MeasureName, Measures, PricingModel, ModelProblem } from '../models/define.js';
import type { Composante } from '../models/registry.js';
import { modelIn, type Registry } from '../prestations/create-registry.js';
import { REGISTRY } from '../prestations/registry.js';
import { describeCalcul } from '../wording/terms.js';
import { deepFreeze } from '../shared/freeze.js';

/**
 * Une composante chiffrée, prête à devenir des lignes : quantité, unité, prix et montant en chaînes
 * décimales, et le calcul en données (gelé : partagé par toutes les lignes qui le portent).
 *
 * @internal
 */
export interface PricedComponent {
  readonly quantite: string;
  readonly unite: string;
  readonly prixUnitaire: string;
  readonly montantText: string;
  readonly calcul: Calcul;
  /** Le calcul écrit en français (`describeCalcul`), rédigé une fois pour toutes les lignes qui le portent. */
  readonly detail: string;
}

/**
 * Pourquoi une composante ne peut pas être chiffrée : un montant non publié (`null`), une mesure qui
 * manque ou n'est pas valide, ou ce que le modèle refuse. Le message et le chemin sont écrits par
 * l'appelant, qui sait où se trouve la composante (rien n'est alloué quand tout va bien).
 *
 * @internal
 */
export type Problem =
  | { readonly kind: 'tarif'; readonly field: string }
  | { readonly kind: 'mesure'; readonly mesure: MeasureName; readonly invalide: boolean }
  | ModelProblem;

/**
 * Les chiffrages déjà faits, par composante (objet gelé d'un catalogue validé), puis par ce que son
 * modèle lit (sa clé de mémoire).
 */
const MEMO = new WeakMap<Composante, PreparedComponent>();
const MEMO_LIMIT = 1024;

/**
 * Ce qu'une composante (objet gelé d'un catalogue validé) permet de savoir une fois pour toutes : son
 * modèle, ses montants non publiés, et ses chiffrages déjà faits, par clé de mémoire.
 */
export interface PreparedComponent {
  readonly model: PricingModel;
  readonly unpublished: readonly string[];
  readonly byKey: Map<string | number, PricedComponent>;
}

/**
 * Ce qu'une composante permet de savoir une fois pour toutes, préparé au premier usage et gardé sur
 * elle : le chiffreur d'un catalogue le retient, pour ne plus le chercher à chaque devis.
 *
 * @internal
 */
export function prepareComponent(c: Composante, r: Registry = REGISTRY): PreparedComponent {
  let p = MEMO.get(c);
  if (p === undefined) {
    const model = modelIn(r, c.modele)!;
    const tarif = c as unknown as Readonly<Record<string, unknown>>;
    const unpublished: string[] = [];
    for (const name in model.champs) if (tarif[name] === null) unpublished.push(name);
    MEMO.set(c, (p = { model, unpublished, byKey: new Map() }));
  }
  return p;
}

/** Un prix unitaire écrit avec au moins deux décimales (`50.00`, `0.045`). */
function priceText(d: { toFixed(n?: number): string; decimalPlaces(): number }): string {
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

/**
 * Chiffre une composante du catalogue selon son modèle de prix (l'adaptateur entre le catalogue et
 * le registre des modèles) : la ligne chiffrée (mémorisée), ou tous les problèmes qui l'empêchent.
 * Un montant non publié (`null`) n'est jamais deviné ; une mesure que le modèle lit doit être là.
 *
 * @param invalid - les mesures présentes mais pas valides (la population d'une collectivité refusée)
 * @internal
 */
export function priceComponent(c: Composante, mesures: Measures, invalid: ReadonlySet<MeasureName>, registry: Registry = REGISTRY): PricedComponent | Problem[] {
  return pricePrepared(prepareComponent(c, registry), c, mesures, invalid);
}

/**
 * Comme {@link priceComponent}, sur une composante déjà préparée ({@link prepareComponent}).
 *
 * @internal
 */
export function pricePrepared(prepared: PreparedComponent, c: Composante, mesures: Measures, invalid: ReadonlySet<MeasureName>): PricedComponent | Problem[] {
  const { model, unpublished, byKey } = prepared;
  const tarif = c as unknown as Readonly<Record<string, unknown>>;
  let problems: Problem[] | undefined;
  for (const name of unpublished) (problems ??= []).push({ kind: 'tarif', field: name });
  const unknown = problems !== undefined;
  const names = model.mesures;
  for (let i = 0; i < names.length; i++) {
    const m = names[i]!;
    if (invalid.size > 0 && invalid.has(m)) (problems ??= []).push({ kind: 'mesure', mesure: m, invalide: true });
    else if (mesures[m] === undefined) (problems ??= []).push({ kind: 'mesure', mesure: m, invalide: false });
  }
  if (problems !== undefined) {
    if (!unknown && model.controler) problems.push(...model.controler(tarif as never, mesures));
    return problems;
  }
  const known = mesures as Readonly<Record<MeasureName, number>>;
  const key = model.cle ? model.cle(tarif as never, known) : model.mesures.map((m) => known[m]).join('|');
  const memo = byKey.get(key);
  if (memo !== undefined) return memo;
  const r = model.chiffrer(tarif as never, known);
  if ('kind' in r) return [r];
  const done: PricedComponent = {
    quantite: r.quantite.toFixed(),
    unite: r.unite,
    prixUnitaire: priceText(r.prixUnitaire),
    montantText: r.montant.toFixed(2),
    // Gelé en profondeur : toutes les lignes qui le portent, de tous les devis, partagent ce calcul.
    calcul: deepFreeze(r.calcul),
    detail: describeCalcul(r.calcul),
  };
  if (byKey.size >= MEMO_LIMIT) byKey.clear();
  byKey.set(key, done);
  return done;
}

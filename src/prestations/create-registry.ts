/**
 * Un registre : les modèles de prix, leurs familles et les prestations qu'une copie de la
 * bibliothèque connaît, en données. Le registre intégré est celui de `src/models/registry.ts` et
 * `src/prestations/registry.ts` ; {@link extendRegistry} en fait un autre, qui leur ajoute des
 * modèles, des modèles à des familles et des prestations, sans toucher au registre intégré ni à ses
 * types. Un catalogue validé retient son registre : tout ce qui le lit (devis, complément, révision,
 * montants manquants, lots) suit ce registre.
 */
import type { Path } from '../core/shapes.js';
import { QuoteError } from '../errors/quote-error.js';
import type { ModelDeclaration, PricingModel } from '../models/define.js';
import { deepFreeze } from '../shared/freeze.js';
import { makeIssue } from '../wording/issues.js';
import type { ComposanteDeclaration, PrestationDeclaration } from './define.js';
import { PARAM_KIND_BEHAVIOURS } from './param-kinds.js';

/**
 * Un registre de modèles de prix et de prestations (lecture seule). Le registre intégré est
 * {@link REGISTRY} ; {@link extendRegistry} en fait un autre.
 *
 * @category Extension
 * @example
 * ```ts
 * const r: Registry = REGISTRY;
 * r.prestations.map((d) => d.id)[0];
 * //=> 'maintenanceBase'
 * ```
 */
export interface Registry {
  /** Les modèles de prix, dans l'ordre du registre (leurs déclarations en données ; leur chiffrage est celui de la bibliothèque). */
  readonly modeles: readonly ModelDeclaration[];
  /** Les familles de modèles, par nom : les modèles qu'une composante de la famille peut prendre, le premier par défaut. */
  readonly familles: Readonly<Record<string, readonly string[]>>;
  /** Les prestations, dans l'ordre des lignes du devis ; chaque composante admet les modèles de sa famille. */
  readonly prestations: readonly PrestationDeclaration[];
}

/**
 * Ce qu'une extension ajoute à un registre : des modèles de prix, des modèles admis par des familles
 * existantes (toute composante de la famille les admet alors), des prestations (après les autres).
 *
 * @category Extension
 * @example
 * ```ts
 * const e: RegistryExtension = { familles: { forfaitAdherent: ['parHabitant'] } };
 * ```
 */
export interface RegistryExtension {
  /** Des modèles de prix nouveaux (un nom déjà pris est refusé). */
  readonly modeles?: readonly ModelDeclaration[] | undefined;
  /** Par famille existante, les modèles qu'elle admet en plus : toute composante de la famille les admet alors. */
  readonly familles?: Readonly<Record<string, readonly string[]>> | undefined;
  /** Des prestations nouvelles, après les autres dans l'ordre des lignes du devis (un identifiant déjà pris est refusé). */
  readonly prestations?: readonly PrestationDeclaration[] | undefined;
}

/**
 * Le registre selon lequel lire un catalogue ou un brouillon : par défaut le registre intégré, ou
 * celui du catalogue s'il est déjà validé.
 *
 * @category Extension
 * @example
 * ```ts
 * const options: RegistryOptions = { registry: extendRegistry({}) };
 * missingAmounts(catalogue2026, options);
 * ```
 */
export interface RegistryOptions {
  /** Le registre des modèles de prix et des prestations (voir `extendRegistry`). */
  readonly registry?: Registry | undefined;
}

interface Index {
  readonly models: ReadonlyMap<string, PricingModel>;
  readonly prestations: ReadonlyMap<string, PrestationDeclaration>;
  readonly ids: readonly string[];
  /** Chaque liste de modèles d'une famille, par identité, et le nom de sa famille. */
  readonly families: ReadonlyMap<readonly string[], string>;
}

const INDEXES = new WeakMap<Registry, Index>();

function indexOf(r: Registry): Index {
  let index = INDEXES.get(r);
  if (index === undefined) {
    const families = new Map<readonly string[], string>();
    for (const [name, list] of Object.entries(r.familles)) families.set(list, name);
    index = {
      models: new Map(r.modeles.map((m) => [m.nom, m as PricingModel])),
      prestations: new Map(r.prestations.map((d) => [d.id, d])),
      ids: Object.freeze(r.prestations.map((d) => d.id)),
      families,
    };
    INDEXES.set(r, index);
  }
  return index;
}

/**
 * La déclaration d'un modèle du registre par son nom, ou `undefined`.
 *
 * @internal
 */
export function modelIn(r: Registry, nom: unknown): PricingModel | undefined {
  return typeof nom === 'string' ? indexOf(r).models.get(nom) : undefined;
}

/**
 * La déclaration d'une prestation du registre par son identifiant, ou `undefined`.
 *
 * @internal
 */
export function prestationIn(r: Registry, id: unknown): PrestationDeclaration | undefined {
  return typeof id === 'string' ? indexOf(r).prestations.get(id) : undefined;
}

/**
 * Les identifiants des prestations du registre, dans l'ordre des lignes du devis.
 *
 * @internal
 */
export function idsIn(r: Registry): readonly string[] {
  return indexOf(r).ids;
}

/**
 * Fait un registre à partir de ses listes, gelé. Le registre intégré en est fait.
 *
 * @internal
 */
export function makeRegistry(modeles: readonly ModelDeclaration[], familles: Readonly<Record<string, readonly string[]>>, prestations: readonly PrestationDeclaration[]): Registry {
  const registry: Registry = deepFreeze({ modeles, familles, prestations });
  MADE.add(registry);
  return registry;
}

/** Les registres faits par cette copie de la bibliothèque. */
const MADE = new WeakSet<object>();

/**
 * Vrai si une valeur est un registre fait par cette copie de la bibliothèque.
 *
 * @internal
 */
export function isRegistry(value: unknown): value is Registry {
  return typeof value === 'object' && value !== null && MADE.has(value);
}

function refuse(path: Path, texte: string): never {
  throw new QuoteError([makeIssue('ENTREE_INVALIDE', path, { raison: 'texte', texte })]);
}

/**
 * Étend un registre (voir `extendRegistry`).
 *
 * @internal
 */
export function extend(extension: RegistryExtension, base: Registry): Registry {
  const modeles = [...base.modeles];
  for (const [i, m] of (extension.modeles ?? []).entries()) {
    if (typeof (m as Partial<PricingModel>).chiffrer !== 'function') refuse(['modeles', i], `Le modèle de prix « ${m.nom} » n'a pas de chiffrage : déclarez-le avec defineModel.`);
    if (modeles.some((x) => x.nom === m.nom)) refuse(['modeles', i, 'nom'], `Le modèle de prix « ${m.nom} » existe déjà dans le registre.`);
    modeles.push(m);
  }
  const names = new Set(modeles.map((m) => m.nom));
  // Les familles étendues : une nouvelle liste par famille changée, partagée par toutes ses composantes.
  const familles: Record<string, readonly string[]> = { ...base.familles };
  const replaced = new Map<readonly string[], readonly string[]>();
  for (const [famille, added] of Object.entries(extension.familles ?? {})) {
    const list = base.familles[famille];
    if (list === undefined) refuse(['familles', famille], `La famille de modèles « ${famille} » n'existe pas (familles : ${Object.keys(base.familles).join(', ')}).`);
    for (const nom of added) if (!names.has(nom)) refuse(['familles', famille], `Le modèle de prix « ${nom} » n'est pas dans le registre.`);
    const extended = Object.freeze([...list, ...added.filter((nom) => !list.includes(nom))]);
    familles[famille] = extended;
    replaced.set(list, extended);
  }
  const withFamilies = (d: PrestationDeclaration): PrestationDeclaration => {
    const changed = Object.values(d.composantes).some((c) => replaced.has(c.modeles));
    if (!changed) return d;
    const composantes: Record<string, ComposanteDeclaration> = {};
    for (const [cid, c] of Object.entries(d.composantes)) composantes[cid] = replaced.has(c.modeles) ? { ...c, modeles: replaced.get(c.modeles) as never } : c;
    return { ...d, composantes };
  };
  const prestations = base.prestations.map(withFamilies);
  for (const [i, d] of (extension.prestations ?? []).entries()) {
    if (prestations.some((x) => x.id === d.id)) refuse(['prestations', i, 'id'], `La prestation « ${d.id} » existe déjà dans le registre.`);
    if (typeof (d as Partial<PrestationDeclaration>).chiffrer !== 'function') refuse(['prestations', i], `La prestation « ${d.id} » n'a pas de chiffrage : déclarez-la avec definePrestation.`);
    for (const [name, p] of Object.entries(d.parametres)) {
      if (!Object.prototype.hasOwnProperty.call(PARAM_KIND_BEHAVIOURS, p.type)) {
        refuse(['prestations', i, 'parametres', name, 'type'], `La sorte de paramètre « ${String(p.type)} » n'existe pas (sortes : ${Object.keys(PARAM_KIND_BEHAVIOURS).join(', ')}).`);
      }
    }
    for (const [cid, c] of Object.entries(d.composantes)) {
      for (const nom of c.modeles) if (!names.has(nom)) refuse(['prestations', i, 'composantes', cid, 'modeles'], `Le modèle de prix « ${nom} » n'est pas dans le registre.`);
    }
    prestations.push(withFamilies(d));
  }
  return makeRegistry(modeles, familles, prestations);
}

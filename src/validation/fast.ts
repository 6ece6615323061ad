import type { Collectivite } from '../core/shapes.js';
import { Reader, type Snapshot } from '../input/snapshot.js';
import { behaviourOf, type ParamDeclaration } from '../prestations/param-kinds.js';
import { REGISTRY } from '../prestations/registry.js';
import type { Registry } from '../prestations/create-registry.js';
import type { ValidAdhesion } from './adhesion.js';
import type { CheckedPrestation } from './check.js';
import type { PrestationDeclaration } from '../prestations/define.js';
import { COLLECTIVITE_DECLARATION, MILLESIME_DECLARATION, SCHEMA_DECLARATION } from './collectivite.js';
import { fastCheckOf, fastField, REJECT, type AnyField } from './fields.js';

type Fields = ReadonlyMap<string, AnyField>;

let collectiviteOrderBuilt: Order | undefined;
const collectiviteOrder = (): Order => (collectiviteOrderBuilt ??= orderOf(new Map(Object.entries(COLLECTIVITE_DECLARATION))));

/** Ce que la voie rapide sait d'une prestation d'un registre : ses champs préparés, sa place et ses règles. */
interface ParamsPlan {
  readonly declaration: PrestationDeclaration;
  readonly order: Order;
  readonly position: number;
  readonly check: ((out: Record<string, unknown>) => boolean) | undefined;
}

/** Ce que la voie rapide sait des prestations d'un registre, par identifiant : préparé une fois, gardé sur le registre. */
type PrestationsPlan = ReadonlyMap<string, ParamsPlan>;

const PLANS = new WeakMap<Registry, PrestationsPlan>();

function plan(r: Registry): PrestationsPlan {
  let p = PLANS.get(r);
  if (p === undefined) {
    p = new Map(
      r.prestations.map((d, position) => {
        const fields = new Map(Object.entries(d.parametres)) as Fields;
        return [d.id, { declaration: d, order: orderOf(fields), position, check: boundsHold(fields, d.unParmi) }];
      }),
    );
    PLANS.set(r, p);
  }
  return p;
}

/**
 * Ce qu'une lecture d'objet donne : sa copie (pour zod au besoin) et, si tout est prouvé valide, sa
 * valeur validée. Une seule par adhésion lue : chaque lecture l'écrit, son appelant la lit aussitôt.
 */
interface Read {
  copy: unknown;
  valid: Record<string, unknown> | undefined;
  /** Les prestations cochées et valides, dans l'ordre des déclarations (lues dans cet ordre), prêtes à chiffrer. */
  ticked: CheckedPrestation[] | undefined;
}

function done(out: Read, copy: unknown, valid: Record<string, unknown> | undefined): Read {
  out.copy = copy;
  out.valid = valid;
  return out;
}

/** Les valeurs lues jusqu'ici (chacune déjà sa valeur validée), dans un objet à part. */
function valuesSoFar(copy: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(copy)) values[key] = copy[key];
  return values;
}

function readMember(r: Reader, container: object, key: string, depth: number): unknown {
  r.enter(key);
  const raw = r.get(container, key);
  const copy = (typeof raw === 'object' && raw !== null) || typeof raw === 'function' ? r.copy(raw, depth + 1) : raw;
  r.leave();
  return copy;
}

/**
 * Ouvre un objet à lire champ par champ : ses clés ; toute autre valeur est copiée telle quelle (et
 * n'est pas valide), dans `out`, et rien n'est rendu.
 */
function openRecord(r: Reader, value: unknown, depth: number, out: Read): string[] | undefined {
  if (typeof value !== 'object' || value === null) {
    done(out, typeof value === 'function' ? r.copy(value) : value, undefined);
    return undefined;
  }
  const opened = r.open(value, depth);
  if (typeof opened !== 'string') done(out, opened.copy, undefined);
  else if (opened === 'array') done(out, r.fill(value, opened, depth), undefined);
  else {
    const keys = r.keys(value);
    if (keys !== undefined) return keys;
    done(out, r.close(value, undefined), undefined);
  }
  return undefined;
}

/** Un champ connu : sa place dans l'ordre des déclarations, s'il est requis, et sa vérification rapide. */
interface FieldPlan {
  readonly position: number;
  readonly requis: boolean;
  readonly check: (value: unknown) => unknown;
}

/** Les champs d'un objet (leurs déclarations, et leur vérification par nom) et le nombre de champs requis. */
interface Order {
  readonly fields: Fields;
  readonly plans: ReadonlyMap<string, FieldPlan>;
  readonly required: number;
}

function orderOf(fields: Fields): Order {
  let required = 0;
  const plans = new Map<string, FieldPlan>();
  for (const [name, f] of fields) {
    plans.set(name, { position: plans.size, requis: f.requis, check: fastCheckOf(f) });
    if (f.requis) required++;
  }
  return { fields, plans, required };
}

/**
 * Lit un objet dont on connaît les champs : chaque membre est lu une fois et copié ; un champ connu
 * est vérifié à la volée. La valeur validée suit l'ordre des déclarations (celui de la sortie de zod) :
 * quand l'entrée les donne déjà dans cet ordre, les valeurs lues sont la valeur validée.
 */
function readFields(r: Reader, value: unknown, order: Order, depth: number, check: ((out: Record<string, unknown>) => boolean) | undefined, out: Read): Read {
  const keys = openRecord(r, value, depth, out);
  if (keys === undefined) return out;
  const record = value as object;
  const { fields, plans, required } = order;
  const copy: Record<string, unknown> = {};
  // Les valeurs validées, quand l'une diffère de sa valeur lue (texte rogné) : tant qu'elles sont les
  // mêmes, la copie les porte déjà, et rien d'autre n'est alloué.
  let values: Record<string, unknown> | undefined;
  let ok = true;
  let inOrder = true;
  let last = -1;
  let requiredSeen = 0;
  for (const key of keys) {
    const member = readMember(r, record, key, depth);
    Reader.set(copy, key, member);
    if (!ok) continue;
    const f = key === '__proto__' ? undefined : plans.get(key);
    if (f === undefined) ok = false;
    else {
      const v = f.check(member);
      if (v === REJECT) ok = false;
      else {
        if (values !== undefined) values[key] = v;
        else if (v !== member) (values = valuesSoFar(copy))[key] = v;
        if (f.position < last) inOrder = false;
        last = f.position;
        if (f.requis && v !== undefined) requiredSeen++;
      }
    }
  }
  r.close(record, copy);
  if (!ok) return done(out, copy, undefined);
  const checked = values ?? copy;
  let valid: Record<string, unknown>;
  if (inOrder) {
    if (requiredSeen !== required) return done(out, copy, undefined);
    valid = checked;
  } else {
    valid = {};
    for (const [name, f] of fields) {
      const v = checked[name];
      if (v === undefined && f.requis) return done(out, copy, undefined);
      if (Object.prototype.hasOwnProperty.call(checked, name)) valid[name] = v;
    }
  }
  return done(out, copy, check && !check(valid) ? undefined : valid);
}

function boundsHold(fields: Fields, oneOf: readonly string[] | undefined): ((out: Record<string, unknown>) => boolean) | undefined {
  const bounds: [string, string][] = [];
  for (const [name, f] of fields) {
    const p = f as ParamDeclaration;
    const rule = behaviourOf(p).auPlus?.(p);
    if (rule) bounds.push([name, rule.parametre]);
  }
  if (oneOf === undefined && bounds.length === 0) return undefined;
  return (out) => {
    if (oneOf !== undefined) {
      let given = 0;
      for (const name of oneOf) if (out[name] !== undefined) given++;
      if (given !== 1) return false;
    }
    for (const [name, bound] of bounds) {
      const v = out[name];
      const limit = out[bound];
      if (typeof v === 'number' && typeof limit === 'number' && v > limit) return false;
    }
    return true;
  };
}

function readPrestations(r: Reader, value: unknown, depth: number, PARAMS: PrestationsPlan, out: Read): Read {
  const keys = openRecord(r, value, depth, out);
  if (keys === undefined) return out;
  const record = value as object;
  const copy: Record<string, unknown> = {};
  const ticked: CheckedPrestation[] = [];
  let values: Record<string, unknown> | undefined;
  let ok = true;
  let inOrder = true;
  let last = -1;
  for (const key of keys) {
    const p = key === '__proto__' ? undefined : PARAMS.get(key);
    if (p !== undefined) {
      if (p.position < last) inOrder = false;
      last = p.position;
    }
    if (p === undefined) {
      ok = false;
      Reader.set(copy, key, readMember(r, record, key, depth));
      continue;
    }
    r.enter(key);
    const raw = r.get(record, key);
    const read = readFields(r, raw, p.order, depth + 1, p.check, out);
    r.leave();
    Reader.set(copy, key, read.copy);
    if (read.copy === undefined) {
      if (values !== undefined) values[key] = undefined;
    } else if (read.valid === undefined) ok = false;
    else {
      ticked.push({ declaration: p.declaration, params: read.valid });
      if (values !== undefined) values[key] = read.valid;
      else if (read.valid !== read.copy) (values = valuesSoFar(copy))[key] = read.valid;
    }
  }
  r.close(record, copy);
  if (!ok) return done(out, copy, undefined);
  const checked = values ?? copy;
  if (inOrder) {
    out.ticked = ticked;
    return done(out, copy, checked);
  }
  const valid: Record<string, unknown> = {};
  for (const id of PARAMS.keys()) if (Object.prototype.hasOwnProperty.call(checked, id)) valid[id] = checked[id];
  return done(out, copy, valid);
}

/**
 * Lit une adhésion une seule fois et, dans la même passe, la valide par la voie rapide, déduite des
 * mêmes déclarations que les schémas zod : chaque propriété est lue une fois et copiée (la copie est
 * l'instantané que zod jugera au besoin) ; ce qui est prouvé valide donne directement la sortie
 * qu'aurait donnée zod. Au moindre doute, `valid` est absent et zod juge la copie. Ne lève jamais.
 *
 * @internal
 */
export function readAdhesion(
  input: unknown,
  registry: Registry = REGISTRY,
): { snap: Snapshot; valid: ValidAdhesion | undefined; registry?: Registry; ticked?: readonly CheckedPrestation[] | undefined } {
  const r = new Reader();
  if (typeof input !== 'object' || input === null) return { snap: r.result(r.copy(input)), valid: undefined };
  const opened = r.open(input, 0);
  if (typeof opened !== 'string') return { snap: r.result(opened.copy), valid: undefined };
  if (opened === 'array') return { snap: r.result(r.fill(input, opened, 0)), valid: undefined };
  const keys = r.keys(input);
  if (keys === undefined) return { snap: r.result(r.close(input, undefined)), valid: undefined };
  const copy: Record<string, unknown> = {};
  const slot: Read = { copy: undefined, valid: undefined, ticked: undefined };
  let ticked: CheckedPrestation[] | undefined;
  let ok = true;
  let collectivite: Record<string, unknown> | undefined;
  let prestations: Record<string, unknown> | undefined;
  let millesime: unknown;
  let hasMillesime = false;
  let schema: unknown;
  let hasSchema = false;
  for (const key of keys) {
    if (key === 'collectivite' || key === 'prestations') {
      r.enter(key);
      const raw = r.get(input, key);
      const read = key === 'collectivite' ? readFields(r, raw, collectiviteOrder(), 1, undefined, slot) : readPrestations(r, raw, 1, plan(registry), slot);
      r.leave();
      Reader.set(copy, key, read.copy);
      if (read.valid === undefined) ok = false;
      else if (key === 'collectivite') collectivite = read.valid;
      else {
        prestations = read.valid;
        ticked = read.ticked;
      }
    } else {
      const member = readMember(r, input, key, 0);
      Reader.set(copy, key, member);
      if (key === '$schema') {
        if ((schema = fastField(SCHEMA_DECLARATION, member)) === REJECT) ok = false;
        else hasSchema = true;
      } else if (key !== 'millesime') ok = false;
      else if ((millesime = fastField(MILLESIME_DECLARATION, member)) === REJECT) ok = false;
      else hasMillesime = true;
    }
  }
  r.close(input, copy);
  const snap = r.result(copy);
  if (!ok || collectivite === undefined || prestations === undefined || snap.issues.length > 0) return { snap, valid: undefined };
  const valid: { millesime?: number; collectivite: Collectivite; prestations: ValidAdhesion['prestations'] } = {
    collectivite: collectivite as unknown as Collectivite,
    prestations: prestations as ValidAdhesion['prestations'],
  };
  const withMillesime = hasMillesime ? { millesime: millesime as number, ...valid } : valid;
  return { snap, valid: hasSchema ? { $schema: schema as string, ...withMillesime } : withMillesime, registry, ticked };
}

/**
 * La validation rapide d'une valeur déjà lue (données simples) : voir {@link readAdhesion}.
 *
 * @internal
 */
export function fastAdhesion(value: unknown, registry: Registry = REGISTRY): ValidAdhesion | undefined {
  return readAdhesion(value, registry).valid;
}

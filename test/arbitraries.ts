import fc from 'fast-check';
import {
  completeCatalogue,
  missingAmounts,
  registryOf,
  safePricePrestation,
  type Adhesion,
  type Catalogue,
  type NumberBounds,
  type ParamDeclaration,
  type ParamDeclarationOf,
  type ParamKind,
  type ParamKinds,
  type PrestationDeclaration,
  type PrestationId,
  type Tarifs,
} from '../src/index.js';
import { catalogueTest } from './helpers.js';

/** SIREN valides (clé de Luhn calculée). */
export const sirenArb = fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => {
  const body = String(n);
  for (let key = 0; key <= 9; key++) {
    const s = body + String(key);
    let total = 0;
    for (let i = 0; i < 9; i++) {
      let d = Number(s[i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      total += d;
    }
    if (total % 10 === 0) return s;
  }
  throw new Error('inatteignable');
});

/** Ce qu'une collectivité générée donne. */
const collectiviteArb = fc.record({
  siren: sirenArb,
  type: fc.constantFrom('commune', 'epci', 'syndicat', 'ccas', 'autre'),
  population: fc.integer({ min: 0, max: 200_000 }),
  parcTransfere: fc.boolean(),
});

/** Un nombre en centièmes, de `min` (exclu avec `minExclu`) à `max`. */
function hundredths(min: number, minExclu: boolean | undefined, max: number): fc.Arbitrary<number> {
  const low = Math.ceil(min * 100) + (minExclu ? 1 : 0);
  return fc.integer({ min: low, max: Math.floor(max * 100) }).map((c) => c / 100);
}

/** Un entier de ses bornes : souvent petit, parfois quelconque, souvent l'un des nombres du catalogue (quota, seuil…). */
function integerArb(p: NumberBounds, numbers: readonly number[]): fc.Arbitrary<number> {
  const min = p.minExclu ? p.min + 1 : p.min;
  const known = numbers.filter((n) => Number.isSafeInteger(n) && n >= min && n <= p.max);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min, max: Math.min(p.max, min + 200) }) },
    { weight: 1, arbitrary: fc.integer({ min, max: p.max }) },
    ...(known.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...known) }] : []),
  );
}

/**
 * Un générateur par sorte de paramètre (la table des sortes de `src/prestations/param-kinds.ts`) :
 * une sorte nouvelle ne compile pas ici tant qu'elle n'a pas le sien ; une prestation nouvelle n'a
 * rien à y ajouter.
 */
const PARAM_ARBITRARIES: { readonly [K in ParamKind]: (p: ParamDeclarationOf<K>, numbers: readonly number[]) => fc.Arbitrary<ParamKinds[K]> } = {
  entier: (p, numbers) => integerArb(p, numbers),
  decimal: (p) => hundredths(p.min, p.minExclu, p.max),
  sirens: (p) => fc.uniqueArray(sirenArb, { minLength: 1, maxLength: Math.min(p.max, 4) }),
  durees: (p) => fc.array(hundredths(0, true, p.maxDuree), { minLength: 1, maxLength: Math.min(p.max, 5) }),
};

/** Les nombres d'un catalogue (quotas, seuils de strate et de palier…) : des valeurs de paramètre qui comptent. */
function numbersOf(value: unknown, out = new Set<number>()): number[] {
  if (typeof value === 'number') out.add(value);
  else if (Array.isArray(value)) for (const v of value) numbersOf(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) numbersOf(v, out);
  return [...out].sort((x, y) => x - y);
}

/**
 * Les paramètres d'une prestation, déduits de sa déclaration : chaque paramètre tiré selon sa sorte
 * (facultatif : présent ou non), un seul de ceux de `unParmi`, et un paramètre borné par un autre
 * (`auPlus`) ramené sous sa borne.
 */
export function paramsArb(d: PrestationDeclaration, numbers: readonly number[] = []): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(d.parametres);
  const oneOf = d.unParmi ?? [];
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, p] of entries) shape[name] = (PARAM_ARBITRARIES[p.type] as (p: ParamDeclaration, n: readonly number[]) => fc.Arbitrary<unknown>)(p, numbers);
  const required = entries.filter(([name, p]) => p.requis || oneOf.includes(name)).map(([name]) => name);
  const chosen = oneOf.length > 0 ? fc.constantFrom(...oneOf) : fc.constant(undefined);
  return fc.tuple(fc.record(shape, { requiredKeys: required }), chosen).map(([drawn, pick]) => {
    const params: Record<string, unknown> = {};
    for (const [name] of entries) {
      if (oneOf.includes(name)) {
        if (name === pick) params[name] = (drawn as Record<string, unknown>)[name];
      } else if (Object.prototype.hasOwnProperty.call(drawn, name)) params[name] = (drawn as Record<string, unknown>)[name];
    }
    for (const [name, p] of entries) {
      const rule = 'auPlus' in p ? p.auPlus : undefined;
      const limit = rule ? params[rule.parametre] : undefined;
      if (typeof params[name] === 'number' && typeof limit === 'number') params[name] = Math.min(params[name] as number, limit);
    }
    return params;
  });
}

/**
 * Des adhésions valides au regard d'un catalogue, déduites du registre des prestations : chaque
 * prestation déclarée peut être cochée (l'obligatoire l'est toujours), avec des paramètres tirés
 * selon les sortes de ses paramètres et gardés s'ils se chiffrent sur ce catalogue. Une prestation
 * ajoutée au registre est tirée ici sans rien y écrire.
 */
export function adhesionArbFor(base: Catalogue): fc.Arbitrary<Adhesion> {
  const catalogue = withExampleAmounts(base);
  const numbers = numbersOf(catalogue);
  return collectiviteArb.chain((c) => {
    const collectivite = { nom: 'Collectivité générée', ...c };
    const shape: Record<string, fc.Arbitrary<Record<string, unknown> | undefined>> = {};
    for (const d of registryOf(catalogue).prestations) {
      const params = paramsArb(d, numbers).filter(
        (p) => safePricePrestation(d.id as PrestationId, p as never, { catalogue, collectivite: { siren: c.siren, type: c.type, population: c.population } }).success,
      );
      shape[d.id] = d.obligatoire === 'toujours' ? params : fc.option(params, { nil: undefined, freq: 2 });
    }
    return fc.record(shape).map((drawn) => {
      const prestations: Record<string, unknown> = {};
      for (const [id, params] of Object.entries(drawn)) if (params !== undefined) prestations[id] = params;
      return { collectivite, prestations } as unknown as Adhesion;
    });
  });
}

/** Un montant d'exemple par sorte de champ de modèle : ce qui manque à un catalogue de test pour tout chiffrer. */
const EXAMPLE_AMOUNTS: Readonly<Record<string, unknown>> = {
  montant: '100.00',
  prix: '10.00',
  grille: { strates: [{ de: 0, a: null }], quotasGo: [50, 100], montants: [['100.00', '150.00']] },
  stratesForfait: [{ de: 0, a: null, montant: '100.00' }],
};

/**
 * Le catalogue complété par des montants d'exemple pour ceux qui manquent encore (une prestation
 * ajoutée dont le montant n'est pas publié est ainsi chiffrable, donc tirée, sans écrire ses montants
 * dans les tests). Le catalogue lui-même s'il ne manque rien.
 */
export function withExampleAmounts(catalogue: Catalogue): Catalogue {
  const missing = missingAmounts(catalogue);
  if (missing.length === 0) return catalogue;
  const registry = registryOf(catalogue);
  const prestations: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const m of missing) {
    const spec = registry.modeles.find((x) => x.nom === m.modele)?.champs[m.champ] as { kind: string } | undefined;
    const value = spec === undefined ? undefined : EXAMPLE_AMOUNTS[spec.kind];
    if (value === undefined) continue;
    ((prestations[m.prestation] ??= {})[m.composante] ??= {})[m.champ] = value;
  }
  const tarifs = { millesime: catalogue.millesime, source: "Montants d'exemple des tests", exemple: true, prestations } as unknown as Tarifs;
  return completeCatalogue(catalogue, tarifs);
}

/** Adhésions valides au regard du catalogue de test (toutes les prestations chiffrables). */
export const adhesionArb: fc.Arbitrary<Adhesion> = adhesionArbFor(catalogueTest);

/** Une copie de l'adhésion où le champ numéro `pick` (parcours en profondeur) vaut `junk`. */
export function withFieldReplaced(a: Adhesion, junk: unknown, pick: number): unknown {
  const copy = structuredClone(a) as unknown as Record<string, unknown>;
  const targets: [Record<string, unknown>, string][] = [];
  const walk = (o: Record<string, unknown>) => {
    for (const k of Object.keys(o)) {
      targets.push([o, k]);
      const v = o[k];
      if (v && typeof v === 'object') walk(v as Record<string, unknown>);
    }
  };
  walk(copy);
  const [obj, key] = targets[pick % targets.length]!;
  obj[key] = junk;
  return copy;
}

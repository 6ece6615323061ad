import type * as z from 'zod/mini';
import type { Grille, Palier, Path, Strate, StrateForfait, Unite } from '../core/shapes.js';
import { isRecord } from '../shared/is-record.js';
import { checkBounds, checkQuotas, PALIER, STRATE, type Push } from './bands.js';
import { kit, type Kit } from './kit.js';

/**
 * Les sortes de champ dont un tarif est fait. Chaque sorte dit son schéma, si elle porte des
 * montants (complétés, indexés, listés comme manquants), et ses vérifications de cohérence.
 * Un modèle de prix n'est qu'une liste de champs de ces sortes.
 *
 * @internal
 */
export interface FieldKinds {
  /** Un montant, 2 décimales. */
  readonly montant: string;
  /** Un prix unitaire, jusqu'à 4 décimales. */
  readonly prix: string;
  readonly unite: Unite;
  readonly arrondi: 'aucun' | 'entierSuperieur';
  readonly paliers: readonly Palier[];
  readonly grille: Grille;
  readonly stratesForfait: readonly StrateForfait[];
}

/**
 * La sorte d'un champ de tarif : `montant` (2 décimales), `prix` (jusqu'à 4 décimales), `unite`,
 * `arrondi`, `paliers`, `grille`, `stratesForfait`. Un montant et un prix s'écrivent en chaîne
 * décimale (`"400.00"`), un arrondi en texte, les autres sortes en données structurées (JSON).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const sorte: FieldKind | undefined = modelDeclaration('parHabitant')?.champs['prixParHabitant']?.kind;
 * //=> 'prix'
 * ```
 */
export type FieldKind = keyof FieldKinds;

/**
 * La déclaration d'un champ d'un modèle de prix : sa sorte, son libellé (tableurs, montants
 * manquants), s'il peut valoir `null` (montant non publié) ou manquer.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const plancher: FieldDeclaration | undefined = modelDeclaration('parHabitant')?.champs['plancher'];
 * plancher?.optional;
 * //=> true
 * ```
 */
export interface FieldDeclaration {
  /** La sorte du champ. */
  readonly kind: FieldKind;
  /** Le libellé, en français. */
  readonly libelle: string;
  /** `true` : le champ vaut `null` tant que le montant n'est pas publié. */
  readonly nullable?: true;
  /** `true` : le champ peut être omis. */
  readonly optional?: true;
}

/**
 * Un montant d'un champ de tarif, et où il se trouve dans le champ.
 *
 * @internal
 */
export interface AmountAt {
  /** Le montant, chaîne décimale. */
  readonly montant: string;
  /** Sa strate de population (grille, forfait par strate). */
  readonly strate?: Strate;
  /** Son quota, en Go (grille). */
  readonly quotaGo?: number;
}

interface KindBehaviour {
  readonly schema: (k: Kit) => z.ZodMiniType;
  /** Applique une fonction à chaque montant ; absent : le champ ne porte pas de montant. */
  readonly mapAmounts?: (value: never, f: (montant: string) => string) => unknown;
  /** Chaque montant du champ et où il se trouve (sa strate, son quota), dans l'ordre ; présent avec `mapAmounts`. */
  readonly amounts?: (value: never) => readonly AmountAt[];
  /** Vérifie la cohérence d'une valeur de forme valide. */
  readonly check?: (value: never, path: Path, push: Push) => void;
  /** Vérifie ce qui est lisible d'une valeur de forme fausse. */
  readonly checkReadable?: (raw: unknown, path: Path, push: Push) => void;
  /** Lit une valeur de forme fausse assez pour vérifier ses seuils (une grille incomplète), ou `undefined`. */
  readonly lenient?: (raw: unknown) => unknown;
}

function readable<T>(schema: z.ZodMiniType, value: unknown): T | undefined {
  const r = schema.safeParse(value);
  return r.success ? (r.data as T) : undefined;
}

/**
 * Ce que fait chaque sorte de champ.
 *
 * @internal
 */
export const FIELD_KINDS: { readonly [K in FieldKind]: KindBehaviour } = {
  montant: { schema: (k) => k.montant, mapAmounts: (v: string, f) => f(v), amounts: (v: string) => [{ montant: v }] },
  prix: { schema: (k) => k.prix, mapAmounts: (v: string, f) => f(v), amounts: (v: string) => [{ montant: v }] },
  unite: { schema: (k) => k.unite },
  arrondi: { schema: (k) => k.arrondi },
  paliers: {
    schema: (k) => k.paliers,
    check: (v: readonly Palier[], path, push) => checkBounds(v, PALIER, path, push),
    checkReadable: (raw, path, push) => {
      const v = readable<Palier[]>(kit().paliers, raw);
      if (v) checkBounds(v, PALIER, path, push);
    },
  },
  grille: {
    schema: (k) => k.grille,
    mapAmounts: (g: Grille, f) => ({ ...g, montants: g.montants.map((row) => row.map(f)) }),
    amounts: (g: Grille) => g.montants.flatMap((row, i) => row.map((montant, j) => ({ montant, strate: g.strates[i]!, quotaGo: g.quotasGo[j]! }))),
    check: (g: Grille, path, push) => {
      checkBounds(g.strates, STRATE, [...path, 'strates'], push);
      checkQuotas(g.quotasGo, [...path, 'quotasGo'], push);
    },
    checkReadable: (raw, path, push) => {
      if (!isRecord(raw)) return;
      const strates = readable<Grille['strates']>(kit().strates, raw['strates']);
      const quotas = readable<number[]>(kit().quotasGo, raw['quotasGo']);
      if (strates) checkBounds(strates, STRATE, [...path, 'strates'], push);
      if (quotas) checkQuotas(quotas, [...path, 'quotasGo'], push);
    },
    lenient: (raw) => {
      if (!isRecord(raw)) return undefined;
      const strates = readable<Grille['strates']>(kit().strates, raw['strates']);
      const quotasGo = readable<number[]>(kit().quotasGo, raw['quotasGo']);
      const montants = readable<string[][]>(kit().montantsLibres, raw['montants']);
      return strates && quotasGo && montants ? { strates, quotasGo, montants } : undefined;
    },
  },
  stratesForfait: {
    schema: (k) => k.stratesForfait,
    mapAmounts: (v: readonly StrateForfait[], f) => v.map((s) => ({ ...s, montant: f(s.montant) })),
    amounts: (v: readonly StrateForfait[]) => v.map((s) => ({ montant: s.montant, strate: { de: s.de, a: s.a } })),
    check: (v: readonly StrateForfait[], path, push) => checkBounds(v, STRATE, path, push),
    checkReadable: (raw, path, push) => {
      if (!Array.isArray(raw)) return;
      // Seules des bornes admises par le schéma (entiers de 0 à 1 000 000 000) sont jugées : une borne
      // hors limites est un seul problème, celui du schéma, pas aussi un chevauchement ou une lacune.
      const entier = kit().entier;
      const bound = (v: unknown) => readable<number>(entier, v) !== undefined;
      const bands = raw.filter((s): s is { de: number; a: number | null } => isRecord(s) && bound(s['de']) && (s['a'] === null || bound(s['a'])));
      if (bands.length === raw.length) checkBounds(bands, STRATE, path, push);
    },
  },
};

/**
 * Vrai si un champ porte des montants (complétés par un fichier de tarifs, indexés par une révision).
 *
 * @internal
 */
export function carriesAmounts(spec: FieldDeclaration): boolean {
  return FIELD_KINDS[spec.kind].mapAmounts !== undefined;
}

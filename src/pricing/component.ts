import type { Composante } from '../core/shapes.js';
import { Dec } from '../money/decimal.js';
import { findStrate, formatStrate, priceGrid } from '../models/banded-grid.js';
import { priceFlat } from '../models/flat.js';
import { priceUnit } from '../models/per-unit.js';
import type { Priced } from '../models/priced.js';
import { priceTiered } from '../models/tiered.js';

/**
 * Une composante chiffrée, prête à devenir des lignes : ses textes finis.
 *
 * @internal
 */
export interface PricedComponent {
  readonly quantite: string;
  readonly unite: string;
  readonly prixUnitaire: string;
  readonly montantText: string;
  readonly detail: string;
}

/**
 * Pourquoi une composante ne peut pas être chiffrée (`strate` et `palier` ne se produisent pas sur un
 * catalogue validé, dont les strates et paliers couvrent tout : ils restent une défense) ; le message et le chemin sont écrits par
 * l'appelant, qui sait où se trouve la composante (rien n'est alloué quand tout va bien).
 *
 * @internal
 */
export type Problem =
  | { readonly kind: 'tarif'; readonly field: 'montant' | 'prixUnitaire' | 'grille' }
  | { readonly kind: 'populationInvalide' }
  | { readonly kind: 'populationManquante' }
  | { readonly kind: 'quota'; readonly quotaGo: number; readonly quotasGo: readonly number[] }
  | { readonly kind: 'strate'; readonly population: number; readonly strates: string }
  | { readonly kind: 'palier'; readonly unites: number; readonly libelle: string; readonly nomUnites: string };

function finish(p: Priced): PricedComponent {
  return {
    quantite: p.quantite.toFixed(),
    unite: p.unite,
    prixUnitaire: p.prixUnitaire.toFixed(2),
    montantText: p.montantText,
    detail: p.detail,
  };
}

/**
 * Les chiffrages déjà faits, par composante (objet gelé d'un catalogue validé), puis par ce que
 * son modèle lit : rien pour un forfait, les unités pour un prix unitaire ou un barème, la strate
 * et le quota pour une grille.
 */
const MEMO = new WeakMap<Composante, Map<string | number, PricedComponent>>();
const MEMO_LIMIT = 1024;

function memoized(composante: Composante, key: string | number, compute: () => Priced | undefined): PricedComponent | undefined {
  let byKey = MEMO.get(composante);
  if (byKey === undefined) MEMO.set(composante, (byKey = new Map()));
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const priced = compute();
  if (priced === undefined) return undefined;
  const done = finish(priced);
  if (byKey.size >= MEMO_LIMIT) byKey.clear();
  byKey.set(key, done);
  return done;
}

function priceGridDemand(
  c: Extract<Composante, { modele: 'grilleStrates' }>,
  quotaGo: number | undefined,
  population: number | undefined,
  populationInvalide: boolean,
): PricedComponent | Problem[] {
  const problems: Problem[] = [];
  const grille = c.grille;
  if (grille === null) problems.push({ kind: 'tarif', field: 'grille' });
  if (populationInvalide) problems.push({ kind: 'populationInvalide' });
  else if (population === undefined) problems.push({ kind: 'populationManquante' });
  if (grille === null || quotaGo === undefined) return problems;
  if (!grille.quotasGo.includes(quotaGo)) problems.push({ kind: 'quota', quotaGo, quotasGo: grille.quotasGo });
  const strate = population === undefined ? -1 : findStrate(grille.strates, population);
  if (population !== undefined && strate < 0) {
    problems.push({ kind: 'strate', population, strates: grille.strates.map(formatStrate).join(' ; ') });
  }
  if (problems.length > 0 || population === undefined) return problems;
  const priced = memoized(c, strate * 1_000_003 + quotaGo, () => {
    const p = priceGrid(grille, population, quotaGo);
    return 'detail' in p ? p : undefined;
  });
  return priced ?? problems;
}

/**
 * Chiffre une composante du catalogue selon son modèle de prix (l'adaptateur entre le catalogue et
 * les modèles) : la ligne chiffrée (mémorisée), ou tous les problèmes qui l'empêchent. Un montant
 * non publié (`null`) n'est jamais deviné.
 *
 * @internal
 */
export function priceComponent(
  c: Composante,
  unites: number,
  quotaGo: number | undefined,
  population: number | undefined,
  populationInvalide: boolean,
): PricedComponent | Problem[] {
  switch (c.modele) {
    case 'forfait': {
      const montant = c.montant;
      if (montant === null) return [{ kind: 'tarif', field: 'montant' }];
      return memoized(c, 0, () => priceFlat(montant))!;
    }
    case 'unitaire': {
      const prix = c.prixUnitaire;
      if (prix === null) return [{ kind: 'tarif', field: 'prixUnitaire' }];
      return memoized(c, unites, () => priceUnit(prix, new Dec(unites), c.unite, c.arrondiQuantite))!;
    }
    case 'coefficientParPalier': {
      const prix = c.prixUnitaire;
      if (prix === null) return [{ kind: 'tarif', field: 'prixUnitaire' }];
      const priced = memoized(c, unites, () => priceTiered(prix, c.paliers, unites, c.unite));
      return priced ?? [{ kind: 'palier', unites, libelle: c.libelle, nomUnites: c.unite.plusieurs }];
    }
    case 'grilleStrates':
      return priceGridDemand(c, quotaGo, population, populationInvalide);
  }
}

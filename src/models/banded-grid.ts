import { decimalOf, Dec } from '../money/decimal.js';

const ONE = new Dec(1);
import { formatEuros, formatNombre } from '../money/format.js';
import { roundToCent } from '../money/round.js';
import type { Priced } from './priced.js';

/**
 * Une grille strate de population × quota : `montants[i][j]` pour la strate `i` et le quota `j`.
 *
 * @internal
 * @example
 * ```ts
 * const g: BandedGrid = { strates: [{ de: 0, a: null }], quotasGo: [50], montants: [['100.00']] };
 * ```
 */
export interface BandedGrid {
  readonly strates: readonly { readonly de: number; readonly a: number | null }[];
  readonly quotasGo: readonly number[];
  readonly montants: readonly (readonly string[])[];
}

/**
 * Ce qui manque à la grille pour chiffrer : la strate de la population, le quota, ou les deux.
 *
 * @internal
 * @example
 * ```ts
 * const miss: GridMiss = { strate: true, quota: false };
 * ```
 */
export interface GridMiss {
  readonly strate: boolean;
  readonly quota: boolean;
}

/**
 * Écrit une strate en français : `de 500 à 1 999 habitants`, `à partir de 10 000 habitants`.
 *
 * @internal
 * @example
 * ```ts
 * formatStrate({ de: 0, a: 499 });
 * //=> 'de 0 à 499 habitants'
 * ```
 */
export function formatStrate(strate: { readonly de: number; readonly a: number | null }): string {
  return strate.a === null
    ? `à partir de ${formatNombre(String(strate.de))} habitants`
    : `de ${formatNombre(String(strate.de))} à ${formatNombre(String(strate.a))} habitants`;
}

/**
 * Modèle « grille strate de population × quota » : le montant de la case de la grille.
 *
 * @param grille - la grille
 * @param population - la population de la collectivité
 * @param quotaGo - le quota retenu, qui doit être l'un de ceux de la grille
 * @returns la ligne chiffrée, ou ce qui manque pour la trouver
 * @example
 * ```ts
 * const g = { strates: [{ de: 0, a: 999 }, { de: 1000, a: null }], quotasGo: [50, 100], montants: [['80.00', '120.00'], ['150.00', '200.00']] };
 * (priceGrid(g, 1500, 100) as Priced).detail;
 * //=> 'Strate à partir de 1 000 habitants, quota 100 Go : 200,00 €'
 * ```
 */
export function priceGrid(grille: BandedGrid, population: number, quotaGo: number): Priced | GridMiss {
  const i = grille.strates.findIndex((s) => population >= s.de && (s.a === null || population <= s.a));
  const j = grille.quotasGo.indexOf(quotaGo);
  const cell = grille.montants[i]?.[j];
  if (i < 0 || j < 0 || cell === undefined) return { strate: i < 0, quota: j < 0 };
  const montant = roundToCent(decimalOf(cell));
  const montantText = montant.toFixed(2);
  return {
    quantite: ONE,
    unite: 'forfait',
    prixUnitaire: montant,
    montant,
    montantText,
    detail: `Strate ${formatStrate(grille.strates[i]!)}, quota ${formatNombre(String(quotaGo))} Go : ${formatEuros(montantText)}`,
  };
}

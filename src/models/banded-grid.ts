import type { Grille, Strate } from '../core/shapes.js';
import { decimalOf, Dec } from '../money/decimal.js';
import { formatEuros, formatNombre } from '../money/format.js';
import { roundToCent } from '../money/round.js';
import type { Priced } from './priced.js';

const ONE = new Dec(1);

/**
 * Ce qui manque à la grille pour chiffrer : la strate de la population, le quota, ou les deux.
 *
 * @internal
 */
export interface GridMiss {
  readonly strate: boolean;
  readonly quota: boolean;
}

/**
 * Écrit une strate en français : `de 500 à 1 999 habitants`, `à partir de 10 000 habitants`.
 *
 * @internal
 */
export function formatStrate(strate: Strate): string {
  return strate.a === null
    ? `à partir de ${formatNombre(String(strate.de))} habitants`
    : `de ${formatNombre(String(strate.de))} à ${formatNombre(String(strate.a))} habitants`;
}

/**
 * Trouve l'indice de la strate qui contient une population, ou `-1`.
 *
 * @internal
 */
export function findStrate(strates: readonly Strate[], population: number): number {
  return strates.findIndex((s) => population >= s.de && (s.a === null || population <= s.a));
}

/**
 * Modèle « grille strate de population × quota » : le montant de la case de la grille.
 *
 * @param grille - la grille
 * @param population - la population de la collectivité
 * @param quotaGo - le quota retenu, qui doit être l'un de ceux de la grille
 * @returns la ligne chiffrée, ou ce qui manque pour la trouver
 * @internal
 */
export function priceGrid(grille: Grille, population: number, quotaGo: number): Priced | GridMiss {
  const i = findStrate(grille.strates, population);
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

import type { PrestationDeclaration } from '../prestations/define.js';
import { isEmpty, quantity, sirenList } from './cells.js';

/**
 * Les arguments positionnels d'une prestation dans un tableur, déduits de sa déclaration : ses
 * paramètres dans l'ordre, puis la population si l'un de ses modèles de prix la lit (grille).
 *
 * @internal
 */
export function argumentNames(declaration: PrestationDeclaration): string[] {
  const names = Object.keys(declaration.parametres);
  if (Object.values(declaration.composantes).some((c) => c.modele === 'grilleStrates')) names.push('population');
  return names;
}

/**
 * Lit les cellules des arguments positionnels d'une prestation : ses paramètres (nombres écrits à
 * la française ou listes de SIREN) et la population ; `extra` si une cellule en trop est remplie.
 *
 * @internal
 */
export function positionalArgs(
  declaration: PrestationDeclaration,
  cells: readonly unknown[],
): { params: Record<string, unknown>; population: unknown; extra: boolean } {
  const params: Record<string, unknown> = {};
  let population: unknown;
  const names = argumentNames(declaration);
  cells.forEach((cell, i) => {
    const name = names[i];
    if (isEmpty(cell) || name === undefined) return;
    if (name === 'population' && !Object.prototype.hasOwnProperty.call(declaration.parametres, name)) population = quantity(cell);
    else params[name] = declaration.parametres[name]!.type === 'sirens' ? sirenList(cell) : quantity(cell);
  });
  return { params, population, extra: cells.slice(names.length).some((c) => !isEmpty(c)) };
}

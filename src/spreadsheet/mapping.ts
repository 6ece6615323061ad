import { modelDeclaration, PRESTATIONS, type PrestationDeclaration } from '@te90/tarifs';
import { isEmpty, paramCell, quantity } from './cells.js';

/**
 * Les arguments positionnels d'une prestation dans un tableur, déduits de sa déclaration : ses
 * paramètres dans l'ordre, puis la population si l'un des modèles de prix qu'elle admet la lit
 * (grille, prix par habitant, forfait par strate).
 *
 * @internal
 */
export function argumentNames(declaration: PrestationDeclaration): string[] {
  const names = Object.keys(declaration.parametres);
  if (Object.values(declaration.composantes).some((c) => c.modeles.some((m) => modelDeclaration(m)?.mesures.includes('population')))) names.push('population');
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
    else params[name] = paramCell(declaration.parametres[name]!.type, cell);
  });
  return { params, population, extra: cells.slice(names.length).some((c) => !isEmpty(c)) };
}

/**
 * Le nombre de paramètres positionnels de la fonction de tableur `PRESTATION` : le plus grand
 * nombre d'arguments d'une prestation, déduit des déclarations.
 *
 * @internal
 */
export function positionalCount(): number {
  return Math.max(0, ...PRESTATIONS.map((d) => argumentNames(d).length));
}

/**
 * Ce que signifie chaque paramètre positionnel de `PRESTATION`, prestation par prestation :
 * `[[{ id: 'maintenanceBase', name: 'postes' }, …], [{ id: 'maintenanceBase', name: 'postesLicenceBL' }, …]]`.
 *
 * @internal
 */
export function positionalMeanings(): { id: string; name: string }[][] {
  return Array.from({ length: positionalCount() }, (_, i) =>
    PRESTATIONS.flatMap((d) => {
      const name = argumentNames(d)[i];
      return name === undefined ? [] : [{ id: d.id, name }];
    }),
  );
}

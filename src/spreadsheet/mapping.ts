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
 * Les noms des arguments de quantité de la fonction de tableur `PRESTATION`, dans l'ordre : le
 * premier paramètre de la prestation, puis le second (leur sens, prestation par prestation, vient
 * des déclarations : {@link argumentMeanings}).
 *
 * @internal
 */
export const QUANTITY_ARGUMENTS = ['quantite', 'quantite2'] as const;

/** La population, que la collectivité porte : seul argument de `PRESTATION` que les prestations ne déclarent pas. */
const POPULATION = { libelle: 'Population de la collectivité', unite: 'habitants' } as const;

/**
 * Ce qu'est un argument de quantité pour une prestation : son nom de paramètre (`postes`), son
 * libellé (celui de la déclaration), son unité, et s'il est facultatif.
 *
 * @internal
 */
export interface ArgumentMeaning {
  readonly id: string;
  readonly name: string;
  readonly libelle: string;
  readonly unite: string;
  readonly optional: boolean;
}

/**
 * Les arguments de quantité d'une prestation, avec leur sens, déduits de sa déclaration.
 *
 * @internal
 */
export function argumentMeanings(declaration: PrestationDeclaration): ArgumentMeaning[] {
  // La population est nécessaire quand une composante n'admet que des modèles qui la lisent (la grille
  // de la sauvegarde) ; facultative quand seul un modèle possible la lit (un montant non publié).
  const reads = (m: string) => modelDeclaration(m)?.mesures.includes('population') === true;
  const needsPopulation = Object.values(declaration.composantes).some((c) => c.modeles.length > 0 && c.modeles.every(reads));
  return argumentNames(declaration).map((name) => {
    const p = Object.prototype.hasOwnProperty.call(declaration.parametres, name) ? declaration.parametres[name]! : undefined;
    const d = p === undefined ? { ...POPULATION, requis: needsPopulation } : { libelle: p.libelle, unite: p.unite, requis: p.requis };
    return { id: declaration.id, name, libelle: d.libelle, unite: d.unite, optional: !d.requis };
  });
}

/**
 * Le sens d'un argument de quantité, pour l'aide et la documentation : « Postes maintenus par TE90 (postes) »,
 * « … (facultatif) ».
 *
 * @internal
 */
export function describeMeaning(m: ArgumentMeaning): string {
  const unit = m.unite !== '' && !m.libelle.toLowerCase().includes(m.unite.toLowerCase()) ? ` (${m.unite})` : '';
  return `${m.libelle}${unit}${m.optional ? ', facultatif' : ''}`;
}

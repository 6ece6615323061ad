import { decimalFromNumber, describeValue, PARAM_KINDS, splitListInput, type ParamKind } from '@te90/tarifs';

/**
 * Une valeur de cellule telle qu'un tableur la passe : nombre, texte, booléen, date, ou vide.
 *
 * @category Tableur
 * @example
 * ```ts
 * const v: Cell = '1 234,56';
 * ```
 */
export type Cell = string | number | boolean | Date | null | undefined;

/**
 * Une plage de cellules : un tableau à deux dimensions (ou une cellule seule).
 *
 * @category Tableur
 * @example
 * ```ts
 * const plage: Range = [['champ', 'valeur'], ['collectivite.nom', 'Foussemagne']];
 * ```
 */
export type Range = Cell | Cell[] | Cell[][];

/**
 * Indique si une cellule est vide.
 *
 * @internal
 */
export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Met une plage sous forme de tableau à deux dimensions.
 *
 * @internal
 */
export function toRows(range: unknown): unknown[][] {
  if (!Array.isArray(range)) return [[range]];
  return range.map((row) => (Array.isArray(row) ? row : [row]));
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
/**
 * Indique si une valeur est une date, d'où qu'elle vienne : une date passée par Apps Script ou par
 * un autre contexte JavaScript n'est pas toujours une instance du `Date` du paquet.
 *
 * @internal
 */
export function isDate(value: unknown): value is Date {
  if (value === null || typeof value !== 'object') return false;
  try {
    return Object.prototype.toString.call(value) === '[object Date]';
  } catch {
    return false;
  }
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Décrit en français le contenu d'une cellule, pour un message : une date est « une date » (avec
 * son jour), le reste comme ailleurs dans la bibliothèque.
 *
 * @internal
 */
export function describeCell(value: unknown): string {
  if (!isDate(value)) return describeValue(value);
  try {
    const time = value.getTime();
    if (Number.isNaN(time)) return 'une date invalide';
    return `une date (${twoDigits(value.getDate())}/${twoDigits(value.getMonth() + 1)}/${value.getFullYear()})`;
  } catch {
    return 'une date';
  }
}

/**
 * Un nombre de cellule tel que le tableur l'affiche : arrondi à 15 chiffres significatifs, la
 * précision d'affichage de Google Sheets et d'Excel (`=0,1+0,2` vaut 0,30000000000000004 pour
 * JavaScript et 0,3 pour le tableur). C'est une lecture de cellule, pas un calcul de montant.
 *
 * @internal
 */
export function cellNumber(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/**
 * Lit un nombre décimal écrit à la française ou à l'anglaise (`2,5`, `1 234,56`, `2.5`) et rend
 * sa forme décimale canonique (`"1234.56"`), ou `undefined` si ce n'en est pas un. Un nombre du
 * tableur est lu comme il est affiché (15 chiffres significatifs), sans notation exponentielle.
 *
 * @internal
 */
export function decimalText(value: unknown): string | undefined {
  if (typeof value === 'number') return decimalFromNumber(value);
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return DECIMAL.test(text) ? text : undefined;
}

/**
 * Lit une quantité dans une cellule : un nombre, ou un texte qui en est un (`"2,5"`). Tout autre
 * contenu est rendu tel quel, pour que la validation dise ce qui ne va pas.
 *
 * @internal
 */
export function quantity(value: unknown): unknown {
  if (typeof value === 'number') return cellNumber(value);
  const text = decimalText(value);
  return text === undefined ? value : Number(text);
}

const TRUE = new Set(['oui', 'vrai', 'true', 'x', '1', 'o', 'yes']);
const FALSE = new Set(['non', 'faux', 'false', '0', 'n', 'no']);

/**
 * Lit une case à cocher : `VRAI`, `oui`, `x`, `1` → `true` ; `FAUX`, `non`, `0`, vide → `false`.
 *
 * @internal
 */
export function checkbox(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (isEmpty(value)) return false;
  if (typeof value === 'number') return cellNumber(value) === 1 ? true : cellNumber(value) === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  return TRUE.has(text) ? true : FALSE.has(text) ? false : undefined;
}

/**
 * Lit un texte dans une cellule (un nombre devient texte ; un SIREN saisi en nombre retrouve ses 9 chiffres).
 *
 * @internal
 */
export function text(value: unknown, padDigits = 0): unknown {
  if (typeof value === 'number' && Number.isInteger(cellNumber(value))) return String(cellNumber(value)).padStart(padDigits, '0');
  return typeof value === 'string' ? value.trim() : value;
}

/**
 * Lit une liste écrite dans une cellule, comme sa sorte de paramètre le dit (`PARAM_KINDS`) : coupée
 * à ses séparateurs (une liste de nombres ne se coupe pas à la virgule, celle des décimales),
 * chaque élément un SIREN (saisi en nombre, il retrouve ses 9 chiffres) ou un nombre ; un seul
 * élément saisi en nombre.
 *
 * @internal
 */
export function listCell(value: unknown, saisie: { readonly separateurs: string; readonly element: 'siren' | 'nombre' }): unknown {
  const element = (v: unknown) => (saisie.element === 'siren' ? (typeof v === 'number' ? text(v, 9) : v) : quantity(v));
  if (typeof value === 'number') return [element(value)];
  if (typeof value !== 'string') return value;
  const kept = splitListInput(value, saisie);
  return saisie.element === 'siren' ? kept : kept.map(element);
}

/**
 * Lit la cellule d'un paramètre selon sa sorte (`ParamDeclaration['type']`, décrite par
 * `PARAM_KINDS`) : une liste, ou un nombre.
 *
 * @internal
 */
export function paramCell(type: string | undefined, value: unknown): unknown {
  const saisie = type !== undefined && Object.prototype.hasOwnProperty.call(PARAM_KINDS, type) ? PARAM_KINDS[type as ParamKind].saisie : undefined;
  return saisie?.forme === 'liste' ? listCell(value, saisie) : quantity(value);
}

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
 * const plage: Range = [['champ', 'valeur'], ['collectivite.nom', 'Commune exemple']];
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
 * Lit un nombre décimal écrit à la française ou à l'anglaise (`2,5`, `1 234,56`, `2.5`) et rend
 * sa forme décimale canonique (`"1234.56"`), ou `undefined` si ce n'en est pas un.
 *
 * @internal
 */
export function decimalText(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
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
  if (typeof value === 'number') return value;
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
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
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
  if (typeof value === 'number' && Number.isInteger(value)) return String(value).padStart(padDigits, '0');
  return typeof value === 'string' ? value.trim() : value;
}

/**
 * Lit une liste de SIREN dans une cellule : séparés par des virgules, points-virgules ou retours à
 * la ligne ; un SIREN saisi en nombre retrouve ses 9 chiffres.
 *
 * @internal
 */
export function sirenList(value: unknown): unknown {
  if (typeof value === 'number') return [text(value, 9)];
  if (typeof value !== 'string') return value;
  return value
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

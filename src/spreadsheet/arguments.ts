/**
 * Les conventions d'arguments des fonctions de tableur, communes à toutes :
 * - d'abord ce qu'on chiffre (une plage, un tableau, une prestation et ses quantités) ;
 * - puis, facultatifs, la plage `tarifs` et les options (`partiel`…). La plage `tarifs` se reconnaît
 *   à ses champs (`source`, `millesime`, `prestations.…`, ou un en-tête `champ | valeur`) : elle peut
 *   venir juste après les arguments obligatoires, sans cases vides pour ceux qu'on omet ;
 * - un argument d'une seule valeur (une quantité, un identifiant) qui reçoit une plage (ARRAYFORMULA
 *   dans Google Sheets, plage déversée dans Excel) est pris cellule par cellule : le résultat a la
 *   forme de la plage, chaque cellule son résultat ou son erreur.
 * Une nouvelle fonction suit ces conventions en passant par {@link sortOptionals} et {@link mapCells}.
 */
import { checkbox, isEmpty, toRows } from './cells.js';

/** Le nom d'un champ de la plage tarifs (ou son en-tête) : ce qui la distingue d'une plage de valeurs. */
const TARIFS_FIELD = /^\s*(champ|source|millesime|prestations\.)/i;

/**
 * Indique si un argument est une plage vide : rien, ou des cellules toutes vides.
 *
 * @internal
 */
export function isBlank(value: unknown): boolean {
  if (!Array.isArray(value)) return isEmpty(value);
  return value.every((row) => (Array.isArray(row) ? row.every(isEmpty) : isEmpty(row)));
}

/**
 * Indique si un argument est une plage de tarifs : plusieurs colonnes, et sa première cellule remplie
 * de la première colonne nomme un champ de tarifs (ou l'en-tête `champ`).
 *
 * @internal
 */
export function isTarifsRange(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const first = toRows(value).find((row) => !isEmpty(row[0]))?.[0];
  return typeof first === 'string' && TARIFS_FIELD.test(first);
}

/** Une seule valeur : une cellule, ou une plage d'une seule cellule (Excel passe `[[v]]`). */
function single(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (!Array.isArray(value)) return { ok: true, value };
  const rows = toRows(value);
  return rows.length === 1 && rows[0]!.length === 1 ? { ok: true, value: rows[0]![0] } : { ok: false };
}

/**
 * Les arguments facultatifs d'une fonction, rangés : la plage `tarifs`, où qu'elle soit parmi eux
 * (à défaut, ce qui est à sa place déclarée `tarifsIndex` s'il est vide ou s'il est une plage de
 * plusieurs cellules, que sa lecture dira mal écrite), et les autres dans leur ordre (cases vides
 * comprises, pour qu'un argument puisse être sauté). `repeated` : deux plages de tarifs.
 *
 * @internal
 */
export function sortOptionals(args: readonly unknown[], tarifsIndex: number): { tarifs: unknown; rest: unknown[]; repeated: boolean } {
  const found = args.flatMap((a, i) => (isTarifsRange(a) ? [i] : []));
  const declared = args[tarifsIndex];
  // Sans plage de tarifs reconnue, sa place déclarée laissée vide est sautée : les arguments qui la
  // suivent gardent leur sens (`TOTAL(plage; ; VRAI)` comme `TOTAL(plage; VRAI)`).
  const index = found[0] ?? (isBlank(declared) || (Array.isArray(declared) && !single(declared).ok) ? tarifsIndex : -1);
  return { tarifs: index < 0 ? undefined : args[index], rest: args.filter((_, i) => i !== index), repeated: found.length > 1 };
}

/**
 * Lit l'option `partiel` (VRAI, oui, 1 → `true` ; FAUX, non, 0, vide → `false`), ou `undefined`
 * si elle est illisible.
 *
 * @internal
 */
export function partielOption(value: unknown): boolean | undefined {
  const one = single(value);
  return one.ok ? checkbox(one.value) : undefined;
}

/**
 * La lettre d'une colonne, comptée depuis la première colonne de la plage (0 → A, 26 → AA) : celle
 * de la feuille quand la plage commence en colonne A.
 *
 * @internal
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Le nombre de lignes et de colonnes d'une plage. */
function shapeOf(rows: readonly unknown[][]): string {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  return `${rows.length} ligne${rows.length > 1 ? 's' : ''} × ${cols} colonne${cols > 1 ? 's' : ''}`;
}

/**
 * Ce que rend une fonction appliquée cellule par cellule : une valeur (tous les arguments sont des
 * valeurs seules), une plage de résultats de la forme des plages reçues, ou un problème de forme.
 *
 * @internal
 */
export type Mapped<T> = { kind: 'single'; value: T } | { kind: 'range'; rows: T[][] } | { kind: 'shape'; message: string };

/**
 * Applique `f` cellule par cellule aux arguments nommés (`names[i]` pour `args[i]`) : une plage
 * d'une seule cellule est une valeur seule ; les plages doivent avoir la même forme ; une valeur seule
 * vaut pour chaque cellule.
 *
 * @internal
 */
export function mapCells<T>(args: readonly unknown[], names: readonly string[], f: (values: unknown[]) => T): Mapped<T> {
  const ranges = args.map((a) => {
    if (!Array.isArray(a)) return undefined;
    const one = single(a);
    return one.ok ? undefined : toRows(a);
  });
  const shaped = ranges.flatMap((r, i) => (r === undefined ? [] : [{ rows: r, name: names[i] ?? `argument ${i + 1}` }]));
  const values = args.map((a) => {
    const one = single(a);
    return one.ok ? one.value : undefined;
  });
  if (shaped.length === 0) return { kind: 'single', value: f(values) };
  const [model, ...others] = shaped as [{ rows: unknown[][]; name: string }, ...{ rows: unknown[][]; name: string }[]];
  const width = (rows: unknown[][]) => Math.max(0, ...rows.map((r) => r.length));
  const differ = others.find((o) => o.rows.length !== model.rows.length || width(o.rows) !== width(model.rows));
  if (differ) {
    return { kind: 'shape', message: `les plages « ${model.name} » (${shapeOf(model.rows)}) et « ${differ.name} » (${shapeOf(differ.rows)}) doivent avoir la même taille.` };
  }
  const rows = model.rows.map((_row, i) =>
    Array.from({ length: width(model.rows) }, (_, j) => f(args.map((_, k) => (ranges[k] === undefined ? values[k] : ranges[k]![i]?.[j])))),
  );
  return { kind: 'range', rows };
}

import {
  catalogue2026,
  CATALOGUE_ISSUE_CODES,
  formatPath,
  PRESTATION_IDS,
  prestationDeclaration,
  safeCompleteCatalogue,
  safePricePrestation,
  safeQuote,
  sirenConflicts,
  validateAdhesion,
  type Adhesion,
  type Catalogue,
  type Path,
  type PrestationId,
  type Quote,
  type QuoteIssue,
  type QuoteLine,
  type Tarifs,
} from '@te90/tarifs';
import { describeCell, isDate, isEmpty, toRows, type Cell, type Range } from './cells.js';
import { sheetIssue, sheetMessage, type SheetIssue } from './issues.js';
import { adhesionFromEntries, adhesionFromRange, fieldName, tarifsFromRange, type ReadRange } from './layout.js';
import { debtorIssue } from './debtors.js';
import { argumentNames, positionalArgs } from './mapping.js';

/**
 * Le début de tout message d'erreur rendu dans une cellule : les glues des tableurs le reconnaissent.
 *
 * @internal
 */
export const PREFIX = 'Erreur : ';

/** Les problèmes que la lecture des plages a déjà signalés (une date dans une cellule…) n'ont pas à l'être deux fois. */
function uncovered(issues: readonly SheetIssue[], covered: readonly string[]): SheetIssue[] {
  if (covered.length === 0) return [...issues];
  return issues.filter((i) => {
    const p = formatPath(i.path);
    return !covered.some((c) => p === c || p.startsWith(`${c}.`) || p.startsWith(`${c}[`));
  });
}

/**
 * L'endroit d'un problème, dit comme l'utilisateur du tableur le voit : la ligne d'une plage, la
 * colonne d'un tableau, le champ tel qu'il l'écrit (`maintenanceBase.postes`, sans `prestations.`),
 * ou le paramètre de `PRESTATION` (`postes (paramètre 1)`).
 */
function where(path: Path, positional: readonly string[] = []): string {
  const [root, ...rest] = path;
  if (rest.length === 1 && typeof rest[0] === 'string' && /^(ligne|colonne) \d+$/.test(rest[0])) return root === 'tableau' ? rest[0] : `${String(root)}, ${rest[0]}`;
  if (root === 'tarifs') return rest.length === 0 ? 'tarifs' : `tarifs, ${formatPath(rest)}`;
  const name = root === 'prestations' && rest.length === 2 ? rest[1] : root === 'collectivite' && rest[0] === 'population' ? 'population' : undefined;
  const position = typeof name === 'string' ? positional.indexOf(name) : -1;
  if (position >= 0) return `${name as string} (paramètre ${position + 1})`;
  if (root === 'prestations' && rest.length > 0) return formatPath(rest);
  return formatPath(path);
}

/**
 * La longueur maximale d'un message rendu par les fonctions de tableur, en unités de code UTF-16
 * (ce que `String.length` compte) : 32 767, le plus qu'une cellule d'Excel contienne (« Spécifications
 * et limites d'Excel »), sous les 50 000 d'une cellule de Google Sheets. Le message d'une erreur de
 * cellule Excel (`CustomFunctions.Error`) n'a pas de limite documentée : il suit la même.
 *
 * @internal
 */
export const MAX_MESSAGE = 32_767;

const SEPARATOR = ' ; ';

function more(count: number): string {
  return count === 1 ? ' … (1 problème de plus)' : ` … (${count} problèmes de plus)`;
}

/** Les `length` premières unités de `text`, sans couper une paire de substitution (un caractère hors du plan de base). */
function head(text: string, length: number): string {
  const end = Math.max(0, length);
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/**
 * Le message d'erreur (`Erreur : ` puis les problèmes séparés par « ; ») coupé pour tenir dans
 * `max` unités : par problèmes entiers, suivis de « … (N problèmes de plus) » ; un premier problème
 * plus long que la limite à lui seul est coupé sur un caractère entier, suivi de « … ».
 *
 * @internal
 */
export function fitMessage(parts: readonly string[], max: number = MAX_MESSAGE): string {
  let text = PREFIX;
  for (let k = 0; k < parts.length; k++) {
    const next = (k === 0 ? '' : SEPARATOR) + parts[k]!;
    const rest = parts.length - k - 1;
    if (text.length + next.length + (rest > 0 ? more(rest).length : 0) <= max) {
      text += next;
      continue;
    }
    if (k > 0) return text + more(parts.length - k);
    const tail = rest > 0 ? more(rest) : ' …';
    return text + head(parts[0]!, max - text.length - tail.length) + tail;
  }
  return text;
}

/**
 * Le message d'erreur de problèmes, chacun à son endroit (`Erreur : plage, ligne 3 : …`).
 *
 * @internal
 */
export function describe(issues: readonly SheetIssue[], positional?: readonly string[]): string {
  return fitMessage(issues.map((i) => `${where(i.path, positional)} : ${sheetMessage(i)}`));
}

/**
 * Le catalogue des fonctions : celui de 2026, complété par la plage tarifs, ou ses problèmes.
 *
 * @internal
 */
export type Catalogued = { ok: true; value: Catalogue } | { ok: false; issues: readonly SheetIssue[] };

/**
 * Le catalogue de 2026 complété par la plage tarifs (vide : le catalogue tel quel), ou ses problèmes.
 *
 * @internal
 */
export function catalogueFrom(tarifs: Range | undefined): Catalogued {
  if (isEmpty(tarifs) || (Array.isArray(tarifs) && tarifs.every((r) => (Array.isArray(r) ? r.every(isEmpty) : isEmpty(r))))) {
    return { ok: true, value: catalogue2026 };
  }
  const read = tarifsFromRange(tarifs, catalogue2026.millesime);
  const completed = safeCompleteCatalogue(catalogue2026, read.value as unknown as Tarifs);
  const issues = [...read.issues, ...(completed.success ? [] : uncovered(completed.issues, read.covered))];
  if (issues.length > 0 || !completed.success) return { ok: false, issues: issues.length > 0 ? issues : completed.success ? [] : completed.issues };
  return { ok: true, value: completed.data };
}

const HEADER = ['Prestation', 'Composante', 'Libellé', 'SIREN', 'Quantité', 'Unité', 'Prix unitaire', 'Montant', 'Détail', 'Source'];

function row(l: QuoteLine): Cell[] {
  return [l.prestation, l.composante, l.libelle, l.siren, Number(l.quantite), l.unite, Number(l.prixUnitaire), Number(l.montant), l.detail, l.source.reference];
}

/**
 * Le devis d'une adhésion lue, ou le message de tous ses problèmes.
 *
 * @internal
 */
export type Quoted = { ok: true; value: Quote } | { ok: false; message: string };

/**
 * Chiffre une adhésion lue d'une plage : son devis, ou le message de tous ses problèmes (ceux de la
 * lecture, du catalogue et de la bibliothèque, chacun à son endroit).
 *
 * @internal
 */
export function quoteRead(read: ReadRange, catalogue: Catalogued): Quoted {
  // Un destinataire est nommé comme la plage l'écrit (destinataires.1.siret), pas par sa position.
  const located = (issues: readonly (SheetIssue | QuoteIssue)[]) => issues.map((i) => debtorIssue(i, read.debtorLabels));
  if (!catalogue.ok) {
    const all = [...catalogue.issues, ...read.issues, ...uncovered(located(validateAdhesion(read.value)), read.covered)];
    return { ok: false, message: describe(all) };
  }
  const result = safeQuote(read.value as unknown as Adhesion, { catalogue: catalogue.value });
  if (result.success && read.issues.length === 0) return { ok: true, value: result.data };
  const issues = [...read.issues, ...(result.success ? [] : uncovered(located(result.issues), read.covered))];
  return { ok: false, message: describe(issues.length > 0 ? issues : result.success ? [] : located(result.issues)) };
}

/**
 * Devis d'une adhésion disposée en deux colonnes « champ | valeur » : une ligne d'en-tête puis
 * une ligne par ligne de devis ; montants en nombres. En cas d'erreur, une seule cellule avec le
 * message (qui commence par `Erreur : `) ; les fonctions de tableur `DEVIS` en font une erreur de
 * cellule (`#ERROR!` dans Google Sheets, `#VALEUR!` dans Excel), qu'une somme n'ignore pas.
 *
 * @param plage - l'adhésion, en deux colonnes « champ | valeur »
 * @param tarifs - facultatif : les montants fournis, en deux colonnes « champ | valeur »
 * @returns les lignes du devis avec une ligne d'en-tête, ou `[[message d'erreur]]`
 * @category Tableur
 * @example
 * ```ts
 * devis([['collectivite.nom', 'Commune exemple'], ['collectivite.siren', '219000106'], ['collectivite.type', 'commune'], ['maintenanceBase.postes', 4], ['maintenanceBase.postesLicenceBL', 0]]);
 * //=> [['Prestation', …, 'Montant', …], ['maintenanceBase', 'postes', …, 2069.57, …]]
 * ```
 */
export function devis(plage: Range, tarifs?: Range): Cell[][] {
  try {
    const r = quoteRead(adhesionFromRange(plage), catalogueFrom(tarifs));
    return r.ok ? [HEADER, ...r.value.lignes.map(row)] : [[r.message]];
  } catch (error) {
    return [[unexpected(error)]];
  }
}

/**
 * Total du devis d'une adhésion disposée en deux colonnes « champ | valeur », en nombre.
 * En cas d'erreur, le message (qui commence par `Erreur : `) ; les fonctions de tableur
 * `TOTAL` en font une erreur de cellule (`#ERROR!` dans Google Sheets, `#VALEUR!` dans Excel).
 *
 * @param plage - l'adhésion, en deux colonnes « champ | valeur »
 * @param tarifs - facultatif : les montants fournis
 * @returns le total, ou le message d'erreur
 * @category Tableur
 * @example
 * ```ts
 * total([['collectivite.nom', 'X'], ['collectivite.siren', '219000106'], ['collectivite.type', 'commune'], ['maintenanceBase.postes', 4], ['maintenanceBase.postesLicenceBL', 0]]);
 * //=> 2069.57
 * ```
 */
export function total(plage: Range, tarifs?: Range): number | string {
  try {
    const r = quoteRead(adhesionFromRange(plage), catalogueFrom(tarifs));
    return r.ok ? Number(r.value.total) : r.message;
  } catch (error) {
    return unexpected(error);
  }
}

/**
 * Montant d'une prestation seule, à partir de ses paramètres dans l'ordre de leur déclaration :
 * `maintenanceBase` (postes, postes sous licence), `sauvegarde` (quota en Go, population),
 * `marchesPublics` (accès, mises en ligne assistées), `secretariatMairie` (jours), `packDemat`
 * (SIREN facturés, séparés par des virgules) ; les autres n'en prennent pas. En cas d'erreur, le
 * message (qui commence par `Erreur : `) ; la fonction de tableur `PRESTATION` en fait une erreur
 * de cellule.
 *
 * @param id - l'identifiant de la prestation
 * @param parametre1 - son premier paramètre
 * @param parametre2 - son second paramètre
 * @param tarifs - facultatif : les montants fournis
 * @returns le montant, ou le message d'erreur
 * @category Tableur
 * @example
 * ```ts
 * prestation('marchesPublics', 2, 1);
 * //=> 132
 * prestation('secretariatMairie', '2,5');
 * //=> 900
 * ```
 */
export function prestation(id: Cell, parametre1?: Cell, parametre2?: Cell, tarifs?: Range): number | string {
  try {
    const catalogue = catalogueFrom(tarifs);
    const key = typeof id === 'string' ? id.trim() : id;
    if (isDate(key)) {
      const issue = sheetIssue('VALEUR_NON_ADMISE', ['prestation'], { raison: 'prestation', recu: describeCell(key), prestations: PRESTATION_IDS });
      return describe([...(catalogue.ok ? [] : catalogue.issues), issue]);
    }
    const declaration = prestationDeclaration(key);
    const names = declaration ? argumentNames(declaration) : [];
    const cells = [parametre1, parametre2];
    const dates: SheetIssue[] = [];
    cells.forEach((cell, i) => {
      const name = names[i];
      if (!isDate(cell) || name === undefined) return;
      const path: Path = name === 'population' && !Object.prototype.hasOwnProperty.call(declaration!.parametres, name) ? ['collectivite', 'population'] : ['prestations', String(key), name];
      dates.push(sheetIssue('ENTREE_INVALIDE', path, { raison: 'cellule', attendu: declaration!.parametres[name]?.type === 'sirens' ? 'sirens' : 'nombre', recu: describeCell(cell) }));
      cells[i] = undefined;
    });
    const covered = dates.map((d) => formatPath(d.path));
    const args = declaration ? positionalArgs(declaration, cells) : { params: {}, population: undefined, extra: false };
    if (declaration && args.extra) {
      return names.length === 0
        ? `${PREFIX}la prestation « ${String(key)} » ne prend pas de paramètre.`
        : `${PREFIX}la prestation « ${String(key)} » prend au plus ${names.length} paramètre(s) : ${names.join(', ')}.`;
    }
    const contexte = args.population === undefined ? {} : { collectivite: { population: args.population as number } };
    if (!catalogue.ok) {
      const own = safePricePrestation(key as PrestationId, args.params, { catalogue: catalogue2026, ...contexte });
      const ownIssues = own.success ? [] : uncovered(own.issues, covered).filter((i) => !(CATALOGUE_ISSUE_CODES as readonly string[]).includes(i.code));
      return describe([...catalogue.issues, ...dates, ...ownIssues], names);
    }
    const r = safePricePrestation(key as PrestationId, args.params, { catalogue: catalogue.value, ...contexte });
    if (r.success && dates.length === 0) return Number(r.data.total);
    return describe([...dates, ...(r.success ? [] : uncovered(r.issues, covered))], names);
  } catch (error) {
    return unexpected(error);
  }
}

/** Ce que `tableau` rend en face de la ligne d'en-tête. */
const TABLE_HEADER = 'Total';

/**
 * Totaux des devis d'un tableau d'adhésions, en un seul appel : une ligne d'en-tête qui nomme les
 * champs (`collectivite.nom`, `collectivite.siren`, `maintenanceBase.postes`, `dpo`…, comme la
 * première colonne d'une plage « champ | valeur »), puis une ligne par adhérent. Rend une colonne
 * alignée sur le tableau : `Total` en face de l'en-tête, puis pour chaque adhérent son total (en
 * nombre) ou le message d'erreur de sa ligne (qui commence par `Erreur : `) ; une ligne vide reste
 * vide. Les colonnes sans en-tête sont ignorées. Les tarifs sont lus une seule fois.
 *
 * @param table - l'en-tête puis une ligne par adhérent
 * @param tarifs - facultatif : les montants fournis, en deux colonnes « champ | valeur »
 * @returns une ligne par ligne du tableau
 * @category Tableur
 * @example
 * Dans une feuille dont les lignes 1 à 3 portent `collectivite.nom`, `collectivite.siren`,
 * `collectivite.type`, `maintenanceBase.postes` puis deux adhérents :
 * ```text
 * =TE90_TABLEAU(A1:D3)      (Google Sheets)
 * =TETARIFS.TABLEAU(A1:D3)      (Excel)
 * → Total ; 2069,57 ; Erreur : collectivite.siren : …
 * ```
 */
export function tableau(table: Range, tarifs?: Range): Cell[][] {
  let count = 1;
  try {
    const rows = toRows(table);
    count = Math.max(1, rows.length);
    const catalogue = catalogueFrom(tarifs);
    const columns = (rows[0] ?? []).flatMap((cell, j) => (isEmpty(cell) ? [] : [{ key: fieldName(cell), j }]));
    const accepted: (Quote | undefined)[] = [];
    const out = rows.map((cells, i): Cell[] => {
      if (i === 0) return [TABLE_HEADER];
      if (columns.length === 0) return cells.every(isEmpty) ? [''] : [`${PREFIX}la première ligne du tableau doit nommer les champs (collectivite.nom, collectivite.siren…).`];
      if (columns.every((c) => isEmpty(cells[c.j]))) return [''];
      const read = adhesionFromEntries(
        columns.map((c) => ({ key: c.key, value: cells[c.j], where: `colonne ${c.j + 1}` })),
        'tableau',
      );
      const r = quoteRead(read, catalogue);
      if (r.ok) accepted[i] = r.value;
      return [r.ok ? Number(r.value.total) : r.message];
    });
    // Un SIREN facturé deux fois par deux lignes (numérotées comme les lignes du tableau) : chaque
    // ligne en cause le dit au lieu de son total, pour qu'aucune somme ne le compte deux fois en silence.
    const conflicts = catalogue.ok ? sirenConflicts(Array.from({ length: rows.length }, (_, i) => accepted[i]), catalogue.value) : [];
    for (const conflict of conflicts) {
      for (const e of (conflict.params as { entrees: readonly number[] }).entrees) out[e] = [fitMessage([sheetMessage(conflict)])];
    }
    return out;
  } catch (error) {
    return Array.from({ length: count }, () => [unexpected(error)]);
  }
}

/**
 * Le message d'une exception imprévue (`Erreur interne : …`), sans jamais lever.
 *
 * @internal
 */
export function unexpected(error: unknown): string {
  let detail: string;
  try {
    detail = error instanceof Error ? error.message : String(error);
  } catch {
    detail = 'exception illisible';
  }
  return `Erreur interne : ${detail}`;
}

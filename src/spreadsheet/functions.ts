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
  type Tarifs,
} from '@te90/tarifs';
import { isBlank, columnLetter, mapCells, partielOption, sortOptionals } from './arguments.js';
import { describeCell, isDate, isEmpty, toRows, type Cell, type Range } from './cells.js';
import { sheetIssue, sheetMessage, type SheetIssue } from './issues.js';
import { adhesionFromEntries, adhesionFromRange, fieldName, tarifsFromRange, type ReadRange } from './layout.js';
import { debtorIssue } from './debtors.js';
import { argumentNames, positionalArgs, QUANTITY_ARGUMENTS } from './mapping.js';
import { missingField, partialIssues, partialNote, quoteRows, remarksText } from './partial.js';

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
 * Ce qui situe un problème dans la feuille : la plage lue (`plage`, `tableau`), l'endroit de chaque
 * champ lu (`collectivite.siren` → `ligne 2`, ou `colonne B` dans un tableau), la ligne du tableau
 * en cause, l'endroit de chaque champ des tarifs, et les quantités de `PRESTATION` (`postes`…).
 *
 * @internal
 */
export interface Context {
  readonly root?: 'plage' | 'tableau';
  readonly places?: ReadonlyMap<string, string>;
  readonly row?: number;
  readonly tarifs?: ReadonlyMap<string, string>;
  readonly names?: readonly string[];
}

const RANGE_PLACE = /^(ligne|colonne) [0-9A-Z]+$/;

function suffix(path: readonly (string | number)[]): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
}

/** Le champ de l'adhésion qu'un chemin désigne, tel qu'on l'écrit dans une plage, et le reste du chemin. */
function fieldOf(path: Path): { key: string; deeper: Path } | undefined {
  const [root, a, b, ...rest] = path;
  if (root === 'collectivite' && typeof a === 'string') return { key: `collectivite.${a}`, deeper: path.slice(2) };
  if (root === 'prestations' && typeof a === 'string') return typeof b === 'string' ? { key: `${a}.${b}`, deeper: rest } : { key: a, deeper: path.slice(2) };
  if (root === 'millesime') return { key: 'millesime', deeper: path.slice(1) };
  // Un destinataire, nommé comme la plage l'écrit (`destinataires.1.siret`, voir debtors.ts).
  if (root === 'destinataires') return { key: path.map(String).join('.'), deeper: [] };
  return undefined;
}

/**
 * Une cellule d'une plage, dite comme on la voit : `plage, ligne 4, colonne B` ; `tableau, ligne 3,
 * colonne B`. Dans une plage « champ | valeur », la colonne A porte le nom du champ (`name`), la
 * colonne B sa valeur ; dans un tableau, la ligne 1 porte les noms.
 */
function at(root: string, place: string, row: number | undefined, name = false): string {
  if (root === 'tableau' && place.startsWith('colonne')) return `tableau, ligne ${name ? 1 : (row ?? 1)}, ${place}`;
  return `${root}, ${place}, colonne ${name ? 'A' : 'B'}`;
}

/**
 * L'endroit d'un problème, dit comme l'utilisateur du tableur le voit : la plage, la ligne et la
 * colonne (`plage, ligne 4, colonne B (maintenanceBase.postes)`, `tableau, ligne 3, colonne B
 * (collectivite.siren)`, `tarifs, ligne 2, colonne B (prestations.dpo.abonnement.montant)`), ou la
 * quantité de `PRESTATION` (`quantite (postes)`).
 * Lignes et colonnes sont comptées dans la plage passée à la fonction : ce sont celles de la feuille
 * quand elle commence en A1.
 */
function where(issue: SheetIssue | { readonly code: string; readonly path: Path; readonly params?: unknown }, ctx: Context = {}): string {
  const path = issue.path;
  const [root, ...rest] = path;
  if (root === 'plage' || root === 'tableau' || root === 'tarifs') {
    if (rest.length === 0) return root === 'tableau' && ctx.row !== undefined ? `tableau, ligne ${ctx.row}` : root;
    if (rest.length === 1 && typeof rest[0] === 'string' && RANGE_PLACE.test(rest[0])) {
      // Un champ inconnu ou écrit deux fois : c'est son nom qui est en cause (l'en-tête d'un tableau, la colonne A d'une plage).
      const params = (issue.params ?? {}) as Record<string, unknown>;
      const name = issue.code === 'CHAMP_INCONNU' || params['raison'] === 'champEnDouble';
      return at(root, rest[0], ctx.row, name);
    }
  }
  if (root === 'tarifs') {
    const key = formatPath(rest);
    for (let n = rest.length; n > 0; n--) {
      const place = ctx.tarifs?.get(formatPath(rest.slice(0, n)));
      if (place !== undefined) return `${at('tarifs', place, undefined)} (${key})`;
    }
    return `tarifs, ${key}`;
  }
  const field = fieldOf(path);
  if (field === undefined) return formatPath(path);
  const shown = field.key + suffix(field.deeper);
  if (ctx.names) {
    const name = field.key.slice(field.key.indexOf('.') + 1);
    const position = ctx.names.indexOf(name);
    if (position >= 0) return `${QUANTITY_ARGUMENTS[position] ?? `argument ${position + 2}`} (${name}${suffix(field.deeper)})`;
    return shown;
  }
  if (ctx.root === undefined) return shown;
  // Une prestation (un montant non publié…) est située par sa case, sinon par son premier paramètre rempli.
  const key = ctx.places?.has(field.key) ? field.key : [...(ctx.places?.keys() ?? [])].find((k) => k.startsWith(`${field.key}.`));
  const place = key === undefined ? undefined : ctx.places?.get(key);
  if (place !== undefined) return `${at(ctx.root, place, ctx.row)} (${key === field.key ? shown : key})`;
  return ctx.root === 'tableau' ? `tableau, ligne ${ctx.row ?? 1}, ${shown}` : `plage, ${shown}`;
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
 * Un problème à mettre dans un message : son texte, ou son endroit (`tableau, ligne 3 : `) suivi d'un
 * texte partagé par plusieurs lignes (celui d'un SIREN facturé deux fois, qui nomme chaque ligne en
 * cause) : le texte partagé n'est jamais recopié ligne par ligne, seulement coupé au besoin.
 *
 * @internal
 */
export type Part = string | { readonly lead: string; readonly body: string };

function lengthOf(part: Part): number {
  return typeof part === 'string' ? part.length : part.lead.length + part.body.length;
}

function textOf(part: Part): string {
  return typeof part === 'string' ? part : part.lead + part.body;
}

/** Les `length` premières unités d'un problème ; le texte partagé est coupé seul (il l'est en place, sans recopie). */
function headOf(part: Part, length: number): string {
  if (typeof part === 'string') return head(part, length);
  return part.lead.length >= length ? head(part.lead, length) : part.lead + head(part.body, length - part.lead.length);
}

/**
 * Le message d'erreur (`prefix`, `Erreur : ` par défaut, puis les problèmes séparés par « ; ») coupé pour tenir dans
 * `max` unités : par problèmes entiers, suivis de « … (N problèmes de plus) » ; un premier problème
 * plus long que la limite à lui seul est coupé sur un caractère entier, suivi de « … ». Le temps ne
 * dépend que des problèmes gardés, pas de la longueur de ceux qui ne tiennent pas.
 *
 * @internal
 */
export function fitMessage(parts: readonly Part[], max: number = MAX_MESSAGE, prefix: string = PREFIX): string {
  let text = prefix;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const separator = k === 0 ? '' : SEPARATOR;
    const rest = parts.length - k - 1;
    if (text.length + separator.length + lengthOf(part) + (rest > 0 ? more(rest).length : 0) <= max) {
      text += separator + textOf(part);
      continue;
    }
    if (k > 0) return text + more(parts.length - k);
    const tail = rest > 0 ? more(rest) : ' …';
    return text + headOf(part, max - text.length - tail.length) + tail;
  }
  return text;
}

/**
 * Le message d'erreur de problèmes, chacun à son endroit (`Erreur : plage, ligne 3, colonne B : …`).
 *
 * @internal
 */
export function describe(issues: readonly SheetIssue[], ctx: Context = {}): string {
  return fitMessage(located(issues, ctx));
}

/** Chaque problème situé (« plage, ligne 9, colonne B : … »), avant d'en faire un message. */
function located(issues: readonly SheetIssue[], ctx: Context = {}): string[] {
  return issues.map((i) => `${where(i, ctx)} : ${sheetMessage(i)}`);
}

/**
 * Le catalogue des fonctions : celui de 2026, complété par la plage tarifs, ou ses problèmes ; et
 * l'endroit de chaque champ de la plage tarifs, pour situer un problème.
 *
 * @internal
 */
export type Catalogued =
  | { ok: true; value: Catalogue; places: ReadonlyMap<string, string> }
  | { ok: false; issues: readonly SheetIssue[]; places: ReadonlyMap<string, string> };

const NOWHERE: ReadonlyMap<string, string> = new Map();

/**
 * Le catalogue de 2026 complété par la plage tarifs (vide : le catalogue tel quel), ou ses problèmes.
 *
 * @internal
 */
export function catalogueFrom(tarifs: unknown): Catalogued {
  if (isBlank(tarifs)) return { ok: true, value: catalogue2026, places: NOWHERE };
  const read = tarifsFromRange(tarifs, catalogue2026.millesime);
  const completed = safeCompleteCatalogue(catalogue2026, read.value as unknown as Tarifs);
  const issues = [...read.issues, ...(completed.success ? [] : uncovered(completed.issues, read.covered))];
  if (issues.length > 0 || !completed.success) return { ok: false, issues: issues.length > 0 ? issues : completed.success ? [] : completed.issues, places: read.places };
  return { ok: true, value: completed.data, places: read.places };
}

/**
 * Le devis d'une adhésion lue, ou le message de tous ses problèmes.
 *
 * @internal
 */
export type Quoted = { ok: true; value: Quote } | { ok: false; message: string; problems: readonly string[] };

/**
 * Chiffre une adhésion lue d'une plage : son devis, ou le message de tous ses problèmes (ceux de la
 * lecture, du catalogue et de la bibliothèque, chacun à son endroit : `ctx` dit la plage et, dans un
 * tableau, la ligne).
 *
 * @internal
 */
export function quoteRead(read: ReadRange, catalogue: Catalogued, ctx: Context = {}): Quoted {
  const at: Context = { ...ctx, places: read.places, tarifs: catalogue.places };
  // Un destinataire est nommé comme la plage l'écrit (destinataires.1.siret), pas par sa position.
  const debtors = (issues: readonly (SheetIssue | QuoteIssue)[]) => issues.map((i) => debtorIssue(i, read.debtorLabels));
  const refused = (issues: readonly SheetIssue[]): Quoted => {
    const problems = located(issues, at);
    return { ok: false, message: fitMessage(problems), problems };
  };
  if (!catalogue.ok) return refused([...catalogue.issues, ...read.issues, ...uncovered(debtors(validateAdhesion(read.value)), read.covered)]);
  const result = safeQuote(read.value as unknown as Adhesion, { catalogue: catalogue.value });
  if (result.success && read.issues.length === 0) return { ok: true, value: result.data };
  const issues = [...read.issues, ...(result.success ? [] : uncovered(debtors(result.issues), read.covered))];
  return refused(issues.length > 0 ? issues : result.success ? [] : debtors(result.issues));
}

/** Ce que la formule demande à propos d'un total partiel : l'option lue, ou son problème. */
type Option = { ok: true; partiel: boolean } | { ok: false; issue: SheetIssue };

function readPartiel(value: unknown): Option {
  if (isBlank(value)) return { ok: true, partiel: false };
  const partiel = partielOption(value);
  if (partiel !== undefined) return { ok: true, partiel };
  const shown = Array.isArray(value) ? 'une plage' : describeCell(value);
  return { ok: false, issue: sheetIssue('VALEUR_NON_ADMISE', ['partiel'], { raison: 'partiel', recu: shown }) };
}

/** L'option `partiel` d'une formule, pour le message d'un total partiel. */
const PARTIAL_OPTION = 'argument partiel à VRAI';

/**
 * Devis d'une adhésion disposée en deux colonnes « champ | valeur » : une ligne d'en-tête puis une
 * ligne par ligne de devis (montants en nombres) ; une ligne par part non chiffrée faute d'une donnée,
 * son montant `Non chiffré : …` (les fonctions de tableur d'Excel en font l'erreur `#N/A`) ; et dans
 * la colonne « Remarque » les remarques pour l'adhérent. En cas d'erreur, une seule cellule avec le
 * message (qui commence par `Erreur : `) ; les fonctions de tableur `DEVIS` en font une erreur de
 * cellule (`#ERROR!` dans Google Sheets, `#VALEUR!` dans Excel), qu'une somme n'ignore pas.
 *
 * @param plage - l'adhésion, en deux colonnes « champ | valeur »
 * @param tarifs - facultatif : les montants fournis, en deux colonnes « champ | valeur »
 * @returns les lignes du devis avec une ligne d'en-tête, ou `[[message d'erreur]]`
 * @category Tableur
 * @example
 * ```ts
 * devis([['collectivite.nom', 'Foussemagne'], ['collectivite.siren', '219000494'], ['collectivite.type', 'commune'], ['maintenanceBase.postes', 4], ['maintenanceBase.postesLicenceBL', 0]]);
 * //=> [['Prestation', …, 'Montant', …, 'Remarque'], ['maintenanceBase', 'postes', …, 2069.57, …]]
 * ```
 */
export function devis(plage: Range, tarifs?: Range): Cell[][] {
  try {
    const r = quoteRead(adhesionFromRange(plage), catalogueFrom(tarifs), { root: 'plage' });
    return r.ok ? quoteRows(r.value) : [[r.message]];
  } catch (error) {
    return [[unexpected(error)]];
  }
}

/**
 * Total du devis d'une adhésion disposée en deux colonnes « champ | valeur », en nombre. Un total
 * partiel (une part due non chiffrée faute d'une donnée, `Quote.totalPartiel`) est une erreur qui dit
 * ce qui manque, sauf si `partiel` est vrai (`VRAI`, `oui`, `1`) : le résultat est alors une ligne de
 * deux cellules, le total puis ce qui manque (vide si le total est complet). La plage `tarifs` se
 * reconnaît à ses champs : `partiel` peut venir à sa place. En cas d'erreur, le message (qui commence
 * par `Erreur : `) ; les fonctions de tableur `TOTAL` en font une erreur de cellule (`#ERROR!` dans
 * Google Sheets, `#VALEUR!` dans Excel).
 *
 * @param plage - l'adhésion, en deux colonnes « champ | valeur »
 * @param tarifs - facultatif : les montants fournis
 * @param partiel - facultatif : vrai pour rendre un total partiel, avec ce qui manque
 * @returns le total, `[[total, ce qui manque]]` avec `partiel`, ou le message d'erreur
 * @category Tableur
 * @example
 * ```ts
 * const plage = [['collectivite.nom', 'Foussemagne'], ['collectivite.siren', '219000494'], ['collectivite.type', 'commune'], ['maintenanceBase.postes', 4]];
 * total([...plage, ['maintenanceBase.postesLicenceBL', 0]]);
 * //=> 2069.57
 * total(plage);
 * //=> 'Erreur : plage : total partiel : la part « Maintenance de base — part 2 : … » n\'est pas chiffrée, faute de « maintenanceBase.postesLicenceBL » ; …'
 * total(plage, undefined, true);
 * //=> [[2069.57, 'Total partiel : la part « Maintenance de base — part 2 : … » n\'est pas chiffrée (…) ; le total n\'en tient pas compte.']]
 * ```
 */
export function total(plage: Range, tarifs?: Range, partiel?: Range): number | string | Cell[][] {
  try {
    const { tarifs: t, rest, repeated } = sortOptionals([tarifs, partiel], 0);
    const option = readPartiel(rest[0]);
    const read = adhesionFromRange(plage);
    const catalogue = catalogueFrom(t);
    const extra = [...(repeated ? [sheetIssue('VALEUR_NON_ADMISE', ['tarifs'], { raison: 'tarifsEnDouble' })] : []), ...(option.ok ? [] : [option.issue])];
    const r = quoteRead(read, catalogue, { root: 'plage' });
    if (!r.ok) return extra.length === 0 ? r.message : fitMessage([...located(extra), ...r.problems]);
    if (extra.length > 0) return describe(extra);
    const amount = Number(r.value.total);
    if (option.ok && option.partiel) return [[amount, partialNote(r.value)]];
    if (r.value.totalPartiel) return describe(partialIssues(r.value, 'plage', read.places, PARTIAL_OPTION), { root: 'plage' });
    return amount;
  } catch (error) {
    return unexpected(error);
  }
}

/** Le montant d'une prestation pour une combinaison de cellules (identifiant, quantités). */
function pricedOnce(key0: unknown, cells: unknown[], catalogue: Catalogued): number | string {
  const key = typeof key0 === 'string' ? key0.trim() : key0;
  if (isDate(key) || Array.isArray(key)) {
    const issue = sheetIssue('VALEUR_NON_ADMISE', ['prestation'], { raison: 'prestation', recu: describeCell(key), prestations: PRESTATION_IDS });
    return describe([...(catalogue.ok ? [] : catalogue.issues), issue], { tarifs: catalogue.places });
  }
  const declaration = prestationDeclaration(key);
  const names = declaration ? argumentNames(declaration) : [];
  const dates: SheetIssue[] = [];
  cells.forEach((cell, i) => {
    const name = names[i];
    if (!isDate(cell) || name === undefined) return;
    const path: Path = name === 'population' && !Object.prototype.hasOwnProperty.call(declaration!.parametres, name) ? ['collectivite', 'population'] : ['prestations', String(key), name];
    dates.push(sheetIssue('ENTREE_INVALIDE', path, { raison: 'cellule', attendu: declaration!.parametres[name]?.type === 'sirens' ? 'sirens' : 'nombre', recu: describeCell(cell) }));
    cells[i] = undefined;
  });
  const ctx: Context = { names, tarifs: catalogue.places };
  const covered = dates.map((d) => formatPath(d.path));
  const args = declaration ? positionalArgs(declaration, cells) : { params: {}, population: undefined, extra: false };
  if (declaration && args.extra) {
    return describe([sheetIssue('VALEUR_NON_ADMISE', ['prestation'], { raison: 'tropDArguments', prestation: String(key), arguments: QUANTITY_ARGUMENTS.slice(0, names.length).map((a, i) => `${a} (${names[i]!})`) })]);
  }
  const contexte = args.population === undefined ? {} : { collectivite: { population: args.population as number } };
  if (!catalogue.ok) {
    const own = safePricePrestation(key as PrestationId, args.params, { catalogue: catalogue2026, ...contexte });
    const ownIssues = own.success ? [] : uncovered(own.issues, covered).filter((i) => !(CATALOGUE_ISSUE_CODES as readonly string[]).includes(i.code));
    return describe([...catalogue.issues, ...dates, ...ownIssues], ctx);
  }
  const r = safePricePrestation(key as PrestationId, args.params, { catalogue: catalogue.value, ...contexte });
  if (r.success && dates.length === 0 && !r.data.totalPartiel) return Number(r.data.total);
  if (r.success && dates.length === 0) {
    // Une part non chiffrée faute d'une quantité : le montant serait partiel ; on nomme la quantité à remplir.
    const partial = r.data.manquants.map((m) => {
      const position = names.indexOf(String(m.path[m.path.length - 1]));
      const champ = QUANTITY_ARGUMENTS[position] ?? missingField(m.path);
      return sheetIssue('TOTAL_PARTIEL', m.path, { libelle: m.libelle, champ, option: null });
    });
    return describe(partial, ctx);
  }
  return describe([...dates, ...(r.success ? [] : uncovered(r.issues, covered))], ctx);
}

/**
 * Montant d'une prestation seule, à partir de ses quantités dans l'ordre de sa déclaration (leur sens
 * pour chaque prestation est dans l'aide de la fonction et dans la documentation, tirées des mêmes
 * déclarations) ; la population quand un de ses modèles de prix la lit. La plage `tarifs` se
 * reconnaît à ses champs : elle peut suivre l'identifiant ou la première quantité
 * (`prestation('dpo', tarifs)`). Chaque argument peut être une plage (ARRAYFORMULA dans Google
 * Sheets, plage déversée dans Excel) : le résultat est alors une plage de même forme, chaque cellule
 * son montant ou son message d'erreur. En cas d'erreur, le message (qui commence par `Erreur : `) ;
 * la fonction de tableur `PRESTATION` en fait une erreur de cellule.
 *
 * @param id - l'identifiant de la prestation (ou une plage d'identifiants)
 * @param quantite - sa première quantité (ou une plage)
 * @param quantite2 - sa seconde quantité (ou une plage)
 * @param tarifs - facultatif : les montants fournis
 * @returns le montant, une plage de montants, ou le message d'erreur
 * @category Tableur
 * @example
 * ```ts
 * prestation('marchesPublics', 2, 1);
 * //=> 132
 * prestation('secretariatMairie', '2,5');
 * //=> 900
 * prestation('secretariatMairie', [[1], ['2,5']]);
 * //=> [[300], [900]]
 * ```
 */
export function prestation(id: Range, quantite?: Range, quantite2?: Range, tarifs?: Range): number | string | Cell[][] {
  try {
    const { tarifs: t, rest, repeated } = sortOptionals([quantite, quantite2, tarifs], 2);
    const catalogue = catalogueFrom(t);
    if (repeated) return describe([sheetIssue('VALEUR_NON_ADMISE', ['tarifs'], { raison: 'tarifsEnDouble' })]);
    const mapped = mapCells([id, ...rest], ['prestation', ...QUANTITY_ARGUMENTS, 'argument 4'], ([key, ...cells]) => {
      try {
        return pricedOnce(key, cells, catalogue);
      } catch (error) {
        return unexpected(error);
      }
    });
    if (mapped.kind === 'shape') return describe([sheetIssue('VALEUR_NON_ADMISE', ['prestation'], { raison: 'formeDesPlages', detail: mapped.message })]);
    return mapped.kind === 'single' ? mapped.value : mapped.rows;
  } catch (error) {
    return unexpected(error);
  }
}

/** Ce que `tableau` rend en face de la ligne d'en-tête. */
const TABLE_HEADER = ['Total', 'Remarques'];

/**
 * Totaux des devis d'un tableau d'adhésions, en un seul appel : une ligne d'en-tête qui nomme les
 * champs (`collectivite.nom`, `collectivite.siren`, `maintenanceBase.postes`, `dpo`…, comme la
 * première colonne d'une plage « champ | valeur »), puis une ligne par adhérent. Rend deux colonnes
 * alignées sur le tableau : `Total | Remarques` en face de l'en-tête, puis pour chaque adhérent son
 * total (en nombre) ou le message d'erreur de sa ligne (qui commence par `Erreur : `), et les
 * remarques pour lui ; une ligne vide reste vide. Un total partiel est une erreur qui dit ce qui
 * manque, sauf si `partiel` est vrai : le total, et ce qui manque en tête de ses remarques. Les
 * colonnes sans en-tête sont ignorées. Les tarifs sont lus une seule fois.
 *
 * @param table - l'en-tête puis une ligne par adhérent
 * @param tarifs - facultatif : les montants fournis, en deux colonnes « champ | valeur »
 * @param partiel - facultatif : vrai pour rendre les totaux partiels, avec ce qui manque
 * @returns une ligne par ligne du tableau
 * @category Tableur
 * @example
 * Dans une feuille dont les lignes 1 à 3 portent `collectivite.nom`, `collectivite.siren`,
 * `collectivite.type`, `maintenanceBase.postes`, `maintenanceBase.postesLicenceBL` puis deux adhérents :
 * ```text
 * =TE90_TABLEAU(A1:E3)      (Google Sheets)
 * =TETARIFS.TABLEAU(A1:E3)      (Excel)
 * → Total | Remarques ; 2069,57 | ; Erreur : tableau, ligne 3, colonne B (collectivite.siren) : … |
 * ```
 */
export function tableau(table: Range, tarifs?: Range, partiel?: Range): Cell[][] {
  let count = 1;
  try {
    const rows = toRows(table);
    count = Math.max(1, rows.length);
    const { tarifs: t, rest, repeated } = sortOptionals([tarifs, partiel], 0);
    const option = readPartiel(rest[0]);
    const catalogue = catalogueFrom(t);
    const columns = (rows[0] ?? []).flatMap((cell, j) => (isEmpty(cell) ? [] : [{ key: fieldName(cell), j }]));
    const accepted: (Quote | undefined)[] = [];
    const wrong = [...(repeated ? [sheetIssue('VALEUR_NON_ADMISE', ['tarifs'], { raison: 'tarifsEnDouble' })] : []), ...(option.ok ? [] : [option.issue])];
    const out = rows.map((cells, i): Cell[] => {
      if (i === 0) return [...TABLE_HEADER];
      if (columns.length === 0) return cells.every(isEmpty) ? ['', ''] : [`${PREFIX}la première ligne du tableau doit nommer les champs (collectivite.nom, collectivite.siren…).`, ''];
      if (columns.every((c) => isEmpty(cells[c.j]))) return ['', ''];
      if (wrong.length > 0) return [describe(wrong), ''];
      const read = adhesionFromEntries(
        columns.map((c) => ({ key: c.key, value: cells[c.j], where: `colonne ${columnLetter(c.j)}` })),
        'tableau',
      );
      const ctx: Context = { root: 'tableau', row: i + 1 };
      const r = quoteRead(read, catalogue, ctx);
      if (!r.ok) return [r.message, ''];
      accepted[i] = r.value;
      const remarks = remarksText(r.value);
      if (!r.value.totalPartiel) return [Number(r.value.total), remarks];
      if (option.ok && option.partiel) return [Number(r.value.total), [partialNote(r.value), remarks].filter((x) => x !== '').join(' ')];
      return [describe(partialIssues(r.value, 'tableau', read.places, PARTIAL_OPTION), ctx), remarks];
    });
    // Un SIREN facturé deux fois par deux lignes (numérotées comme les lignes du tableau) : chaque
    // ligne en cause le dit au lieu de son total, pour qu'aucune somme ne le compte deux fois en silence.
    const conflicts = catalogue.ok ? sirenConflicts(Array.from({ length: rows.length }, (_, i) => accepted[i]), catalogue.value) : [];
    // Une ligne en cause dans plusieurs conflits (la même collectivité deux fois, décrite autrement) les dit tous.
    // Le message d'un conflit est rédigé une fois, quel que soit le nombre de lignes qu'il nomme : le
    // refaire (ou le recopier) pour chacune rendrait le tableau quadratique en ses lignes.
    const said = new Map<number, Part[]>();
    for (const conflict of conflicts) {
      const body = sheetMessage(conflict);
      for (const e of (conflict.params as { entrees: readonly number[] }).entrees) (said.get(e) ?? said.set(e, []).get(e)!).push({ lead: `tableau, ligne ${e + 1} : `, body });
    }
    for (const [e, messages] of said) out[e] = [fitMessage(messages), out[e]![1] ?? ''];
    return out;
  } catch (error) {
    return Array.from({ length: count }, () => [unexpected(error), '']);
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

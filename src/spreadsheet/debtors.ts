/**
 * Les destinataires des factures (`destinataires` d'une adhésion) dans une plage de tableur : un
 * champ par cellule, `destinataires.<n°>.<champ>` (`destinataires.1.siren`, `destinataires.1.siret`,
 * `destinataires.2.codeService`…, et pour l'adresse `destinataires.1.adresse.codePostal`), les champs
 * étant ceux de la bibliothèque (`DESTINATAIRE_FIELDS`, `ADRESSE_FIELDS`).
 * Le numéro n'est qu'une étiquette qui réunit les champs d'un même destinataire (de 0 à 999 ; les
 * destinataires sont pris dans l'ordre des numéros) ; sans numéro (`destinataires.siret`), c'est le
 * destinataire 1. La validation reste celle de la bibliothèque : ses problèmes, dont le chemin est
 * une position dans la liste (`destinataires[0].siret`), sont redits avec le champ tel que la plage
 * l'écrit (`destinataires.1.siret`).
 */
import { ADRESSE_FIELDS, DESTINATAIRE_FIELDS, formatPath, type AdresseField, type DestinataireField, type Path, type QuoteIssue } from '@te90/tarifs';
import { cellNumber, describeCell, isDate, isEmpty } from './cells.js';
import { sheetIssue, type CellExpectation, type SheetIssue } from './issues.js';
import type { Entry } from './layout.js';

const ROOT = 'destinataires';
const NUMBER = /^\d{1,3}$/;
/** Le plus grand entier qu'une cellule de tableur garde exactement : 15 chiffres significatifs. */
const EXACT = 1e15;
/** Une sorte de champ qu'une cellule porte (un champ simple d'un destinataire, ou d'une adresse). */
type CellKind = Exclude<DestinataireField['type'], 'adresse'> | AdresseField['type'];

/** Le nombre de chiffres d'un identifiant, qu'un nombre saisi retrouve avec ses zéros de tête. */
const DIGITS: Readonly<Record<CellKind, number>> = { siren: 9, siret: 14, codePostal: 5, texte: 0, choix: 0 };
/** Ce qu'attend une cellule de chaque sorte, pour le message d'une cellule qui contient une date. */
const EXPECTED: Readonly<Record<CellKind, CellExpectation>> = { siren: 'siren', siret: 'siret', codePostal: 'codePostal', texte: 'texte', choix: 'texte' };

/** Le champ d'adresse, qui s'écrit champ par champ (`adresse.voie`). */
const ADRESSE = 'adresse';

/**
 * Les champs d'une adresse tels qu'une plage les écrit, après `adresse.` : `complement|voie|…`.
 *
 * @internal
 */
export const ADRESSE_FIELDS_HELP = `${ADRESSE}.${Object.keys(ADRESSE_FIELDS).join('|')}`;

/**
 * Les champs admis pour les destinataires, pour le message d'un champ inconnu.
 *
 * @internal
 */
export const DEBTOR_FIELDS_HELP = `${ROOT}.<n°>.${Object.keys(DESTINATAIRE_FIELDS)
  .filter((k) => k !== ADRESSE)
  .join('|')}, ${ROOT}.<n°>.${ADRESSE_FIELDS_HELP}`;

function own<T>(record: Readonly<Record<string, T>>, name: string | undefined): T | undefined {
  return name !== undefined && Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

/**
 * Le champ que nomment les parties d'une clé après le numéro (`['siret']`, `['adresse', 'voie']`) :
 * son nom (`adresse.voie`) et sa sorte, ou `undefined` si ce n'est pas un champ qu'une cellule porte.
 *
 * @internal
 */
export function cellFieldOf(parts: readonly string[], fields: Readonly<Record<string, { readonly type: string }>>): { name: string; kind: CellKind } | undefined {
  if (parts.length === 2 && parts[0] === ADRESSE && own(fields, ADRESSE) !== undefined) {
    const f = own(ADRESSE_FIELDS as Readonly<Record<string, AdresseField>>, parts[1]);
    return f === undefined ? undefined : { name: parts.join('.'), kind: f.type };
  }
  const f = parts.length === 1 ? own(fields, parts[0]) : undefined;
  if (f === undefined || f.type === ADRESSE) return undefined;
  return { name: parts[0]!, kind: f.type as CellKind };
}

/**
 * Ce que la cellule d'un champ donne : un identifiant (voir {@link identifier}), une valeur d'un choix
 * en minuscules.
 *
 * @internal
 */
export function cellValue(value: unknown, kind: CellKind): unknown {
  if (kind === 'choix') return typeof value === 'string' ? value.trim().toLowerCase() : value;
  return identifier(value, kind);
}

/**
 * Place la valeur d'un champ (`siret`, `adresse.voie`) dans l'objet lu : un champ d'adresse dans
 * son adresse.
 *
 * @internal
 */
export function setCellField(target: Record<string, unknown>, name: string, value: unknown): void {
  const [head, sub] = name.split('.');
  if (sub === undefined) target[head!] = value;
  else ((target[head!] ??= {}) as Record<string, unknown>)[sub] = value;
}

/**
 * Ce qu'attend la cellule d'un champ de cette sorte, pour le message d'une cellule qui contient une date.
 *
 * @internal
 */
export function expectedOf(kind: CellKind): CellExpectation {
  return EXPECTED[kind];
}

/**
 * Un identifiant lu dans une cellule : un texte tel qu'il est écrit ; un nombre entier en texte, un
 * SIREN (9 chiffres), un SIRET (14) ou un code postal (5) retrouvant les zéros de tête que le
 * tableur a ôtés ; un nombre que le tableur a pu arrondir (à virgule, négatif, 16 chiffres ou plus)
 * n'est pas lu (`undefined`).
 */
function identifier(value: unknown, kind: CellKind): unknown {
  if (typeof value === 'string') return value.trim();
  if (typeof value !== 'number') return value;
  const n = cellNumber(value);
  if (!Number.isInteger(n) || n < 0 || n >= EXACT) return undefined;
  return String(n).padStart(DIGITS[kind], '0');
}

interface Debtor {
  readonly number: number;
  /** Le numéro tel que la plage l'écrit (`1`, `01`), ou `''` sans numéro. */
  readonly label: string;
  readonly fields: Record<string, unknown>;
  readonly where: Map<string, { key: string; where: string }>;
}

/**
 * Comment une plage nomme un destinataire : son numéro tel qu'elle l'écrit (`1`, `01`, ou `''` sans
 * numéro) et chacun de ses champs tel qu'elle l'écrit (`destinataires.1.siret`).
 *
 * @internal
 */
export interface DebtorLabel {
  readonly label: string;
  readonly keys: Readonly<Record<string, string>>;
}

/**
 * Ce qu'une plage dit des destinataires : la liste lue (dans l'ordre des numéros) et, pour chacun,
 * comment la plage le nomme, d'où les messages nomment ses champs.
 *
 * @internal
 */
export interface DebtorsRead {
  readonly destinataires: Record<string, unknown>[];
  readonly labels: readonly DebtorLabel[];
}

/**
 * Lit les champs `destinataires…` d'une plage, entrée par entrée, puis rend la liste.
 *
 * @internal
 */
export class DebtorsReader {
  private readonly debtors = new Map<number, Debtor>();

  constructor(private readonly root: string) {}

  /** `true` si la clé parle des destinataires (`destinataires`, `destinataires.…`). */
  static owns(key: string): boolean {
    return key === ROOT || key.startsWith(`${ROOT}.`);
  }

  /** Lit une entrée dont la clé parle des destinataires ; ses problèmes vont dans `issues`, les champs qu'ils couvrent dans `covered`. */
  read(entry: Entry, issues: SheetIssue[], covered: string[]): void {
    const parts = entry.key.split('.');
    const numbered = parts.length >= 3 && NUMBER.test(parts[1]!);
    const field = cellFieldOf(parts.slice(numbered ? 2 : 1), DESTINATAIRE_FIELDS);
    if (field === undefined) {
      issues.push(sheetIssue('CHAMP_INCONNU', [this.root, entry.where], { champ: entry.key, admis: [DEBTOR_FIELDS_HELP] }));
      return;
    }
    const name = field.name;
    const cell = entry.value;
    if (isEmpty(cell)) return;
    const label = numbered ? parts[1]! : '';
    const number = numbered ? Number(label) : 1;
    let debtor = this.debtors.get(number);
    if (debtor === undefined) this.debtors.set(number, (debtor = { number, label, fields: {}, where: new Map() }));
    const first = debtor.where.get(name);
    if (first !== undefined) {
      issues.push(sheetIssue('ENTREE_INVALIDE', [this.root, entry.where], { raison: 'champEnDouble', champ: entry.key, premier: `« ${first.key} », ${first.where}`, second: entry.where }));
      return;
    }
    debtor.where.set(name, { key: entry.key, where: entry.where });
    // Le champ tel que la plage l'écrit : c'est ainsi que les problèmes de la bibliothèque le nommeront (voir debtorIssue).
    const path = entry.key;
    if (isDate(cell)) {
      issues.push(sheetIssue('ENTREE_INVALIDE', [this.root, entry.where], { raison: 'dateDansCellule', champ: entry.key, recu: describeCell(cell), attendu: expectedOf(field.kind) }));
      covered.push(path);
      return;
    }
    const value = cellValue(cell, field.kind);
    if (value === undefined) {
      issues.push(sheetIssue('ENTREE_INVALIDE', [this.root, entry.where], { raison: 'identifiantNombre', champ: entry.key, recu: describeCell(cell) }));
      covered.push(path);
      return;
    }
    setCellField(debtor.fields, name, value);
  }

  /** Les destinataires lus, dans l'ordre de leurs numéros (aucun : une liste vide). */
  result(): DebtorsRead {
    const sorted = [...this.debtors.values()].sort((a, b) => a.number - b.number);
    return {
      destinataires: sorted.map((d) => d.fields),
      labels: sorted.map((d) => ({ label: d.label, keys: Object.fromEntries([...d.where].map(([name, w]) => [name, w.key])) })),
    };
  }
}

/**
 * Redit un problème de la bibliothèque sur un destinataire (chemin `['destinataires', 0, 'siret']`)
 * avec le champ tel que la plage l'écrit (`['destinataires', '1', 'siret']`, affiché
 * `destinataires.1.siret`) ; un SIREN en double nomme le champ qui le décrit déjà, et non sa position
 * dans la liste. Les autres problèmes sont rendus tels quels.
 *
 * @param labels - le numéro de chaque destinataire, tel que la plage l'écrit (`''` sans numéro)
 * @internal
 */
export function debtorIssue<I extends SheetIssue | QuoteIssue>(issue: I, labels: readonly DebtorLabel[] | undefined): I | SheetIssue {
  const [root, position, ...rest] = issue.path;
  const debtor = typeof position === 'number' ? labels?.[position] : undefined;
  if (root !== ROOT || debtor === undefined) return issue;
  const path = written(debtor, rest);
  const first = typeof issue.params['position'] === 'number' ? labels?.[issue.params['position']] : undefined;
  if (issue.code === 'SIREN_EN_DOUBLE' && first !== undefined) {
    return sheetIssue('SIREN_EN_DOUBLE', path, { raison: 'destinataire', siren: String(issue.params['siren']), premier: formatPath(written(first, ['siren'])) });
  }
  return { ...issue, path };
}

/** Le chemin d'un champ d'un destinataire tel que la plage l'écrit (`['destinataires', '1', 'siret']`). */
function written(debtor: DebtorLabel, rest: Path): Path {
  const name = rest.every((part) => typeof part === 'string') ? rest.join('.') : undefined;
  const key = name !== undefined && Object.prototype.hasOwnProperty.call(debtor.keys, name) ? debtor.keys[name] : undefined;
  if (key !== undefined) return key.split('.');
  return debtor.label === '' ? [ROOT, ...rest] : [ROOT, debtor.label, ...rest];
}

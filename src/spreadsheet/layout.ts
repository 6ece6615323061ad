import { COLLECTIVITE_FIELDS, COMPOSANTES, MODELES, modelDeclaration, PRESTATION_IDS, prestationDeclaration, type CollectiviteField, type FieldKind, type PrestationId } from '@te90/tarifs';
import { checkbox, decimalText, describeCell, isDate, isEmpty, paramCell, quantity, text, toRows } from './cells.js';
import { sheetIssue, type CellExpectation, type SheetIssue } from './issues.js';
import { ADRESSE_FIELDS_HELP, cellFieldOf, cellValue, DEBTOR_FIELDS_HELP, DebtorsReader, expectedOf, setCellField, type DebtorLabel } from './debtors.js';

/**
 * Comment une cellule de la plage tarifs écrit un champ de chaque sorte : un montant ou un prix en
 * nombre décimal (`400,00`), un arrondi en texte, une donnée structurée (grille, paliers, strates,
 * unité) en JSON.
 */
const CELL_OF_KIND: Readonly<Record<FieldKind, 'decimal' | 'json' | 'texte'>> = {
  montant: 'decimal',
  prix: 'decimal',
  unite: 'json',
  arrondi: 'texte',
  paliers: 'json',
  grille: 'json',
  stratesForfait: 'json',
};

/** Les champs d'un tarif et la façon dont leur cellule s'écrit, déduits des déclarations des modèles. */
const CHAMPS = new Map<string, 'decimal' | 'json' | 'texte'>([
  ['modele', 'texte'],
  ...MODELES.flatMap((m) => Object.entries(modelDeclaration(m)?.champs ?? {}).map(([name, field]) => [name, CELL_OF_KIND[field.kind]] as const)),
]);
/**
 * Comment une cellule de la plage écrit chaque champ de la collectivité, déduit de sa sorte
 * (`COLLECTIVITE_FIELDS`) : un texte, un nombre, une case à cocher ; le SIRET et les champs de
 * l'adresse (`collectivite.adresse.voie`) comme ceux d'un destinataire.
 */
const COLLECTIVITE_CELLS: Readonly<Record<'texte' | 'choix' | 'entier' | 'booleen', { read: (v: unknown) => unknown; attendu: CellExpectation }>> = {
  texte: { read: (v) => text(v), attendu: 'texte' },
  choix: { read: (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), attendu: 'texte' },
  entier: { read: quantity, attendu: 'nombre' },
  booleen: { read: (v) => checkbox(v) ?? v, attendu: 'ouiNon' },
};

/** La lecture et ce qu'attend la cellule d'un champ de la collectivité (`siren`, `adresse.voie`…), ou `undefined` s'il n'en est pas un. */
function collectiviteCell(parts: readonly string[]): { name: string; read: (v: unknown) => unknown; attendu: CellExpectation } | undefined {
  const fields = COLLECTIVITE_FIELDS as unknown as Readonly<Record<string, CollectiviteField>>;
  const own = parts.length === 1 && Object.prototype.hasOwnProperty.call(fields, parts[0]!) ? fields[parts[0]!] : undefined;
  if (own !== undefined && own.type !== 'siren' && own.type !== 'siret' && own.type !== 'adresse') return { name: parts[0]!, ...COLLECTIVITE_CELLS[own.type] };
  // Les identifiants et l'adresse : lus comme ceux d'un destinataire (zéros de tête retrouvés…).
  const field = cellFieldOf(parts, fields);
  if (field === undefined) return undefined;
  return { name: field.name, read: (v) => (field.kind === 'siren' ? text(v, 9) : cellValue(v, field.kind)), attendu: expectedOf(field.kind) };
}

const FIELD = /^[A-Za-z][A-Za-z0-9]*$/;

/** Un nom de champ sûr : lettres et chiffres, et aucun nom réservé d'objet JavaScript. */
function safeField(name: string | undefined): name is string {
  return name !== undefined && FIELD.test(name) && name !== 'constructor' && name !== 'prototype';
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Ce que la lecture d'une plage a donné : l'objet lu, les problèmes de disposition (à l'endroit de
 * la plage en cause : `['plage', 'ligne 3']`, `['tableau', 'colonne 2']`), et les champs déjà
 * signalés (chemins de l'objet lu, `collectivite.population`), dont la validation n'a plus rien
 * à dire.
 *
 * @internal
 */
export interface ReadRange {
  readonly value: Record<string, unknown>;
  readonly issues: SheetIssue[];
  readonly covered: readonly string[];
  /** L'endroit de chaque champ lu (`maintenanceBase.postes` → `ligne 4`), pour situer un problème. */
  readonly places: ReadonlyMap<string, string>;
  /** Le numéro de chaque destinataire lu, tel que la plage l'écrit (voir `debtors.ts`), pour nommer ses champs dans les messages. */
  readonly debtorLabels?: readonly DebtorLabel[];
}

/**
 * Une cellule « champ » et sa valeur, avec l'endroit où elles sont dans la plage (`ligne 3` pour
 * une plage en deux colonnes, `colonne 3` pour un tableau).
 *
 * @internal
 */
export interface Entry {
  readonly key: string;
  readonly value: unknown;
  readonly where: string;
}

/**
 * Le nom d'un champ lu dans une cellule : le texte sans ses espaces, un nombre en texte, et pour
 * tout autre contenu sa description (qui ne sera reconnue comme aucun champ).
 *
 * @internal
 */
export function fieldName(cell: unknown): string {
  return typeof cell === 'string' || typeof cell === 'number' ? String(cell).trim() : describeCell(cell);
}

function pairs(range: unknown): Entry[] {
  const out: Entry[] = [];
  toRows(range).forEach((cells, i) => {
    const key = cells[0];
    if (isEmpty(key)) return;
    const name = fieldName(key);
    if (i === 0 && name.toLowerCase() === 'champ') return;
    out.push({ key: name, value: cells[1], where: `ligne ${i + 1}` });
  });
  return out;
}

/**
 * Les problèmes des champs nommés plusieurs fois : le second l'emporterait en silence sur le
 * premier, l'utilisateur ne saurait pas lequel compte.
 */
function duplicates(entries: readonly Entry[], root: string): { issues: SheetIssue[]; kept: Entry[] } {
  const seen = new Map<string, string>();
  const issues: SheetIssue[] = [];
  const kept: Entry[] = [];
  for (const entry of entries) {
    const first = seen.get(entry.key);
    if (first === undefined) {
      seen.set(entry.key, entry.where);
      kept.push(entry);
    } else {
      issues.push(sheetIssue('ENTREE_INVALIDE', [root, entry.where], { raison: 'champEnDouble', champ: entry.key, premier: first, second: entry.where }));
    }
  }
  return { issues, kept };
}

function dateIssue(root: string, entry: Entry, attendu: CellExpectation): SheetIssue {
  return sheetIssue('ENTREE_INVALIDE', [root, entry.where], { raison: 'dateDansCellule', champ: entry.key, recu: describeCell(entry.value), attendu });
}

function unknownField(root: string, where: string, key: string, admis: readonly string[]): SheetIssue {
  return sheetIssue('CHAMP_INCONNU', [root, where], { champ: key, admis });
}

const ADHESION_FIELDS = [
  'millesime',
  `collectivite.${Object.keys(COLLECTIVITE_FIELDS)
    .filter((k) => k !== 'adresse')
    .join('|')}`,
  `collectivite.${ADRESSE_FIELDS_HELP}`,
  '<prestation> ou <prestation>.<paramètre>',
  DEBTOR_FIELDS_HELP,
];

/**
 * Lit une adhésion à partir de ses champs (`collectivite.nom`, `collectivite.siren`,
 * `collectivite.type`, `collectivite.population`, `collectivite.parcTransfere`, ses données de
 * facturation `collectivite.siret`, `collectivite.adresse.voie`…, une prestation
 * sans paramètre cochée (`dpo | oui`), ou un paramètre (`maintenanceBase.postes | 4`,
 * `packDemat.sirens | 200000107, 200000115`)), où qu'ils soient dans la plage. Une prestation
 * décochée (`packDemat | non`) dont un paramètre est rempli est signalée (`caseContredite`) ; une case
 * vide ne contredit rien.
 *
 * @param root - le nom de la plage dans les messages (`plage`, `tableau`)
 * @internal
 */
export function adhesionFromEntries(entries: readonly Entry[], root: string): ReadRange {
  const collectivite: Record<string, unknown> = {};
  const prestations: Record<string, Record<string, unknown>> = {};
  const value: Record<string, unknown> = { collectivite, prestations };
  const { issues, kept } = duplicates(entries, root);
  const covered: string[] = [];
  // Une case décochée (« non ») alors qu'un paramètre de la même prestation est rempli : signalée
  // plutôt que de facturer la prestation (ou de l'ignorer) sans un mot.
  const unticked = new Map<string, Entry>();
  const filled = new Map<string, string[]>();
  const debtors = new DebtorsReader(root);
  let c: ReturnType<typeof collectiviteCell>;
  for (const entry of kept) {
    const { key, value: cell, where } = entry;
    const [head, field, ...rest] = key.split('.');
    if (head === 'millesime' && field === undefined) {
      if (isDate(cell)) {
        issues.push(dateIssue(root, entry, 'annee'));
        covered.push('millesime');
      } else if (!isEmpty(cell)) value['millesime'] = quantity(cell);
    } else if (head === 'collectivite' && field !== undefined && (c = collectiviteCell([field, ...rest])) !== undefined) {
      if (isDate(cell)) {
        issues.push(dateIssue(root, entry, c.attendu));
        covered.push(key);
      } else if (!isEmpty(cell)) {
        const v = c.read(cell);
        // Un identifiant que le tableur a pu arrondir n'est pas lu : la cellule est signalée telle quelle.
        if (v === undefined) issues.push(sheetIssue('ENTREE_INVALIDE', [root, where], { raison: 'identifiantNombre', champ: key, recu: describeCell(cell) }));
        else setCellField(collectivite, c.name, v);
      }
    } else if (PRESTATION_IDS.includes(head as PrestationId) && rest.length === 0 && (field === undefined || safeField(field))) {
      const id = head!;
      if (field === undefined) {
        const ticked = isDate(cell) ? undefined : checkbox(cell);
        if (ticked === undefined) {
          issues.push(sheetIssue('ENTREE_INVALIDE', [root, where], { raison: 'ouiNon', champ: key, recu: describeCell(cell) }));
        } else if (ticked) prestations[id] ??= {};
        else if (!isEmpty(cell)) unticked.set(id, entry);
      } else if (isDate(cell)) {
        const type = prestationDeclaration(id)?.parametres[field]?.type;
        issues.push(dateIssue(root, entry, type === 'sirens' ? 'sirens' : type === 'durees' ? 'durees' : 'nombre'));
        prestations[id] ??= {};
        covered.push(`prestations.${id}.${field}`);
      } else if (!isEmpty(cell)) {
        (prestations[id] ??= {})[field] = paramCell(prestationDeclaration(id)?.parametres[field]?.type, cell);
      }
      if (field !== undefined && !isEmpty(cell)) (filled.get(id) ?? filled.set(id, []).get(id)!).push(key);
    } else if (DebtorsReader.owns(key)) {
      debtors.read(entry, issues, covered);
    } else {
      issues.push(unknownField(root, where, key, ADHESION_FIELDS));
    }
  }
  for (const [id, entry] of unticked) {
    const parametres = filled.get(id);
    if (parametres) issues.push(sheetIssue('ENTREE_INVALIDE', [root, entry.where], { raison: 'caseContredite', champ: entry.key, recu: describeCell(entry.value), parametres }));
  }
  const { destinataires, labels } = debtors.result();
  if (destinataires.length > 0) value['destinataires'] = destinataires;
  return { value, issues, covered, debtorLabels: labels, places: new Map(kept.map((e) => [e.key, e.where])) };
}

/**
 * Lit une adhésion disposée en deux colonnes « champ | valeur » (voir {@link adhesionFromEntries}) ;
 * une première ligne `champ | valeur` est un en-tête.
 *
 * @internal
 */
export function adhesionFromRange(range: unknown): ReadRange {
  return adhesionFromEntries(pairs(range), 'plage');
}

/**
 * Lit des tarifs disposés en deux colonnes « champ | valeur » : `source`, `millesime` (2026 par
 * défaut), et un champ de tarif par ligne (`prestations.dpo.abonnement.montant | 400,00`), une cellule
 * par montant ; au besoin le modèle (`prestations.dpo.abonnement.modele | parHabitant`). Une grille ou
 * des strates s'écrivent en JSON dans leur cellule.
 *
 * @internal
 */
export function tarifsFromRange(range: unknown, millesime: number): ReadRange {
  const prestations: Record<string, Record<string, Record<string, unknown>>> = {};
  const value: Record<string, unknown> = { millesime, prestations };
  const { issues, kept } = duplicates(pairs(range), 'tarifs');
  const covered: string[] = [];
  for (const entry of kept) {
    const { key, value: cell, where } = entry;
    const parts = key.split('.');
    if (key === 'source') {
      if (isDate(cell)) {
        issues.push(dateIssue('tarifs', entry, 'texte'));
        covered.push('tarifs.source');
      } else value['source'] = text(cell);
    } else if (key === 'millesime') {
      if (isDate(cell)) {
        issues.push(dateIssue('tarifs', entry, 'annee'));
        covered.push('tarifs.millesime');
      } else value['millesime'] = quantity(cell);
    } else if (
      parts.length === 4 &&
      parts[0] === 'prestations' &&
      PRESTATION_IDS.includes(parts[1] as PrestationId) &&
      (COMPOSANTES[parts[1] as PrestationId] as readonly string[]).includes(parts[2]!) &&
      CHAMPS.has(parts[3]!)
    ) {
      if (isEmpty(cell)) continue;
      if (isDate(cell)) {
        issues.push(dateIssue('tarifs', entry, 'montant'));
        continue;
      }
      const [, id, composante, champ] = parts as [string, string, string, string];
      const cellule = CHAMPS.get(champ)!;
      let amount: unknown = cellule === 'decimal' ? (decimalText(cell) ?? cell) : cellule === 'texte' ? text(cell) : cell;
      if (cellule === 'json' && typeof cell === 'string') {
        try {
          amount = JSON.parse(cell);
        } catch {
          issues.push(sheetIssue('JSON_INVALIDE', ['tarifs', where], { raison: 'cellule', champ: key }));
          continue;
        }
      }
      ((prestations[id] ??= {})[composante] ??= {})[champ] = amount;
    } else {
      issues.push(
        unknownField('tarifs', where, key, ['source', 'millesime', `prestations.<prestation>.<composante>.<${[...CHAMPS.keys()].join('|')}>`]),
      );
    }
  }
  return { value, issues, covered, places: new Map(kept.map((e) => [e.key, e.where])) };
}

/**
 * Le rôle de facturation dans un tableur (`FACTURATION`) : le rôle de la bibliothèque
 * (`createBillingRoll`) d'un tableau d'adhésions, une ligne de feuille par ligne de facture.
 */
import { createBillingRoll, formatPath, sirenConflicts, type BillingRoll, type Destinataire, type Quote, type QuoteIssue, type RollLine } from '@te90/tarifs';
import { isEmpty, toRows, type Cell, type Range } from './cells.js';
import { debtorIssue } from './debtors.js';
import { columnLetter } from './arguments.js';
import { catalogueFrom, describe, fitMessage, MAX_MESSAGE, PREFIX, quoteRead, unexpected } from './functions.js';
import { sheetIssue, sheetMessage } from './issues.js';
import { adhesionFromEntries, fieldName, type ReadRange } from './layout.js';
import { missingField } from './partial.js';

/**
 * L'état d'une ligne du rôle, dans la colonne `Statut` : une ligne à facturer, ou ce qui l'empêche.
 * Seules les lignes `A_FACTURER` portent un montant en nombre ; les autres portent dans la colonne
 * `Montant` une erreur (ou rien), pour qu'aucune somme ne les compte en silence.
 *
 * @internal
 */
export const STATUTS = {
  /** Une ligne de facture à émettre. */
  aFacturer: 'A_FACTURER',
  /** Une ligne qu'une autre adhésion facture déjà au même SIREN (ou une collectivité qui adhère deux fois) : à trancher. */
  deuxFois: 'SIREN_FACTURE_DEUX_FOIS',
  /** Une ligne dont le débiteur est décrit deux fois autrement (par deux lignes du tableau, ou deux champs d'une ligne) : à trancher. */
  debiteur: 'DEBITEUR_CONTRADICTOIRE',
  /** Une part due qui n'est pas chiffrée faute d'une donnée : aucun montant n'est inventé. */
  manquant: 'MONTANT_MANQUANT',
  /** Une adhésion refusée : aucune de ses lignes n'est au rôle. */
  refusee: 'ADHESION_REFUSEE',
  /** Un destinataire décrit auquel rien n'est facturé (un avertissement de la bibliothèque). */
  sansFacture: 'DESTINATAIRE_SANS_FACTURE',
} as const;

/**
 * Les colonnes du rôle rendu par `FACTURATION`, dans l'ordre.
 *
 * @internal
 */
export const ROLL_HEADER = [
  'Millésime',
  'Pièce du rôle',
  'SIREN débiteur',
  'Débiteur',
  'SIRET',
  'Code service',
  'Engagement',
  'Ligne',
  'Adhérent',
  'SIREN adhérent',
  'Prestation',
  'Composante',
  'Libellé',
  'Quantité',
  'Unité',
  'Prix unitaire',
  'Montant',
  'Détail',
  'Source',
  'Statut',
  'Message',
] as const;

type Column = (typeof ROLL_HEADER)[number];
type RollRow = Partial<Record<Column, Cell>>;

const NO_HEADER = `${PREFIX}la première ligne du tableau doit nommer les champs (collectivite.nom, collectivite.siren…).`;

function cells(row: RollRow): Cell[] {
  return ROLL_HEADER.map((c) => row[c] ?? '');
}

/** Les colonnes du débiteur : son SIREN et ce qu'en disent les adhésions, en texte. */
function debtorCells(d: Destinataire | undefined, siren: string, facture: number | undefined): RollRow {
  return {
    'Pièce du rôle': facture ?? '',
    'SIREN débiteur': siren,
    Débiteur: d?.nom ?? '',
    SIRET: d?.siret ?? '',
    'Code service': d?.codeService ?? '',
    Engagement: d?.engagement ?? '',
  };
}

/** Le message d'une ligne qui n'est pas à facturer, fait de ses problèmes : `Erreur : …` dans la colonne Montant, le texte seul dans la colonne Message. */
function refusal(problems: readonly string[]): RollRow {
  return { Montant: fitMessage(problems), Message: fitMessage(problems, MAX_MESSAGE, '') };
}

/** Une ligne du tableau d'adhésions : sa position (l'en-tête est la ligne 1), ce qui en a été lu, son devis s'il est accepté. */
interface TableRow {
  readonly i: number;
  readonly read: ReadRange;
  quote?: Quote;
  refusal?: readonly string[];
}

/**
 * Le rôle de facturation d'un tableau d'adhésions (une ligne d'en-tête qui nomme les champs, puis
 * une ligne par adhérent, comme pour `tableau`), en un seul appel : l'en-tête du rôle (Millésime,
 * Pièce du rôle, SIREN débiteur, Débiteur, SIRET, Code service, Engagement, Ligne, Adhérent, SIREN
 * adhérent, Prestation, Composante, Libellé, Quantité, Unité, Prix unitaire, Montant, Détail, Source,
 * Statut, Message), puis une ligne par ligne de facture, facture par facture (une par SIREN débiteur,
 * toutes adhésions confondues), et enfin ce qui n'est pas au rôle : les parts non chiffrées, les
 * adhésions refusées et les destinataires sans facture, dans l'ordre du tableau. Les identifiants
 * sont des textes, quantités, prix et montants des nombres.
 *
 * Seule une ligne `A_FACTURER` porte un montant : une ligne facturée deux fois au même SIREN
 * (`SIREN_FACTURE_DEUX_FOIS`, sur chaque ligne en cause), une ligne dont le débiteur est décrit deux
 * fois autrement (`DEBITEUR_CONTRADICTOIRE`, sur chaque ligne de sa pièce), une part non chiffrée (`MONTANT_MANQUANT` :
 * aucun montant n'est inventé) et une adhésion refusée (`ADHESION_REFUSEE`) portent dans la colonne
 * Montant leur message (qui commence par `Erreur : `), dont les fonctions de tableur font une erreur
 * de cellule dans Excel. Un tableau faux en entier (tarifs, en-tête absent) donne une seule cellule,
 * son message.
 *
 * @param table - l'en-tête puis une ligne par adhérent (`destinataires.1.siren`, `destinataires.1.siret`… décrivent les débiteurs)
 * @param tarifs - facultatif : les montants fournis, en deux colonnes « champ | valeur »
 * @returns l'en-tête du rôle puis ses lignes, ou `[[message d'erreur]]`
 * @category Tableur
 * @example
 * ```ts
 * facturation([
 *   ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL', 'destinataires.1.siren', 'destinataires.1.codeService'],
 *   ['Foussemagne', '219000494', 'commune', 4, 0, '219000494', 'FINANCES'],
 * ]);
 * //=> [['Millésime', 'Pièce du rôle', 'SIREN débiteur', …], [2026, 1, '219000494', 'Foussemagne', '', 'FINANCES', '', 2, …, 2069.57, …, 'A_FACTURER', '']]
 * ```
 */
export function facturation(table: Range, tarifs?: Range): Cell[][] {
  try {
    const rows = toRows(table);
    const catalogue = catalogueFrom(tarifs);
    if (!catalogue.ok) return [[describe(catalogue.issues)]];
    const columns = (rows[0] ?? []).flatMap((cell, j) => (isEmpty(cell) ? [] : [{ key: fieldName(cell), j }]));
    if (columns.length === 0) return rows.every((r) => r.every(isEmpty)) ? [[...ROLL_HEADER]] : [[NO_HEADER]];
    const builder = createBillingRoll({ catalogue: catalogue.value });
    const read: TableRow[] = [];
    // La position de chaque adhésion dans le rôle → sa ligne dans le tableau.
    const rowOf: TableRow[] = [];
    rows.forEach((line, i) => {
      if (i === 0 || columns.every((c) => isEmpty(line[c.j]))) return;
      const r: TableRow = { i, read: adhesionFromEntries(columns.map((c) => ({ key: c.key, value: line[c.j], where: `colonne ${columnLetter(c.j)}` })), 'tableau') };
      read.push(r);
      if (r.read.issues.length === 0) {
        const result = builder.add(r.read.value);
        rowOf[result.index] = r;
        if (result.success) {
          r.quote = result.data;
          return;
        }
      }
      // Refusée : le message est celui de TABLEAU et de TOTAL pour la même ligne.
      const quoted = quoteRead(r.read, catalogue, { root: 'tableau', row: r.i + 1 });
      r.refusal = quoted.ok ? ['adhésion refusée.'] : quoted.problems;
    });
    return [[...ROLL_HEADER], ...rollRows(builder.result(), rowOf, read, catalogue.value).map(cells)];
  } catch (error) {
    return [[unexpected(error)]];
  }
}

function rollRows(roll: BillingRoll, rowOf: readonly TableRow[], read: readonly TableRow[], catalogue: Parameters<typeof sirenConflicts>[1]): RollRow[] {
  const millesime = roll.millesime;
  const tableLine = (l: RollLine) => rowOf[l.adherent.index]!.i;
  // Ce qui serait facturé deux fois, les positions étant celles du tableau (comme TABLEAU le dit).
  const aligned: (Quote | undefined)[] = [];
  for (const r of read) aligned[r.i] = r.quote;
  const conflicts = sirenConflicts(Array.from({ length: aligned.length }, (_, i) => aligned[i]), catalogue);
  // Ce qui serait facturé deux fois d'abord ; puis un débiteur décrit deux fois autrement : toutes les lignes de sa pièce.
  // Indexés par ligne du tableau et par SIREN : chercher dans la liste des conflits à chaque ligne du
  // rôle rendrait le rôle quadratique quand beaucoup de lignes partagent un SIREN.
  const twiceAt = new Map<number, QuoteIssue[]>();
  const debtorOf = new Map<string, QuoteIssue>();
  for (const c of conflicts) {
    if (c.code === 'DEBITEUR_CONTRADICTOIRE') {
      const siren = String(c.params['siren']);
      if (!debtorOf.has(siren)) debtorOf.set(siren, c);
      continue;
    }
    for (const e of (c.params as { entrees: readonly number[] }).entrees) (twiceAt.get(e) ?? twiceAt.set(e, []).get(e)!).push(c);
  }
  const conflictOf = (siren: string, l: RollLine): QuoteIssue | undefined =>
    twiceAt.get(tableLine(l))?.find((c) => {
      const p = c.params as { raison: string; siren: string; prestation?: string };
      return p.raison === 'collectivite' ? true : p.siren === siren && p.prestation === l.prestation;
    }) ?? debtorOf.get(siren);
  const out: RollRow[] = [];
  const factureOf = new Map<string, { numero: number; debiteur: Destinataire }>();
  roll.factures.forEach((f, n) => {
    factureOf.set(f.debiteur.siren, { numero: n + 1, debiteur: f.debiteur });
    for (const l of f.lignes) {
      const conflict = conflictOf(f.debiteur.siren, l);
      out.push({
        Millésime: millesime,
        ...debtorCells(f.debiteur, f.debiteur.siren, n + 1),
        Ligne: tableLine(l) + 1,
        Adhérent: l.adherent.nom,
        'SIREN adhérent': l.adherent.siren,
        Prestation: l.prestation,
        Composante: l.composante,
        Libellé: l.libelle,
        Quantité: Number(l.quantite),
        Unité: l.unite,
        'Prix unitaire': Number(l.prixUnitaire),
        Montant: Number(l.montant),
        Détail: l.detail,
        Source: l.source.reference,
        Statut: conflict === undefined ? STATUTS.aFacturer : conflict.code === 'DEBITEUR_CONTRADICTOIRE' ? STATUTS.debiteur : STATUTS.deuxFois,
        ...(conflict === undefined ? {} : refusal([sheetMessage(conflict)])),
      });
    }
  });
  // Ce qui n'est pas au rôle, dans l'ordre du tableau.
  for (const r of read) {
    const adherent = { Millésime: millesime, Ligne: r.i + 1 };
    if (r.refusal !== undefined) {
      const c = r.read.value['collectivite'] as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' ? v : '');
      out.push({ ...adherent, Adhérent: text(c['nom']), 'SIREN adhérent': text(c['siren']).replace(/\s+/g, ''), Statut: STATUTS.refusee, ...refusal(r.refusal) });
      continue;
    }
    const q = r.quote!;
    const who = { ...adherent, Adhérent: q.collectivite.nom, 'SIREN adhérent': q.collectivite.siren };
    for (const m of q.manquants) {
      const f = factureOf.get(m.siren);
      const issue = sheetIssue('MONTANT_MANQUANT', m.path, { champ: missingField(m.path), libelle: m.libelle });
      out.push({
        ...who,
        ...debtorCells(f?.debiteur ?? q.destinataires?.find((d) => d.siren === m.siren), m.siren, f?.numero),
        Prestation: m.prestation,
        Composante: m.composante,
        Libellé: m.libelle,
        Statut: STATUTS.manquant,
        ...refusal([sheetMessage(issue)]),
      });
    }
    for (const w of q.avertissements) {
      if (w.code !== 'DESTINATAIRE_SANS_FACTURE') continue;
      const siren = String(w.params['siren']);
      const located = debtorIssue(w as unknown as QuoteIssue, r.read.debtorLabels);
      out.push({
        ...who,
        ...debtorCells(q.destinataires?.find((d) => d.siren === siren), siren, undefined),
        Statut: STATUTS.sansFacture,
        Message: `${formatPath(located.path)} : ${sheetMessage(located)}`,
      });
    }
  }
  return out;
}

import { formatEuros, formatSiren, type RollInvoice, type RollLine, type BillingRoll, type QuoteIssue, type Source } from '@te90/tarifs';
import { CSV_BOM, cell, identifierCell, numberCell } from './csv.js';
import { agreeing, enumerate } from './words.js';
import { pad, renderIssuesText } from './quote-text.js';
import { guardedChunks, guardedInput } from './issues.js';

/** Les colonnes du CSV du rôle, en mots : une par donnée, dans l'ordre des cellules. */
const CSV_COLUMNS = [
  'Pièce du rôle n°',
  'Millésime',
  'SIREN débiteur',
  'Débiteur',
  'SIRET',
  'Code service',
  'Engagement',
  'Données Chorus Pro manquantes',
  'Adhésion n°',
  'Adhérent',
  'SIREN adhérent',
  'Prestation',
  'Libellé',
  'Périodicité',
  'Quantité',
  'Unité',
  'Prix unitaire',
  'Montant',
  'Total de la pièce',
  'Détail',
  'Origine du montant',
  'Référence',
  "Montant d'exemple",
  'À trancher',
] as const;

const CSV_HEADER = CSV_COLUMNS.map(cell).join(';');

/** Ce qu'une ligne en conflit dit, dans le texte et dans la colonne « À trancher ». */
const CONFLICT_MARK = 'facturé deux fois au même SIREN';
/** Ce que dit une ligne dont le débiteur est décrit deux fois autrement. */
const DEBTOR_MARK = 'débiteur décrit deux fois autrement';

/** D'où vient un montant, en mots. */
function originLabel(source: Source): string {
  return source.origine === 'publie' ? 'Montant publié' : source.origine === 'revision' ? 'Montant révisé' : 'Montant fourni';
}

/** La périodicité d'une ligne. */
function periodicity(l: RollLine): 'annuelle' | 'ponctuelle' {
  return l.ponctuelle === true ? 'ponctuelle' : 'annuelle';
}

/** La périodicité d'une pièce : celle de ses lignes (« annuelle et ponctuelle » si elles diffèrent). */
function billPeriodicity(f: RollInvoice): string {
  const kinds = new Set(f.lignes.map(periodicity));
  return kinds.size === 2 ? 'annuelle et ponctuelle' : kinds.has('ponctuelle') ? 'ponctuelle' : 'annuelle';
}

/** Une donnée du débiteur est-elle donnée (ni absente ni vide) ? */
const hasText = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * Ce qui manque à un débiteur pour une facture déposée sur Chorus Pro : son SIRET (toujours exigé),
 * son code service et son engagement (exigés seulement si le débiteur les demande, ce que le rôle ne
 * sait pas : « à vérifier »). Vide si rien ne manque.
 *
 * @internal
 */
export function missingChorusData(d: RollInvoice['debiteur']): string[] {
  const out: string[] = [];
  if (!hasText(d.siret)) out.push('SIRET manquant');
  if (!hasText(d.codeService)) out.push('code service à vérifier');
  if (!hasText(d.engagement)) out.push('engagement à vérifier');
  return out;
}

/**
 * Les lignes en conflit : « SIREN|position » ou « SIREN|position|prestation » (SIREN facturé deux
 * fois), « debiteur|SIREN » (débiteur décrit deux fois autrement : toute sa pièce).
 */
function conflictKeys(conflits: readonly QuoteIssue[]): Set<string> {
  const keys = new Set<string>();
  for (const c of conflits) {
    const { raison, siren, prestation, entrees } = c.params as { raison?: unknown; siren?: unknown; prestation?: unknown; entrees?: unknown };
    if (typeof siren !== 'string' || !Array.isArray(entrees)) continue;
    if (c.code === 'DEBITEUR_CONTRADICTOIRE') {
      keys.add(`debiteur|${siren}`);
      continue;
    }
    for (const e of entrees) keys.add(raison === 'prestation' ? `${siren}|${String(e)}|${String(prestation)}` : `${siren}|${String(e)}`);
  }
  return keys;
}

/** Ce qui est à trancher pour la ligne `l` de la pièce du débiteur `siren`, ou `undefined`. */
function conflictMark(keys: ReadonlySet<string>, siren: string, l: RollLine): string | undefined {
  if (keys.size === 0) return undefined;
  // Une collectivité présente deux fois : toutes ses lignes ; une prestation facturée deux fois au même SIREN : ses lignes à ce SIREN.
  if (keys.has(`${l.adherent.siren}|${l.adherent.index}`) || keys.has(`${siren}|${l.adherent.index}|${l.prestation}`)) return CONFLICT_MARK;
  return keys.has(`debiteur|${siren}`) ? DEBTOR_MARK : undefined;
}

/** L'adresse d'un débiteur sur une ligne : « Service finances, 2 rue de la Mairie, 90400 Foussemagne ». */
function adresseText(a: NonNullable<RollInvoice['debiteur']['adresse']>): string {
  return [a.complement, a.voie, a.lieuDit, `${a.codePostal} ${a.ville}`].filter((x) => x !== undefined && x !== '').join(', ');
}

/** Les fichiers d'où viennent les adhésions du rôle (en ligne de commande), chacun une fois. */
function sourceFiles(roll: BillingRoll): string[] {
  const files = new Set<string>();
  for (const f of roll.factures) for (const l of f.lignes) if (l.adherent.fichier !== undefined) files.add(l.adherent.fichier);
  for (const r of roll.refus) if (r.fichier !== undefined) files.add(r.fichier);
  return [...files];
}

/** La largeur de la colonne des libellés : celle du plus long, entre 20 et 64 caractères. */
function labelWidth(roll: BillingRoll): number {
  let width = 20;
  for (const f of roll.factures) for (const l of f.lignes) width = Math.max(width, [...l.libelle].length);
  return Math.min(64, width);
}

/** Ce que le texte d'une pièce sait du rôle : les lignes en conflit, et s'il nomme le fichier de chaque adhésion. */
interface BillContext {
  readonly conflicts: ReadonlySet<string>;
  /** Le fichier de chaque adhésion est-il à dire (plusieurs fichiers) ? Un seul : l'en-tête le dit. */
  readonly files: boolean;
  readonly millesime: number;
}

/** L'adhésion d'où viennent des lignes : « Adhésion n° 2 — Foussemagne (SIREN 219 000 494) ». */
function adherentText(a: RollLine['adherent'], files: boolean): string {
  return `Adhésion n° ${a.index + 1} — ${a.nom} (SIREN ${formatSiren(a.siren)})${files && a.fichier !== undefined ? ` — fichier ${a.fichier}` : ''}`;
}

/**
 * Une pièce du rôle en texte : son titre (numéro dans le rôle, SIREN, nom), SIRET, code service et
 * engagement, ou ce qui en manque pour Chorus Pro ; ses lignes par adhésion d'où elles viennent
 * (l'adhésion dite une fois), chacune avec sa périodicité, son montant et son calcul, marquée si
 * elle est facturée deux fois ; son total, son millésime et sa périodicité.
 *
 * @internal
 */
export function renderBillingRollBillText(f: RollInvoice, numero: number, width = 20, context: BillContext = { conflicts: new Set(), files: true, millesime: 0 }): string {
  const d = f.debiteur;
  const out = [`Pièce du rôle n° ${numero} — SIREN ${formatSiren(d.siren)}${d.nom === undefined ? '' : ` — ${d.nom}`}`];
  const adresse = [d.siret && `SIRET ${d.siret}`, d.codeService && `code service ${d.codeService}`, d.engagement && `engagement n° ${d.engagement}`].filter(Boolean);
  if (adresse.length > 0) out.push(`  ${adresse.join(' ; ')}`);
  if (d.adresse !== undefined) out.push(`  Adresse : ${adresseText(d.adresse)}`);
  const missing = missingChorusData(d);
  if (missing.length > 0) out.push(`  Données Chorus Pro manquantes : ${missing.join(' ; ')}`);
  let adherent: RollLine['adherent'] | undefined;
  for (const l of f.lignes) {
    if (adherent?.index !== l.adherent.index) out.push(`  ${adherentText((adherent = l.adherent), context.files)}`);
    const mark = conflictMark(context.conflicts, d.siren, l);
    const marks = [l.ponctuelle === true ? 'ponctuelle' : '', l.source.exemple === true ? "montant d'exemple" : '', mark === undefined ? '' : `${mark} : à trancher`].filter(Boolean);
    out.push(`    ${pad(l.libelle, width)}  ${pad(formatEuros(l.montant), 14, true)}${marks.length > 0 ? `  (${marks.join(' ; ')})` : ''}`);
    out.push(`        ${l.detail}`);
  }
  out.push(`  ${pad(`Total de la pièce n° ${numero}`, width + 2)}  ${pad(formatEuros(f.total), 14, true)}  (${context.millesime > 0 ? `${context.millesime}, ` : ''}${billPeriodicity(f)})`);
  return out.join('\n');
}

/** Le nombre et son nom, accordé : « 1 pièce », « 104 pièces ». */
function count(n: number, singular: string, plural: string): string {
  return `${n} ${agreeing(n, singular, plural)}`;
}

/**
 * Un SIREN facturé deux fois, en mots, d'après ses données : les adhésions en cause par leur numéro
 * (et leur fichier s'il y en a plusieurs), sans code.
 */
function conflictText(c: QuoteIssue, singleFile: boolean): string {
  const p = c.params as { raison?: unknown; siren?: unknown; libellePrestation?: unknown; entrees?: unknown; fichiers?: unknown; champs?: unknown; chemins?: unknown };
  if (typeof p.siren !== 'string' || !Array.isArray(p.entrees)) return c.message;
  const files = Array.isArray(p.fichiers) && !singleFile ? (p.fichiers as unknown[]) : [];
  const entries = (p.entrees as unknown[]).map((e, i) => `n° ${Number(e) + 1}${typeof files[i] === 'string' && files[i] !== '' ? ` (${String(files[i])})` : ''}`);
  const list = enumerate(entries);
  if (c.code === 'DEBITEUR_CONTRADICTOIRE') {
    const chemins = Array.isArray(p.chemins) ? (p.chemins as unknown[]) : [];
    const places = entries.map((e, i) => `« ${String(chemins[i] ?? '')} » de l'adhésion ${e}`);
    const champs = Array.isArray(p.champs) ? (p.champs as unknown[]).map(String).join(', ') : '';
    return `SIREN ${formatSiren(p.siren)} : décrit autrement par ${places.join(' et par ')} (ils diffèrent par ${champs}) ; une pièce n'a qu'un débiteur : donnez-lui la même description partout.`;
  }
  return p.raison === 'prestation'
    ? `SIREN ${formatSiren(p.siren)} : « ${String(p.libellePrestation)} » facturé ${entries.length} fois, par les adhésions ${list} ; elle n'est due qu'une fois par SIREN : retirez-la de toutes sauf une.`
    : `SIREN ${formatSiren(p.siren)} : les adhésions ${list} sont celles de la même collectivité ; une collectivité n'adhère qu'une fois : gardez-en une seule.`;
}

/**
 * La fin d'un rôle en texte : son total, les adhésions acceptées et refusées, chaque refus avec ses
 * problèmes, ce qui serait facturé deux fois au même SIREN, et les débiteurs à qui il manque des
 * données pour Chorus Pro (SIRET ; code service et engagement à vérifier).
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * console.error(renderBillingRollSummaryText(billingRoll(adhesions)));
 * ```
 */
export function renderBillingRollSummaryText(roll: BillingRoll): string {
  return guardedInput(() => {
    const single = sourceFiles(roll).length <= 1;
    const out = [
      `Total du rôle : ${formatEuros(roll.total)} (${count(roll.factures.length, 'pièce', 'pièces')}, millésime ${roll.millesime})`,
      `Adhésions acceptées : ${roll.acceptes} ; refusées : ${roll.refuses}`,
    ];
    if (roll.refus.length > 0) {
      out.push('', `Adhésions refusées (${roll.refus.length}) : absentes du rôle`);
      for (const r of roll.refus) {
        const siren = r.siren === null ? 'SIREN illisible' : `SIREN ${formatSiren(r.siren)}`;
        out.push(`  n° ${r.index + 1} (${siren})${r.fichier === undefined || single ? '' : ` — ${r.fichier}`} :`, renderIssuesText(r.issues).replace(/^/gm, '    '));
      }
    }
    const twice = roll.conflits.filter((c) => c.code !== 'DEBITEUR_CONTRADICTOIRE');
    if (twice.length > 0) {
      out.push('', `Facturé deux fois au même SIREN (${twice.length}) : à trancher avant de facturer (lignes marquées « ${CONFLICT_MARK} »)`);
      for (const c of twice) out.push(`  - ${conflictText(c, single)}`);
    }
    const debtors = roll.conflits.filter((c) => c.code === 'DEBITEUR_CONTRADICTOIRE');
    if (debtors.length > 0) {
      out.push('', `Débiteur décrit deux fois autrement (${debtors.length}) : à trancher avant de facturer (lignes marquées « ${DEBTOR_MARK} »)`);
      for (const c of debtors) out.push(`  - ${conflictText(c, single)}`);
    }
    const lacking = roll.factures.flatMap((f, i) => {
      const missing = missingChorusData(f.debiteur);
      return missing.length === 0 ? [] : [{ f, numero: i + 1, missing }];
    });
    if (lacking.length > 0) {
      const sansSiret = lacking.filter((x) => !hasText(x.f.debiteur.siret)).length;
      out.push(
        '',
        `Données Chorus Pro manquantes (${count(lacking.length, 'pièce', 'pièces')} sur ${roll.factures.length}) : ${sansSiret === 0 ? 'chaque débiteur a son SIRET' : `${count(sansSiret, 'débiteur', 'débiteurs')} sans SIRET`} ; le code service et l'engagement ne sont exigés que si le débiteur les demande : à vérifier là où ils manquent`,
      );
      for (const { f, numero, missing } of lacking) {
        out.push(`  - pièce n° ${numero} — SIREN ${formatSiren(f.debiteur.siren)}${f.debiteur.nom === undefined ? '' : ` — ${f.debiteur.nom}`} : ${missing.join(' ; ')}`);
      }
    }
    return out.join('\n');
  });
}

/**
 * Le rôle en texte, morceau par morceau (l'en-tête, chaque pièce, la fin) : la ligne de commande
 * l'écrit au fil de l'eau. Les morceaux mis bout à bout font {@link renderBillingRollText}.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * for (const morceau of billingRollTextChunks(billingRoll(adhesions))) process.stdout.write(morceau);
 * ```
 */
export function* billingRollTextChunks(roll: BillingRoll): Generator<string> {
  yield* guardedChunks(() => billingRollTextChunksRaw(roll));
}

function* billingRollTextChunksRaw(roll: BillingRoll): Generator<string> {
  const width = labelWidth(roll);
  const files = sourceFiles(roll);
  const head = [
    `Rôle de facturation ${roll.millesime} — ${count(roll.factures.length, 'pièce', 'pièces')} (une par SIREN débiteur)`,
    "Les numéros de pièce ne numérotent que ce rôle : ce ne sont pas des numéros de facture.",
  ];
  if (files.length === 1) head.push(`Fichier source : ${files[0]}`);
  else if (files.length > 1) head.push("Source : nommée à chaque adhésion (fichier, et ligne d'un lot JSONL).");
  yield `${head.join('\n')}\n`;
  const context: BillContext = { conflicts: conflictKeys(roll.conflits), files: files.length > 1, millesime: roll.millesime };
  let numero = 0;
  for (const f of roll.factures) yield `\n${renderBillingRollBillText(f, ++numero, width, context)}\n`;
  yield `\n${renderBillingRollSummaryText(roll)}`;
}

/**
 * Écrit le rôle de facturation en texte, en français : en tête le millésime, le nombre de pièces
 * (une par SIREN débiteur ; leurs numéros ne sont pas des numéros de facture) et le fichier source ;
 * puis chaque pièce : SIREN, nom, SIRET, code service et engagement, ou « Données Chorus Pro
 * manquantes » ; ses lignes par adhésion d'où elles viennent, chacune avec son montant et son calcul,
 * marquée ponctuelle, montant d'exemple ou facturée deux fois au même SIREN ; son total, son
 * millésime et sa périodicité. Enfin le total du rôle, les adhésions refusées avec leurs problèmes,
 * ce qui serait facturé deux fois, et les débiteurs à qui il manque des données pour Chorus Pro.
 *
 * @param roll - un rôle rendu par {@link "@te90/tarifs"!billingRoll}
 * @returns le texte, lignes séparées par `\n`
 * @category Lot
 * @example
 * ```ts
 * console.log(renderBillingRollText(billingRoll(adhesions)));
 * // Rôle de facturation 2026 — 2 pièces (une par SIREN débiteur)
 * // …
 * // Pièce du rôle n° 1 — SIREN 219 000 494 — Foussemagne
 * // …
 * // Total du rôle : 3 083,57 € (2 pièces, millésime 2026)
 * ```
 */
export function renderBillingRollText(roll: BillingRoll): string {
  return guardedInput(() => {
    return [...billingRollTextChunks(roll)].join('');
  });
}

/**
 * L'en-tête du CSV d'un rôle (sans BOM ni fin de ligne).
 *
 * @internal
 */
export function renderBillingRollCsvHeader(): string {
  return CSV_HEADER;
}

/**
 * Les lignes CSV d'une pièce du rôle, sans fin de ligne : une par ligne de facture (le débiteur, ce
 * qui lui manque pour Chorus Pro, l'adhésion d'où vient la ligne, la ligne, et si elle est à
 * trancher), puis une ligne « Total de la pièce n° … » qui porte son total, sa périodicité et son
 * millésime.
 *
 * @internal
 */
export function renderBillingRollCsvRows(f: RollInvoice, numero: number, millesime: number, conflicts: ReadonlySet<string> = new Set()): string[] {
  const d = f.debiteur;
  const debiteur = [identifierCell(d.siren), cell(d.nom ?? ''), identifierCell(d.siret ?? ''), identifierCell(d.codeService ?? ''), identifierCell(d.engagement ?? ''), cell(missingChorusData(d).join(' ; '))];
  const head = [String(numero), String(millesime), ...debiteur];
  const rows = f.lignes.map((l) =>
    [
      ...head,
      String(l.adherent.index + 1),
      cell(l.adherent.nom),
      identifierCell(l.adherent.siren),
      cell(l.libellePrestation),
      cell(l.libelle),
      periodicity(l),
      numberCell(l.quantite),
      cell(l.unite),
      numberCell(l.prixUnitaire),
      numberCell(l.montant),
      '',
      cell(l.detail),
      cell(originLabel(l.source)),
      cell(l.source.reference),
      l.source.exemple === true ? 'oui' : '',
      cell(conflictMark(conflicts, d.siren, l) ?? ''),
    ].join(';'),
  );
  const marks = [...new Set(f.lignes.map((l) => conflictMark(conflicts, d.siren, l)).filter((m) => m !== undefined))];
  rows.push([...head, '', '', '', '', cell(`Total de la pièce n° ${numero}`), cell(billPeriodicity(f)), '', '', '', '', numberCell(f.total), '', '', '', '', cell(marks.join(' ; '))].join(';'));
  return rows;
}

/**
 * Le rôle en CSV, morceau par morceau (le BOM et l'en-tête, puis les lignes de chaque pièce) : la
 * ligne de commande l'écrit au fil de l'eau. Les morceaux mis bout à bout font
 * {@link renderBillingRollCsv}.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * for (const morceau of billingRollCsvChunks(billingRoll(adhesions))) process.stdout.write(morceau);
 * ```
 */
export function* billingRollCsvChunks(roll: BillingRoll): Generator<string> {
  yield* guardedChunks(() => billingRollCsvChunksRaw(roll));
}

function* billingRollCsvChunksRaw(roll: BillingRoll): Generator<string> {
  yield `${CSV_BOM}${CSV_HEADER}\r\n`;
  const conflicts = conflictKeys(roll.conflits);
  let numero = 0;
  for (const f of roll.factures) {
    numero++;
    if (f.lignes.length > 0) yield renderBillingRollCsvRows(f, numero, roll.millesime, conflicts).join('\r\n') + '\r\n';
  }
}

/**
 * Écrit le rôle de facturation en CSV pour tableur, en-têtes en mots : une ligne par ligne de
 * facture, puis une ligne « Total de la pièce n° … » par pièce (son total dans la colonne « Total de
 * la pièce », la colonne « Montant » restant celle des lignes : sa somme est le total du rôle).
 * Chaque ligne porte le numéro de sa pièce dans le rôle (ce n'est pas un numéro de facture), le
 * millésime, le débiteur (SIREN, nom, SIRET, code service, engagement), ce qui lui manque pour
 * Chorus Pro (« SIRET manquant », « code service à vérifier », « engagement à vérifier »),
 * l'adhésion d'où vient la ligne, la prestation et l'origine du montant en mots, la périodicité
 * (annuelle ou ponctuelle), et dans la colonne « À trancher » « facturé deux fois au même SIREN »
 * ou « débiteur décrit deux fois autrement ».
 *
 * Séparateur `;`, UTF-8 avec BOM, fins de ligne CRLF. Les identifiants (SIREN, SIRET, code service,
 * engagement) sont écrits `="00012"` : LibreOffice Calc, Excel et Google Sheets les lisent en texte,
 * zéros de tête compris (écrits tels quels, `00012` serait lu comme le nombre 12). Quantités, prix
 * unitaires et montants sont écrits avec une virgule décimale (`1234,50`), sans séparateur de
 * milliers, pour qu'un tableur français les lise comme des nombres ; les textes sont protégés
 * contre les formules.
 *
 * @param roll - un rôle rendu par {@link "@te90/tarifs"!billingRoll}
 * @returns le texte CSV
 * @category Lot
 * @example
 * ```ts
 * renderBillingRollCsv(billingRoll(adhesions)).split('\r\n')[0];
 * //=> '\uFEFFPièce du rôle n°;Millésime;SIREN débiteur;Débiteur;SIRET;Code service;Engagement;…'
 * ```
 */
export function renderBillingRollCsv(roll: BillingRoll): string {
  return guardedInput(() => {
    return [...billingRollCsvChunks(roll)].join('');
  });
}

function indent(json: string, spaces: string): string {
  return spaces + json.replace(/\n/g, `\n${spaces}`);
}

/**
 * Le rôle en JSON, morceau par morceau (une facture à la fois) : mis bout à bout, exactement le
 * texte de `JSON.stringify(roll, null, 2)`, sans qu'il soit tout entier en mémoire.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * const roll = billingRoll(adhesions);
 * [...billingRollJsonChunks(roll)].join('') === JSON.stringify(roll, null, 2);
 * //=> true
 * ```
 */
export function* billingRollJsonChunks(roll: BillingRoll): Generator<string> {
  yield* guardedChunks(() => billingRollJsonChunksRaw(roll));
}

function* billingRollJsonChunksRaw(roll: BillingRoll): Generator<string> {
  const keys = (Object.keys(roll) as (keyof BillingRoll)[]).filter((key) => roll[key] !== undefined);
  yield '{';
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const comma = k < keys.length - 1 ? ',' : '';
    if (key === 'factures' && roll.factures.length > 0) {
      yield `\n  "factures": [`;
      for (let i = 0; i < roll.factures.length; i++) yield `${i === 0 ? '' : ','}\n${indent(JSON.stringify(roll.factures[i], null, 2), '    ')}`;
      yield `\n  ]${comma}`;
    } else yield `\n  ${JSON.stringify(key)}: ${JSON.stringify(roll[key], null, 2).replace(/\n/g, '\n  ')}${comma}`;
  }
  yield '\n}';
}

import { formatEuros, formatSiren, type RollInvoice, type RollLine, type BillingRoll } from '@te90/tarifs';
import { CSV_BOM, cell, lineCells } from './csv.js';
import { pad, renderIssuesText } from './quote-text.js';

const CSV_HEADER = [
  'debiteur_siren',
  'debiteur_nom',
  'debiteur_siret',
  'code_service',
  'engagement',
  'adherent_position',
  'adherent_fichier',
  'adherent_nom',
  'adherent_siren',
  'prestation',
  'composante',
  'libelle',
  'quantite',
  'unite',
  'prix_unitaire',
  'montant',
  'detail',
  'origine_montant',
  'reference',
  'exemple',
].join(';');

/** La largeur de la colonne des libellés : celle du plus long, entre 20 et 64 caractères. */
function labelWidth(roll: BillingRoll): number {
  let width = 20;
  for (const f of roll.factures) for (const l of f.lignes) width = Math.max(width, [...l.libelle].length);
  return Math.min(64, width);
}

/** L'adhésion d'où vient une ligne : « adhésion n° 2 — Commune A (SIREN 219 000 106), lot.jsonl:2 ». */
function adherentText(a: RollLine['adherent']): string {
  return `adhésion n° ${a.index + 1} — ${a.nom} (SIREN ${formatSiren(a.siren)})${a.fichier === undefined ? '' : `, ${a.fichier}`}`;
}

/**
 * Une facture du rôle en texte : son titre (numéro, SIREN, nom), SIRET, code service et engagement
 * s'ils sont connus, chaque ligne avec l'adhésion d'où elle vient et son calcul, et son total.
 *
 * @internal
 */
export function renderBillingRollBillText(f: RollInvoice, numero: number, width = 20): string {
  const d = f.debiteur;
  const out = [`Facture n° ${numero} — SIREN ${formatSiren(d.siren)}${d.nom === undefined ? '' : ` — ${d.nom}`}`];
  const adresse = [d.siret && `SIRET ${d.siret}`, d.codeService && `code service ${d.codeService}`, d.engagement && `engagement n° ${d.engagement}`].filter(Boolean);
  if (adresse.length > 0) out.push(`  ${adresse.join(' ; ')}`);
  for (const l of f.lignes) {
    out.push(`  ${pad(l.libelle, width)}  ${pad(formatEuros(l.montant), 14, true)}${l.source.exemple === true ? "  (montant d'exemple)" : ''}`);
    out.push(`      ${adherentText(l.adherent)}`);
    out.push(`      ${l.detail}`);
  }
  out.push(`  ${pad('Total de la facture', width)}  ${pad(formatEuros(f.total), 14, true)}`);
  return out.join('\n');
}

/**
 * La fin d'un rôle en texte : son total, les adhésions acceptées et refusées, chaque refus avec ses
 * problèmes, et ce qui serait facturé deux fois au même SIREN.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * console.error(renderBillingRollSummaryText(billingRoll(adhesions)));
 * ```
 */
export function renderBillingRollSummaryText(roll: BillingRoll): string {
  const out = [
    `Total du rôle : ${formatEuros(roll.total)} (${roll.factures.length} facture(s))`,
    `Adhésions acceptées : ${roll.acceptes} ; refusées : ${roll.refuses}`,
  ];
  if (roll.refus.length > 0) {
    out.push('', `Adhésions refusées (${roll.refus.length}) : absentes du rôle`);
    for (const r of roll.refus) {
      const siren = r.siren === null ? 'SIREN illisible' : `SIREN ${formatSiren(r.siren)}`;
      out.push(`  n° ${r.index + 1} (${siren})${r.fichier === undefined ? '' : ` — ${r.fichier}`} :`, renderIssuesText(r.issues).replace(/^/gm, '    '));
    }
  }
  if (roll.conflits.length > 0) {
    out.push('', `Facturé deux fois au même SIREN (${roll.conflits.length}) : à trancher avant de facturer`);
    for (const c of roll.conflits) out.push(`  - ${c.message} [${c.code}]`);
  }
  return out.join('\n');
}

/**
 * Le rôle en texte, morceau par morceau (l'en-tête, chaque facture, la fin) : la ligne de commande
 * l'écrit au fil de l'eau. Les morceaux mis bout à bout font {@link renderBillingRollText}.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * for (const morceau of billingRollTextChunks(billingRoll(adhesions))) process.stdout.write(morceau);
 * ```
 */
export function* billingRollTextChunks(roll: BillingRoll): Generator<string> {
  const width = labelWidth(roll);
  yield `Rôle de facturation ${roll.millesime} — ${roll.factures.length} facture(s)\n`;
  let numero = 0;
  for (const f of roll.factures) yield `\n${renderBillingRollBillText(f, ++numero, width)}\n`;
  yield `\n${renderBillingRollSummaryText(roll)}`;
}

/**
 * Écrit le rôle de facturation en texte, en français : une facture par SIREN débiteur (numéro,
 * SIREN, nom ; SIRET, code service et engagement s'ils sont connus), chaque ligne avec son montant,
 * l'adhésion d'où elle vient et son calcul (« (montant d'exemple) » pour un montant d'exemple), le
 * total de chaque facture ; puis le total du rôle, les adhésions refusées avec leurs problèmes, et
 * ce qui serait facturé deux fois au même SIREN.
 *
 * @param roll - un rôle rendu par {@link "@te90/tarifs"!billingRoll}
 * @returns le texte, lignes séparées par `\n`
 * @category Lot
 * @example
 * ```ts
 * console.log(renderBillingRollText(billingRoll(adhesions)));
 * // Rôle de facturation 2026 — 2 facture(s)
 * //
 * // Facture n° 1 — SIREN 219 000 106 — Commune exemple
 * // …
 * // Total du rôle : 3 083,57 € (2 facture(s))
 * ```
 */
export function renderBillingRollText(roll: BillingRoll): string {
  return [...billingRollTextChunks(roll)].join('');
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
 * Les lignes CSV d'une facture du rôle, une par ligne de facture, sans fin de ligne : les colonnes
 * du débiteur d'abord, puis l'adhésion d'où vient la ligne, puis la ligne.
 *
 * @internal
 */
export function renderBillingRollCsvRows(f: RollInvoice): string[] {
  const d = f.debiteur;
  const debiteur = [d.siren, d.nom ?? '', d.siret ?? '', d.codeService ?? '', d.engagement ?? ''].map(cell).join(';');
  return f.lignes.map((l) =>
    [
      debiteur,
      String(l.adherent.index + 1),
      cell(l.adherent.fichier ?? ''),
      cell(l.adherent.nom),
      cell(l.adherent.siren),
      ...lineCells(l),
    ].join(';'),
  );
}

/**
 * Le rôle en CSV, morceau par morceau (le BOM et l'en-tête, puis les lignes de chaque facture) : la
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
  yield `${CSV_BOM}${CSV_HEADER}\r\n`;
  for (const f of roll.factures) if (f.lignes.length > 0) yield renderBillingRollCsvRows(f).join('\r\n') + '\r\n';
}

/**
 * Écrit le rôle de facturation en CSV pour tableur : une ligne par ligne de facture, les colonnes du
 * débiteur d'abord (SIREN, nom, SIRET, code service, engagement), puis l'adhésion d'où vient la
 * ligne (position dans le lot, fichier, nom, SIREN), puis la ligne. Séparateur `;`, UTF-8 avec BOM,
 * fins de ligne CRLF. Quantités, prix unitaires et montants sont écrits avec une virgule décimale
 * (`1234,50`), sans séparateur de milliers, pour qu'un tableur français les lise comme des nombres ;
 * les textes sont protégés contre les formules. La colonne `exemple` vaut `oui` pour un montant
 * d'exemple.
 *
 * @param roll - un rôle rendu par {@link "@te90/tarifs"!billingRoll}
 * @returns le texte CSV
 * @category Lot
 * @example
 * ```ts
 * renderBillingRollCsv(billingRoll(adhesions)).split('\r\n')[0];
 * //=> '\uFEFFdebiteur_siren;debiteur_nom;debiteur_siret;code_service;engagement;adherent_position;…'
 * ```
 */
export function renderBillingRollCsv(roll: BillingRoll): string {
  return [...billingRollCsvChunks(roll)].join('');
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

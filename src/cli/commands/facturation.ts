import { createBillingRoll, formatEuros, type BillingRoll, type QuoteIssue } from '@te90/tarifs';
import { billingRollCsvChunks, billingRollJsonChunks, billingRollTextChunks, renderBillingRollSummaryText, renderIssuesText } from '@te90/tarifs/documents';
import { safeParseParametres, safeRenderPesAller } from '@te90/tarifs/titres';
import { addEntry, forEachEntry } from '../batch-stream.js';
import { openBatchInputs } from '../batch-inputs.js';
import { EXIT, FORMATS, formatOf, oneFile, type CliIo, type Values } from '../command.js';
import { asLibraryIssue, inCliVoice, type Problem } from '../issues.js';
import { readJsonFile } from '../json-input.js';
import { collecting, inFile } from '../relocate.js';
import { progressDisplay, showsProgress } from '../progress.js';
import { UsageError } from '../usage-error.js';

/**
 * `te90-tarifs facturation` : le rôle de facturation d'un lot, une facture par SIREN débiteur ; ou,
 * en `--format pes`, le flux PES V2 de ses titres de recettes.
 *
 * @internal
 */
export async function facturation(positionals: string[], values: Values, io: CliIo): Promise<number> {
  const format = formatOf(values.format, [...FORMATS, 'pes']);
  if (values.parametres !== undefined && format !== 'pes') throw new UsageError("L'option --parametres ne sert qu'aux titres de recettes (--format pes).");
  if (format === 'pes' && values.parametres === undefined) {
    throw new UsageError('Les titres de recettes (--format pes) demandent les paramètres comptables du syndicat : --parametres parametres.json.');
  }
  const path = oneFile(positionals, 'facturation');
  // Une passe : les paramètres comptables illisibles, le catalogue et le lot ; puis le rôle et les paramètres jugés ensemble.
  const label = `--parametres ${values.parametres}`;
  const unreadable: Problem[] = [];
  const parametres = format === 'pes' ? collecting(unreadable, () => readJsonFile(values.parametres!), (i) => inFile(i, label, {})) : undefined;
  // Les paramètres illisibles, le catalogue et le lot : tous leurs problèmes ensemble.
  const { catalogue, source } = await openBatchInputs(path, values, io.readStdin, unreadable);
  // Les factures regroupent les lignes de tout le lot : le rôle est établi en entier avant d'être
  // écrit, puis écrit facture par facture.
  const builder = createBillingRoll({ catalogue });
  await forEachEntry(source, source.count !== undefined && showsProgress(io, source.count) ? progressDisplay(io) : undefined, (located) => {
    addEntry(builder, located);
  });
  // Les refus dans la voix de la ligne de commande (un montant manquant se fournit par --tarifs).
  const built = builder.result();
  const roll = { ...built, refus: built.refus.map((r) => ({ ...r, issues: r.issues.map((i) => inCliVoice(i)) })) };
  if (format === 'pes') return titres(roll, parametres, unreadable, label, io);
  const chunks = format === 'json' ? billingRollJsonChunks(roll) : format === 'csv' ? billingRollCsvChunks(roll) : billingRollTextChunks(roll);
  for (const chunk of chunks) {
    const written = io.out(chunk);
    if (written) await written;
  }
  if (format === 'csv') io.err(`${renderBillingRollSummaryText(roll)}\n`);
  else await io.out('\n');
  return roll.refuses > 0 || roll.conflits.length > 0 ? EXIT.refused : EXIT.ok;
}

/** Le renvoi du flux à un conflit ou à un refus du rôle, qui se disent eux-mêmes. */
function isRollReferral(issue: Problem): boolean {
  const raison = issue.params['raison'];
  return String(issue.code) === 'ROLE_NON_EMISSIBLE' && (raison === 'conflit' || raison === 'refus');
}

const accord = (n: number, un: string, plusieurs = `${un}s`): string => `${n} ${n > 1 ? plusieurs : un}`;

/**
 * Le flux PES V2 du rôle sur la sortie standard, en ISO-8859-1, et sa synthèse sur la sortie
 * d'erreur ; ou rien, et tous ses problèmes : un rôle à trancher (conflits, adhésions refusées) n'est
 * jamais émis.
 */
async function titres(roll: BillingRoll, parametres: unknown, unreadable: readonly Problem[], label: string, io: CliIo): Promise<number> {
  const r = safeRenderPesAller(roll, parametres);
  if (!r.success || unreadable.length > 0) {
    // Des paramètres illisibles ne sont pas jugés. Un conflit ou un refus se dit par son propre
    // problème, qui nomme les adhésions en cause, pas par le renvoi qu'en fait le flux.
    const rendered = r.success ? [] : r.issues.filter((i) => !(unreadable.length > 0 && i.path[0] === 'parametres') && !isRollReferral(i));
    const issues = [...unreadable, ...rendered.map((i) => inFile(i, '', { parametres: label }))];
    const refus = roll.refus.flatMap((x) => x.issues.map((i) => ({ ...i, path: [`adhésion n° ${x.index + 1}${x.fichier === undefined ? '' : ` (${x.fichier})`}`, ...i.path] })));
    const lot: QuoteIssue[] = [...roll.conflits, ...refus];
    const parts = ['Aucun titre émis.'];
    if (lot.length > 0) parts.push(`Le rôle est à trancher (${accord(roll.conflits.length, 'conflit')}, ${accord(roll.refuses, 'adhésion refusée', 'adhésions refusées')}) :\n${renderIssuesText(lot)}`);
    if (issues.length > 0) parts.push(`Les titres ne peuvent pas être écrits :\n${renderIssuesText(issues.map(asLibraryIssue))}`);
    io.err(parts.join('\n') + '\n');
    return EXIT.refused;
  }
  const flux = r.data;
  if (io.outBytes === undefined) await io.out(flux.xml);
  else await io.outBytes(flux.octets);
  const pj = flux.piecesJointesAttendues.length;
  io.err(
    `Flux PES V2 « ${flux.nomFichier} » : ${flux.titres} titre${flux.titres > 1 ? 's' : ''} de recettes, ${formatEuros(flux.total)} au total.` +
      (pj === 0 ? '' : ` ${pj} titre${pj > 1 ? 's' : ''} pour Chorus Pro attend${pj > 1 ? 'ent' : ''} son avis des sommes à payer (PES Facture), à joindre avant l'envoi.`) +
      '\n',
  );
  return EXIT.ok;
}

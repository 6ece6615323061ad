import { catalogue2026 } from '../catalogue/2026.js';
import { missingAmounts } from '../catalogue/amounts.js';
import { lintCatalogue } from '../catalogue/lint.js';
import type { QuoteIssue } from '../core/shapes.js';
import { isQuoteError } from '../errors/quote-error.js';
import type { Adhesion } from '../validation/adhesion.js';
import { quote, validateAdhesion } from '../quote/quote.js';
import { QuoteError } from '../errors/quote-error.js';
import type { Catalogue } from '../catalogue/types.js';
import {
  billingRollCsvChunks,
  billingRollJsonChunks,
  billingRollTextChunks,
  renderBillingRollSummaryText,
  renderCatalogueText,
  renderIssuesText,
  renderLintText,
  renderQuoteCsv,
  renderQuoteHtml,
  renderQuoteText,
  safeParseEmetteur,
  validateHtmlOptions,
  type Emetteur,
} from '@te90/tarifs/documents';
import { catalogueFrom, collecting, describeErrno, embedded, inFile, loadCatalogue, openBatch, readJsonFile, readJsonInput, STDIN, UsageError } from './io.js';
import { readRevision, reviseCatalogue, type Revision } from '../catalogue/revise.js';
import { csvCompareSink, htmlCompareSink, jsonCompareSink, streamCompare, textCompareSink, type CompareSink } from './compare-stream.js';
import { SpoolError } from './spool.js';
import { parseCommandLine, type ParsedArgs } from './args.js';
import { HELP } from './help.js';
import { csvSink, jsonSink, quoteEntry, streamBatch, textSink, type BatchSink } from './lot.js';
import { RollBuilder } from '../batch/billing-roll.js';
import { OutputError } from './output.js';
import { excelManifest, readBaseUrl } from '@te90/tarifs/tableur';

declare const __VERSION__: string;

/**
 * Les entrées et sorties de la ligne de commande (remplaçables pour les tests).
 *
 * @internal
 */
export interface CliIo {
  /**
   * Écrit sur la sortie standard. Peut rendre une promesse (la sortie attend qu'un bloc soit écrit)
   * et lever une {@link OutputError} (sortie fermée, disque plein…).
   */
  readonly out: (text: string) => void | Promise<void>;
  /** Écrit sur la sortie d'erreur. */
  readonly err: (text: string) => void;
  /** La sortie d'erreur est-elle un terminal (pour la progression des longs lots) ? */
  readonly errIsTty: boolean;
  /** L'entrée standard est-elle un terminal ? « - » y affiche alors l'aide de la commande au lieu d'attendre. */
  readonly stdinIsTty?: boolean;
  /** Lit toute l'entrée standard (le fichier « - »). */
  readonly readStdin?: () => Promise<Uint8Array>;
  /** Termine l'écriture de la sortie standard (ce qui reste en tampon). */
  readonly flush?: () => Promise<void>;
}

const FORMATS = ['texte', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number] | 'html';
type Values = ParsedArgs['values'];

/** Les codes de sortie de la ligne de commande. */
const EXIT = { ok: 0, refused: 1, usage: 2, internal: 3, output: 4 } as const;

function formatOf(value: string | undefined, allowed: readonly Format[]): Format {
  const format = (value ?? 'texte') as Format;
  if (!allowed.includes(format)) throw new UsageError(`Format inconnu : « ${value} » (formats : ${allowed.join(', ')}).`);
  return format;
}

function oneFile(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`La commande « ${command} » attend un seul fichier (${positionals.length} donné(s)).`);
  return positionals[0]!;
}

async function refuse(io: CliIo, issues: readonly QuoteIssue[], format: Format): Promise<number> {
  if (format === 'json') await io.out(JSON.stringify({ issues }, null, 2) + '\n');
  else io.err(`Entrée refusée :\n${renderIssuesText(issues)}\n`);
  return EXIT.refused;
}

/** Les problèmes d'options du devis imprimable qui dépendent de l'année des tarifs. */
const MILLESIME_BOUNDS = new Set(['dateApresMillesime', 'validiteMillesime']);

async function devis(positionals: string[], values: Values, io: CliIo): Promise<number> {
  const format = formatOf(values.format, [...FORMATS, 'html']);
  const file = oneFile(positionals, 'devis');
  const html = format === 'html' ? htmlOptions(values) : undefined;
  if (values.emetteur !== undefined && format !== 'html') throw new UsageError("L'option --emetteur ne sert qu'au devis imprimable (--format html).");
  // Une passe : l'émetteur, le catalogue (et ses tarifs), les options du devis imprimable et l'adhésion
  // sont jugés ensemble, chaque problème au nom de son option ou de son fichier.
  const refused: QuoteIssue[] = [];
  let emetteur: Emetteur | undefined;
  const emetteurLabel = `--emetteur ${values.emetteur}`;
  const options = { numero: '--numero', date: '--date', validiteJours: '--validite', emetteur: emetteurLabel };
  const emetteurFile = values.emetteur;
  if (emetteurFile !== undefined) {
    const lu = collecting(refused, () => readJsonFile(emetteurFile), (i) => inFile(i, emetteurLabel, {}));
    const r = lu === undefined ? undefined : safeParseEmetteur(lu, ['emetteur']);
    if (r?.success) emetteur = r.data;
    else if (r) refused.push(...r.issues.map((i) => inFile(i, '', { emetteur: emetteurLabel })));
  }
  let catalogue: Catalogue | undefined;
  try {
    catalogue = loadCatalogue(values);
  } catch (error) {
    if (!isQuoteError(error)) throw error;
    refused.push(...error.issues);
  }
  const reference = catalogue ?? catalogue2026;
  // Le numéro par défaut, fait du SIREN et de la date, est toujours admis. Sans catalogue lisible,
  // l'année des tarifs n'est pas connue : seules la forme de la date et la durée sont jugées.
  if (html) {
    const problems: QuoteIssue[] = [];
    problems.push(...validateHtmlOptions({ numero: html.numero ?? 'D', date: html.date, validiteJours: html.validiteJours }, reference.millesime).map((i) => atOption(i, options)));
    refused.push(...(catalogue !== undefined ? problems : problems.filter((i) => !MILLESIME_BOUNDS.has(String(i.params['raison'])))));
  }
  let input: unknown;
  let readable = true;
  try {
    input = await readJsonInput(file, io.readStdin);
  } catch (error) {
    if (!isQuoteError(error)) throw error;
    refused.push(...error.issues);
    readable = false;
  }
  if (refused.length > 0) throw new QuoteError(readable ? [...refused, ...validateAdhesion(input, { catalogue: reference })] : refused);
  const result = quote(input as Adhesion, { catalogue: reference });
  if (html) {
    const numero = html.numero ?? `${result.millesime}-${result.collectivite.siren}-${html.date.replaceAll('-', '')}`;
    const problems: QuoteIssue[] = [];
    const page = collecting(problems, () => renderQuoteHtml(result, { numero, date: html.date, validiteJours: html.validiteJours, emetteur }), (i) => atOption(i, options));
    if (page === undefined) throw new QuoteError(problems);
    await io.out(page);
    return EXIT.ok;
  }
  const verifications = values.verifications === true;
  await io.out(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : format === 'csv' ? renderQuoteCsv(result) : renderQuoteText(result, { verifications }) + '\n');
  return EXIT.ok;
}

/**
 * Les options du devis imprimable : la date (aujourd'hui par défaut — la ligne de commande peut lire
 * l'horloge, la bibliothèque non), le numéro et la validité en jours.
 */
function htmlOptions(values: Values): { numero: string | undefined; date: string; validiteJours: number | undefined } {
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const date = values.date ?? today;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const real = m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === date;
  if (!real) throw new UsageError(`Date invalide : « ${date} » (une date qui existe, au format AAAA-MM-JJ, par exemple 2026-11-29).`);
  const validite = values.validite;
  if (validite !== undefined && (!/^\d{1,3}$/.test(validite) || Number(validite) < 1 || Number(validite) > 366)) {
    throw new UsageError(`Validité invalide : « ${validite} » (un nombre de jours, de 1 à 366).`);
  }
  // Sans --validite : 30 jours, ramenés au 31 décembre de l'année des tarifs s'il le faut.
  return { numero: values.numero, date, validiteJours: validite === undefined ? undefined : Number(validite) };
}

/** La progression d'un long lot sur la sortie d'erreur (un terminal), effacée avant tout autre message. */
function progressDisplay(io: CliIo, titre = 'Devis'): { err: (text: string) => void; show: (done: number, total: number) => void } {
  let shown = false;
  return {
    err: (text) => {
      if (shown) io.err('\r\x1b[K');
      shown = false;
      io.err(text);
    },
    show: (done, total) => {
      io.err(`\r${titre} : ${done}/${total}${done === total ? '\n' : ''}`);
      shown = done !== total;
    },
  };
}

async function lot(positionals: string[], values: Values, io: CliIo): Promise<number> {
  const format = formatOf(values.format, FORMATS);
  const path = oneFile(positionals, 'lot');
  const catalogue = loadCatalogue(values);
  const source = await openBatch(path, io.readStdin);
  const progress = progressDisplay(io);
  const sink: BatchSink = format === 'json' ? jsonSink(io.out) : format === 'csv' ? csvSink(io.out, progress.err) : textSink(io.out);
  const showProgress = io.errIsTty && source.count >= 2000;
  const synthese = await streamBatch(source, catalogue, sink, showProgress ? progress.show : undefined);
  return synthese.refuses > 0 || synthese.conflits.length > 0 ? EXIT.refused : EXIT.ok;
}

async function facturation(positionals: string[], values: Values, io: CliIo): Promise<number> {
  const format = formatOf(values.format, FORMATS);
  const path = oneFile(positionals, 'facturation');
  const catalogue = loadCatalogue(values);
  const source = await openBatch(path, io.readStdin);
  const progress = progressDisplay(io);
  const showProgress = io.errIsTty && source.count >= 2000;
  // Les factures regroupent les lignes de tout le lot : le rôle est établi en entier avant d'être
  // écrit, puis écrit facture par facture.
  const builder = new RollBuilder(catalogue);
  let index = 0;
  for (const located of source.entries()) {
    const result = quoteEntry(located, index, catalogue);
    builder.add(index, result.siren, result, located.fichier);
    index++;
    if (showProgress && (index % 1000 === 0 || index === source.count)) progress.show(index, source.count);
  }
  const roll = builder.build();
  const chunks = format === 'json' ? billingRollJsonChunks(roll) : format === 'csv' ? billingRollCsvChunks(roll) : billingRollTextChunks(roll);
  for (const chunk of chunks) {
    const written = io.out(chunk);
    if (written) await written;
  }
  if (format === 'csv') progress.err(`${renderBillingRollSummaryText(roll)}\n`);
  else await io.out('\n');
  return roll.refuses > 0 || roll.conflits.length > 0 ? EXIT.refused : EXIT.ok;
}

function catalogue(positionals: string[], values: Values, io: CliIo): void | Promise<void> {
  const format = formatOf(values.format, ['texte', 'json']);
  if (positionals.length > 0) throw new UsageError('La commande « catalogue » ne prend pas de fichier (voir --catalogue et --tarifs).');
  const c = loadCatalogue(values);
  return io.out(format === 'json' ? JSON.stringify(c, null, 2) + '\n' : renderCatalogueText(c) + '\n');
}

async function verifier(positionals: string[], values: Values, io: CliIo): Promise<number> {
  const format = formatOf(values.format, ['texte', 'json']);
  if (positionals.length > 0) throw new UsageError('La commande « verifier » ne prend pas de fichier (voir --catalogue et --tarifs).');
  if (values.millesime !== undefined) embedded(values.millesime);
  // Un fichier de catalogue se vérifie tel quel, même incomplet : toutes ses remarques d'un coup.
  const brouillon = values.catalogue !== undefined && values.tarifs === undefined ? readJsonFile(values.catalogue) : undefined;
  const c: unknown = brouillon ?? loadCatalogue(values);
  const remarques = lintCatalogue(c);
  const manquants = missingAmounts(c);
  const erreurs = remarques.filter((f) => f.niveau === 'erreur').length;
  const libelle = isRecordValue(c) && typeof c['libelle'] === 'string' ? c['libelle'] : '(catalogue sans libellé)';
  if (format === 'json') {
    await io.out(JSON.stringify({ erreurs, avertissements: remarques.length - erreurs, remarques, montantsNonPublies: manquants }, null, 2) + '\n');
  } else {
    await io.out(`Vérification : ${libelle}\n${renderLintText(remarques, manquants)}\n`);
  }
  return erreurs > 0 ? EXIT.refused : EXIT.ok;
}

function isRecordValue(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Lit plusieurs fichiers : rend la valeur de chacun (`undefined` s'il est illisible) et les problèmes
 * de tous, le chemin de chacun précédé du nom de son fichier (ou de son option ; rien si `''`).
 */
function readEach(steps: readonly (readonly [string, () => unknown])[]): { values: unknown[]; issues: QuoteIssue[] } {
  const issues: QuoteIssue[] = [];
  const values = steps.map(([fichier, read]) => collecting(issues, read, (i) => inFile(i, fichier, {})));
  return { values, issues };
}

/** Les problèmes d'un calcul sur plusieurs fichiers, le nom de l'argument (`base`…) remplacé par celui de son fichier. */
function inFiles<T>(run: () => T, fichiers: Readonly<Record<string, string>>): T {
  const issues: QuoteIssue[] = [];
  const value = collecting(issues, run, (i) => inFile(i, '', fichiers));
  if (issues.length > 0) throw new QuoteError(issues);
  return value as T;
}

/** Un problème d'une option du devis imprimable (`options.date`) au nom de son option de la ligne de commande (`--date`). */
function atOption(issue: QuoteIssue, options: Readonly<Record<string, string>>): QuoteIssue {
  const [head, name, ...rest] = issue.path;
  const option = head === 'options' && typeof name === 'string' ? options[name] : undefined;
  return option === undefined ? issue : { ...issue, path: [option, ...rest] };
}

async function reviser(positionals: string[], _values: Values, io: CliIo): Promise<number> {
  if (positionals.length !== 2) throw new UsageError(`La commande « reviser » attend deux fichiers : le catalogue de base (ou son millésime embarqué) et la révision (${positionals.length} donné(s)).`);
  const [fichierBase, fichierRevision] = positionals as [string, string];
  // Les deux fichiers sont lus, et leurs problèmes rapportés ensemble, chacun au nom de son fichier.
  const {
    values: [base, revision],
    issues,
  } = readEach([
    [fichierBase, () => catalogueFrom(fichierBase)],
    [fichierRevision, () => readJsonFile(fichierRevision)],
  ]);
  if (issues.length > 0) {
    // Un catalogue de base illisible n'empêche pas de juger la forme de la révision.
    if (revision !== undefined) issues.push(...readRevision(revision).issues.map((i) => inFile(i, '', { revision: fichierRevision })));
    throw new QuoteError(issues);
  }
  const c = inFiles(() => reviseCatalogue(base as Catalogue, revision as Revision), { base: fichierBase, revision: fichierRevision });
  const remarques = lintCatalogue(c);
  await io.out(JSON.stringify(c, null, 2) + '\n');
  io.err(`Révision : ${c.libelle}\n${renderLintText(remarques, missingAmounts(c))}\n`);
  return EXIT.ok;
}

async function comparer(positionals: string[], values: Values, io: CliIo): Promise<number> {
  const format = formatOf(values.format, [...FORMATS, 'html']);
  const path = oneFile(positionals, 'comparer');
  if (values.avant === undefined || values.apres === undefined) {
    throw new UsageError('La commande « comparer » attend --avant et --apres : deux catalogues (fichiers JSON, ou millésime embarqué).');
  }
  // Les deux catalogues (et leurs tarifs) sont lus, et leurs problèmes rapportés ensemble, chacun au nom de son option.
  const {
    values: [avant, apres],
    issues,
  } = readEach([
    ['', () => loadCatalogue({ catalogue: values.avant, tarifs: values['tarifs-avant'] }, true, { catalogue: '--avant', tarifs: '--tarifs-avant' })],
    ['', () => loadCatalogue({ catalogue: values.apres, tarifs: values['tarifs-apres'] }, true, { catalogue: '--apres', tarifs: '--tarifs-apres' })],
  ]);
  if (issues.length > 0) throw new QuoteError(issues);
  const source = await openBatch(path, io.readStdin);
  const progress = progressDisplay(io, 'Comparaison');
  const catalogues = { avant: avant as Catalogue, apres: apres as Catalogue };
  // Chaque adhérent est écrit dès qu'il est comparé (la synthèse d'un rapport texte ou HTML, qui le
  // précède, attend la fin : ses lignes attendent dans un fichier temporaire).
  const sink: CompareSink =
    format === 'json'
      ? jsonCompareSink(io.out)
      : format === 'csv'
        ? csvCompareSink(io.out, progress.err, ['avant', 'après'])
        : format === 'html'
          ? htmlCompareSink(io.out, progress.err, catalogues)
          : textCompareSink(io.out, [String(catalogues.avant.millesime), String(catalogues.apres.millesime)]);
  const showProgress = io.errIsTty && source.count >= 2000;
  const synthese = await streamCompare(source, catalogues, sink, showProgress ? progress.show : undefined);
  return synthese.conflits.avant.length + synthese.conflits.apres.length > 0 ? EXIT.refused : EXIT.ok;
}

/** Le manifeste du complément Excel, complet pour l'adresse de base donnée par --url (HTTPS). */
async function manifeste(positionals: string[], values: Values, io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new UsageError('La commande « manifeste » ne prend pas de fichier : donnez l\'adresse avec --url (par exemple : --url https://serveur-du-syndicat/te90-tarifs/).');
  if (values.url === undefined) {
    throw new UsageError("La commande « manifeste » attend l'adresse HTTPS où sont servis les fichiers du complément : --url https://serveur-du-syndicat/te90-tarifs/.");
  }
  const base = readBaseUrl(values.url);
  if (!base.ok) throw new UsageError(`Adresse refusée pour --url : ${base.raison}.`);
  await io.out(excelManifest(__VERSION__, base.url));
  return EXIT.ok;
}

const COMMANDS: Readonly<Record<string, (positionals: string[], values: Values, io: CliIo) => number | void | Promise<number | void>>> = {
  devis,
  lot,
  facturation,
  catalogue,
  verifier,
  reviser,
  comparer,
  manifeste,
};

/** La distance d'édition entre deux mots (insertions, suppressions, substitutions, deux lettres interverties). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** « Vouliez-vous dire … ? » : la commande la plus proche d'une commande inconnue, s'il y en a une assez proche. */
function suggestion(command: string): string {
  const typed = command.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let best: { name: string; d: number } | undefined;
  for (const name of Object.keys(COMMANDS)) {
    const d = name.startsWith(typed) && typed.length >= 3 ? 0 : distance(typed, name);
    if (best === undefined || d < best.d) best = { name, d };
  }
  return best !== undefined && best.d <= (best.name.length >= 5 ? 2 : 1) ? ` Vouliez-vous dire « ${best.name} » ?` : '';
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  let format: Format = 'texte';
  try {
    const { values, positionals } = parseCommandLine(argv);
    const [command, ...rest] = positionals;
    if (values.version) {
      await io.out(`${__VERSION__}\n`);
      return EXIT.ok;
    }
    if (command === undefined) {
      if (!values.help) {
        io.err(HELP['general'] + '\n');
        return EXIT.usage;
      }
      await io.out(HELP['general'] + '\n');
      return EXIT.ok;
    }
    const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (run === undefined) throw new UsageError(`Commande inconnue : « ${command} ».${suggestion(command)}`);
    if (values.help) {
      await io.out(HELP[command] + '\n');
      return EXIT.ok;
    }
    if (io.stdinIsTty === true && rest.includes(STDIN)) {
      // « - » sur un terminal : personne n'y tape du JSON, on montre l'usage au lieu d'attendre.
      io.err(`L'entrée standard est un terminal : donnez un fichier, ou envoyez-le par un tube (« cat adhesion.json | te90-tarifs ${command} - »).\n\n${HELP[command]}\n`);
      return EXIT.usage;
    }
    format = values.format === 'json' ? 'json' : 'texte';
    return (await run(rest, values, io)) ?? EXIT.ok;
  } catch (error) {
    if (isQuoteError(error)) return refuse(io, error.issues, format);
    throw error;
  }
}

function failure(error: unknown, io: CliIo): number {
  if (error instanceof OutputError) {
    // Le lecteur est parti (« … | head -1 ») : rien de plus à écrire, ce n'est pas une erreur.
    if (error.code === 'EPIPE') return EXIT.ok;
    io.err(`Écriture impossible sur la sortie standard : ${describeErrno(error.code)}.\n`);
    return EXIT.output;
  }
  if (error instanceof SpoolError) {
    io.err(`Écriture impossible d'un fichier temporaire dans ${error.dossier} : ${describeErrno(error.code)}. Le dossier temporaire se choisit par la variable d'environnement TMPDIR.\n`);
    return EXIT.output;
  }
  if (error instanceof UsageError) {
    io.err(`${error.message}\nVoir : te90-tarifs --help\n`);
    return EXIT.usage;
  }
  const detail = error instanceof Error ? `${error.name} : ${error.message}` : String(error);
  io.err(`Erreur interne de te90-tarifs (${detail}). Merci de la signaler, avec la commande et l'entrée qui la provoquent.\n`);
  return EXIT.internal;
}

/**
 * Exécute la ligne de commande `te90-tarifs` et rend son code de sortie : 0 succès (ou sortie
 * fermée par le lecteur), 1 entrée refusée, 2 mauvais usage, 3 erreur interne, 4 écriture
 * impossible sur la sortie standard.
 *
 * @internal
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const code = await dispatch(argv, io);
    await io.flush?.();
    return code;
  } catch (error) {
    return failure(error, io);
  }
}

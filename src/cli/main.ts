import { parseArgs } from 'node:util';
import { quoteAll, type BatchQuote, type BatchResult } from '../batch/quote-all.js';
import { catalogue2026 } from '../catalogue/2026.js';
import { missingAmounts } from '../catalogue/amounts.js';
import { lintCatalogue } from '../catalogue/lint.js';
import { renderLintText } from '../render/lint-text.js';
import type { QuoteIssue } from '../core/shapes.js';
import { isQuoteError } from '../errors/quote-error.js';
import type { Adhesion } from '../validation/adhesion.js';
import { adhesionIssues, quote } from '../quote/quote.js';
import { QuoteError } from '../errors/quote-error.js';
import type { Catalogue } from '../catalogue/types.js';
import { renderBatchText } from '../render/batch-text.js';
import { renderCatalogueText } from '../render/catalogue-text.js';
import { renderBatchCsv, renderQuoteCsv } from '../render/csv.js';
import { renderIssuesText, renderQuoteText } from '../render/quote-text.js';
import { catalogueFrom, embedded, loadCatalogue, readBatch, readJsonFile, UsageError } from './io.js';
import { reviseCatalogue, type Revision } from '../catalogue/revise.js';
import { compareCatalogues, type Comparaison } from '../batch/compare.js';
import { renderComparisonCsv, renderComparisonText } from '../render/comparison.js';

declare const __VERSION__: string;

/**
 * Les sorties de la ligne de commande (remplaçables pour les tests).
 *
 * @internal
 */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly errIsTty: boolean;
}

const FORMATS = ['texte', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const DOCS = 'Documentation : README.md et docs/guide.md du paquet @te90/tarifs.';

const CATALOGUE_OPTIONS = `  --catalogue <fichier.json>  un catalogue complet (par ex. celui de l'année prochaine, voir « reviser »)
  --millesime <année>         un catalogue embarqué (2026) ; refusé s'il n'existe pas
  --tarifs <fichier.json>     les montants fournis par le syndicat, qui complètent le catalogue`;

const HELP: Record<string, string> = {
  general: `te90-tarifs — devis des prestations « à la carte » de Territoire d'énergie 90

Usage :
  te90-tarifs devis <adhesion.json> [--catalogue …|--millesime …] [--tarifs …] [--format texte|json|csv]
  te90-tarifs lot <fichier.json|fichier.jsonl|dossier> [--catalogue …|--millesime …] [--tarifs …] [--format texte|json|csv]
  te90-tarifs catalogue [--catalogue …|--millesime …] [--tarifs …] [--format texte|json]
  te90-tarifs verifier [--catalogue …|--millesime …] [--tarifs …] [--format texte|json]
  te90-tarifs reviser <catalogue.json|2026> <revision.json>
  te90-tarifs comparer --avant <catalogue.json|2026> --apres <catalogue.json> <lot> [--tarifs-avant …] [--tarifs-apres …] [--format texte|json|csv]

Commandes :
  devis      le devis détaillé d'une adhésion, une facture par SIREN
  lot        les devis de nombreuses adhésions et la synthèse par prestation
  catalogue  les prestations, leurs règles, leurs montants et ceux qui ne sont pas publiés
  verifier   la cohérence d'un catalogue (paliers, strates, montants, seuils où une unité de plus coûte moins)
  reviser    le catalogue d'un nouveau millésime, à partir du précédent et d'une révision votée
  comparer   ce que chaque adhérent paie sous deux catalogues, et la synthèse

Options :
${CATALOGUE_OPTIONS}
  --format   texte (défaut), json ou csv (séparateur « ; », virgule décimale, UTF-8 avec BOM)
  -h, --help    cette aide (aussi : te90-tarifs <commande> --help)
  -v, --version la version

Codes de sortie : 0 succès ; 1 entrée refusée (chaque problème est affiché avec son chemin) ;
2 mauvais usage (commande, option ou fichier introuvable).
${DOCS}`,
  devis: `te90-tarifs devis <adhesion.json> [--catalogue …|--millesime …] [--tarifs …] [--format texte|json|csv]

Établit le devis d'une adhésion (fichier JSON) sur le catalogue choisi (2026 embarqué par défaut).
${CATALOGUE_OPTIONS}
  texte : un bloc par facture (SIREN), montants à la française (2 069,57 €)
  json  : exactement l'objet rendu par quote()
  csv   : une ligne par ligne de devis (« ; », virgule décimale, UTF-8 avec BOM)
Sortie 1 si l'adhésion est refusée : chaque problème est affiché avec son chemin.

Exemple : te90-tarifs devis examples/commune.json --tarifs examples/tarifs-exemple.json`,
  lot: `te90-tarifs lot <fichier.json|fichier.jsonl|dossier> [--catalogue …|--millesime …] [--tarifs …] [--format texte|json|csv]

Établit le devis de chaque adhésion : liste JSON, fichier JSONL (une adhésion par ligne) ou
dossier de fichiers .json. Ne s'arrête pas à la première refusée.
${CATALOGUE_OPTIONS}
  texte : une ligne par adhésion, les refus avec leurs problèmes, puis la synthèse par prestation
  json  : l'objet rendu par quoteAll() (résultats et synthèse)
  csv   : une ligne par ligne de facture de chaque adhésion acceptée ; synthèse sur la sortie d'erreur
Sortie 1 si au moins une adhésion est refusée.

Exemple : te90-tarifs lot examples/lot-adherents.jsonl --tarifs examples/tarifs-exemple.json`,
  catalogue: `te90-tarifs catalogue [--catalogue …|--millesime …] [--tarifs …] [--format texte|json]

Affiche les prestations du catalogue, leur facturation, leurs règles et leurs montants, et liste
les montants qui ne sont pas publiés (à fournir avec --tarifs).
${CATALOGUE_OPTIONS}`,
  verifier: `te90-tarifs verifier [--catalogue …|--millesime …] [--tarifs …] [--format texte|json]

Vérifie un catalogue (2026 embarqué par défaut, ou --catalogue, même incomplet) : forme, paliers et
strates qui se chevauchent, laissent une lacune ou ne commencent pas à la première unité, montants
mal écrits (erreurs) ; chaque seuil où une unité de plus coûte moins cher, et les textes qui nomment
une autre année (avertissements).
${CATALOGUE_OPTIONS}
Sortie 0 sans erreur (même avec des avertissements) ; 1 si le catalogue ou le fichier de tarifs est
refusé.`,
  reviser: `te90-tarifs reviser <catalogue.json|2026> <revision.json>

Établit le catalogue d'un nouveau millésime : le catalogue de base (un fichier, ou le millésime d'un
catalogue embarqué) et une révision votée (millesime, libelle, source, indexation, montants
changés). Écrit le nouveau catalogue en JSON sur la sortie standard, et ses remarques
(vérification) sur la sortie d'erreur. Sortie 1 si la révision est refusée.

Exemple : te90-tarifs reviser examples/territoire-de-belfort/catalogue-2026.json \\
            examples/territoire-de-belfort/revision-2027.json > catalogue-2027.json`,
  comparer: `te90-tarifs comparer --avant <catalogue.json|2026> --apres <catalogue.json|2026> <lot> [--tarifs-avant …] [--tarifs-apres …] [--format texte|json|csv]

Chiffre chaque adhésion du lot sous les deux catalogues : l'écart par adhérent (en euros et en %),
les adhésions refusées d'un côté seulement et pourquoi, la recette par prestation avant et après,
les plus fortes hausses. --tarifs-avant et --tarifs-apres complètent chacun des deux catalogues.
  json : l'objet rendu par compareCatalogues()

Exemple : npm run exemple:comparer`,
};

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        tarifs: { type: 'string' },
        catalogue: { type: 'string' },
        format: { type: 'string' },
        millesime: { type: 'string' },
        avant: { type: 'string' },
        apres: { type: 'string' },
        'tarifs-avant': { type: 'string' },
        'tarifs-apres': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function formatOf(value: string | undefined, allowed: readonly Format[]): Format {
  const format = (value ?? 'texte') as Format;
  if (!allowed.includes(format)) throw new UsageError(`Format inconnu : « ${value} » (formats : ${allowed.join(', ')}).`);
  return format;
}

function oneFile(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`La commande « ${command} » attend un seul fichier (${positionals.length} donné(s)).`);
  return positionals[0]!;
}

function refuse(io: CliIo, issues: readonly QuoteIssue[], format: Format): number {
  if (format === 'json') io.out(JSON.stringify({ issues }, null, 2) + '\n');
  else io.err(`Entrée refusée :\n${renderIssuesText(issues)}\n`);
  return 1;
}

function devis(positionals: string[], values: ReturnType<typeof parse>['values'], io: CliIo): number {
  const format = formatOf(values.format, FORMATS);
  const file = oneFile(positionals, 'devis');
  let catalogue: Catalogue | undefined;
  let refused: readonly QuoteIssue[] = [];
  try {
    catalogue = loadCatalogue(values);
  } catch (error) {
    if (!isQuoteError(error)) throw error;
    refused = error.issues;
  }
  let input: unknown;
  try {
    input = readJsonFile(file);
  } catch (error) {
    if (!isQuoteError(error) || catalogue !== undefined) throw error;
    throw new QuoteError([...refused, ...error.issues]);
  }
  if (catalogue === undefined) throw new QuoteError([...refused, ...adhesionIssues(input, catalogue2026)]);
  const result = quote(input as Adhesion, { catalogue });
  io.out(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : format === 'csv' ? renderQuoteCsv(result) : renderQuoteText(result) + '\n');
  return 0;
}

function lot(positionals: string[], values: ReturnType<typeof parse>['values'], io: CliIo): number {
  const format = formatOf(values.format, FORMATS);
  const path = oneFile(positionals, 'lot');
  const catalogue = loadCatalogue(values);
  const entries = readBatch(path);
  const readable = entries.flatMap((e, i) => (e.ok ? [{ i, value: e.value }] : []));
  const showProgress = io.errIsTty && readable.length >= 2000;
  const batch = quoteAll(
    readable.map((r) => r.value as Adhesion),
    showProgress ? { catalogue, onProgress: (done, total) => io.err(`\rDevis : ${done}/${total}${done === total ? '\n' : ''}`) } : { catalogue },
  );
  const result = withUnreadable(batch, entries, readable.map((r) => r.i));
  if (format === 'json') io.out(JSON.stringify(result, null, 2) + '\n');
  else if (format === 'csv') {
    io.out(renderBatchCsv(result));
    io.err(renderBatchText({ ...result, resultats: result.resultats.filter((r) => !r.success) }) + '\n');
  } else io.out(renderBatchText(result) + '\n');
  return result.synthese.refuses > 0 ? 1 : 0;
}

function withUnreadable(batch: BatchQuote, entries: ReturnType<typeof readBatch>, positions: number[]): BatchQuote {
  if (positions.length === entries.length) return batch;
  const byPosition = new Map(positions.map((p, k) => [p, batch.resultats[k]!]));
  const resultats: BatchResult[] = entries.map((e, i) =>
    e.ok ? { ...byPosition.get(i)!, index: i } : { index: i, siren: null, success: false, issues: [e.issue] },
  );
  const refuses = resultats.filter((r) => !r.success).length;
  return { resultats, synthese: { ...batch.synthese, refuses } };
}

function catalogue(positionals: string[], values: ReturnType<typeof parse>['values'], io: CliIo): number {
  const format = formatOf(values.format, ['texte', 'json']);
  if (positionals.length > 0) throw new UsageError('La commande « catalogue » ne prend pas de fichier (voir --catalogue et --tarifs).');
  const c = loadCatalogue(values);
  io.out(format === 'json' ? JSON.stringify(c, null, 2) + '\n' : renderCatalogueText(c) + '\n');
  return 0;
}

function verifier(positionals: string[], values: ReturnType<typeof parse>['values'], io: CliIo): number {
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
    io.out(JSON.stringify({ erreurs, avertissements: remarques.length - erreurs, remarques, montantsNonPublies: manquants }, null, 2) + '\n');
  } else {
    io.out(`Vérification : ${libelle}\n${renderLintText(remarques, manquants)}\n`);
  }
  return erreurs > 0 ? 1 : 0;
}

function isRecordValue(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reviser(positionals: string[], values: ReturnType<typeof parse>['values'], io: CliIo): number {
  if (positionals.length !== 2) throw new UsageError(`La commande « reviser » attend deux fichiers : le catalogue de base (ou son millésime embarqué) et la révision (${positionals.length} donné(s)).`);
  const base = catalogueFrom(positionals[0]!);
  const revision = readJsonFile(positionals[1]!);
  const c = reviseCatalogue(base, revision as Revision);
  const remarques = lintCatalogue(c);
  io.out(JSON.stringify(c, null, 2) + '\n');
  io.err(`Révision : ${c.libelle}\n${renderLintText(remarques, missingAmounts(c))}\n`);
  return 0;
}

function comparer(positionals: string[], values: ReturnType<typeof parse>['values'], io: CliIo): number {
  const format = formatOf(values.format, FORMATS);
  const path = oneFile(positionals, 'comparer');
  if (values.avant === undefined || values.apres === undefined) {
    throw new UsageError('La commande « comparer » attend --avant et --apres : deux catalogues (fichiers JSON, ou millésime embarqué).');
  }
  const avant = loadCatalogue({ catalogue: values.avant, tarifs: values['tarifs-avant'] }, true);
  const apres = loadCatalogue({ catalogue: values.apres, tarifs: values['tarifs-apres'] }, true);
  const entries = readBatch(path);
  const readable = entries.flatMap((e, i) => (e.ok ? [{ i, value: e.value }] : []));
  const result = compareCatalogues(readable.map((r) => r.value as Adhesion), { avant, apres });
  const comparaison = withUnreadableCompared(result, entries, readable.map((r) => r.i));
  if (format === 'json') io.out(JSON.stringify(comparaison, null, 2) + '\n');
  else if (format === 'csv') io.out(renderComparisonCsv(comparaison));
  else io.out(renderComparisonText(comparaison, [String(avant.millesime), String(apres.millesime)]) + '\n');
  return 0;
}

function withUnreadableCompared(result: Comparaison, entries: ReturnType<typeof readBatch>, positions: number[]): Comparaison {
  if (positions.length === entries.length) return result;
  const byPosition = new Map(positions.map((p, k) => [p, result.adherents[k]!]));
  const adherents = entries.map((e, i) =>
    e.ok
      ? { ...byPosition.get(i)!, index: i }
      : { index: i, siren: null, nom: null, avant: null, apres: null, ecart: null, ecartPourcent: null, lignes: [], factures: [], refus: { avant: [e.issue], apres: [e.issue] } },
  );
  return { adherents, synthese: result.synthese };
}

const COMMANDS = { devis, lot, catalogue, verifier, reviser, comparer } as const;

/**
 * Exécute la ligne de commande `te90-tarifs` et rend son code de sortie : 0 succès, 1 entrée
 * refusée, 2 mauvais usage.
 *
 * @internal
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  let format: Format = 'texte';
  try {
    const { values, positionals } = parse(argv);
    const [command, ...rest] = positionals;
    if (values.version) {
      io.out(`${__VERSION__}\n`);
      return 0;
    }
    if (command === undefined) {
      io[values.help ? 'out' : 'err'](HELP['general'] + '\n');
      return values.help ? 0 : 2;
    }
    if (!Object.prototype.hasOwnProperty.call(COMMANDS, command)) throw new UsageError(`Commande inconnue : « ${command} ».`);
    if (values.help) {
      io.out(HELP[command] + '\n');
      return 0;
    }
    format = values.format === 'json' ? 'json' : 'texte';
    return COMMANDS[command as keyof typeof COMMANDS](rest, values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nVoir : te90-tarifs --help\n`);
      return 2;
    }
    if (isQuoteError(error)) return refuse(io, error.issues, format);
    io.err(`Erreur interne : ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

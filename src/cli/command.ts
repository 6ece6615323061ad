/**
 * Ce que partagent les commandes : leurs entrées et sorties, les options lues, les codes de sortie,
 * le choix du format et du fichier, le refus d'une entrée.
 */
import { renderIssuesText } from '@te90/tarifs/documents';
import type { ParsedArgs } from './args.js';
import type { StatusLine } from './progress.js';
import { asLibraryIssue, inCliVoice, type Problem } from './issues.js';
import { UsageError } from './usage-error.js';

/**
 * Les entrées et sorties de la ligne de commande (remplaçables pour les tests).
 *
 * @internal
 */
export interface CliIo {
  /**
   * Écrit sur la sortie standard. Peut rendre une promesse (la sortie attend qu'un bloc soit écrit)
   * et lever une `OutputError` (sortie fermée, disque plein…).
   */
  readonly out: (text: string) => void | Promise<void>;
  /** Écrit sur la sortie d'erreur. */
  readonly err: (text: string) => void;
  /**
   * La ligne d'état de la sortie d'erreur, seulement si c'est un terminal (la progression des longs
   * lots) ; `err`, et `out` quand la sortie standard est le même terminal, l'effacent avant d'écrire.
   */
  readonly status?: StatusLine | undefined;
  /** L'entrée standard est-elle un terminal ? « - » y affiche alors l'aide de la commande au lieu d'attendre. */
  readonly stdinIsTty?: boolean;
  /** Lit toute l'entrée standard (le fichier « - »). */
  readonly readStdin?: () => Promise<Uint8Array>;
  /** L'entrée standard bloc par bloc, pour un lot lu au fil de l'eau (`lot -`). */
  readonly stdinChunks?: () => AsyncIterable<Uint8Array | string>;
  /** Écrit des octets tels quels sur la sortie standard, après ce qui reste en tampon (un flux en ISO-8859-1). */
  readonly outBytes?: (octets: Uint8Array) => Promise<void>;
  /** Termine l'écriture de la sortie standard (ce qui reste en tampon). */
  readonly flush?: () => Promise<void>;
}

/**
 * Les options lues de la ligne de commande.
 *
 * @internal
 */
export type Values = ParsedArgs['values'];

/**
 * Une commande : ses fichiers (les arguments après son nom), les options, les entrées et sorties ;
 * rend son code de sortie (0 si elle ne rend rien).
 *
 * @internal
 */
export type Command = (positionals: string[], values: Values, io: CliIo) => number | void | Promise<number | void>;

/**
 * Les codes de sortie de la ligne de commande.
 *
 * @internal
 */
export const EXIT = { ok: 0, refused: 1, usage: 2, internal: 3, output: 4 } as const;

/**
 * Les formats de sortie communs aux commandes.
 *
 * @internal
 */
export const FORMATS = ['texte', 'json', 'csv'] as const;

/**
 * Un format de sortie.
 *
 * @internal
 */
export type Format = (typeof FORMATS)[number] | 'html' | 'pes';

/** Les autres noms admis d'un format (« text », l'anglais de « texte »). */
const FORMAT_ALIASES: Readonly<Record<string, Format>> = { text: 'texte' };

/** Le format nommé par --format, en minuscules ou en majuscules, et sous ses autres noms. */
function normalizeFormat(value: string): string {
  const lower = value.trim().toLowerCase();
  return FORMAT_ALIASES[lower] ?? lower;
}

/**
 * Le format demandé par --format (texte par défaut ; la casse ne compte pas, « text » vaut
 * « texte »), s'il est l'un de ceux de la commande.
 *
 * @internal
 * @throws {UsageError} si le format n'est pas admis
 */
export function formatOf(value: string | undefined, allowed: readonly Format[]): Format {
  const format = (value === undefined ? 'texte' : normalizeFormat(value)) as Format;
  if (!allowed.includes(format)) throw new UsageError(`Format inconnu : « ${value} » (formats : ${allowed.join(', ')}).`);
  return format;
}

/**
 * Le format d'un refus : en JSON sur la sortie standard si --format le demande (quelle que soit sa
 * casse), sinon en texte sur la sortie d'erreur.
 *
 * @internal
 */
export function refusalFormat(value: string | undefined): Format {
  return value !== undefined && normalizeFormat(value) === 'json' ? 'json' : 'texte';
}

/**
 * Le seul fichier d'une commande qui en attend un.
 *
 * @internal
 * @throws {UsageError} s'il n'y en a pas exactement un
 */
export function oneFile(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`La commande « ${command} » attend un seul fichier (${positionals.length} donné(s)).`);
  return positionals[0]!;
}

/**
 * Refuse l'entrée : ses problèmes (dans la voix de la ligne de commande) en JSON sur la sortie
 * standard (`--format json`), sinon en texte sur la sortie d'erreur. Rend le code de sortie 1.
 *
 * @internal
 */
export async function refuse(io: CliIo, problems: readonly Problem[], format: Format): Promise<number> {
  const issues = problems.map((i) => inCliVoice(i));
  if (format === 'json') await io.out(JSON.stringify({ issues }, null, 2) + '\n');
  else io.err(`Entrée refusée :\n${renderIssuesText(issues.map(asLibraryIssue))}\n`);
  return EXIT.refused;
}

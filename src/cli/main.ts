/**
 * La ligne de commande `te90-tarifs` : lit la ligne de commande, choisit la commande (une par fichier,
 * dans `commands/`), et rend son code de sortie ; une entrée refusée, un mauvais usage, une sortie
 * impossible ou une erreur interne y sont dits en français.
 */
import { escapeControlCharacters } from '@te90/tarifs';
import { commandNameOf, parseCommandLine } from './args.js';
import { EXIT, refuse, refusalFormat, type CliIo, type Command, type Format } from './command.js';
import { catalogue } from './commands/catalogue.js';
import { comparer } from './commands/comparer.js';
import { devis } from './commands/devis.js';
import { exemples } from './commands/exemples.js';
import { facturation } from './commands/facturation.js';
import { lot } from './commands/lot.js';
import { manifeste } from './commands/manifeste.js';
import { reviser } from './commands/reviser.js';
import { verifier } from './commands/verifier.js';
import { HELP } from './help.js';
import { problemsOf } from './issues.js';
import { OutputError } from './output.js';
import { describeErrno, STDIN } from './read-bytes.js';
import { SpoolError } from './spool.js';
import { suggestion } from './suggest.js';
import { UsageError } from './usage-error.js';

export type { CliIo } from './command.js';

declare const __VERSION__: string;

const COMMANDS: Readonly<Record<string, Command>> = {
  devis,
  lot,
  facturation,
  catalogue,
  verifier,
  reviser,
  comparer,
  manifeste,
  exemples,
  help,
};

/** `te90-tarifs help [commande]` : l'aide générale, ou celle d'une commande. */
async function help(positionals: string[], _values: unknown, io: CliIo): Promise<number> {
  if (positionals.length > 1) throw new UsageError(`La commande « help » prend au plus une commande (${positionals.length} données).`);
  const [name] = positionals;
  if (name !== undefined && !isCommand(name)) throw unknownCommand(name);
  await io.out(HELP[name ?? 'general'] + '\n');
  return EXIT.ok;
}

function isCommand(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

/** La commande en cours, pour qu'un mauvais usage renvoie à son aide. */
interface Context {
  command?: string;
}

async function dispatch(argv: readonly string[], io: CliIo, context: Context): Promise<number> {
  let format: Format = 'texte';
  try {
    const named = commandNameOf(argv);
    if (named !== undefined && isCommand(named)) context.command = named;
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
    const run = isCommand(command) ? COMMANDS[command] : undefined;
    if (run === undefined) throw unknownCommand(command);
    if (values.help) {
      await io.out(HELP[command] + '\n');
      return EXIT.ok;
    }
    if (io.stdinIsTty === true && rest.includes(STDIN)) {
      // « - » sur un terminal : personne n'y tape du JSON, on montre l'usage au lieu d'attendre.
      io.err(`L'entrée standard est un terminal : donnez un fichier, ou envoyez-le par un tube (« cat adhesion.json | te90-tarifs ${command} - »).\n\n${HELP[command]}\n`);
      return EXIT.usage;
    }
    format = refusalFormat(values.format);
    return (await run(rest, values, io)) ?? EXIT.ok;
  } catch (error) {
    const problems = problemsOf(error);
    if (problems !== undefined) return refuse(io, problems, format);
    throw error;
  }
}

function failure(error: unknown, io: CliIo, context: Context): number {
  if (error instanceof OutputError) {
    // Le lecteur est parti (« … | head -1 ») : rien de plus à écrire, ce n'est pas une erreur.
    if (error.code === 'EPIPE') return EXIT.ok;
    io.err(`Écriture impossible sur la sortie standard : ${describeErrno(error.code)}.\n`);
    return EXIT.output;
  }
  if (error instanceof SpoolError) {
    io.err(`Écriture impossible d'un fichier temporaire dans ${escapeControlCharacters(error.dossier)} : ${describeErrno(error.code)}. Le dossier temporaire se choisit par la variable d'environnement TMPDIR.\n`);
    return EXIT.output;
  }
  if (error instanceof UsageError) {
    const aide = context.command === undefined ? 'te90-tarifs --help' : `te90-tarifs ${context.command} --help (ou : te90-tarifs help ${context.command})`;
    io.err(`${error.message}\nVoir : ${aide}\n`);
    return EXIT.usage;
  }
  io.err(internalError(error));
  return EXIT.internal;
}

/**
 * Le message d'une erreur interne (un défaut de te90-tarifs, jamais de l'entrée) : sa version, le
 * défaut, et où le signaler.
 *
 * @internal
 */
export function internalError(error: unknown): string {
  const detail = error instanceof Error ? `${error.name} : ${error.message}` : String(error);
  return `Erreur interne de te90-tarifs ${__VERSION__} (${escapeControlCharacters(detail)}). Merci de la signaler au service informatique de Territoire d'énergie 90, avec la commande et l'entrée qui la provoquent (README du paquet, « Signaler un problème »).\n`;
}

/** Le mauvais usage d'un nom qui n'est pas une commande, avec la commande la plus proche. */
function unknownCommand(name: string): UsageError {
  return new UsageError(`Commande inconnue : « ${name} ».${suggestion(name, Object.keys(COMMANDS))}`);
}

/**
 * Exécute la ligne de commande `te90-tarifs` et rend son code de sortie : 0 succès (ou sortie
 * fermée par le lecteur), 1 entrée refusée, 2 mauvais usage, 3 erreur interne, 4 écriture
 * impossible sur la sortie standard.
 *
 * @internal
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const context: Context = {};
  try {
    const code = await dispatch(argv, io, context);
    await io.flush?.();
    return code;
  } catch (error) {
    return failure(error, io, context);
  }
}

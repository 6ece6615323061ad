/**
 * La ligne de commande `te90-tarifs` : lit la ligne de commande, choisit la commande (une par fichier,
 * dans `commands/`), et rend son code de sortie ; une entrée refusée, un mauvais usage, une sortie
 * impossible ou une erreur interne y sont dits en français.
 */
import { parseCommandLine } from './args.js';
import { EXIT, refuse, type CliIo, type Command, type Format } from './command.js';
import { catalogue } from './commands/catalogue.js';
import { comparer } from './commands/comparer.js';
import { devis } from './commands/devis.js';
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
};

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
    if (run === undefined) throw new UsageError(`Commande inconnue : « ${command} ».${suggestion(command, Object.keys(COMMANDS))}`);
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
    const problems = problemsOf(error);
    if (problems !== undefined) return refuse(io, problems, format);
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

import { internalError, runCli } from './main.js';
import { chunkedOutput } from './output.js';
import { terminalStatusLine } from './progress.js';
import { readStreamCapped } from './read-bytes.js';

// La ligne d'état (progression) n'existe que si la sortie d'erreur est un terminal ; elle est effacée
// avant tout message, et avant chaque résultat quand la sortie standard est le même terminal.
const status = process.stderr.isTTY ? terminalStatusLine((text) => process.stderr.write(text)) : undefined;
const stdout = chunkedOutput(process.stdout, undefined, process.stdout.isTTY ? status?.clear : undefined);
// Une sortie d'erreur fermée ne doit pas terminer le processus par une trace de pile.
process.stderr.on('error', () => {});

/** L'entrée standard, lue par le lecteur borné : une entrée sans fin est refusée, jamais lue jusqu'à l'épuisement de la mémoire. */
function readStdin(): Promise<Uint8Array> {
  return readStreamCapped(process.stdin, "L'entrée standard");
}

runCli(process.argv.slice(2), {
  out: stdout.out,
  outBytes: stdout.bytes,
  flush: stdout.flush,
  err: (text) => {
    status?.clear();
    process.stderr.write(text);
  },
  status,
  stdinIsTty: Boolean(process.stdin.isTTY),
  readStdin,
  stdinChunks: () => process.stdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    status?.clear();
    process.stderr.write(internalError(error));
    process.exitCode = 3;
  },
);

import { runCli } from './main.js';
import { chunkedOutput } from './output.js';
import { readStreamCapped } from './read-bytes.js';

const stdout = chunkedOutput(process.stdout);
// Une sortie d'erreur fermée ne doit pas terminer le processus par une trace de pile.
process.stderr.on('error', () => {});

/** L'entrée standard, lue par le lecteur borné : une entrée sans fin est refusée, jamais lue jusqu'à l'épuisement de la mémoire. */
function readStdin(): Promise<Uint8Array> {
  return readStreamCapped(process.stdin, "L'entrée standard");
}

runCli(process.argv.slice(2), {
  out: stdout.out,
  flush: stdout.flush,
  err: (text) => {
    process.stderr.write(text);
  },
  errIsTty: Boolean(process.stderr.isTTY),
  stdinIsTty: Boolean(process.stdin.isTTY),
  readStdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Erreur interne de te90-tarifs (${error instanceof Error ? error.message : String(error)}).\n`);
    process.exitCode = 3;
  },
);

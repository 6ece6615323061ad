import { runCli } from './main.js';
import { chunkedOutput } from './output.js';

const stdout = chunkedOutput(process.stdout);
// Une sortie d'erreur fermée ne doit pas terminer le processus par une trace de pile.
process.stderr.on('error', () => {});

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

runCli(process.argv.slice(2), {
  out: stdout.out,
  flush: stdout.flush,
  err: (text) => {
    process.stderr.write(text);
  },
  errIsTty: Boolean(process.stderr.isTTY),
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

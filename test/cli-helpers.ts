import type { CliIo } from '../src/cli/main.js';

/** Des entrées-sorties en mémoire pour `runCli`, qui notent chaque écriture. */
export function memoryIo(stdin?: string | Uint8Array) {
  const writes: string[] = [];
  const errors: string[] = [];
  const bytes: Uint8Array[] = [];
  const io: CliIo = {
    outBytes: async (octets) => {
      bytes.push(octets);
    },
    out: (text) => {
      writes.push(text);
    },
    err: (text) => {
      errors.push(text);
    },
    readStdin: async () => (typeof stdin === 'string' ? new TextEncoder().encode(stdin) : (stdin ?? new Uint8Array())),
  };
  return { io, writes, errors, bytes, out: () => writes.join(''), err: () => errors.join('') };
}

/** Lecture CSV minimale (guillemets doublés, « ; », CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

import type { Writable } from 'node:stream';

/**
 * L'écriture sur la sortie standard a échoué (sortie fermée, disque plein…). `EPIPE` (le lecteur
 * est parti, par exemple `… | head -1`) termine sans bruit ; les autres donnent le code de sortie 4.
 *
 * @internal
 */
export class OutputError extends Error {
  /** Le code de l'erreur système (`EPIPE`, `ENOSPC`…), s'il est connu. */
  readonly code: string | undefined;

  constructor(cause: unknown) {
    const code = (cause as { code?: unknown } | null)?.code;
    super(cause instanceof Error ? cause.message : String(cause));
    this.code = typeof code === 'string' ? code : undefined;
  }
}

/**
 * Une sortie écrite par morceaux : le texte est accumulé, puis écrit par blocs d'environ
 * `chunkSize` caractères ; chaque bloc attend que le précédent soit écrit (la mémoire reste bornée
 * même si le lecteur est lent). Une erreur d'écriture est rendue comme {@link OutputError}.
 * `beforeWrite` est appelé juste avant l'écriture de chaque bloc (pour effacer une ligne d'état du
 * même terminal).
 *
 * @internal
 */
export interface ChunkedOutput {
  /** Ajoute du texte ; rend une promesse quand un bloc est en cours d'écriture. */
  readonly out: (text: string) => void | Promise<void>;
  /** Écrit ce qui reste, puis des octets tels quels (un flux dans un autre encodage que l'UTF-8). */
  readonly bytes: (octets: Uint8Array) => Promise<void>;
  /** Écrit ce qui reste et attend la fin de l'écriture. */
  readonly flush: () => Promise<void>;
}

/**
 * Une sortie par blocs sur un flux (la sortie standard).
 *
 * @internal
 */
export function chunkedOutput(stream: Writable, chunkSize = 1 << 16, beforeWrite?: () => void): ChunkedOutput {
  let failure: OutputError | undefined;
  let buffer = '';
  // Sans écouteur, une erreur du flux (EPIPE) terminerait le processus avec une trace de pile.
  stream.on('error', (error) => {
    failure ??= new OutputError(error);
  });
  const write = (chunk: string | Uint8Array): Promise<void> => {
    beforeWrite?.();
    return new Promise((resolve, reject) => {
      stream.write(chunk, (error) => {
        if (error) {
          failure ??= new OutputError(error);
          reject(failure);
        } else resolve();
      });
    });
  };
  const flush = (): Promise<void> => {
    if (failure) return Promise.reject(failure);
    if (buffer === '') return Promise.resolve();
    const chunk = buffer;
    buffer = '';
    return write(chunk);
  };
  return {
    out: (text) => {
      if (failure) throw failure;
      buffer += text;
      return buffer.length >= chunkSize ? flush() : undefined;
    },
    bytes: async (octets) => {
      await flush();
      if (failure) throw failure;
      await write(octets);
    },
    flush,
  };
}

import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * Le fichier temporaire d'un texte mis en attente n'a pas pu être écrit ou relu (disque plein,
 * dossier temporaire interdit…).
 *
 * @internal
 */
export class SpoolError extends Error {
  /** Le code de l'erreur système (`ENOSPC`, `EACCES`…), s'il est connu. */
  readonly code: string | undefined;
  /** Le dossier temporaire utilisé. */
  readonly dossier: string;

  constructor(cause: unknown, dossier: string) {
    const code = (cause as { code?: unknown } | null)?.code;
    super(cause instanceof Error ? cause.message : String(cause));
    this.code = typeof code === 'string' ? code : undefined;
    this.dossier = dossier;
  }
}

const BLOCK = 1 << 20;

/**
 * Un texte mis en attente dans un fichier temporaire : ce qu'une sortie doit écrire après un
 * début qui n'est connu qu'à la fin (la synthèse d'un rapport précède ses lignes). La mémoire ne
 * dépend pas de la taille du texte ; {@link Spool.close} efface le fichier.
 *
 * @internal
 */
export class Spool {
  private readonly dir: string;
  private fd: number | undefined;
  private buffer = '';
  private written = 0;

  constructor() {
    const base = tmpdir();
    let dir: string | undefined;
    try {
      dir = mkdtempSync(join(base, 'te90-tarifs-'));
      const file = join(dir, 'attente');
      this.fd = openSync(file, 'w+', 0o600);
      this.dir = dir;
    } catch (error) {
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
      throw new SpoolError(error, base);
    }
    // Là où un fichier ouvert peut être effacé (POSIX), il l'est aussitôt : rien ne reste sur le
    // disque, même si la commande est interrompue ; ailleurs, `close` l'efface.
    try {
      unlinkSync(join(dir, 'attente'));
      rmdirSync(dir);
    } catch {
      // Windows : le fichier ouvert reste jusqu'à `close`.
    }
  }

  /** Ajoute du texte. */
  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= BLOCK) this.drain();
  }

  /** Relit tout le texte, par blocs, dans `out` (chaque bloc attend que le précédent soit écrit). */
  async replay(out: (text: string) => void | Promise<void>): Promise<void> {
    this.drain();
    const bytes = Buffer.alloc(BLOCK);
    const decoder = new StringDecoder('utf8');
    for (let position = 0; ; ) {
      let n: number;
      try {
        n = readSync(this.fd!, bytes, 0, BLOCK, position);
      } catch (error) {
        throw new SpoolError(error, this.dir);
      }
      if (n === 0) break;
      position += n;
      const written = out(decoder.write(bytes.subarray(0, n)));
      if (written) await written;
    }
    const rest = decoder.end();
    if (rest !== '') {
      const written = out(rest);
      if (written) await written;
    }
  }

  /** Ferme et efface le fichier temporaire. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private drain(): void {
    if (this.buffer === '') return;
    const bytes = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    try {
      // Une écriture peut être partielle (disque presque plein) : la suite est écrite jusqu'au bout.
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd!, bytes, done, bytes.length - done, this.written + done);
    } catch (error) {
      throw new SpoolError(error, this.dir);
    }
    this.written += bytes.length;
  }
}

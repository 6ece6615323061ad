/**
 * La progression d'un long lot (devis, rôle, comparaison) : une ligne d'état sur la sortie d'erreur,
 * seulement quand c'est un terminal ; elle est effacée avant que quoi que ce soit d'autre n'y soit
 * écrit (un message, ou un résultat quand la sortie standard est le même terminal), et à la fin.
 */
import type { CliIo } from './command.js';

/** Efface la ligne du terminal et ramène le curseur à son début. */
const CLEAR_LINE = '\r\x1b[2K';

/**
 * Une ligne d'état sur un terminal : montrée à la place de la précédente, effacée sur demande.
 *
 * @internal
 */
export interface StatusLine {
  /** Montre ce texte (une ligne, sans fin de ligne) à la place de la ligne d'état précédente. */
  readonly show: (text: string) => void;
  /** Efface la ligne d'état, si elle est montrée (rien sinon). */
  readonly clear: () => void;
}

/**
 * La ligne d'état d'un terminal, écrite par `write` (la sortie d'erreur).
 *
 * @internal
 */
export function terminalStatusLine(write: (text: string) => void): StatusLine {
  let shown = false;
  return {
    show: (text) => {
      write(`${CLEAR_LINE}${text}`);
      shown = true;
    },
    clear: () => {
      if (!shown) return;
      shown = false;
      write(CLEAR_LINE);
    },
  };
}

/**
 * La progression d'un lot : « Devis : 1000/3000 » sur la ligne d'état, effacée quand le lot est fini.
 *
 * @internal
 */
export function progressDisplay(io: CliIo, titre = 'Devis'): (done: number, total: number) => void {
  return (done, total) => {
    if (done === total) io.status?.clear();
    else io.status?.show(`${titre} : ${done}/${total}`);
  };
}

/**
 * La progression n'est montrée que sur un terminal, pour un lot d'au moins 2 000 adhésions.
 *
 * @internal
 */
export function showsProgress(io: CliIo, count: number): boolean {
  return io.status !== undefined && count >= 2000;
}

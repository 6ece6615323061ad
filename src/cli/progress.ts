/**
 * La progression d'un long lot (devis, rôle, comparaison) sur la sortie d'erreur, quand c'est un terminal.
 */
import type { CliIo } from './command.js';

/**
 * La progression d'un long lot sur la sortie d'erreur (un terminal), effacée avant tout autre message.
 *
 * @internal
 */
export function progressDisplay(io: CliIo, titre = 'Devis'): { err: (text: string) => void; show: (done: number, total: number) => void } {
  let shown = false;
  return {
    err: (text) => {
      if (shown) io.err('\r\x1b[K');
      shown = false;
      io.err(text);
    },
    show: (done, total) => {
      io.err(`\r${titre} : ${done}/${total}${done === total ? '\n' : ''}`);
      shown = done !== total;
    },
  };
}

/**
 * La progression n'est montrée que sur un terminal, pour un lot d'au moins 2 000 adhésions.
 *
 * @internal
 */
export function showsProgress(io: CliIo, count: number): boolean {
  return io.errIsTty && count >= 2000;
}

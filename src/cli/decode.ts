/**
 * Le décodage des octets lus : du texte UTF-8 (avec ou sans BOM), entier ou ligne par ligne. Un
 * autre encodage (UTF-16, Latin-1, Windows-1252) est refusé, plutôt que lu avec des caractères
 * défigurés.
 */
import { isUtf8 } from 'node:buffer';
import { cliIssue, RefusedInput } from './issues.js';

/** La position (octet, ligne) de la première séquence qui n'est pas de l'UTF-8 valide. */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return { offset: i, line };
    const second = bytes[i + 1]!;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return { offset: i, line };
    for (let k = 2; k < length; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return { offset: i, line };
    }
    i += length;
  }
  return { offset: bytes.length, line };
}

/**
 * Un texte en UTF-32 ou en UTF-16, reconnu à sa marque d'ordre des octets (BOM) ou, sans BOM, à un
 * premier caractère ASCII suivi ou précédé d'octets nuls (« {\0\0\0 », « {\0 », « \0{ »…). L'UTF-32
 * est cherché d'abord : sa marque petit-boutiste commence comme celle de l'UTF-16.
 */
function wideEncoding(bytes: Uint8Array): { readonly raison: 'utf16' | 'utf32'; readonly boutisme: 'LE' | 'BE' } | undefined {
  if (bytes.length >= 4) {
    const [a, b, c, d] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
    if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { raison: 'utf32', boutisme: 'LE' };
    if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { raison: 'utf32', boutisme: 'BE' };
    if (a !== 0 && a < 0x80 && b === 0 && c === 0 && d === 0) return { raison: 'utf32', boutisme: 'LE' };
    if (a === 0 && b === 0 && c === 0 && d !== 0 && d < 0x80) return { raison: 'utf32', boutisme: 'BE' };
  }
  if (bytes.length < 2) return undefined;
  const [a, b] = [bytes[0]!, bytes[1]!];
  if (a === 0xff && b === 0xfe) return { raison: 'utf16', boutisme: 'LE' };
  if (a === 0xfe && b === 0xff) return { raison: 'utf16', boutisme: 'BE' };
  if (a !== 0 && a < 0x80 && b === 0) return { raison: 'utf16', boutisme: 'LE' };
  if (a === 0 && b !== 0 && b < 0x80) return { raison: 'utf16', boutisme: 'BE' };
  return undefined;
}

/**
 * Refuse un texte dans un autre encodage reconnu à ses premiers octets (UTF-32, UTF-16) ; `bytes` peut n'être
 * que le début de l'entrée (ses quatre premiers octets suffisent).
 *
 * @internal
 * @throws {RefusedInput} `FICHIER_ILLISIBLE` si le texte est en UTF-32 ou en UTF-16
 */
export function refuseOtherEncodings(bytes: Uint8Array, name: string): void {
  const wide = wideEncoding(bytes);
  if (wide !== undefined) throw new RefusedInput([cliIssue('FICHIER_ILLISIBLE', [], { ...wide, fichier: name })]);
}

/**
 * Le texte d'un fichier, qui doit être en UTF-8 (avec ou sans BOM). Un fichier dans un autre
 * encodage (Latin-1, Windows-1252) est refusé, plutôt que lu avec des caractères défigurés.
 *
 * @internal
 * @throws {RefusedInput} `FICHIER_ILLISIBLE` si le texte n'est pas de l'UTF-8 valide
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  refuseOtherEncodings(bytes, name);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) {
      throw new RefusedInput([cliIssue('FICHIER_ILLISIBLE', [], { raison: 'tropVolumineux', fichier: name, octets: bytes.length })]);
    }
    const { offset, line } = firstInvalidUtf8(bytes);
    const octet = offset < bytes.length ? bytes[offset]! : null;
    throw new RefusedInput([cliIssue('FICHIER_ILLISIBLE', [], { raison: 'encodage', fichier: name, octet, ligne: line, position: offset + 1 })]);
  }
}

/**
 * Une ligne d'un texte, et son numéro (à partir de 1).
 *
 * @internal
 */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/**
 * Les lignes d'un texte, avec leur numéro (à partir de 1), sans les copier toutes d'un coup.
 *
 * @internal
 */
export function* lines(text: string): Generator<NumberedLine> {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    yield { line, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw };
    start = end + 1;
    line++;
  }
}

/**
 * Les lignes d'un texte UTF-8 valide, décodées une à une (comme {@link lines} sur le texte décodé).
 *
 * @internal
 */
export function* byteLines(bytes: Uint8Array): Generator<NumberedLine> {
  // Comme le décodage du texte entier : la marque d'ordre des octets n'est retirée qu'au début.
  const first = new TextDecoder('utf-8');
  const others = new TextDecoder('utf-8', { ignoreBOM: true });
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const stop = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
    yield { line, text: (line === 1 ? first : others).decode(bytes.subarray(start, stop)) };
    start = end + 1;
    line++;
  }
}

/**
 * Une ligne lue d'un flux d'octets : son numéro (à partir de 1), ses octets (sans le saut de ligne
 * ni le retour chariot qui le précède) et la position de son premier octet dans l'entrée.
 *
 * @internal
 */
export interface ByteLine {
  readonly line: number;
  readonly bytes: Uint8Array;
  readonly offset: number;
}

/**
 * Le découpage en lignes d'octets reçus par blocs : seule la ligne en cours est gardée (les blocs
 * lus ne le sont pas), si bien que la mémoire ne dépend que de la plus longue ligne.
 *
 * @internal
 */
export class LineSplitter {
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private line = 1;
  private offset = 0;

  /** Les lignes complètes qu'un bloc termine. */
  *push(chunk: Uint8Array): Generator<ByteLine> {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(0x0a, start);
      if (end === -1) break;
      yield this.take(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start < chunk.length) {
      // Le bloc peut être réutilisé par le lecteur : la fin de ligne en attente est copiée.
      this.pending.push(Uint8Array.prototype.slice.call(chunk, start));
      this.pendingLength += chunk.length - start;
    }
  }

  /** La dernière ligne, à la fin de l'entrée (vide si l'entrée finit par un saut de ligne). */
  end(): ByteLine {
    return this.take(new Uint8Array(0), true);
  }

  private take(tail: Uint8Array, last = false): ByteLine {
    let bytes: Uint8Array = tail;
    if (this.pendingLength > 0) {
      bytes = Buffer.concat([...this.pending, tail], this.pendingLength + tail.length);
      this.pending = [];
      this.pendingLength = 0;
    }
    const out: ByteLine = { line: this.line, offset: this.offset, bytes: bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, bytes.length - 1) : bytes };
    this.offset += bytes.length + (last ? 0 : 1);
    this.line++;
    return out;
  }
}

const FIRST_LINE = new TextDecoder('utf-8');
const OTHER_LINES = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Le texte d'une ligne, décodé comme le serait le texte entier : la marque d'ordre des octets n'est
 * retirée que de la première ligne ; ou le problème d'une ligne qui n'est pas de l'UTF-8 valide
 * (`FICHIER_ILLISIBLE`, `encodage`, à sa position dans l'entrée).
 *
 * @internal
 */
export function decodeLine(l: ByteLine, name: string): { ok: true; text: string } | { ok: false; issue: ReturnType<typeof cliIssue> } {
  if (!isUtf8(l.bytes)) {
    const { offset } = firstInvalidUtf8(l.bytes);
    const octet = offset < l.bytes.length ? l.bytes[offset]! : null;
    return { ok: false, issue: cliIssue('FICHIER_ILLISIBLE', [], { raison: 'encodage', fichier: name, octet, ligne: l.line, position: l.offset + offset + 1 }) };
  }
  return { ok: true, text: (l.line === 1 ? FIRST_LINE : OTHER_LINES).decode(l.bytes) };
}

/**
 * Une ligne blanche (rien que des espaces, au sens de `String.prototype.trim`) ; seule une ligne
 * sans autre caractère ASCII que des espaces est décodée pour le savoir.
 *
 * @internal
 */
export function isBlankLine(l: ByteLine, text?: string): boolean {
  const b = l.bytes;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    if (c < 0x80) return false;
    return (text ?? new TextDecoder('utf-8').decode(b)).trim() === '';
  }
  return true;
}

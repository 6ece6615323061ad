/**
 * Le décodage des octets lus : du texte UTF-8 (avec ou sans BOM), entier ou ligne par ligne. Un
 * autre encodage (UTF-16, Latin-1, Windows-1252) est refusé, plutôt que lu avec des caractères
 * défigurés.
 */
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
 * Le texte d'un fichier, qui doit être en UTF-8 (avec ou sans BOM). Un fichier dans un autre
 * encodage (Latin-1, Windows-1252) est refusé, plutôt que lu avec des caractères défigurés.
 *
 * @internal
 * @throws {RefusedInput} `FICHIER_ILLISIBLE` si le texte n'est pas de l'UTF-8 valide
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  const wide = wideEncoding(bytes);
  if (wide !== undefined) throw new RefusedInput([cliIssue('FICHIER_ILLISIBLE', [], { ...wide, fichier: name })]);
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

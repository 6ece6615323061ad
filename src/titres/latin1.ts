/**
 * L'ISO-8859-1, l'encodage des flux PES : ce qu'il sait écrire (U+0000 à U+00FF), les caractères
 * qui ont un équivalent évident (translittérés), et l'échappement XML, écrit ici une fois.
 */

/**
 * Les caractères hors de l'ISO-8859-1 qui ont un équivalent évident, et cet équivalent. Les autres
 * (symbole euro, émoticônes, lettres d'autres alphabets…) sont refusés par un problème.
 *
 * @internal
 */
export const TRANSLITTERATIONS: Readonly<Record<string, string>> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u201B': "'", // ‛
  '\u2032': "'", // ′
  '\u02BC': "'", // ʼ
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u2033': '"', // ″
  '\u2010': '-', // ‐
  '\u2011': '-', // ‑
  '\u2012': '-', // ‒
  '\u2013': '-', // –
  '\u2014': '-', // —
  '\u2015': '-', // ―
  '\u2212': '-', // −
  '\u2026': '...', // …
  '\u0153': 'oe', // œ
  '\u0152': 'OE', // Œ
  '\uFB01': 'fi', // ﬁ
  '\uFB02': 'fl', // ﬂ
  '\u2009': ' ', // espace fine
  '\u202F': ' ', // espace fine insécable
  '\u2007': ' ', // espace tabulaire
  '\u2002': ' ',
  '\u2003': ' ',
};

/**
 * Un texte écrit en ISO-8859-1 : composé (NFC, « é » en un caractère), chaque caractère qui a un
 * équivalent évident remplacé ; sinon le premier caractère qu'il ne sait pas écrire (`U+20AC`) et sa
 * position (à partir de 1, dans le texte reçu).
 *
 * @internal
 */
export function toLatin1(text: string): { readonly text: string } | { readonly caractere: string; readonly position: number } {
  let out = '';
  let position = 0;
  for (const c of text.normalize('NFC')) {
    position++;
    const code = c.codePointAt(0)!;
    if (code <= 0xff) out += c;
    else if (TRANSLITTERATIONS[c] !== undefined) out += TRANSLITTERATIONS[c];
    else return { caractere: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, position };
  }
  return { text: out };
}

/** Les octets ISO-8859-1 d'un texte qui n'a que des caractères de U+0000 à U+00FF. @internal */
export function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new RangeError(`caractère hors ISO-8859-1 à la position ${i + 1}`);
    bytes[i] = code;
  }
  return bytes;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Un texte échappé pour une valeur d'attribut XML (`<&"'>`) : le seul endroit où le flux échappe. @internal */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Où et pourquoi un texte n'est pas du JSON : relu caractère par caractère quand `JSON.parse` l'a
 * refusé, pour le dire en français avec sa ligne et sa colonne (le message de `JSON.parse`, en
 * anglais et variable d'une version de Node à l'autre, n'est jamais montré ni relu).
 */

/**
 * Ce qui était attendu là où le texte cesse d'être du JSON.
 *
 * @internal
 */
export type JsonExpected = 'valeur' | 'nom' | 'deuxPoints' | 'virguleOuAccolade' | 'virguleOuCrochet' | 'finDeChaine';

/**
 * La faute de syntaxe : sa nature, ce qui était attendu, ce qui a été trouvé, et où (ligne et
 * colonne à partir de 1, la colonne comptée en caractères).
 *
 * @internal
 */
export type JsonFault = {
  readonly ligne: number;
  readonly colonne: number;
} & (
  | { readonly erreur: 'fin'; readonly attendu: JsonExpected }
  | { readonly erreur: 'caractere'; readonly attendu: JsonExpected; readonly trouve: string; /** Le caractère trouvé ferme, juste après une virgule, la liste ou l'objet en cours. */ readonly apresVirgule: boolean }
  | { readonly erreur: 'controle' }
  | { readonly erreur: 'echappement'; readonly trouve: string }
  | { readonly erreur: 'nombre' }
  | { readonly erreur: 'apres'; readonly trouve: string }
);

type Fault = JsonFault extends infer F ? (F extends unknown ? Omit<F, 'ligne' | 'colonne'> : never) : never;

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** La faute et sa position (en unités de code UTF-16) ; `undefined` si le texte est du JSON. */
function scan(text: string): { fault: Fault; at: number } | undefined {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  const char = () => String.fromCodePoint(text.codePointAt(i)!);
  const fail = (fault: Fault, at = i) => ({ fault, at });
  /** Lit une chaîne à partir de son guillemet ouvrant ; rend une faute, ou rien. */
  const string = (): { fault: Fault; at: number } | undefined => {
    i++;
    for (;;) {
      if (i >= text.length) return fail({ erreur: 'fin', attendu: 'finDeChaine' });
      const c = text[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c.charCodeAt(0) < 0x20) return fail({ erreur: 'controle' });
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) return fail({ erreur: 'fin', attendu: 'finDeChaine' }, i + 1);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail({ erreur: 'echappement', trouve: `\\${text.slice(i + 1, i + 6)}` });
          i += 6;
          continue;
        }
        if (!ESCAPES.has(e)) return fail({ erreur: 'echappement', trouve: `\\${String.fromCodePoint(text.codePointAt(i + 1)!)}` });
        i += 2;
        continue;
      }
      i++;
    }
  };
  let state: 'valeur' | 'nom' = 'valeur';
  let afterComma = false;
  for (;;) {
    // Une valeur (ou, dans un objet, un nom et ses deux-points).
    skip();
    if (state === 'nom') {
      if (i >= text.length) return fail({ erreur: 'fin', attendu: 'nom' });
      if (text[i] !== '"') return fail({ erreur: 'caractere', attendu: 'nom', trouve: char(), apresVirgule: afterComma && text[i] === '}' });
      const f = string();
      if (f) return f;
      skip();
      if (i >= text.length) return fail({ erreur: 'fin', attendu: 'deuxPoints' });
      if (text[i] !== ':') return fail({ erreur: 'caractere', attendu: 'deuxPoints', trouve: char(), apresVirgule: false });
      i++;
      skip();
    }
    if (i >= text.length) return fail({ erreur: 'fin', attendu: 'valeur' });
    const c = text[i]!;
    let opened = false;
    if (c === '{' || c === '[') {
      i++;
      skip();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c);
        state = c === '{' ? 'nom' : 'valeur';
        afterComma = false;
        opened = true;
      }
    } else if (c === '"') {
      const f = string();
      if (f) return f;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      const end = m === null ? i : i + m[0].length;
      if (m === null || /[0-9.eE+-]/.test(text[end] ?? '')) return fail({ erreur: 'nombre' });
      i = end;
    } else {
      LITERAL.lastIndex = i;
      const m = LITERAL.exec(text);
      if (m === null || /[A-Za-z0-9_]/.test(text[i + m[0].length] ?? '')) return fail({ erreur: 'caractere', attendu: 'valeur', trouve: char(), apresVirgule: afterComma && c === ']' && stack.at(-1) === '[' });
      i += m[0].length;
    }
    if (opened) continue;
    // Après une valeur : la suite du conteneur, ou sa fin.
    for (;;) {
      skip();
      const top = stack.at(-1);
      if (top === undefined) return i >= text.length ? undefined : fail({ erreur: 'apres', trouve: char() });
      const attendu = top === '{' ? 'virguleOuAccolade' : 'virguleOuCrochet';
      if (i >= text.length) return fail({ erreur: 'fin', attendu });
      if (text[i] === ',') {
        i++;
        state = top === '{' ? 'nom' : 'valeur';
        afterComma = true;
        break;
      }
      if (text[i] !== (top === '{' ? '}' : ']')) return fail({ erreur: 'caractere', attendu, trouve: char(), apresVirgule: false });
      i++;
      stack.pop();
    }
  }
}

/**
 * La faute de syntaxe d'un texte que `JSON.parse` refuse, avec sa ligne et sa colonne ; `undefined`
 * si le texte est du JSON (ce que `JSON.parse` aurait accepté).
 *
 * @internal
 */
export function jsonFault(text: string): JsonFault | undefined {
  const found = scan(text);
  if (found === undefined) return undefined;
  let ligne = 1;
  let start = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < found.at; k = text.indexOf('\n', k + 1)) {
    ligne++;
    start = k + 1;
  }
  const colonne = [...text.slice(start, found.at)].length + 1;
  return { ...found.fault, ligne, colonne } as JsonFault;
}

const EXPECTED: Readonly<Record<JsonExpected, string>> = {
  valeur: 'une valeur était attendue (nombre, "texte", objet { … }, liste [ … ], true, false ou null)',
  nom: 'un nom de champ entre guillemets doubles était attendu',
  deuxPoints: '« : » était attendu après le nom du champ',
  virguleOuAccolade: "« , » ou « } » était attendu (il manque une virgule, ou l'accolade fermante d'un objet)",
  virguleOuCrochet: "« , » ou « ] » était attendu (il manque une virgule, ou le crochet fermant d'une liste)",
  finDeChaine: 'le guillemet fermant « " » d\'un texte manque',
};

/**
 * La faute de syntaxe en français : ce qui ne va pas, où, et ce qui était attendu (sans la ligne si
 * `colonneSeule`, pour une ligne d'un fichier JSONL déjà nommée).
 *
 * @internal
 */
export function describeJsonFault(f: JsonFault, colonneSeule = false): string {
  const where = colonneSeule ? `colonne ${f.colonne}` : `ligne ${f.ligne}, colonne ${f.colonne}`;
  switch (f.erreur) {
    case 'fin':
      return `le texte s'arrête trop tôt (${where}) : ${EXPECTED[f.attendu]}`;
    case 'caractere': {
      const hint =
        f.trouve === "'"
          ? ' ; JSON n\'admet que les guillemets doubles « " »'
          : f.apresVirgule
            ? ` ; la virgule avant « ${f.trouve} » est en trop`
            : f.attendu === 'nom' && /\p{L}/u.test(f.trouve)
              ? ' ; un nom de champ s\'écrit entre guillemets doubles, "comme ceci"'
              : '';
      return `« ${f.trouve} » inattendu (${where}) : ${EXPECTED[f.attendu]}${hint}`;
    }
    case 'controle':
      return `un texte entre guillemets contient un retour à la ligne ou une tabulation (${where}) : écrivez \\n ou \\t, ou fermez le guillemet`;
    case 'echappement':
      return `échappement « ${f.trouve} » invalide dans un texte (${where}) : une barre oblique inverse s'écrit \\\\`;
    case 'nombre':
      return `nombre mal écrit (${where}) : un nombre JSON s'écrit 2.5 (point décimal, sans espace ni zéro en tête)`;
    case 'apres':
      return `texte en trop après la fin du document (${where}, « ${f.trouve} »)`;
  }
}

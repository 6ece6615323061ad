/**
 * L'écriture de longs textes par morceaux : un document JSON écrit élément par élément, exactement
 * comme `JSON.stringify(…, null, 2)` l'écrirait en entier, sans que la liste soit en mémoire.
 */

/**
 * Une écriture, éventuellement asynchrone (la sortie attend qu'un bloc soit écrit).
 *
 * @internal
 */
export type Write = (text: string) => void | Promise<void>;

function indent(json: string, spaces: string): string {
  return spaces + json.replace(/\n/g, `\n${spaces}`);
}

/**
 * Un objet JSON `{ "<cle>": [ … ], "synthese": … }` écrit élément par élément : le texte est
 * exactement celui de `JSON.stringify({ [cle]: elements, synthese }, null, 2)`, sans que la liste
 * soit en mémoire.
 *
 * @internal
 */
export function jsonArraySink(out: Write, cle: string): { begin(): void | Promise<void>; item(value: unknown): void | Promise<void>; end(synthese: unknown): Promise<void> } {
  let first = true;
  return {
    begin: () => out(`{\n  ${JSON.stringify(cle)}: [`),
    item: (value) => {
      const text = (first ? '\n' : ',\n') + indent(JSON.stringify(value, null, 2), '    ');
      first = false;
      return out(text);
    },
    // La synthèse d'un gros lot (ses conflits) peut être longue : elle est écrite par morceaux.
    end: async (s) => writeInChunks(jsonDocumentEnd(first, s), out),
  };
}

function* jsonDocumentEnd(empty: boolean, synthese: unknown): Generator<string> {
  yield `${empty ? ']' : '\n  ]'},\n  "synthese": `;
  yield* jsonPieces(synthese, '  ');
  yield '\n}\n';
}

/**
 * Écrit des morceaux de texte par blocs d'environ 64 Kio, en attendant chaque écriture : un long
 * texte n'est jamais construit en entier.
 *
 * @internal
 */
export function writeInChunks(pieces: Iterable<string>, out: Write): void | Promise<void> {
  const iterator = pieces[Symbol.iterator]();
  // Synchrone tant que la sortie l'est (la sortie d'erreur) ; sinon, chaque bloc attend le précédent.
  const step = (): void | Promise<void> => {
    let chunk = '';
    for (let r = iterator.next(); r.done !== true; r = iterator.next()) {
      chunk += r.value;
      if (chunk.length >= 1 << 16) {
        const written = out(chunk);
        chunk = '';
        if (written) return written.then(step);
      }
    }
    return chunk === '' ? undefined : out(chunk);
  };
  return step();
}

/**
 * Le texte de `JSON.stringify(value, null, 2)`, chaque saut de ligne suivi de `margin`, par morceaux :
 * une longue liste n'est jamais un seul texte. Pour des données JSON (objets, listes, textes,
 * nombres, booléens, `null`) ; une clé `undefined` est omise, comme le fait `JSON.stringify`.
 *
 * @internal
 */
export function* jsonPieces(value: unknown, margin: string): Generator<string> {
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    const inner = `${margin}  `;
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}\n${inner}`;
      const item: unknown = value[i];
      yield* item === undefined || typeof item === 'function' ? ['null'] : jsonPieces(item, inner);
    }
    return yield `\n${margin}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    if (entries.length === 0) return yield '{}';
    const inner = `${margin}  `;
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i]!;
      yield `${i === 0 ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
      yield* jsonPieces(v, inner);
    }
    return yield `\n${margin}}`;
  }
  yield JSON.stringify(value);
}

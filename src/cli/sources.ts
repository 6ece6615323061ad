/**
 * Les sources d'un lot : un fichier JSON (une liste d'adhésions, ou une seule) ou JSONL (une adhésion
 * par ligne), l'entrée standard, ou un dossier de fichiers `.json` ; chaque entrée lue à son tour,
 * ou refusée en nommant son fichier.
 */
import { closeSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { byteLines, decodeLine, decodeUtf8, isBlankLine, LineSplitter, lines, refuseOtherEncodings, type ByteLine, type NumberedLine } from './decode.js';
import { cliIssue, RefusedInput, type CliIssue } from './issues.js';
import { invalidJson, tryParse } from './json-input.js';
import { describeErrno, inputName, inputSubject, isStdinSocket, MAX_INPUT_BYTES, readFileOnce, readInputBytes, STDIN, STDIN_LABEL, unreadableFile, type StdinReader } from './read-bytes.js';
import { UsageError } from './usage-error.js';

/**
 * Une entrée d'un lot : l'adhésion lue, ou le problème de lecture qui l'empêche.
 *
 * @internal
 */
export type BatchEntry = { ok: true; value: unknown } | { ok: false; issue: CliIssue };

/**
 * Une entrée d'un lot et le fichier d'où elle vient : le chemin, suivi pour un fichier JSONL du
 * numéro de la ligne (`lot.jsonl:3`) ; `-` pour l'entrée standard.
 *
 * @internal
 */
export interface LocatedEntry {
  /** Le fichier (et la ligne) de l'entrée. */
  readonly fichier: string;
  /** L'adhésion lue, ou le problème qui l'empêche. */
  readonly entry: BatchEntry;
}

/**
 * Un lot ouvert, dont le nombre d'entrées n'est connu qu'à la fin quand il est lu au fil de l'entrée
 * standard (`count` vaut alors `undefined`) ; ses entrées, lues une à une.
 *
 * @internal
 */
export interface BatchStream {
  /** Le nombre d'entrées du lot, ou `undefined` s'il n'est connu qu'à la fin. */
  readonly count: number | undefined;
  /** Les entrées, dans l'ordre (un dossier est lu fichier par fichier, un JSONL ligne par ligne, au fil du parcours). */
  readonly entries: () => Iterable<LocatedEntry> | AsyncIterable<LocatedEntry>;
}

/**
 * Un lot ouvert : le nombre de ses entrées, et les entrées elles-mêmes, lues une à une.
 *
 * @internal
 */
export interface BatchSource extends BatchStream {
  /** Le nombre d'entrées du lot. */
  readonly count: number;
  /** Les entrées, dans l'ordre, lues une à une. */
  readonly entries: () => Iterable<LocatedEntry>;
}

/**
 * L'entrée standard lue au fil de l'eau : ses blocs d'octets, et ce qu'il faut faire avant d'attendre
 * le suivant (écrire les résultats déjà établis).
 *
 * @internal
 */
export interface StdinStream {
  readonly chunks: () => AsyncIterable<Uint8Array | string>;
  readonly waiting?: (() => void | Promise<void>) | undefined;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Un texte qui n'est pas un document JSON est du JSONL si l'une de ses lignes est, seule, un objet JSON. */
function looksLikeJsonLines(text: string): boolean {
  for (const { text: line } of lines(text)) {
    const t = line.trim();
    if (t.startsWith('{') && t.endsWith('}')) {
      const parsed = tryParse(t);
      if (parsed.ok && isObject(parsed.value)) return true;
    }
  }
  return false;
}

/**
 * Le lot d'un texte, reconnu par son contenu : un document JSON (une liste d'adhésions, ou une
 * seule), sinon du JSONL (une adhésion par ligne non vide).
 *
 * @internal
 * @throws {RefusedInput} `JSON_INVALIDE` si le texte n'est ni l'un ni l'autre, ou s'il est vide
 */
export function batchFromText(text: string, label: string, bytes?: Uint8Array): BatchSource {
  const name = inputName(label);
  if (text.trim() === '') {
    throw new RefusedInput([cliIssue('JSON_INVALIDE', [], { raison: 'vide', source: inputSubject(label) })]);
  }
  const whole = tryParse(text);
  if (whole.ok) {
    const list: readonly unknown[] = Array.isArray(whole.value) ? whole.value : [whole.value];
    return {
      count: list.length,
      *entries() {
        for (const value of list) yield { fichier: label, entry: { ok: true, value } };
      },
    };
  }
  if (!looksLikeJsonLines(text)) {
    throw new RefusedInput([invalidJson(inputSubject(label), whole.fault, { jsonl: false })]);
  }
  // Le texte d'un gros JSONL (deux octets par caractère dès qu'un nom porte un accent) n'est pas
  // gardé : chaque ligne est décodée de ses octets quand vient son tour (une fonction à part, pour
  // que rien ne retienne le texte).
  return jsonLines(bytes === undefined ? linesOf(text) : bytesLinesOf(bytes), label, name);
}

const linesOf = (text: string) => () => lines(text);
const bytesLinesOf = (bytes: Uint8Array) => () => byteLines(bytes);

function jsonLines(each: () => Generator<NumberedLine>, label: string, name: string): BatchSource {
  let count = 0;
  for (const l of each()) if (l.text.trim() !== '') count++;
  return {
    count,
    *entries() {
      for (const l of each()) {
        if (l.text.trim() === '') continue;
        const parsed = tryParse(l.text);
        const fichier = `${label}:${l.line}`;
        yield { fichier, entry: parsed.ok ? { ok: true, value: parsed.value } : { ok: false, issue: invalidJson(name, parsed.fault, { ligne: l.line }) } };
      }
    },
  };
}

/** Une entrée d'un dossier : lue, ou refusée en nommant son fichier (dossier, lien cassé, illisible, pas du JSON). */
function directoryEntry(path: string): BatchEntry {
  const read = readFileOnce(path, true);
  if (!read.ok && read.notRegular) return { ok: false, issue: cliIssue('FICHIER_ILLISIBLE', [], { raison: 'pasUnFichier', fichier: path }) };
  if (!read.ok && read.tooLarge) return { ok: false, issue: cliIssue('FICHIER_ILLISIBLE', [], { raison: 'depasseLimite', fichier: path, maximum: MAX_INPUT_BYTES }) };
  if (!read.ok) {
    let reason = read.directory ? "c'est un dossier, pas un fichier" : describeErrno(read.code);
    if (read.code === 'ENOENT') {
      let link = false;
      try {
        link = lstatSync(path).isSymbolicLink();
      } catch {
        link = false;
      }
      reason = link ? 'lien symbolique vers un fichier introuvable' : 'fichier introuvable (supprimé pendant la lecture ?)';
    }
    return { ok: false, issue: cliIssue('FICHIER_ILLISIBLE', [], { raison: 'lecture', fichier: path, erreur: reason }) };
  }
  let text: string;
  try {
    text = decodeUtf8(read.bytes, path);
  } catch (error) {
    const issue = error instanceof RefusedInput ? error.issues[0] : undefined;
    if (issue !== undefined) return { ok: false, issue: issue as CliIssue };
    throw error;
  }
  const parsed = tryParse(text);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, issue: invalidJson(path, parsed.fault) };
}

/**
 * Ouvre un lot : un fichier JSON (liste d'adhésions, ou une seule) ou JSONL (une adhésion par ligne
 * non vide), reconnus par leur contenu et lus une seule fois (un tube, `/dev/stdin`, `<(…)`
 * conviennent) ; l'entrée standard pour `-` ; ou un dossier (chaque fichier `.json`, par ordre
 * alphabétique, lu au fil du parcours ; une entrée illisible est un résultat refusé qui nomme son
 * fichier). Un fichier JSONL est lu ligne par ligne, deux fois (la première pour vérifier son
 * encodage et compter ses adhésions), sans jamais être en mémoire en entier ; avec `stdin`, l'entrée
 * standard JSONL est lue et chiffrée au fil de l'eau (son nombre d'adhésions n'est connu qu'à la fin).
 *
 * @internal
 * @throws {UsageError} si le chemin n'existe pas
 * @throws {RefusedInput} si le fichier est illisible, n'est pas de l'UTF-8, ou n'est ni du JSON ni du JSONL
 */
export async function openBatch(path: string, readStdin: StdinReader | undefined): Promise<BatchSource>;
/**
 * Le lot ouvert, l'entrée standard JSONL lue au fil de l'eau (`stdin`) : son nombre d'adhésions peut
 * n'être connu qu'à la fin.
 *
 * @internal
 */
export async function openBatch(path: string, readStdin: StdinReader | undefined, stdin: StdinStream | undefined): Promise<BatchStream>;
/**
 * L'ouverture d'un lot, d'un fichier, d'un dossier ou de l'entrée standard (voir les deux formes ci-dessus).
 *
 * @internal
 */
export async function openBatch(path: string, readStdin: StdinReader | undefined, stdin?: StdinStream): Promise<BatchStream> {
  const fromBytes = (bytes: Uint8Array, name: string, label: string) => batchFromText(decodeUtf8(bytes, name), label, bytes);
  if (path === STDIN) return stdin ? streamLines(stdin, inputName(path), STDIN_LABEL) : fromBytes(await readInputBytes(path, readStdin), inputName(path), STDIN_LABEL);
  const jsonl = jsonLinesFile(path);
  if (jsonl !== undefined) return jsonl;
  const read = readFileOnce(path);
  if (isStdinSocket(path, read)) return stdin ? streamLines(stdin, path, path) : fromBytes(await readInputBytes(STDIN, readStdin), path, path);
  if (read.ok) return fromBytes(read.bytes, path, path);
  if (read.code === 'ENOENT') throw new UsageError(`Fichier ou dossier introuvable : ${path}`);
  if (!read.directory || read.tooLarge) throw new RefusedInput([unreadableFile(path, read)]);
  let names: string[];
  try {
    names = readdirSync(path).filter((f) => extname(f).toLowerCase() === '.json').sort();
  } catch (error) {
    throw new RefusedInput([cliIssue('FICHIER_ILLISIBLE', [], { raison: 'lectureDossier', fichier: path, erreur: describeErrno((error as { code?: string }).code) })]);
  }
  return {
    count: names.length,
    *entries() {
      for (const name of names) {
        const file = join(path, name);
        yield { fichier: file, entry: directoryEntry(file) };
      }
    },
  };
}

/** Une ligne du lot : son texte, décodé (un objet JSON seul, en tête, fait reconnaître du JSONL). */
function isObjectLine(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) return false;
  const parsed = tryParse(t);
  return parsed.ok && isObject(parsed.value);
}

/** L'entrée d'une ligne non blanche d'un JSONL : l'adhésion, ou le problème de sa lecture (encodage, JSON). */
function lineEntry(l: ByteLine, label: string, name: string): LocatedEntry {
  const fichier = `${label}:${l.line}`;
  const decoded = decodeLine(l, name);
  if (!decoded.ok) return { fichier, entry: { ok: false, issue: decoded.issue } };
  const parsed = tryParse(decoded.text);
  return { fichier, entry: parsed.ok ? { ok: true, value: parsed.value } : { ok: false, issue: invalidJson(name, parsed.fault, { ligne: l.line }) } };
}

const BLOCK = 1 << 20;

/** Les `n` premiers octets d'un fichier (moins s'il est plus court). */
function firstBytes(path: string, n: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(n);
    return bytes.subarray(0, readSync(fd, bytes, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** Les lignes d'un fichier, lues par blocs (seule la ligne en cours est en mémoire). */
function* fileLines(path: string): Generator<ByteLine> {
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.allocUnsafe(BLOCK);
    const splitter = new LineSplitter();
    for (;;) {
      const n = readSync(fd, block, 0, BLOCK, null);
      if (n === 0) break;
      yield* splitter.push(block.subarray(0, n));
    }
    yield splitter.end();
  } finally {
    closeSync(fd);
  }
}

/**
 * Un fichier ordinaire JSONL, lu ligne par ligne : une première lecture vérifie son encodage (comme
 * le décodage du texte entier, elle refuse le fichier au premier octet qui n'est pas de l'UTF-8) et
 * compte ses adhésions ; la seconde les lit une à une. `undefined` si le fichier n'est pas du JSONL
 * reconnu à sa première ligne non blanche (un objet JSON seul sur sa ligne, suivi d'autres lignes) :
 * il est alors lu en entier, comme un document JSON.
 */
function jsonLinesFile(path: string): BatchSource | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_INPUT_BYTES || stat.size < 2) return undefined;
  } catch {
    return undefined;
  }
  let count = 0;
  let first: boolean | undefined;
  try {
    refuseOtherEncodings(firstBytes(path, 4), path);
    for (const l of fileLines(path)) {
      const decoded = decodeLine(l, path);
      if (!decoded.ok) throw new RefusedInput([decoded.issue]);
      if (isBlankLine(l, decoded.text)) continue;
      count++;
      if (first === undefined) first = isObjectLine(decoded.text);
      if (first === false) return undefined;
    }
  } catch (error) {
    if (error instanceof RefusedInput) throw error;
    // Illisible : la lecture entière le dira.
    return undefined;
  }
  if (first !== true || count < 2) return undefined;
  const name = inputName(path);
  return {
    count,
    *entries() {
      for (const l of fileLines(path)) if (!isBlankLine(l)) yield lineEntry(l, path, name);
    },
  };
}

/**
 * Un lot lu au fil d'un flux (l'entrée standard) : les premières lignes sont lues jusqu'à reconnaître
 * du JSONL (une première ligne non blanche qui est un objet JSON seul, puis une autre ligne non
 * blanche) ; le reste est lu et rendu ligne par ligne, chaque adhésion dès que sa ligne est complète.
 * Sinon (un document JSON, un flux qui finit avant), le flux est lu en entier comme avant. Au-delà de
 * la limite de taille, le flux est refusé ; une ligne qui n'est pas de l'UTF-8 valide, lue après le
 * début du chiffrage, est une adhésion refusée.
 */
async function streamLines(stdin: StdinStream, name: string, label: string): Promise<BatchStream> {
  const iterator = stdin.chunks()[Symbol.asyncIterator]();
  const subject = inputSubject(name);
  const tooLarge = () => new RefusedInput([cliIssue('FICHIER_ILLISIBLE', [], { raison: 'depasseLimite', fichier: subject, maximum: MAX_INPUT_BYTES })]);
  let total = 0;
  const next = async (): Promise<Uint8Array | undefined> => {
    const r = await iterator.next();
    if (r.done === true) return undefined;
    const bytes = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    total += bytes.length;
    if (total > MAX_INPUT_BYTES) throw tooLarge();
    return bytes;
  };
  const kept: Uint8Array[] = [];
  const splitter = new LineSplitter();
  const early: ByteLine[] = [];
  let nonBlank = 0;
  let decided: 'jsonl' | 'document' | undefined;
  let checked = false;
  let ended = false;
  const decide = (l: ByteLine) => {
    early.push(l);
    if (decided !== undefined) return;
    const decoded = decodeLine(l, name);
    if (!decoded.ok) throw new RefusedInput([decoded.issue]);
    if (isBlankLine(l, decoded.text)) return;
    nonBlank++;
    if (nonBlank === 1 && !isObjectLine(decoded.text)) decided = 'document';
    else if (nonBlank === 2) decided = 'jsonl';
  };
  for (;;) {
    const chunk = await next();
    if (chunk === undefined) {
      // Fini avant d'être reconnu : la dernière ligne compte aussi, pour que du JSONL soit toujours lu de même.
      if (decided === undefined) {
        refuseOtherEncodings(Buffer.concat(kept, total), name);
        decide(splitter.end());
        ended = true;
      }
      break;
    }
    kept.push(chunk);
    if (!checked && total >= 4) {
      refuseOtherEncodings(Buffer.concat(kept, total).subarray(0, 4), name);
      checked = true;
    }
    if (decided === 'document') continue;
    for (const l of splitter.push(chunk)) decide(l);
    if (decided === 'jsonl') break;
  }
  if (decided !== 'jsonl') {
    // Un document JSON, ou un flux déjà fini : lu en entier, comme un fichier.
    const bytes = Buffer.concat(kept, total);
    return batchFromText(decodeUtf8(bytes, name), label, bytes);
  }
  kept.length = 0;
  return {
    count: undefined,
    async *entries() {
      for (const l of early) if (!isBlankLine(l)) yield lineEntry(l, label, name);
      early.length = 0;
      if (ended) return;
      for (;;) {
        const written = stdin.waiting?.();
        if (written) await written;
        const chunk = await next();
        if (chunk === undefined) break;
        for (const l of splitter.push(chunk)) if (!isBlankLine(l)) yield lineEntry(l, label, name);
      }
      const last = splitter.end();
      if (!isBlankLine(last)) yield lineEntry(last, label, name);
    },
  };
}

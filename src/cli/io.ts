import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { extname, join } from 'node:path';
import { catalogue2026 } from '../catalogue/2026.js';
import { completeCatalogue, readTarifs, type Tarifs } from '../catalogue/complete.js';
import { parseCatalogue } from '../catalogue/resolve.js';
import type { Catalogue } from '../catalogue/types.js';
import type { QuoteIssue } from '../core/shapes.js';
import { isQuoteError, QuoteError } from '../errors/quote-error.js';
import { makeIssue, type IssueParamsByCode } from '../wording/issues.js';

/**
 * Mauvais usage de la ligne de commande (code de sortie 2).
 *
 * @internal
 */
export class UsageError extends Error {}

/**
 * Le nom de fichier qui désigne l'entrée standard.
 *
 * @internal
 */
export const STDIN = '-';

/**
 * Lit toute l'entrée standard (pour le fichier `-`).
 *
 * @internal
 */
export type StdinReader = () => Promise<Uint8Array>;

const ERRNO: Readonly<Record<string, string>> = {
  ENOENT: 'introuvable',
  EACCES: 'permission refusée',
  EPERM: 'opération non permise',
  EISDIR: "c'est un dossier",
  ENOTDIR: "un élément du chemin n'est pas un dossier",
  ELOOP: 'trop de liens symboliques',
  ENAMETOOLONG: 'nom trop long',
  EMFILE: 'trop de fichiers ouverts',
  EIO: "erreur d'entrée-sortie",
  ENOSPC: 'plus de place sur le disque',
  EDQUOT: 'quota de disque dépassé',
  EROFS: 'système de fichiers en lecture seule',
  EFBIG: 'fichier trop grand',
  EPIPE: 'sortie fermée',
  EAGAIN: 'ressource momentanément indisponible',
  EBADF: 'descripteur de fichier invalide',
  ENXIO: 'périphérique ou adresse inexistant',
};

/**
 * Une erreur système en français : « permission refusée (EACCES) ».
 *
 * @internal
 */
export function describeErrno(code: string | undefined): string {
  if (code === undefined) return 'erreur inconnue';
  const text = ERRNO[code];
  return text === undefined ? code : `${text} (${code})`;
}

/**
 * Le nom de l'entrée standard dans le champ `fichier` des résultats d'un lot.
 *
 * @internal
 */
export const STDIN_LABEL = '(entrée standard)';

/**
 * Le nom d'une entrée dans un message : le chemin tel qu'il est donné, ou « l'entrée standard ».
 *
 * @internal
 */
export function inputName(path: string): string {
  return path === STDIN || path === STDIN_LABEL ? "l'entrée standard" : path;
}

function unreadable(params: IssueParamsByCode['FICHIER_ILLISIBLE']): QuoteIssue {
  return makeIssue('FICHIER_ILLISIBLE', [], params);
}

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
 * Un texte en UTF-16, reconnu à sa marque d'ordre des octets (BOM) ou, sans BOM, à un premier
 * caractère ASCII suivi ou précédé d'un octet nul (« {\0 », « \0{ »).
 */
function utf16Order(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  if (bytes.length < 2) return undefined;
  const [a, b] = [bytes[0]!, bytes[1]!];
  if (a === 0xff && b === 0xfe) return 'LE';
  if (a === 0xfe && b === 0xff) return 'BE';
  if (a !== 0 && a < 0x80 && b === 0) return 'LE';
  if (a === 0 && b !== 0 && b < 0x80) return 'BE';
  return undefined;
}

/**
 * Le texte d'un fichier, qui doit être en UTF-8 (avec ou sans BOM). Un fichier dans un autre
 * encodage (Latin-1, Windows-1252) est refusé, plutôt que lu avec des caractères défigurés.
 *
 * @internal
 * @throws {QuoteError} `FICHIER_ILLISIBLE` si le texte n'est pas de l'UTF-8 valide
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  const utf16 = utf16Order(bytes);
  if (utf16 !== undefined) throw new QuoteError([unreadable({ raison: 'utf16', fichier: name, boutisme: utf16 })]);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) {
      throw new QuoteError([unreadable({ raison: 'tropVolumineux', fichier: name, octets: bytes.length })]);
    }
    const { offset, line } = firstInvalidUtf8(bytes);
    const octet = offset < bytes.length ? bytes[offset]! : null;
    throw new QuoteError([unreadable({ raison: 'encodage', fichier: name, octet, ligne: line, position: offset + 1 })]);
  }
}

/**
 * La taille lue au plus pour une entrée (fichier, tube, entrée standard) : au-delà, la lecture
 * s'arrête et l'entrée est refusée, sans avoir tout lu.
 *
 * @internal
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Lecture d'un fichier (ouvert une seule fois) : ses octets, ou pourquoi il ne peut pas être lu. */
type FileRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; directory: boolean; code: string | undefined; tooLarge?: true; notRegular?: true };

/**
 * Le lecteur borné : lit un descripteur bloc par bloc jusqu'à la fin, ou s'arrête dès que la limite
 * est dépassée (un tube sans fin, /dev/zero) ; rend `undefined` dans ce cas.
 */
function readCapped(fd: number, max: number): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // Un tube ouvert sans attente, vide pour l'instant : on attend qu'il se remplisse.
      if ((error as { code?: string }).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw error;
    }
    if (n === 0) break;
    total += n;
    if (total > max) return undefined;
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

/**
 * Lit un fichier une seule fois, par le lecteur borné. Avec `regularOnly` (un fichier trouvé dans un
 * dossier), tout ce qui n'est pas un fichier ordinaire (tube, périphérique, socket) est refusé sans
 * être lu, et l'ouverture n'attend jamais (un tube sans écrivain ne bloque pas).
 */
function readFileOnce(path: string, regularOnly = false, max = MAX_INPUT_BYTES): FileRead {
  let fd: number;
  try {
    fd = openSync(path, regularOnly ? constants.O_RDONLY | constants.O_NONBLOCK : 'r');
  } catch (error) {
    return { ok: false, directory: false, code: (error as { code?: string }).code };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, directory: true, code: 'EISDIR' };
    if (regularOnly && !stat.isFile()) return { ok: false, directory: false, code: undefined, notRegular: true };
    // Un fichier ordinaire trop grand est refusé avant toute lecture.
    if (stat.isFile() && stat.size > max) return { ok: false, directory: false, code: 'EFBIG', tooLarge: true };
    const bytes = readCapped(fd, max);
    return bytes === undefined ? { ok: false, directory: false, code: 'EFBIG', tooLarge: true } : { ok: true, bytes };
  } catch (error) {
    return { ok: false, directory: false, code: (error as { code?: string }).code };
  } finally {
    closeSync(fd);
  }
}

/**
 * Lit un flux (l'entrée standard) par le lecteur borné : la lecture s'arrête dès que la limite est
 * dépassée, et l'entrée est refusée (`FICHIER_ILLISIBLE`, `depasseLimite`).
 *
 * @internal
 * @throws {QuoteError} si le flux dépasse `max` octets
 */
export async function readStreamCapped(stream: AsyncIterable<Uint8Array | string>, name: string, max = MAX_INPUT_BYTES): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > max) throw new QuoteError([unreadable({ raison: 'depasseLimite', fichier: name, maximum: max })]);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Les octets d'un fichier donné en argument, lu une seule fois.
 *
 * @internal
 * @throws {UsageError} si le fichier n'existe pas
 * @throws {QuoteError} `FICHIER_ILLISIBLE` s'il ne peut pas être lu (dossier, permission…)
 */
function readBytes(path: string): Uint8Array {
  return readBytesFrom(path, readFileOnce(path));
}

function readBytesFrom(path: string, read: FileRead): Uint8Array {
  if (read.ok) return read.bytes;
  if (read.code === 'ENOENT') throw new UsageError(`Fichier introuvable : ${path}`);
  if (read.tooLarge) throw new QuoteError([unreadable({ raison: 'depasseLimite', fichier: path, maximum: MAX_INPUT_BYTES })]);
  if (read.directory) throw new QuoteError([unreadable({ raison: 'dossier', fichier: path })]);
  throw new QuoteError([unreadable({ raison: 'lecture', fichier: path, erreur: describeErrno(read.code) })]);
}

/** Les noms de l'entrée standard dans le système de fichiers. */
const STDIN_PATHS: ReadonlySet<string> = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/**
 * `/dev/stdin` ne s'ouvre pas quand l'entrée standard est une socket (ENXIO, par exemple sous
 * `child_process.spawn`) : elle est alors lue comme « - ».
 */
function isStdinSocket(path: string, read: FileRead): boolean {
  return !read.ok && read.code === 'ENXIO' && STDIN_PATHS.has(path);
}

async function readInputBytes(path: string, readStdin: StdinReader | undefined): Promise<Uint8Array> {
  if (path !== STDIN) {
    const read = readFileOnce(path);
    if (!isStdinSocket(path, read)) return readBytesFrom(path, read);
  }
  if (readStdin === undefined) throw new UsageError("L'entrée standard (« - ») n'est pas disponible ici.");
  try {
    return await readStdin();
  } catch (error) {
    if (error instanceof QuoteError) throw error;
    throw new QuoteError([unreadable({ raison: 'entreeStandard', erreur: describeErrno((error as { code?: string }).code) })]);
  }
}

function readText(path: string): string {
  return decodeUtf8(readBytes(path), path);
}

type Parsed = { ok: true; value: unknown } | { ok: false; detail: string };

function tryParse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

function invalidJson(source: string, detail: string, more: { ligne?: number; jsonl?: false } = {}): QuoteIssue {
  return makeIssue('JSON_INVALIDE', [], { raison: 'syntaxe', source, detail, ...more });
}

/**
 * Lit un fichier JSON.
 *
 * @internal
 * @throws {UsageError} si le fichier n'existe pas
 * @throws {QuoteError} `JSON_INVALIDE` ou `FICHIER_ILLISIBLE`
 */
export function readJsonFile(path: string): unknown {
  const parsed = tryParse(readText(path));
  if (!parsed.ok) throw new QuoteError([invalidJson(path, parsed.detail)]);
  return parsed.value;
}

/**
 * Lit un fichier JSON donné en argument, ou l'entrée standard pour `-`.
 *
 * @internal
 * @throws {UsageError} si le fichier n'existe pas
 * @throws {QuoteError} `JSON_INVALIDE` ou `FICHIER_ILLISIBLE`
 */
export async function readJsonInput(path: string, readStdin: StdinReader | undefined): Promise<unknown> {
  const name = inputName(path);
  const parsed = tryParse(decodeUtf8(await readInputBytes(path, readStdin), name));
  if (!parsed.ok) throw new QuoteError([invalidJson(subject(path), parsed.detail)]);
  return parsed.value;
}

/**
 * Une entrée d'un lot : l'adhésion lue, ou le problème de lecture qui l'empêche.
 *
 * @internal
 */
export type BatchEntry = { ok: true; value: unknown } | { ok: false; issue: QuoteIssue };

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
 * Un lot ouvert : le nombre de ses entrées, et les entrées elles-mêmes, lues une à une.
 *
 * @internal
 */
export interface BatchSource {
  /** Le nombre d'entrées du lot. */
  readonly count: number;
  /** Les entrées, dans l'ordre (un dossier est lu fichier par fichier, au fil du parcours). */
  readonly entries: () => Iterable<LocatedEntry>;
}

/** Les lignes d'un texte, avec leur numéro (à partir de 1), sans les copier toutes d'un coup. */
function* lines(text: string): Generator<{ line: number; text: string }> {
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

/** Les lignes d'un texte UTF-8 valide, décodées une à une (comme {@link lines} sur le texte décodé). */
function* byteLines(bytes: Uint8Array): Generator<{ line: number; text: string }> {
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
 * @throws {QuoteError} `JSON_INVALIDE` si le texte n'est ni l'un ni l'autre, ou s'il est vide
 */
export function batchFromText(text: string, label: string, bytes?: Uint8Array): BatchSource {
  const name = inputName(label);
  if (text.trim() === '') {
    throw new QuoteError([makeIssue('JSON_INVALIDE', [], { raison: 'vide', source: subject(label) })]);
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
    throw new QuoteError([invalidJson(subject(label), whole.detail, { jsonl: false })]);
  }
  // Le texte d'un gros JSONL (deux octets par caractère dès qu'un nom porte un accent) n'est pas
  // gardé : chaque ligne est décodée de ses octets quand vient son tour (une fonction à part, pour
  // que rien ne retienne le texte).
  return jsonLines(bytes === undefined ? linesOf(text) : bytesLinesOf(bytes), label, name);
}

const linesOf = (text: string) => () => lines(text);
const bytesLinesOf = (bytes: Uint8Array) => () => byteLines(bytes);

function jsonLines(each: () => Generator<{ line: number; text: string }>, label: string, name: string): BatchSource {
  let count = 0;
  for (const l of each()) if (l.text.trim() !== '') count++;
  return {
    count,
    *entries() {
      for (const l of each()) {
        if (l.text.trim() === '') continue;
        const parsed = tryParse(l.text);
        const fichier = `${label}:${l.line}`;
        yield { fichier, entry: parsed.ok ? { ok: true, value: parsed.value } : { ok: false, issue: invalidJson(name, parsed.detail, { ligne: l.line }) } };
      }
    },
  };
}

/** Le sujet d'une phrase : le chemin tel qu'il est donné, ou « L'entrée standard ». */
function subject(label: string): string {
  return label === STDIN || label === STDIN_LABEL ? "L'entrée standard" : label;
}

/** Une entrée d'un dossier : lue, ou refusée en nommant son fichier (dossier, lien cassé, illisible, pas du JSON). */
function directoryEntry(path: string): BatchEntry {
  const read = readFileOnce(path, true);
  if (!read.ok && read.notRegular) return { ok: false, issue: unreadable({ raison: 'pasUnFichier', fichier: path }) };
  if (!read.ok && read.tooLarge) return { ok: false, issue: unreadable({ raison: 'depasseLimite', fichier: path, maximum: MAX_INPUT_BYTES }) };
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
    return { ok: false, issue: unreadable({ raison: 'lecture', fichier: path, erreur: reason }) };
  }
  let text: string;
  try {
    text = decodeUtf8(read.bytes, path);
  } catch (error) {
    if (error instanceof QuoteError && error.issues[0] !== undefined) return { ok: false, issue: error.issues[0] };
    throw error;
  }
  const parsed = tryParse(text);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, issue: invalidJson(path, parsed.detail) };
}

/**
 * Ouvre un lot : un fichier JSON (liste d'adhésions, ou une seule) ou JSONL (une adhésion par ligne
 * non vide), reconnus par leur contenu et lus une seule fois (un tube, `/dev/stdin`, `<(…)`
 * conviennent) ; l'entrée standard pour `-` ; ou un dossier (chaque fichier `.json`, par ordre
 * alphabétique, lu au fil du parcours ; une entrée illisible est un résultat refusé qui nomme son
 * fichier).
 *
 * @internal
 * @throws {UsageError} si le chemin n'existe pas
 * @throws {QuoteError} si le fichier est illisible, n'est pas de l'UTF-8, ou n'est ni du JSON ni du JSONL
 */
export async function openBatch(path: string, readStdin: StdinReader | undefined): Promise<BatchSource> {
  const fromBytes = (bytes: Uint8Array, name: string, label: string) => batchFromText(decodeUtf8(bytes, name), label, bytes);
  if (path === STDIN) return fromBytes(await readInputBytes(path, readStdin), inputName(path), STDIN_LABEL);
  const read = readFileOnce(path);
  if (isStdinSocket(path, read)) return fromBytes(await readInputBytes(STDIN, readStdin), path, path);
  if (read.ok) return fromBytes(read.bytes, path, path);
  if (read.code === 'ENOENT') throw new UsageError(`Fichier ou dossier introuvable : ${path}`);
  if (read.tooLarge) throw new QuoteError([unreadable({ raison: 'depasseLimite', fichier: path, maximum: MAX_INPUT_BYTES })]);
  if (!read.directory) throw new QuoteError([unreadable({ raison: 'lecture', fichier: path, erreur: describeErrno(read.code) })]);
  let names: string[];
  try {
    names = readdirSync(path).filter((f) => extname(f).toLowerCase() === '.json').sort();
  } catch (error) {
    throw new QuoteError([unreadable({ raison: 'lectureDossier', fichier: path, erreur: describeErrno((error as { code?: string }).code) })]);
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

/** Les catalogues embarqués, par millésime. */
const EMBEDDED: ReadonlyMap<string, Catalogue> = new Map([[String(catalogue2026.millesime), catalogue2026]]);

/**
 * Le choix d'un catalogue en ligne de commande : un fichier (`--catalogue`), un millésime embarqué
 * (`--millesime`), et des montants qui le complètent (`--tarifs`).
 *
 * @internal
 */
export interface CatalogueChoice {
  readonly catalogue?: string | undefined;
  readonly millesime?: string | undefined;
  readonly tarifs?: string | undefined;
}

/**
 * Un catalogue embarqué par son millésime, ou un refus d'usage qui dit lesquels existent.
 *
 * @internal
 * @throws {UsageError} si aucun catalogue embarqué n'a ce millésime
 */
export function embedded(millesime: string): Catalogue {
  const c = EMBEDDED.get(millesime.trim());
  if (c) return c;
  throw new UsageError(
    `Millésime non disponible : « ${millesime} » ; catalogue embarqué : ${[...EMBEDDED.keys()].join(', ')}. Pour une autre année, donnez son catalogue : --catalogue fichier.json (voir « te90-tarifs reviser »).`,
  );
}

/**
 * Un catalogue donné par un fichier JSON, ou par le millésime d'un catalogue embarqué (`2026`).
 *
 * @internal
 * @throws {UsageError} si ce n'est ni un fichier ni un millésime embarqué
 * @throws {@link QuoteError} si le fichier est refusé
 */
export function catalogueFrom(reference: string): Catalogue {
  if (/^\d{4}$/.test(reference.trim()) && !existsSync(reference)) return embedded(reference);
  return parseCatalogue(readJsonFile(reference));
}

/**
 * Le catalogue à utiliser : `--catalogue` (fichier), sinon `--millesime` (embarqué), sinon le
 * catalogue 2026 embarqué ; complété par `--tarifs` s'il est donné. Avec `orMillesime`, `catalogue`
 * peut aussi être le millésime d'un catalogue embarqué.
 *
 * @internal
 * @throws {UsageError} si le millésime n'est pas embarqué, ou si `--catalogue` et `--millesime` sont donnés ensemble
 * @throws {@link QuoteError} si le catalogue ou le fichier de tarifs est refusé
 */
export function loadCatalogue(choice: CatalogueChoice, orMillesime = false, options: { readonly catalogue: string; readonly tarifs: string } = { catalogue: '--catalogue', tarifs: '--tarifs' }): Catalogue {
  if (choice.catalogue !== undefined && choice.millesime !== undefined) {
    throw new UsageError('Donnez --catalogue (un fichier) ou --millesime (un catalogue embarqué), pas les deux.');
  }
  // Une passe : les problèmes du catalogue et ceux du fichier de tarifs sont rapportés ensemble,
  // chacun au nom de son option et de son fichier.
  const issues: QuoteIssue[] = [];
  const tarifsLabel = choice.tarifs === undefined ? '' : `${options.tarifs} ${choice.tarifs}`;
  const within = <T>(label: string, read: () => T, rename: Readonly<Record<string, string>> = {}): T | undefined => collecting(issues, read, (i) => inFile(i, label, rename));
  const file = choice.catalogue;
  const base =
    file !== undefined
      ? within(`${options.catalogue} ${file}`, () => (orMillesime ? catalogueFrom(file) : parseCatalogue(readJsonFile(file))))
      : choice.millesime !== undefined
        ? embedded(choice.millesime)
        : catalogue2026;
  const tarifsFile = choice.tarifs;
  if (tarifsFile === undefined) {
    if (base === undefined) throw new QuoteError(issues);
    return base;
  }
  const tarifs = within(tarifsLabel, () => readJsonFile(tarifsFile));
  if (base === undefined || tarifs === undefined) {
    // Un catalogue illisible n'empêche pas de juger la forme du fichier de tarifs.
    if (tarifs !== undefined) issues.push(...readTarifs(tarifs).issues.map((i) => inFile(i, '', { tarifs: tarifsLabel })));
    throw new QuoteError(issues);
  }
  // Un problème du catalogue complété (hors du fichier de tarifs) est au nom du catalogue choisi.
  const catalogueLabel = file !== undefined ? `${options.catalogue} ${file}` : choice.millesime !== undefined ? `--millesime ${choice.millesime}` : undefined;
  const completed = within('', () => completeCatalogue(base, tarifs as Tarifs), { tarifs: tarifsLabel, ...(catalogueLabel === undefined ? {} : { catalogue: catalogueLabel }) });
  if (completed === undefined) throw new QuoteError(issues);
  return completed;
}

/**
 * La valeur que rend `read`, ou `undefined` s'il lève une {@link QuoteError} : ses problèmes sont
 * alors ajoutés à `issues`, chacun passé par `locate` (qui le met au nom de son fichier ou de son
 * option). Toute autre erreur passe.
 *
 * @internal
 */
export function collecting<T>(issues: QuoteIssue[], read: () => T, locate: (issue: QuoteIssue) => QuoteIssue): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!isQuoteError(error)) throw error;
    issues.push(...error.issues.map(locate));
    return undefined;
  }
}

/**
 * Un problème au nom de son fichier : le nom d'argument en tête de chemin (`tarifs`, `base`…)
 * remplacé par `rename`, sinon `label` (s'il n'est pas vide) ajouté en tête.
 *
 * @internal
 */
export function inFile(issue: QuoteIssue, label: string, rename: Readonly<Record<string, string>>): QuoteIssue {
  const [head, ...rest] = issue.path;
  const renamed = typeof head === 'string' ? rename[head] : undefined;
  if (renamed !== undefined) return { ...issue, path: [renamed, ...rest] };
  return label === '' ? issue : { ...issue, path: [label, ...issue.path] };
}

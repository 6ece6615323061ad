/**
 * Les sources d'un lot : un fichier JSON (une liste d'adhésions, ou une seule) ou JSONL (une adhésion
 * par ligne), l'entrée standard, ou un dossier de fichiers `.json` ; chaque entrée lue à son tour,
 * ou refusée en nommant son fichier.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { byteLines, decodeUtf8, lines, type NumberedLine } from './decode.js';
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
 * fichier).
 *
 * @internal
 * @throws {UsageError} si le chemin n'existe pas
 * @throws {RefusedInput} si le fichier est illisible, n'est pas de l'UTF-8, ou n'est ni du JSON ni du JSONL
 */
export async function openBatch(path: string, readStdin: StdinReader | undefined): Promise<BatchSource> {
  const fromBytes = (bytes: Uint8Array, name: string, label: string) => batchFromText(decodeUtf8(bytes, name), label, bytes);
  if (path === STDIN) return fromBytes(await readInputBytes(path, readStdin), inputName(path), STDIN_LABEL);
  const read = readFileOnce(path);
  if (isStdinSocket(path, read)) return fromBytes(await readInputBytes(STDIN, readStdin), path, path);
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

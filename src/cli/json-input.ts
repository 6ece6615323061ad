/**
 * La lecture d'un document JSON : un fichier donné en argument ou en option, ou l'entrée standard.
 */
import { decodeUtf8 } from './decode.js';
import { cliIssue, RefusedInput, type CliIssue } from './issues.js';
import { bytesOf, inputName, inputSubject, readFileOnce, readInputBytes, type StdinReader } from './read-bytes.js';

/**
 * Un texte lu comme JSON : sa valeur, ou le détail de l'erreur de syntaxe.
 *
 * @internal
 */
export type Parsed = { ok: true; value: unknown } | { ok: false; detail: string };

/**
 * Lit un texte comme JSON, sans lever.
 *
 * @internal
 */
export function tryParse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Le problème d'un texte qui n'est pas du JSON (`source` : son nom, sujet de la phrase).
 *
 * @internal
 */
export function invalidJson(source: string, detail: string, more: { ligne?: number; jsonl?: false } = {}): CliIssue {
  return cliIssue('JSON_INVALIDE', [], { raison: 'syntaxe', source, detail, ...more });
}

/**
 * Lit un fichier JSON.
 *
 * @internal
 * @throws {UsageError} si le fichier n'existe pas
 * @throws {RefusedInput} `JSON_INVALIDE` ou `FICHIER_ILLISIBLE`
 */
export function readJsonFile(path: string): unknown {
  const parsed = tryParse(decodeUtf8(bytesOf(path, readFileOnce(path)), path));
  if (!parsed.ok) throw new RefusedInput([invalidJson(path, parsed.detail)]);
  return parsed.value;
}

/**
 * Lit un fichier JSON donné en argument, ou l'entrée standard pour `-`.
 *
 * @internal
 * @throws {UsageError} si le fichier n'existe pas
 * @throws {RefusedInput} `JSON_INVALIDE` ou `FICHIER_ILLISIBLE`
 */
export async function readJsonInput(path: string, readStdin: StdinReader | undefined): Promise<unknown> {
  const name = inputName(path);
  const parsed = tryParse(decodeUtf8(await readInputBytes(path, readStdin), name));
  if (!parsed.ok) throw new RefusedInput([invalidJson(inputSubject(path), parsed.detail)]);
  return parsed.value;
}

/**
 * La lecture d'un document JSON : un fichier donné en argument ou en option, ou l'entrée standard.
 */
import { decodeUtf8 } from './decode.js';
import { cliIssue, jsonFaultParams, RefusedInput, type CliIssue } from './issues.js';
import { jsonFault, type JsonFault } from './json-syntax.js';
import { bytesOf, inputName, inputSubject, readFileOnce, readInputBytes, type StdinReader } from './read-bytes.js';

/**
 * Un texte lu comme JSON : sa valeur, ou sa faute de syntaxe (où et pourquoi ; `undefined` si elle
 * n'a pas pu être située).
 *
 * @internal
 */
export type Parsed = { ok: true; value: unknown } | { ok: false; fault: JsonFault | undefined };

/**
 * Lit un texte comme JSON, sans lever. Le message de `JSON.parse` (en anglais) n'est pas gardé : la
 * faute est relue par {@link jsonFault}.
 *
 * @internal
 */
export function tryParse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, fault: jsonFault(text) };
  }
}

/**
 * Le problème d'un texte qui n'est pas du JSON (`source` : son nom, sujet de la phrase).
 *
 * @internal
 */
export function invalidJson(source: string, fault: JsonFault | undefined, more: { ligne?: number; jsonl?: false } = {}): CliIssue {
  return cliIssue('JSON_INVALIDE', [], { raison: 'syntaxe', source, ...more, ...(fault === undefined ? {} : jsonFaultParams(fault)) });
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
  if (!parsed.ok) throw new RefusedInput([invalidJson(path, parsed.fault)]);
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
  if (!parsed.ok) throw new RefusedInput([invalidJson(inputSubject(path), parsed.fault)]);
  return parsed.value;
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { catalogue2026 } from '../catalogue/2026.js';
import { completeCatalogue, type Tarifs } from '../catalogue/complete.js';
import type { Catalogue } from '../catalogue/types.js';
import type { QuoteIssue } from '../core/shapes.js';
import { QuoteError } from '../errors/quote-error.js';

/**
 * Mauvais usage de la ligne de commande (code de sortie 2).
 *
 * @internal
 */
export class UsageError extends Error {}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new UsageError(`Fichier introuvable : ${path}`);
    throw new QuoteError([{ code: 'FICHIER_ILLISIBLE', path: [], message: `Impossible de lire ${path} (${code ?? 'erreur'}).` }]);
  }
}

function parseJson(text: string, where: string): { ok: true; value: unknown } | { ok: false; issue: QuoteIssue } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issue: { code: 'JSON_INVALIDE', path: [], message: `${where} n'est pas du JSON valide (${detail}).` } };
  }
}

/**
 * Lit un fichier JSON.
 *
 * @internal
 * @throws {UsageError} si le fichier n'existe pas
 * @throws {QuoteError} `JSON_INVALIDE` ou `FICHIER_ILLISIBLE`
 */
export function readJsonFile(path: string): unknown {
  const parsed = parseJson(readText(path), path);
  if (!parsed.ok) throw new QuoteError([parsed.issue]);
  return parsed.value;
}

/**
 * Une entrée d'un lot : l'adhésion lue, ou le problème de lecture qui l'empêche.
 *
 * @internal
 */
export type BatchEntry = { ok: true; value: unknown } | { ok: false; issue: QuoteIssue };

/**
 * Lit un lot : un fichier JSON (liste d'adhésions, ou une seule), un fichier JSONL (une adhésion
 * par ligne non vide), ou un dossier (chaque fichier `.json`, par ordre alphabétique).
 *
 * @internal
 * @throws {UsageError} si le chemin n'existe pas
 * @throws {QuoteError} si le fichier JSON est illisible
 */
export function readBatch(path: string): BatchEntry[] {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`Fichier ou dossier introuvable : ${path}`);
  }
  if (isDirectory) {
    const files = readdirSync(path).filter((f) => extname(f).toLowerCase() === '.json').sort();
    return files.map((f) => parseJson(readText(join(path, f)), f));
  }
  const text = readText(path);
  if (extname(path).toLowerCase() === '.jsonl') {
    const entries: BatchEntry[] = [];
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() !== '') entries.push(parseJson(line, `La ligne ${i + 1} de ${basename(path)}`));
    });
    return entries;
  }
  const value = readJsonFile(path);
  return (Array.isArray(value) ? value : [value]).map((v) => ({ ok: true, value: v }));
}

/**
 * Le catalogue à utiliser : le catalogue 2026 embarqué, complété par un fichier de tarifs.
 *
 * @internal
 * @throws {QuoteError} si le fichier de tarifs est refusé
 */
export function loadCatalogue(tarifsPath: string | undefined): Catalogue {
  if (tarifsPath === undefined) return catalogue2026;
  return completeCatalogue(catalogue2026, readJsonFile(tarifsPath) as Tarifs);
}

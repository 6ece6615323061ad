import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { catalogue2026 } from '../catalogue/2026.js';
import { completeCatalogue, type Tarifs } from '../catalogue/complete.js';
import { parseCatalogue } from '../catalogue/resolve.js';
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
export function loadCatalogue(choice: CatalogueChoice, orMillesime = false): Catalogue {
  if (choice.catalogue !== undefined && choice.millesime !== undefined) {
    throw new UsageError('Donnez --catalogue (un fichier) ou --millesime (un catalogue embarqué), pas les deux.');
  }
  const fromFile = (path: string) => (orMillesime ? catalogueFrom(path) : parseCatalogue(readJsonFile(path)));
  const base = choice.catalogue !== undefined ? fromFile(choice.catalogue) : choice.millesime !== undefined ? embedded(choice.millesime) : catalogue2026;
  if (choice.tarifs === undefined) return base;
  return completeCatalogue(base, readJsonFile(choice.tarifs) as Tarifs);
}

import { catalogue2026 } from '../catalogue/2026.js';
import { safeCompleteCatalogue, type Tarifs } from '../catalogue/complete.js';
import type { Catalogue } from '../catalogue/types.js';
import type { PrestationId } from '../prestations/registry.js';
import type { QuoteIssue } from '../core/shapes.js';
import { formatPath } from '../errors/quote-error.js';
import type { Adhesion } from '../validation/adhesion.js';
import { safePricePrestation } from '../quote/price-prestation.js';
import { adhesionIssues, CATALOGUE_DEPENDENT, safeQuote } from '../quote/quote.js';
import type { QuoteLine } from '../core/shapes.js';
import { isEmpty, type Cell, type Range } from './cells.js';
import { argumentNames, positionalArgs } from './mapping.js';
import { declarationOf } from '../prestations/registry.js';
import { readAdhesion, readTarifs } from './layout.js';

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

function message(issues: readonly QuoteIssue[]): string {
  return 'Erreur : ' + issues.map((i) => `${formatPath(i.path)} : ${i.message}`).join(' ; ');
}

function catalogueFrom(tarifs: Range | undefined): { ok: true; value: Catalogue } | { ok: false; issues: readonly QuoteIssue[] } {
  if (isEmpty(tarifs) || (Array.isArray(tarifs) && tarifs.every((r) => (Array.isArray(r) ? r.every(isEmpty) : isEmpty(r))))) {
    return { ok: true, value: catalogue2026 };
  }
  const read = readTarifs(tarifs, catalogue2026.millesime);
  const completed = safeCompleteCatalogue(catalogue2026, read.value as unknown as Tarifs);
  const issues = [...read.issues, ...(completed.success ? [] : completed.issues)];
  if (issues.length > 0 || !completed.success) return { ok: false, issues };
  return { ok: true, value: completed.data };
}

const HEADER = ['Prestation', 'Composante', 'Libellé', 'SIREN', 'Quantité', 'Unité', 'Prix unitaire', 'Montant', 'Détail', 'Source'];

function row(l: QuoteLine): Cell[] {
  return [l.prestation, l.composante, l.libelle, l.siren, Number(l.quantite), l.unite, Number(l.prixUnitaire), Number(l.montant), l.detail, l.source.reference];
}

function quoteRange(plage: Range, tarifs: Range | undefined) {
  const catalogue = catalogueFrom(tarifs);
  const read = readAdhesion(plage);
  if (!catalogue.ok) {
    const all = [...catalogue.issues, ...read.issues, ...adhesionIssues(read.value, catalogue2026)];
    return { ok: false as const, message: message(all) };
  }
  const result = safeQuote(read.value as unknown as Adhesion, { catalogue: catalogue.value });
  const issues = [...read.issues, ...(result.success ? [] : result.issues)];
  if (issues.length > 0 || !result.success) return { ok: false as const, message: message(issues) };
  return { ok: true as const, value: result.data };
}

/**
 * Devis d'une adhésion disposée en deux colonnes « champ | valeur » : une ligne d'en-tête puis
 * une ligne par ligne de devis ; montants en nombres. En cas d'erreur, une cellule avec le message.
 *
 * @param plage - l'adhésion, en deux colonnes « champ | valeur »
 * @param tarifs - facultatif : les montants fournis, en deux colonnes « champ | valeur »
 * @returns les lignes du devis avec une ligne d'en-tête, ou `[[message d'erreur]]`
 * @category Tableur
 * @example
 * ```ts
 * devis([['collectivite.nom', 'Commune exemple'], ['collectivite.siren', '219000106'], ['collectivite.type', 'commune'], ['maintenanceBase.postes', 4], ['maintenanceBase.postesLicenceBL', 0]]);
 * //=> [['Prestation', …, 'Montant', …], ['maintenanceBase', 'postes', …, 2069.57, …]]
 * ```
 */
export function devis(plage: Range, tarifs?: Range): Cell[][] {
  try {
    const r = quoteRange(plage, tarifs);
    return r.ok ? [HEADER, ...r.value.lignes.map(row)] : [[r.message]];
  } catch (error) {
    return [[unexpected(error)]];
  }
}

/**
 * Total du devis d'une adhésion disposée en deux colonnes « champ | valeur », en nombre.
 * En cas d'erreur, le message.
 *
 * @param plage - l'adhésion, en deux colonnes « champ | valeur »
 * @param tarifs - facultatif : les montants fournis
 * @returns le total, ou le message d'erreur
 * @category Tableur
 * @example
 * ```ts
 * total([['collectivite.nom', 'X'], ['collectivite.siren', '219000106'], ['collectivite.type', 'commune'], ['maintenanceBase.postes', 4], ['maintenanceBase.postesLicenceBL', 0]]);
 * //=> 2069.57
 * ```
 */
export function total(plage: Range, tarifs?: Range): number | string {
  try {
    const r = quoteRange(plage, tarifs);
    return r.ok ? Number(r.value.total) : r.message;
  } catch (error) {
    return unexpected(error);
  }
}

/**
 * Montant d'une prestation seule, à partir de ses paramètres dans l'ordre de leur déclaration :
 * `maintenanceBase` (postes, postes sous licence), `sauvegarde` (quota en Go, population),
 * `marchesPublics` (accès, mises en ligne assistées), `secretariatMairie` (jours), `packDemat`
 * (SIREN facturés, séparés par des virgules) ; les autres n'en prennent pas.
 *
 * @param id - l'identifiant de la prestation
 * @param a - premier paramètre
 * @param b - second paramètre
 * @param tarifs - facultatif : les montants fournis
 * @returns le montant, ou le message d'erreur
 * @category Tableur
 * @example
 * ```ts
 * prestation('marchesPublics', 2, 1);
 * //=> 132
 * prestation('secretariatMairie', '2,5');
 * //=> 900
 * ```
 */
export function prestation(id: Cell, a?: Cell, b?: Cell, tarifs?: Range): number | string {
  try {
    const catalogue = catalogueFrom(tarifs);
    const key = typeof id === 'string' ? id.trim() : id;
    const declaration = declarationOf(key);
    const args = declaration ? positionalArgs(declaration, [a, b]) : { params: {}, population: undefined, extra: false };
    if (declaration && args.extra) {
      const expected = argumentNames(declaration);
      return expected.length === 0
        ? `Erreur : la prestation « ${String(key)} » ne prend pas de paramètre.`
        : `Erreur : la prestation « ${String(key)} » prend au plus ${expected.length} paramètre(s) : ${expected.join(', ')}.`;
    }
    if (!catalogue.ok) {
      const own = safePricePrestation(key as PrestationId, args.params, {
        catalogue: catalogue2026,
        ...(args.population === undefined ? {} : { collectivite: { population: args.population as number } }),
      });
      return message([...catalogue.issues, ...(own.success ? [] : own.issues.filter((i) => !CATALOGUE_DEPENDENT.has(i.code)))]);
    }
    const r = safePricePrestation(key as PrestationId, args.params, {
      catalogue: catalogue.value,
      ...(args.population === undefined ? {} : { collectivite: { population: args.population as number } }),
    });
    return r.success ? Number(r.data.total) : message(r.issues);
  } catch (error) {
    return unexpected(error);
  }
}

function unexpected(error: unknown): string {
  return `Erreur interne : ${error instanceof Error ? error.message : String(error)}`;
}

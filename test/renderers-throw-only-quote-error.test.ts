/**
 * Les documents (et les titres) tiennent la promesse de la bibliothèque : quelle que soit l'entrée,
 * ils rendent un texte ou lèvent une QuoteError, jamais une TypeError ni une erreur de decimal.js ;
 * un `safe…` ne lève jamais. Une entrée qui n'a pas la forme d'un devis ou d'une comparaison est un
 * problème ENTREE_INVALIDE situé (chemin, attendu, reçu).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billingRoll, catalogue2026, compareCatalogues, completeCatalogue, isQuoteError, quote, quoteAll, type Catalogue } from '../src/index.js';
import * as documents from '@te90/tarifs/documents';
import * as titres from '@te90/tarifs/titres';
import { renderComparisonHtml, renderQuoteHtml, renderQuoteText, ComparisonHtmlReport } from '@te90/tarifs/documents';
import { TARIFS_TEST } from './helpers.js';

const CATALOGUE: Catalogue = completeCatalogue(catalogue2026, TARIFS_TEST);
const COMMUNE = { collectivite: { nom: 'Commune', siren: '219000106', type: 'commune' as const, population: 850 }, prestations: { maintenanceBase: { postes: 4 }, marchesPublics: { acces: 2 } } };
const REFUSEE = { collectivite: { nom: 'Refusée', siren: '123', type: 'commune' as const }, prestations: { maintenanceBase: { postes: 1 } } };
const DEVIS = JSON.parse(JSON.stringify(quote(COMMUNE, { catalogue: CATALOGUE }))) as unknown;
const COMPARAISON = JSON.parse(JSON.stringify(compareCatalogues([COMMUNE, COMMUNE, REFUSEE], { avant: CATALOGUE, apres: CATALOGUE }))) as unknown;
const LOT = JSON.parse(JSON.stringify(quoteAll([COMMUNE, REFUSEE], { catalogue: CATALOGUE }))) as unknown;
const ROLE = JSON.parse(JSON.stringify(billingRoll([COMMUNE, REFUSEE], { catalogue: CATALOGUE }))) as unknown;
const CATALOGUES = { avant: CATALOGUE, apres: CATALOGUE };
const HTML_OPTIONS = { numero: 'D-2026-0001', date: '2026-03-01' };

/** L'exception levée par `run` (ou `undefined`), itération comprise pour un générateur. */
function thrown(run: () => unknown): unknown {
  try {
    const r = run();
    if (typeof r === 'object' && r !== null && typeof (r as Iterable<unknown>)[Symbol.iterator] === 'function') [...(r as Iterable<unknown>)];
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Rien, ou une QuoteError : jamais autre chose. */
function onlyQuoteError(run: () => unknown, name = ''): void {
  const error = thrown(run);
  if (error !== undefined && !isQuoteError(error)) throw new Error(`${name} : exception qui n'est pas une QuoteError : ${String(error)}`);
}

/** Une copie de `value` où la valeur au bout d'un chemin tiré au hasard est remplacée. */
const mutated = (value: unknown) =>
  fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true })).map(([choices, replacement]) => {
    const copy = JSON.parse(JSON.stringify(value)) as unknown;
    let node = copy as Record<string, unknown>;
    for (let i = 0; i < choices.length; i++) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[choices[i]! % keys.length]!;
      const next = node[key];
      if (i === choices.length - 1 || typeof next !== 'object' || next === null) {
        node[key] = replacement;
        break;
      }
      node = next as Record<string, unknown>;
    }
    return copy;
  });

const issuesOf = (run: () => unknown) => {
  const error = thrown(run);
  expect(isQuoteError(error)).toBe(true);
  return (error as { issues: { code: string; path: readonly (string | number)[]; params: Record<string, unknown> }[] }).issues.map((i) => [i.code, i.path.join('.'), i.params['attendu'] ?? i.params['raison']]);
};

describe('les documents ne lèvent qu’une QuoteError, située', () => {
  it('renderQuoteText(null) : ENTREE_INVALIDE à « devis », un objet attendu', () => {
    expect(issuesOf(() => renderQuoteText(null as never))).toEqual([['ENTREE_INVALIDE', 'devis', 'object']]);
  });

  it('renderComparisonHtml({ adherents: 3 }) : ENTREE_INVALIDE à « comparaison.adherents » (une liste) et « comparaison.synthese »', () => {
    expect(issuesOf(() => renderComparisonHtml({ adherents: 3 } as never, CATALOGUES))).toEqual([
      ['ENTREE_INVALIDE', 'comparaison.adherents', 'array'],
      ['ENTREE_INVALIDE', 'comparaison.synthese', 'object'],
    ]);
  });

  it('un montant « abc » dans un devis enregistré : ENTREE_INVALIDE à son chemin, pas une erreur de decimal.js', () => {
    const devis = JSON.parse(JSON.stringify(DEVIS)) as { total: string; lignes: { montant: string }[] };
    devis.total = 'abc';
    devis.lignes[0]!.montant = 'abc';
    const attendu = [
      ['ENTREE_INVALIDE', 'devis.lignes.0.montant', 'montant'],
      ['ENTREE_INVALIDE', 'devis.total', 'montant'],
    ];
    expect(issuesOf(() => renderQuoteText(devis as never))).toEqual(attendu);
    expect(issuesOf(() => documents.renderQuoteCsv(devis as never))).toEqual(attendu);
    expect(issuesOf(() => renderQuoteHtml(devis as never, HTML_OPTIONS))).toEqual(attendu);
  });

  it('le devis et les options du devis imprimable jugés ensemble', () => {
    expect(issuesOf(() => renderQuoteHtml({ ...(DEVIS as object), total: 'abc' } as never, { numero: '', date: 'hier' }))).toEqual([
      ['ENTREE_INVALIDE', 'devis.total', 'montant'],
      ['ENTREE_INVALIDE', 'options.numero', 'numeroDevis'],
      ['ENTREE_INVALIDE', 'options.date', 'dateDevis'],
    ]);
  });

  it('le rapport au fil de l’eau : un adhérent qui n’en est pas un est situé', () => {
    const report = new ComparisonHtmlReport(CATALOGUES);
    expect(issuesOf(() => report.add({ index: 'x' } as never))[0]).toEqual(['ENTREE_INVALIDE', 'adherent.index', 'integer']);
    expect(issuesOf(() => new ComparisonHtmlReport({} as never))).toEqual([
      ['ENTREE_INVALIDE', 'options.avant', 'object'],
      ['ENTREE_INVALIDE', 'options.apres', 'object'],
    ]);
  });

  /** Chaque fonction publique des documents et des titres, appelée avec des arguments donnés. */
  const everyFunction = (args: readonly unknown[]) => {
    for (const mod of [documents, titres]) {
      for (const [name, f] of Object.entries(mod)) {
        if (typeof f !== 'function') continue;
        if (name === 'ComparisonHtmlReport') {
          onlyQuoteError(() => new ComparisonHtmlReport(args[0] as never));
          const report = new ComparisonHtmlReport(CATALOGUES);
          for (const m of ['add', 'head', 'middle', 'tail', 'tailLines', 'distribution'] as const) onlyQuoteError(() => (report[m] as (...a: unknown[]) => unknown)(...args), m);
          continue;
        }
        if (name.startsWith('safe')) expect(thrown(() => (f as (...a: unknown[]) => unknown)(...args))).toBeUndefined();
        else onlyQuoteError(() => (f as (...a: unknown[]) => unknown)(...args), name);
      }
    }
  };

  it('fuzz : toute fonction publique des documents et des titres, sur des valeurs quelconques', () => {
    fc.assert(
      fc.property(fc.array(fc.anything({ withNullPrototype: true, withBigInt: true }), { maxLength: 3 }), (args) => everyFunction(args)),
      { numRuns: 40 },
    );
  });

  it('fuzz : un devis, une comparaison, un lot, un rôle enregistrés dont un champ est remplacé', () => {
    fc.assert(
      fc.property(mutated(DEVIS), mutated(COMPARAISON), mutated(LOT), mutated(ROLE), (devis, comparaison, lot, role) => {
        for (const value of [devis, comparaison, lot, role]) everyFunction([value, HTML_OPTIONS]);
        everyFunction([comparaison, CATALOGUES]);
        const report = new ComparisonHtmlReport(CATALOGUES);
        const adherents = (comparaison as { adherents?: unknown }).adherents;
        for (const a of Array.isArray(adherents) ? adherents : []) onlyQuoteError(() => report.add(a as never), 'add');
        onlyQuoteError(() => report.head((comparaison as { synthese?: never }).synthese as never));
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('une valeur piégée (getter qui lève) : une QuoteError', () => {
    const piege = new Proxy({}, { get: () => { throw new RangeError('piège'); }, ownKeys: () => { throw new RangeError('piège'); } });
    everyFunction([piege, piege]);
  });
});

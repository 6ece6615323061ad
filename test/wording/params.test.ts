import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  catalogue2026,
  completeCatalogue,
  isQuoteError,
  quoteAll,
  safeCompleteCatalogue,
  safePricePrestation,
  safeQuote,
  type QuoteIssue,
} from '../../src/index.js';
import { renderQuoteHtml } from '@te90/tarifs/documents';
import { adhesionArb, withFieldReplaced } from '../arbitraries.js';
import { sourceFiles } from '../architecture/ids.js';
import { commune, epci } from '../helpers.js';

function issuesOf(run: () => unknown): readonly QuoteIssue[] {
  try {
    const r = run() as { success?: boolean; issues?: readonly QuoteIssue[]; resultats?: readonly { issues?: readonly QuoteIssue[] }[] } | undefined;
    if (r && Array.isArray(r.resultats)) return r.resultats.flatMap((x) => x.issues ?? []);
    return r && r.success === false ? r.issues! : [];
  } catch (error) {
    if (isQuoteError(error)) return error.issues;
    throw error;
  }
}

function expectParams(issues: readonly QuoteIssue[]): number {
  let seen = 0;
  for (const i of issues) {
    expect(i.params, `${i.code} @ ${i.path.join('.')} : ${i.message}`).toBeDefined();
    expect(JSON.parse(JSON.stringify(i.params))).toEqual(i.params);
    seen++;
  }
  return seen;
}

const JUNK = fc.oneof(
  fc.anything(),
  fc.constantFrom(undefined, null, NaN, -1, 1e12, 1.5, '', ' ', 'x'.repeat(300), true, [], {}, new Date(0), new Map(), () => 1, Symbol('s')),
);

describe('chaque problème porte ses paramètres', () => {
  it('adhésions quelconques, dont un champ est remplacé par n’importe quoi', () => {
    let seen = 0;
    fc.assert(
      fc.property(adhesionArb, JUNK, fc.nat(), (a, junk, pick) => {
        seen += expectParams(issuesOf(() => safeQuote(withFieldReplaced(a, junk, pick) as never)));
      }),
      { numRuns: 300 },
    );
    expect(seen).toBeGreaterThan(50);
  });

  it('entrées hostiles : getters qui lèvent, références circulaires, proxys, objets exotiques, lots', () => {
    const circular: Record<string, unknown> = { nom: 'X' };
    circular['self'] = circular;
    const throwing = Object.defineProperty({}, 'nom', { enumerable: true, get: () => { throw new Error('piège'); } });
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('piège'); } });
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      'texte',
      [],
      {},
      { collectivite: circular, prestations: {} },
      { collectivite: throwing, prestations: { maintenanceBase: { postes: 1 } } },
      { collectivite: proxy, prestations: {} },
      { collectivite: new Map(), prestations: new Date(0) },
      { collectivite: { ...commune, siren: '123' }, prestations: { maintenanceBase: { postes: 0, postesLicenceBL: 9 }, inconnue: {} } },
      { collectivite: { ...commune, siren: '200000173', type: 'ville', population: -1 }, prestations: { maintenanceBase: { postes: 3, postesLicenceBL: 5 } } },
      { collectivite: { ...epci, nom: '' }, prestations: { maintenanceBase: { postes: true }, packDemat: { sirens: ['200000172', '200000172', '12'] } } },
      { collectivite: epci, prestations: { maintenanceBase: { postes: 1 }, sauvegarde: { quotaGo: 7 } }, millesime: 2030 },
      { collectivite: epci, prestations: { dpo: {} }, millesime: 2026 },
      { collectivite: epci, prestations: { maintenanceBase: { postes: 1 }, secretariatMairie: { journees: 'deux' } }, extra: 1 },
    ];
    let seen = 0;
    for (const input of inputs) {
      seen += expectParams(issuesOf(() => safeQuote(input as never)));
      seen += expectParams(issuesOf(() => safeQuote(input as never, { catalogue: { faux: true } } as never)));
    }
    seen += expectParams(issuesOf(() => quoteAll(inputs as never)));
    seen += expectParams(issuesOf(() => quoteAll({ length: 1e9 } as never)));
    seen += expectParams(issuesOf(() => quoteAll('pas une liste' as never)));
    seen += expectParams(issuesOf(() => safeQuote({} as never, Object.defineProperty({}, 'catalogue', { get: () => { throw new Error('x'); } }) as never)));
    seen += expectParams(issuesOf(() => quoteAll([{}] as never, { onProgress: () => { throw new Error('rappel'); } } as never)));
    for (const [id, params, collectivite] of [
      ['inconnue', {}, undefined],
      ['dpo', {}, undefined],
      ['marchesPublics', { acces: -1, inconnu: 1 }, 12],
      ['sauvegarde', { quotaGo: 50 }, { population: 'beaucoup', adresse: 'x' }],
      ['maintenanceBase', { postes: 2, postesLicenceBL: 3 }, undefined],
    ] as const) {
      seen += expectParams(issuesOf(() => safePricePrestation(id as never, params as never, collectivite === undefined ? undefined : ({ collectivite } as never))));
    }
    const devis = safeQuote({ collectivite: epci, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 } } });
    if (devis.success) seen += expectParams(issuesOf(() => renderQuoteHtml(devis.data, { numero: '', date: 'hier', validiteJours: 0, emetteur: 3 } as never)));
    expect(seen).toBeGreaterThan(40);
  });

  it('fichiers de tarifs', () => {
    let seen = 0;
    for (const tarifs of [
      undefined,
      { millesime: 2026 },
      { millesime: 'deux', source: 3, prestations: { dpo: { abonnement: { montant: 'douze' } }, inconnue: {} } },
      { millesime: 2026, source: 'x', prestations: { dpo: { abonnement: { montant: '-1' } } } },
    ]) {
      seen += expectParams(issuesOf(() => safeCompleteCatalogue(catalogue2026, tarifs as never)));
    }
    expect(seen).toBeGreaterThan(5);
  });

});

/** Ce qui lit ou transforme un texte par motif. */
const TEXT_CALLS = new Set(['replace', 'replaceAll', 'match', 'matchAll', 'exec', 'test', 'search', 'split']);

/** Les lectures `.message` (ou `['message']`) dans une expression. */
function readsMessage(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(n) && n.name.text === 'message') found = true;
    else if (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression) && n.argumentExpression.text === 'message') found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** Les appels `x.replace(…)`, `re.test(…)`, `new RegExp(…)` qui lisent un `.message`. */
function messageRewrites(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    const call = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && TEXT_CALLS.has(node.expression.name.text);
    const regexp = (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
    if ((call || regexp) && readsMessage(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      out.push(`${line + 1} : ${node.getText(source).slice(0, 100)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('aucune interface ne réécrit un message', () => {
  const SRC = join(__dirname, '..', '..', 'src');

  it('aucun fichier de src/ ne passe le .message d’un problème à replace, match, test, RegExp…', () => {
    const found = sourceFiles(SRC).flatMap((f) => messageRewrites(f).map((w) => `${relative(SRC, f)}:${w}`));
    expect(found).toEqual([]);
  });

  it('le contrôle voit bien une réécriture, même dans une fonction fléchée', () => {
    const probe = join(__dirname, '..', '..', 'node_modules', '.cache', 'sonde-message.ts');
    mkdirSync(join(probe, '..'), { recursive: true });
    writeFileSync(probe, "const f = (i: { message: string }) => ({ ...i, message: i.message.replace(/a/, 'b') });\nconst g = (i: { message: string }) => /x/.test(i['message']);\n");
    expect(messageRewrites(probe)).toHaveLength(2);
  });
});

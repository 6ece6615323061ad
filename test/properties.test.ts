import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue2026, isQuoteError, parseCatalogue, quote, safeQuote, type Adhesion } from '../src/index.js';
import { adhesionArb, withFieldReplaced } from './arbitraries.js';
import { REGISTRY } from '../src/index.js';
import { adhesion, catalogueTest, epci, sum, TWO_DECIMALS } from './helpers.js';

const RUNS = { numRuns: 150 };

describe('invariants du devis', () => {
  it('les adhésions générées couvrent chaque prestation du registre et chacun de ses paramètres, sans liste écrite à la main', () => {
    const seen = new Set<string>();
    for (const a of fc.sample(adhesionArb, { numRuns: 200, seed: 25 })) {
      for (const [id, params] of Object.entries(a.prestations as Record<string, Record<string, unknown>>)) {
        seen.add(id);
        for (const name of Object.keys(params)) seen.add(`${id}.${name}`);
      }
    }
    for (const d of REGISTRY.prestations) {
      expect(seen, d.id).toContain(d.id);
      for (const name of Object.keys(d.parametres)) expect(seen, `${d.id}.${name}`).toContain(`${d.id}.${name}`);
    }
  });

  it('les lignes s’additionnent au total, et les factures aussi', () => {
    fc.assert(
      fc.property(adhesionArb, (a) => {
        const devis = quote(a, { catalogue: catalogueTest });
        expect(sum(devis.lignes.map((l) => l.montant))).toBe(devis.total);
        expect(sum(devis.factures.map((f) => f.total))).toBe(devis.total);
        for (const f of devis.factures) expect(sum(f.lignes.map((l) => l.montant))).toBe(f.total);
        expect(devis.factures.flatMap((f) => f.lignes)).toHaveLength(devis.lignes.length);
      }),
      RUNS,
    );
  });

  it('tout montant est positif ou nul, à deux décimales, jamais -0.00', () => {
    fc.assert(
      fc.property(adhesionArb, (a) => {
        const devis = quote(a, { catalogue: catalogueTest });
        for (const m of [devis.total, ...devis.lignes.map((l) => l.montant), ...devis.factures.map((f) => f.total)]) {
          expect(m).toMatch(TWO_DECIMALS);
        }
      }),
      RUNS,
    );
  });

  it('une facture par SIREN, chaque ligne dans la facture de son SIREN', () => {
    fc.assert(
      fc.property(adhesionArb, (a) => {
        const devis = quote(a, { catalogue: catalogueTest });
        const sirens = devis.factures.map((f) => f.siren);
        expect(new Set(sirens).size).toBe(sirens.length);
        expect(sirens[0]).toBe(devis.collectivite.siren);
        for (const f of devis.factures) for (const l of f.lignes) expect(l.siren).toBe(f.siren);
      }),
      RUNS,
    );
  });

  it('même entrée, même devis, quel que soit l’état des mémoires (catalogue neuf ou déjà servi)', () => {
    fc.assert(
      fc.property(adhesionArb, (a) => {
        const froid = parseCatalogue(JSON.parse(JSON.stringify(catalogueTest)));
        expect(froid).not.toBe(catalogueTest);
        expect(quote(structuredClone(a), { catalogue: froid })).toEqual(quote(a, { catalogue: catalogueTest }));
      }),
      { numRuns: 50 },
    );
  });

  it('un poste de plus ne coûte jamais moins — sauf aux seuils du barème publié (5→6 et 15→16)', () => {
    const drops: number[] = [];
    let previous = '0';
    for (let postes = 1; postes <= 60; postes++) {
      const total = quote(adhesion({ maintenanceBase: { postes, postesLicenceBL: 0 } }, epci)).total;
      if (postes > 1 && compare(total, previous) < 0) drops.push(postes);
      previous = total;
    }
    expect(drops).toEqual([6, 16]);
  });
});

function compare(a: string, b: string): number {
  return new Decimal(a).comparedTo(b);
}

describe('entrées quelconques', () => {
  /** `quote` et `safeQuote` disent la même chose : le même devis, ou une QuoteError aux mêmes problèmes. */
  const assertOnlyQuoteError = (input: unknown, options?: unknown): boolean => {
    const r = safeQuote(input as Adhesion, options as never);
    let thrown: unknown = undefined;
    let data: unknown = undefined;
    try {
      data = quote(input as Adhesion, options as never);
    } catch (error) {
      thrown = error;
    }
    if (r.success) {
      expect(thrown).toBeUndefined();
      expect(data).toEqual(r.data);
      return true;
    }
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) {
      expect(i.code).not.toBe('ERREUR_INTERNE');
      expect(typeof i.message).toBe('string');
      expect(Array.isArray(i.path)).toBe(true);
    }
    expect(isQuoteError(thrown)).toBe(true);
    expect((thrown as { issues: unknown }).issues).toEqual(r.issues);
    return false;
  };

  it('une valeur quelconque donne un devis ou une QuoteError, jamais autre chose', () => {
    fc.assert(fc.property(fc.anything(), (input) => void assertOnlyQuoteError(input)), { numRuns: 300 });
  });

  it('une adhésion valide dont un champ est remplacé par n’importe quoi donne un devis ou une QuoteError', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(adhesionArb, fc.oneof(fc.jsonValue(), fc.integer({ min: 1, max: 100 }), fc.boolean(), fc.constantFrom('epci', 'commune')), fc.nat(), (a, junk, pick) => {
        runs++;
        if (assertOnlyQuoteError(withFieldReplaced(a, junk, pick), { catalogue: catalogueTest })) accepted++;
      }),
      { numRuns: 300 },
    );
    // Le générateur atteint le chiffrage : une part des adhésions altérées reste acceptée.
    expect(accepted / runs).toBeGreaterThan(0.05);
    expect(accepted).toBeLessThan(runs);
  });

  it('des options quelconques, catalogue compris, donnent un devis ou une QuoteError', () => {
    const catalogueArb = fc.oneof(
      fc.constant(catalogueTest),
      fc.constant(catalogue2026),
      fc.anything(),
      fc.jsonValue().map((junk) => {
        const c = JSON.parse(JSON.stringify(catalogueTest)) as Record<string, unknown>;
        c['libelle'] = junk;
        return c;
      }),
    );
    let accepted = 0;
    let withCatalogue = 0;
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ catalogue: catalogueArb })), (options) => {
        if (typeof options === 'object' && options !== null && 'catalogue' in options) withCatalogue++;
        if (assertOnlyQuoteError(adhesion(), options)) accepted++;
      }),
      { numRuns: 150 },
    );
    expect(withCatalogue).toBeGreaterThan(30);
    expect(accepted).toBeGreaterThan(30);
  });
});

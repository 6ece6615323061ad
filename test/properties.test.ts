import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue2026, isQuoteError, quote, safeQuote, type Adhesion } from '../src/index.js';
import { adhesionArb, withFieldReplaced } from './arbitraries.js';
import { adhesion, catalogueTest, epci, sum, TWO_DECIMALS } from './helpers.js';

const RUNS = { numRuns: 150 };

describe('invariants du devis', () => {
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

  it('même entrée, même devis', () => {
    fc.assert(
      fc.property(adhesionArb, (a) => {
        expect(quote(structuredClone(a), { catalogue: catalogueTest })).toEqual(quote(a, { catalogue: catalogueTest }));
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
  const assertOnlyQuoteError = (input: unknown, options?: unknown) => {
    const r = safeQuote(input as Adhesion, options as never);
    if (!r.success) {
      expect(r.issues.length).toBeGreaterThan(0);
      for (const i of r.issues) {
        expect(i.code).not.toBe('ERREUR_INTERNE');
        expect(typeof i.message).toBe('string');
        expect(Array.isArray(i.path)).toBe(true);
      }
    }
    try {
      quote(input as Adhesion, options as never);
    } catch (error) {
      expect(isQuoteError(error)).toBe(true);
    }
  };

  it('une valeur quelconque donne un devis ou une QuoteError, jamais autre chose', () => {
    fc.assert(fc.property(fc.anything(), (input) => assertOnlyQuoteError(input)), { numRuns: 300 });
  });

  it('une adhésion valide dont un champ est remplacé par n’importe quoi donne un devis ou une QuoteError', () => {
    fc.assert(
      fc.property(adhesionArb, fc.jsonValue(), fc.nat(), (a, junk, pick) => {
        assertOnlyQuoteError(withFieldReplaced(a, junk, pick), { catalogue: catalogueTest });
      }),
      { numRuns: 300 },
    );
  });

  it('des options quelconques donnent un devis ou une QuoteError', () => {
    fc.assert(fc.property(fc.anything(), (options) => assertOnlyQuoteError(adhesion(), options)), { numRuns: 100 });
    assertOnlyQuoteError(adhesion(), { catalogue: catalogue2026 });
  });
});

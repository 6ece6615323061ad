import { describe, expect, it } from 'vitest';
import { isQuoteError, quote, quoteAll, sirenConflicts, type Quote } from '../src/index.js';
import { adhesion, catalogueTest, commune, epci } from './helpers.js';

describe('sirenConflicts', () => {
  const packDemat = (collectivite: Record<string, unknown>) => adhesion({ packDemat: { sirens: ['200000107'] } }, collectivite);

  it('signale les mêmes SIREN facturés deux fois que quoteAll pour le même lot', () => {
    const lot = [packDemat(epci), packDemat(commune), adhesion({}, epci)];
    const devis = lot.map((a) => quote(a, { catalogue: catalogueTest }));
    const attendu = quoteAll(lot, { catalogue: catalogueTest }).synthese.conflits;
    expect(attendu.length).toBeGreaterThan(0);
    expect(sirenConflicts(devis, catalogueTest)).toEqual(attendu);
  });

  it('garde les positions de la suite : une position sans devis est sautée', () => {
    const a = quote(adhesion({}, epci));
    const conflits = sirenConflicts([a, undefined, a]);
    expect(conflits.map((i) => [i.code, i.path, i.params['raison'], i.params['entrees']])).toEqual([['SIREN_FACTURE_DEUX_FOIS', [2], 'collectivite', [0, 2]]]);
    expect(sirenConflicts([a, undefined, quote(adhesion({}, commune))])).toEqual([]);
    expect(sirenConflicts([])).toEqual([]);
  });

  it('un catalogue invalide ou un devis qui n’en est pas un donnent une QuoteError, jamais une autre exception', () => {
    const catch_ = (f: () => unknown) => {
      try {
        f();
        return undefined;
      } catch (error) {
        return error;
      }
    };
    expect(isQuoteError(catch_(() => sirenConflicts([], { millesime: 'x' } as never)))).toBe(true);
    expect(isQuoteError(catch_(() => sirenConflicts([{ lignes: 3 } as unknown as Quote])))).toBe(true);
  });
});

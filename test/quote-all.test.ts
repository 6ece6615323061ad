import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quote, quoteAll, safeQuoteAll, type Adhesion } from '../src/index.js';
import { adhesionArb } from './arbitraries.js';
import { adhesion, catalogueTest, epci, SIREN_EPCI, sum } from './helpers.js';

describe('quoteAll', () => {
  const good = adhesion({ marchesPublics: { acces: 2 } }, epci);
  const bad = { collectivite: { nom: 'X', siren: '200 000 173', type: 'epci' }, prestations: {} } as unknown as Adhesion;

  it('ne s’arrête pas à la première adhésion refusée ; chaque résultat a sa position et son SIREN', () => {
    const lot = quoteAll([bad, good, 42 as never]);
    expect(lot.resultats.map((r) => [r.index, r.siren, r.success])).toEqual([
      [0, '200000173', false],
      [1, SIREN_EPCI, true],
      [2, null, false],
    ]);
    expect(lot.synthese.acceptes).toBe(1);
    expect(lot.synthese.refuses).toBe(2);
    const first = lot.resultats[0]!;
    expect(!first.success && first.issues.map((i) => i.code)).toEqual(['SIREN_INVALIDE', 'MAINTENANCE_BASE_OBLIGATOIRE']);
  });

  it('donne le même devis que quote pour chaque adhésion acceptée', () => {
    const lot = quoteAll([good]);
    expect(lot.resultats[0]!.success && lot.resultats[0]!.data).toEqual(quote(good));
  });

  it('synthèse : total et nombre d’adhérents par prestation', () => {
    const lot = quoteAll([good, good, adhesion({}, epci)]);
    const marches = lot.synthese.parPrestation.find((p) => p.prestation === 'marchesPublics')!;
    expect([marches.adherents, marches.total]).toEqual([2, '200.00']);
    const base = lot.synthese.parPrestation.find((p) => p.prestation === 'maintenanceBase')!;
    expect([base.adherents, base.total]).toEqual([3, '3449.28']);
    expect(lot.synthese.total).toBe('3649.28');
    expect(lot.synthese.parPrestation).toHaveLength(10);
  });

  it('un adhérent au pack démat sur plusieurs SIREN compte une fois', () => {
    const lot = quoteAll([adhesion({ packDemat: { sirens: ['200000172', '200000107'] } }, epci)], { catalogue: catalogueTest });
    const pack = lot.synthese.parPrestation.find((p) => p.prestation === 'packDemat')!;
    expect([pack.adherents, pack.total]).toEqual([1, '500.50']);
  });

  it('refuse un lot qui n’est pas une liste', () => {
    const r = safeQuoteAll({} as never);
    expect(!r.success && r.issues.map((i) => i.code)).toEqual(['ENTREE_INVALIDE']);
    expect(() => quoteAll('x' as never)).toThrow(/liste/);
  });

  it('signale la progression', () => {
    const calls: [number, number][] = [];
    quoteAll(Array.from({ length: 2500 }, () => good), { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });

  it('propriété : total du lot = Σ des devis acceptés = Σ des prestations', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(adhesionArb, fc.constant(bad)), { maxLength: 8 }), (adhesions) => {
        const lot = quoteAll(adhesions, { catalogue: catalogueTest });
        const accepted = lot.resultats.flatMap((r) => (r.success ? [r.data.total] : []));
        expect(sum(accepted)).toBe(lot.synthese.total);
        expect(sum(lot.synthese.parPrestation.map((p) => p.total))).toBe(lot.synthese.total);
        expect(lot.synthese.acceptes + lot.synthese.refuses).toBe(adhesions.length);
      }),
      { numRuns: 60 },
    );
  });
});

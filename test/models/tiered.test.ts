import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue2026 } from '../../src/index.js';
import { findTier, priceTiered } from '../../src/models/tiered.js';

const part1 = catalogue2026.prestations.maintenanceBase.composantes.postes;
if (part1.modele !== 'coefficientParPalier' || part1.prixUnitaire === null) throw new Error('catalogue inattendu');
const poste = { un: 'poste', plusieurs: 'postes' };

describe('modèle coefficient par palier', () => {
  it.each([
    [1, '1', '574.88'],
    [2, '1', '1149.76'],
    [3, '0.9', '1552.18'],
    [4, '0.9', '2069.57'],
    [5, '0.9', '2586.96'],
    [6, '0.7', '2414.50'],
    [15, '0.7', '6036.24'],
    [16, '0.65', '5978.75'],
    [40, '0.65', '14946.88'],
  ])('%i postes : coefficient %s, %s €', (postes, coefficient, montant) => {
    expect(findTier(part1.paliers, postes)?.coefficient).toBe(coefficient);
    expect(priceTiered(part1.prixUnitaire!, part1.paliers, postes, poste)?.montant.toFixed(2)).toBe(montant);
  });

  it('écrit le calcul en français', () => {
    expect(priceTiered('574.88', part1.paliers, 4, poste)?.detail).toBe('574,88 € × (4 postes × 0,9) = 2 069,57 €');
  });

  it('rend undefined hors de tout palier', () => {
    expect(priceTiered('10.00', [{ de: 1, a: 2, coefficient: '1' }], 3, poste)).toBeUndefined();
    expect(priceTiered('10.00', [{ de: 1, a: 2, coefficient: '1' }], 0, poste)).toBeUndefined();
  });

  it('propriété : le coefficient du palier s’applique à tous les postes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (postes) => {
        const tier = findTier(part1.paliers, postes)!;
        const p = priceTiered('574.88', part1.paliers, postes, poste)!;
        expect(p.quantite.eq(new Decimal(postes).times(tier.coefficient))).toBe(true);
        expect(p.montant.toFixed(2)).toBe(
          p.prixUnitaire.times(postes).times(tier.coefficient).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
        );
      }),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { priceFlat } from '../../src/models/flat.js';

describe('modèle forfait', () => {
  it('rend le montant, quantité 1', () => {
    const p = priceFlat('120.5');
    expect(p.montant.toFixed(2)).toBe('120.50');
    expect(p.quantite.toString()).toBe('1');
    expect(p.detail).toBe('Forfait : 120,50 €');
  });

  it('accepte un forfait nul', () => {
    expect(priceFlat('0').montant.toFixed(2)).toBe('0.00');
  });
});

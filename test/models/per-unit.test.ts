import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/money/decimal.js';
import { priceUnit } from '../../src/models/per-unit.js';

const jour = { un: 'journée', plusieurs: 'journées' };

describe('modèle prix unitaire', () => {
  it('multiplie le prix par le nombre d’unités', () => {
    const p = priceUnit('50.00', new Dec(3), { un: 'accès', plusieurs: 'accès' }, 'aucun');
    expect(p.montant.toFixed(2)).toBe('150.00');
    expect(p.detail).toBe('3 accès × 50,00 € = 150,00 €');
  });

  it('facture toute unité commencée avec entierSuperieur', () => {
    const p = priceUnit('300.00', new Dec('2.5'), jour, 'entierSuperieur');
    expect(p.quantite.toString()).toBe('3');
    expect(p.montant.toFixed(2)).toBe('900.00');
    expect(p.detail).toContain('2,5');
    expect(priceUnit('300.00', new Dec('0.1'), jour, 'entierSuperieur').montant.toFixed(2)).toBe('300.00');
    expect(priceUnit('300.00', new Dec('3'), jour, 'entierSuperieur').detail).toBe('3 journées × 300,00 € = 900,00 €');
  });

  it('accorde l’unité au singulier sous 2', () => {
    expect(priceUnit('300.00', new Dec(1), jour, 'aucun').detail).toBe('1 journée × 300,00 € = 300,00 €');
  });

  it('propriété : avec entierSuperieur, le montant est le prix × l’entier supérieur', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 36600 }), (centiemes) => {
        const jours = new Dec(centiemes).div(100);
        const p = priceUnit('300.00', jours, jour, 'entierSuperieur');
        expect(p.quantite.isInteger()).toBe(true);
        expect(p.quantite.gte(jours) && p.quantite.minus(jours).lt(1)).toBe(true);
        expect(p.montant.toFixed(2)).toBe(p.quantite.times(300).toFixed(2));
      }),
      { numRuns: 200 },
    );
  });
});

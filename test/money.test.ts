import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/money/decimal.js';
import { formatEuros, formatNumber } from '../src/money/format.js';
import { roundToCent, sumMontants, toMontant } from '../src/money/round.js';
import { decimalFromNumber } from '../src/money/amounts.js';

describe('règle d’arrondi', () => {
  it('arrondit au centime, au demi supérieur', () => {
    expect(toMontant(new Dec('2069.565'))).toBe('2069.57');
    expect(toMontant(new Dec('2069.564999'))).toBe('2069.56');
    expect(toMontant(new Dec('0.005'))).toBe('0.01');
    expect(toMontant(new Dec('0.004'))).toBe('0.00');
    expect(toMontant(new Dec('2069.568'))).toBe('2069.57');
  });

  it('ne rend jamais -0.00', () => {
    expect(toMontant(new Dec('-0.001'))).toBe('0.00');
    expect(Object.is(roundToCent(new Dec('-0')).toNumber(), -0)).toBe(false);
    expect(toMontant(new Dec('-0'))).toBe('0.00');
  });

  it('additionne sans perte', () => {
    expect(sumMontants(['0.10', '0.20'])).toBe('0.30');
    // Même suite de montants : la somme retenue est la même, et une autre suite est recalculée.
    expect(sumMontants(['0.10', '0.20'])).toBe('0.30');
    expect(sumMontants(['0.10', '0.21'])).toBe('0.31');
    expect(sumMontants(['999999999.99', '0.01', '0.01'])).toBe('1000000000.01');
    expect(sumMontants([])).toBe('0.00');

  });

  it('ne dépend pas de la configuration globale de decimal.js', () => {
    const before = Decimal.rounding;
    Decimal.set({ rounding: Decimal.ROUND_DOWN });
    try {
      expect(toMontant(new Dec('1.005'))).toBe('1.01');
    } finally {
      Decimal.set({ rounding: before });
    }
  });

  it('propriété : l’arrondi est à moins d’un demi-centime et a deux décimales', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }), (n, scale) => {
        const value = new Dec(n.toString()).div(new Dec(10).pow(scale));
        const rounded = toMontant(value);
        expect(rounded).toMatch(/^-?\d+\.\d{2}$/);
        expect(rounded).not.toBe('-0.00');
        expect(new Dec(rounded).minus(value).abs().lte('0.005')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('écriture à la française', () => {
  it('écrit les euros avec virgule, espace des milliers et deux décimales', () => {
    expect(formatEuros('2069.57')).toBe('2 069,57 €');
    expect(formatEuros('1234567.5')).toBe('1 234 567,50 €');
    expect(formatEuros('0')).toBe('0,00 €');
    expect(formatEuros('999')).toBe('999,00 €');
  });

  it('écrit les nombres sans zéros inutiles', () => {
    expect(formatNumber('0.90')).toBe('0,9');
    expect(formatNumber('3.6')).toBe('3,6');
    expect(formatNumber('12000')).toBe('12 000');
    expect(formatNumber('1')).toBe('1');
  });
});

describe('decimalFromNumber', () => {
  it('écrit un nombre reçu tel qu’il s’affiche (15 chiffres), sans exposant ni zéro final', () => {
    expect(decimalFromNumber(0.1 + 0.2)).toBe('0.3');
    expect(decimalFromNumber(1e21)).toBe('1000000000000000000000');
    expect(decimalFromNumber(1e-7)).toBe('0.0000001');
    expect(decimalFromNumber(-2.5)).toBe('-2.5');
    expect(decimalFromNumber(-0)).toBe('0');
    expect(decimalFromNumber(Number.NaN)).toBeUndefined();
    expect(decimalFromNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSiren, normalizeSiren } from '../src/index.js';

describe('SIREN', () => {
  it('accepte 9 chiffres avec une clé de Luhn valide', () => {
    for (const s of ['219000106', '200000172', '200000107', '200000115', '732829320']) expect(isValidSiren(s)).toBe(true);
  });

  it('refuse une mauvaise clé, une mauvaise longueur ou des lettres', () => {
    for (const s of ['219000107', '20000017', '2000001720', '21900010A', '', '21900 0106']) expect(isValidSiren(s)).toBe(false);
  });

  it('retire les espaces, y compris insécables', () => {
    expect(normalizeSiren(' 219 000 106 ')).toBe('219000106');
    expect(normalizeSiren('219\u00a0000\u00a0106')).toBe('219000106');
  });

  it('propriété : changer un seul chiffre d’un SIREN valide le rend invalide', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const valid = '200000172';
        const digit = (Number(valid[pos]) + delta) % 10;
        const altered = valid.slice(0, pos) + String(digit) + valid.slice(pos + 1);
        expect(isValidSiren(altered)).toBe(false);
      }),
    );
  });
});

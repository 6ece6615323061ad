import { describe, expect, it } from 'vitest';
import { formatStrate, priceGrid } from '../../src/models/banded-grid.js';

const grille = {
  strates: [
    { de: 0, a: 999 },
    { de: 1000, a: null },
  ],
  quotasGo: [50, 100],
  montants: [
    ['80.00', '120.00'],
    ['150.00', '200.00'],
  ],
};

describe('modèle grille strate × quota', () => {
  it('prend la case de la strate et du quota', () => {
    const p = priceGrid(grille, 999, 50);
    expect('detail' in p && p.montant.toFixed(2)).toBe('80.00');
    const q = priceGrid(grille, 1000, 100);
    expect('detail' in q && q.montant.toFixed(2)).toBe('200.00');
    expect('detail' in q && q.detail).toBe('Strate à partir de 1 000 habitants, quota 100 Go : 200,00 €');
  });

  it('dit ce qui manque : quota absent de la grille', () => {
    expect(priceGrid(grille, 500, 75)).toEqual({ strate: false, quota: true });
  });

  it('dit ce qui manque : population hors strates', () => {
    const trouee = { ...grille, strates: [{ de: 100, a: 999 }, { de: 1000, a: null }] };
    expect(priceGrid(trouee, 50, 75)).toEqual({ strate: true, quota: true });
  });

  it('écrit les strates en français', () => {
    expect(formatStrate({ de: 1000, a: 4999 })).toBe('de 1 000 à 4 999 habitants');
  });
});

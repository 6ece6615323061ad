import { describe, expect, it } from 'vitest';
import { quote, safeQuote } from '../../src/index.js';
import { adhesion } from '../helpers.js';

describe('secrétariat de mairie', () => {
  it.each([
    [2.5, '3', '900.00'],
    [1, '1', '300.00'],
    [0.25, '1', '300.00'],
    [3, '3', '900.00'],
    [3.01, '4', '1200.00'],
  ])('%s jour(s) : %s journée(s), %s €', (jours, quantite, montant) => {
    const ligne = quote(adhesion({ secretariatMairie: { jours } })).lignes[1]!;
    expect([ligne.quantite, ligne.montant]).toEqual([quantite, montant]);
  });

  it.each([0, -1, 367, Number.NaN, Number.POSITIVE_INFINITY])('refuse %s jour(s)', (jours) => {
    const r = safeQuote(adhesion({ secretariatMairie: { jours } }));
    expect(!r.success && r.issues[0]!.path).toEqual(['prestations', 'secretariatMairie', 'jours']);
  });
});

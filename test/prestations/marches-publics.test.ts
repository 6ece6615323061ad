import { describe, expect, it } from 'vitest';
import { quote, safeQuote } from '../../src/index.js';
import { adhesion } from '../helpers.js';

describe('marchés publics', () => {
  it('50 € par accès, 32 € par mise en ligne assistée', () => {
    const lignes = quote(adhesion({ marchesPublics: { acces: 3, misesEnLigneAssistees: 2 } })).lignes.slice(1);
    expect(lignes.map((l) => [l.composante, l.quantite, l.prixUnitaire, l.montant])).toEqual([
      ['acces', '3', '50.00', '150.00'],
      ['miseEnLigneAssistee', '2', '32.00', '64.00'],
    ]);
    expect(lignes[1]!.detail).toBe('2 mises en ligne assistées × 32,00 € = 64,00 €');
  });

  it('sans mise en ligne assistée : une seule ligne', () => {
    expect(quote(adhesion({ marchesPublics: { acces: 1, misesEnLigneAssistees: 0 } })).lignes.slice(1).map((l) => l.montant)).toEqual([
      '50.00',
    ]);
  });

  it('exige au moins un accès', () => {
    const r = safeQuote(adhesion({ marchesPublics: { acces: 0 } }));
    expect(!r.success && r.issues.map((i) => i.code)).toEqual(['VALEUR_HORS_LIMITES']);
    const s = safeQuote(adhesion({ marchesPublics: {} }));
    expect(!s.success && s.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['CHAMP_MANQUANT', 'prestations.marchesPublics.acces'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { pricePrestation, safePricePrestation } from '../src/index.js';
import { catalogueTest } from './helpers.js';

describe('pricePrestation', () => {
  it('chiffre une prestation seule, sans maintenance de base', () => {
    const p = pricePrestation('marchesPublics', { acces: 2, misesEnLigneAssistees: 1 });
    expect([p.prestation, p.total, p.lignes.length]).toEqual(['marchesPublics', '132.00', 2]);
  });

  it('utilise la population du contexte pour la sauvegarde', () => {
    expect(pricePrestation('sauvegarde', { quotaGo: 100 }, { collectivite: { population: 1500 }, catalogue: catalogueTest }).total).toBe('200.00');
    const r = safePricePrestation('sauvegarde', { quotaGo: 100 }, { catalogue: catalogueTest });
    expect(!r.success && r.issues.map((i) => i.code)).toEqual(['POPULATION_REQUISE']);
  });

  it('refuse une prestation inconnue, des paramètres ou un contexte invalides — tous à la fois', () => {
    const r = safePricePrestation('inconnue' as never, {});
    expect(!r.success && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['VALEUR_NON_ADMISE', 'prestation']]);
    const s = safePricePrestation('secretariatMairie', { jours: -1 }, { collectivite: { siren: '1' } });
    expect(!s.success && s.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['VALEUR_HORS_LIMITES', 'prestations.secretariatMairie.jours'],
      ['SIREN_INVALIDE', 'collectivite.siren'],
    ]);
  });

  it('refuse un montant non publié', () => {
    expect(() => pricePrestation('comedec', {})).toThrow(/TARIF_NON_PUBLIE/);
  });
});

import { describe, expect, it } from 'vitest';
import { quote, safeQuote } from '../../src/index.js';
import { adhesion, catalogueTest, commune } from '../helpers.js';

describe('sauvegarde', () => {
  it('montant de la case strate × quota', () => {
    const ligne = quote(adhesion({ sauvegarde: { quotaGo: 100 } }, { ...commune, population: 1500 }), { catalogue: catalogueTest }).lignes[1]!;
    expect([ligne.montant, ligne.detail]).toEqual(['200.00', 'Strate de 1 000 à 9 999 habitants, quota 100 Go : 200,00 €']);
  });

  it('les bornes des strates sont comprises', () => {
    const at = (population: number) =>
      quote(adhesion({ sauvegarde: { quotaGo: 50 } }, { ...commune, population }), { catalogue: catalogueTest }).lignes[1]!.montant;
    expect([at(0), at(999), at(1000), at(9999), at(10000)]).toEqual(['80.00', '80.00', '150.00', '150.00', '300.00']);
  });

  it('refuse un quota que la grille ne propose pas, en listant les quotas possibles', () => {
    const r = safeQuote(adhesion({ sauvegarde: { quotaGo: 75 } }), { catalogue: catalogueTest });
    expect(!r.success && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['QUOTA_INCONNU', 'prestations.sauvegarde.quotaGo'],
    ]);
    expect(!r.success && r.issues[0]!.message).toContain('50 Go, 100 Go, 200 Go');
  });

  it('exige la population', () => {
    const { population: _, ...sansPopulation } = commune;
    const r = safeQuote(adhesion({ sauvegarde: { quotaGo: 50 } }, sansPopulation), { catalogue: catalogueTest });
    expect(!r.success && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['POPULATION_REQUISE', 'collectivite.population']]);
  });

  it('grille non publiée en 2026 : TARIF_NON_PUBLIE', () => {
    const r = safeQuote(adhesion({ sauvegarde: { quotaGo: 50 } }));
    expect(!r.success && r.issues.map((i) => i.code)).toEqual(['TARIF_NON_PUBLIE']);
  });
});

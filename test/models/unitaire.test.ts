import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Unite } from '../../src/core/shapes.js';
import type { Chiffrage, ModelProblem } from '../../src/models/define.js';
import { modelOf } from '../../src/models/registry.js';
import { unitaire } from '../../src/models/unitaire.js';
import { describeCalcul } from '../../src/wording/terms.js';

const jour: Unite = { un: 'journée', plusieurs: 'journées' };
const acces: Unite = { un: 'accès', plusieurs: 'accès' };

function chiffrage(r: Chiffrage | ModelProblem): Chiffrage {
  if ('kind' in r) expect.fail(`chiffrage attendu, problème reçu : ${JSON.stringify(r)}`);
  return r;
}

function chiffrer(prixUnitaire: string, quantite: number, unite: Unite, arrondiQuantite: 'aucun' | 'entierSuperieur'): Chiffrage {
  return chiffrage(unitaire.chiffrer({ prixUnitaire, unite, arrondiQuantite }, { quantite, population: 0, quotaGo: 0 }));
}

describe('modèle prix unitaire', () => {
  it('est déclaré dans le registre sous son nom et lit la quantité', () => {
    expect(modelOf('unitaire')).toBe(unitaire);
    expect(unitaire.mesures).toEqual(['quantite']);
  });

  it('multiplie le prix par le nombre d’unités', () => {
    const p = chiffrer('50.00', 3, acces, 'aucun');
    expect(p.montant.toFixed(2)).toBe('150.00');
    expect(p.quantite.toString()).toBe('3');
    expect(p.prixUnitaire.toFixed(2)).toBe('50.00');
    expect(p.unite).toBe('accès');
    expect(p.calcul).toEqual({ type: 'produit', quantite: '3', unite: acces, prixUnitaire: '50.00', montant: '150.00' });
    expect(describeCalcul(p.calcul)).toBe('3 accès × 50,00 € = 150,00 €');
  });

  it('facture toute unité commencée avec entierSuperieur, et dit la quantité demandée', () => {
    const p = chiffrer('300.00', 2.5, jour, 'entierSuperieur');
    expect(p.quantite.toString()).toBe('3');
    expect(p.montant.toFixed(2)).toBe('900.00');
    expect(p.calcul).toMatchObject({ quantite: '3', demandee: '2.5' });
    expect(describeCalcul(p.calcul)).toBe("3 journées (quantité demandée : 2,5, arrondie à l'unité supérieure) × 300,00 € = 900,00 €");

    const petit = chiffrer('300.00', 0.1, jour, 'entierSuperieur');
    expect(petit.montant.toFixed(2)).toBe('300.00');
    expect(describeCalcul(petit.calcul)).toBe("1 journée (quantité demandée : 0,1, arrondie à l'unité supérieure) × 300,00 € = 300,00 €");
  });

  it('ne mentionne pas d’arrondi quand la quantité est déjà entière', () => {
    const p = chiffrer('300.00', 3, jour, 'entierSuperieur');
    expect(p.calcul).not.toHaveProperty('demandee');
    expect(describeCalcul(p.calcul)).toBe('3 journées × 300,00 € = 900,00 €');
  });

  it('sans arrondi, garde une quantité fractionnaire', () => {
    const p = chiffrer('300.00', 2.5, jour, 'aucun');
    expect(p.quantite.toString()).toBe('2.5');
    expect(p.montant.toFixed(2)).toBe('750.00');
    expect(describeCalcul(p.calcul)).toBe('2,5 journées × 300,00 € = 750,00 €');
  });

  it('accorde l’unité au singulier sous 2', () => {
    const p = chiffrer('300.00', 1, jour, 'aucun');
    expect(p.unite).toBe('journée');
    expect(describeCalcul(p.calcul)).toBe('1 journée × 300,00 € = 300,00 €');
    const demi = chiffrer('300.00', 1.5, jour, 'aucun');
    expect(demi.unite).toBe('journée');
    expect(describeCalcul(demi.calcul)).toBe('1,5 journée × 300,00 € = 450,00 €');
  });

  it('arrondit la ligne au centime, au demi supérieur, et écrit un prix à 4 décimales', () => {
    // 0,0125 × 2 = 0,025 → 0,03 (au demi pair, ce serait 0,02).
    const p = chiffrer('0.0125', 2, acces, 'aucun');
    expect(p.montant.toFixed(2)).toBe('0.03');
    expect(describeCalcul(p.calcul)).toBe('2 accès × 0,0125 € = 0,03 €');
    // 33,33 × 1,5 = 49,995 → 50,00.
    expect(chiffrer('33.33', 1.5, jour, 'aucun').montant.toFixed(2)).toBe('50.00');
  });

  it('propriété : avec entierSuperieur, le montant est le prix × l’entier supérieur', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 36600 }), (centiemes) => {
        const jours = centiemes / 100;
        const entier = Math.ceil(centiemes / 100);
        const p = chiffrer('300.00', jours, jour, 'entierSuperieur');
        expect(p.quantite.toString()).toBe(String(entier));
        expect(p.montant.toFixed(2)).toBe(new Decimal('300.00').times(entier).toFixed(2));
      }),
      { numRuns: 200 },
    );
  });

  it('propriété : sans arrondi, le montant est prix × quantité arrondi au centime, au demi supérieur', () => {
    const prixArb = fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 9_999 })).map(([e, d]) => `${e}.${String(d).padStart(4, '0')}`);
    fc.assert(
      fc.property(prixArb, fc.integer({ min: 1, max: 100_000 }), (prix, unites) => {
        const p = chiffrer(prix, unites, acces, 'aucun');
        expect(p.montant.toFixed(2)).toBe(new Decimal(prix).times(unites).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
      }),
      { numRuns: 200 },
    );
  });
});

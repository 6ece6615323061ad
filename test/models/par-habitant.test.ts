import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelFinding } from '../../src/models/bands.js';
import type { Chiffrage, ModelProblem } from '../../src/models/define.js';
import { parHabitant } from '../../src/models/par-habitant.js';
import { FAMILIES, modelOf } from '../../src/models/registry.js';
import { describeCalcul } from '../../src/wording/terms.js';

interface Tarif {
  prixParHabitant: string;
  plancher?: string;
  plafond?: string;
}

const DPO: Tarif = { prixParHabitant: '0.045', plancher: '50.00', plafond: '800.00' };

function chiffrer(tarif: Tarif, population: number): Chiffrage {
  const r: Chiffrage | ModelProblem = parHabitant.chiffrer(tarif, { quantite: 0, population, quotaGo: 0 });
  if ('kind' in r) expect.fail(`chiffrage attendu, problème reçu : ${JSON.stringify(r)}`);
  return r;
}

function verifier(tarif: { prixParHabitant: string | null; plancher?: string; plafond?: string }): ModelFinding[] {
  const found: ModelFinding[] = [];
  parHabitant.verifier!(tarif, ['prestations', 'dpo', 'composantes', 'abonnement'], (f) => found.push(f));
  return found;
}

describe('modèle prix par habitant', () => {
  it('est déclaré dans le registre, lit la population, et fait partie des forfaits par adhérent', () => {
    expect(modelOf('parHabitant')).toBe(parHabitant);
    expect(parHabitant.mesures).toEqual(['population']);
    expect(FAMILIES.forfaitAdherent).toContain('parHabitant');
    expect(FAMILIES.forfaitFixe).not.toContain('parHabitant');
  });

  it('plancher appliqué : 850 hab. × 0,045 € = 38,25 €, relevé à 50,00 €', () => {
    const p = chiffrer(DPO, 850);
    expect(p.montant.toFixed(2)).toBe('50.00');
    expect(p.quantite.toString()).toBe('850');
    expect(p.unite).toBe('habitants');
    expect(p.prixUnitaire.toString()).toBe('0.045');
    expect(p.calcul).toEqual({
      type: 'proportionnel',
      population: 850,
      prixParHabitant: '0.045',
      brut: '38.25',
      plancher: '50.00',
      plafond: '800.00',
      retenu: 'plancher',
      montant: '50.00',
    });
    expect(describeCalcul(p.calcul)).toBe('850 habitants × 0,045 € = 38,25 €, relevé au plancher de 50,00 €');
  });

  it('plafond appliqué : 20 000 hab. × 0,045 € = 900,00 €, ramené à 800,00 €', () => {
    const p = chiffrer(DPO, 20_000);
    expect(p.montant.toFixed(2)).toBe('800.00');
    expect(p.calcul).toMatchObject({ brut: '900.00', retenu: 'plafond', montant: '800.00' });
    expect(describeCalcul(p.calcul)).toBe('20 000 habitants × 0,045 € = 900,00 €, ramené au plafond de 800,00 €');
  });

  it('ni plancher ni plafond atteint : le calcul est retenu', () => {
    const p = chiffrer(DPO, 5_000);
    expect(p.montant.toFixed(2)).toBe('225.00');
    expect(p.calcul).toMatchObject({ brut: '225.00', retenu: 'calcul', montant: '225.00' });
    expect(describeCalcul(p.calcul)).toBe('5 000 habitants × 0,045 € = 225,00 €');
  });

  it('aux bornes exactes, le calcul est retenu (ni relevé ni ramené)', () => {
    const t: Tarif = { prixParHabitant: '0.05', plancher: '50.00', plafond: '800.00' };
    expect(chiffrer(t, 1_000).calcul).toMatchObject({ brut: '50.00', retenu: 'calcul', montant: '50.00' });
    expect(chiffrer(t, 16_000).calcul).toMatchObject({ brut: '800.00', retenu: 'calcul', montant: '800.00' });
    expect(chiffrer(t, 999).calcul).toMatchObject({ brut: '49.95', retenu: 'plancher', montant: '50.00' });
    expect(chiffrer(t, 16_001).calcul).toMatchObject({ brut: '800.05', retenu: 'plafond', montant: '800.00' });
  });

  it('plancher seul : relevé en dessous, jamais plafonné au-dessus', () => {
    const t: Tarif = { prixParHabitant: '0.045', plancher: '50.00' };
    const petit = chiffrer(t, 100);
    expect(petit.montant.toFixed(2)).toBe('50.00');
    expect(petit.calcul).not.toHaveProperty('plafond');
    expect(describeCalcul(petit.calcul)).toBe('100 habitants × 0,045 € = 4,50 €, relevé au plancher de 50,00 €');
    const grand = chiffrer(t, 100_000);
    expect(grand.montant.toFixed(2)).toBe('4500.00');
    expect(describeCalcul(grand.calcul)).toBe('100 000 habitants × 0,045 € = 4 500,00 €');
  });

  it('plafond seul : ramené au-dessus, jamais relevé en dessous', () => {
    const t: Tarif = { prixParHabitant: '0.045', plafond: '800.00' };
    const petit = chiffrer(t, 10);
    expect(petit.montant.toFixed(2)).toBe('0.45');
    expect(petit.calcul).not.toHaveProperty('plancher');
    expect(describeCalcul(petit.calcul)).toBe('10 habitants × 0,045 € = 0,45 €');
    const grand = chiffrer(t, 20_000);
    expect(grand.montant.toFixed(2)).toBe('800.00');
    expect(describeCalcul(grand.calcul)).toBe('20 000 habitants × 0,045 € = 900,00 €, ramené au plafond de 800,00 €');
  });

  it('sans plancher ni plafond : population × prix', () => {
    const p = chiffrer({ prixParHabitant: '1.5' }, 2);
    expect(p.montant.toFixed(2)).toBe('3.00');
    expect(p.calcul).toEqual({ type: 'proportionnel', population: 2, prixParHabitant: '1.5', brut: '3.00', retenu: 'calcul', montant: '3.00' });
    expect(describeCalcul(p.calcul)).toBe('2 habitants × 1,50 € = 3,00 €');
  });

  it('un prix à 4 décimales est écrit tel quel', () => {
    const p = chiffrer({ prixParHabitant: '0.0125' }, 1_234);
    // 1 234 × 0,0125 = 15,425 → 15,43.
    expect(p.montant.toFixed(2)).toBe('15.43');
    expect(describeCalcul(p.calcul)).toBe('1 234 habitants × 0,0125 € = 15,43 €');
  });

  it('arrondit la ligne au centime, au demi supérieur (un produit en …5 à la troisième décimale)', () => {
    // 101 × 0,045 = 4,545 → 4,55 (au demi pair ou au demi inférieur, ce serait 4,54).
    expect(chiffrer({ prixParHabitant: '0.045' }, 101).montant.toFixed(2)).toBe('4.55');
    // 2 × 0,0125 = 0,025 → 0,03.
    expect(chiffrer({ prixParHabitant: '0.0125' }, 2).montant.toFixed(2)).toBe('0.03');
    // 3 × 0,0005 = 0,0015 → 0,00 (moins d'un demi-centime).
    expect(chiffrer({ prixParHabitant: '0.0005' }, 3).montant.toFixed(2)).toBe('0.00');
  });

  it('arrondit avant de comparer au plancher : 4,545 → 4,55 n’est pas sous un plancher de 4,55', () => {
    const p = chiffrer({ prixParHabitant: '0.045', plancher: '4.55' }, 101);
    expect(p.calcul).toMatchObject({ brut: '4.55', retenu: 'calcul', montant: '4.55' });
    expect(describeCalcul(p.calcul)).toBe('101 habitants × 0,045 € = 4,55 €');
  });

  it('population 0 : « 0 habitant », relevé au plancher s’il y en a un', () => {
    const p = chiffrer(DPO, 0);
    expect(p.unite).toBe('habitant');
    expect(p.montant.toFixed(2)).toBe('50.00');
    expect(describeCalcul(p.calcul)).toBe('0 habitant × 0,045 € = 0,00 €, relevé au plancher de 50,00 €');
    const sans = chiffrer({ prixParHabitant: '0.045' }, 0);
    expect(sans.montant.toFixed(2)).toBe('0.00');
    expect(describeCalcul(sans.calcul)).toBe('0 habitant × 0,045 € = 0,00 €');
  });

  it('population 1 : « 1 habitant », 0,045 € arrondi à 0,05 €', () => {
    const p = chiffrer({ prixParHabitant: '0.045' }, 1);
    expect(p.unite).toBe('habitant');
    expect(p.quantite.toString()).toBe('1');
    expect(p.montant.toFixed(2)).toBe('0.05');
    expect(describeCalcul(p.calcul)).toBe('1 habitant × 0,045 € = 0,05 €');
  });

  it('reste exact sur les plus grandes valeurs', () => {
    const p = chiffrer({ prixParHabitant: '999999999.9999' }, 100_000_000);
    expect(p.montant.toFixed(2)).toBe('99999999999990000.00');
  });

  it('mémorise par population', () => {
    const cle = (population: number) => parHabitant.cle!(DPO, { quantite: 0, population, quotaGo: 0 });
    expect(cle(850)).not.toBe(cle(851));
    expect(cle(850)).toBe(cle(850));
  });

  it('propriété : montant = arrondi au demi supérieur de population × prix, ramené dans [plancher, plafond]', () => {
    const amount = fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 99 })).map(([e, c]) => `${e}.${String(c).padStart(2, '0')}`);
    const prix = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 9_999 })).map(([e, d]) => `${e}.${String(d).padStart(4, '0')}`);
    const arb = fc.record({
      prix,
      population: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 100_000_000 })),
      bornes: fc.tuple(fc.option(amount, { nil: undefined }), fc.option(amount, { nil: undefined })),
    });
    fc.assert(
      fc.property(arb, ({ prix, population, bornes: [x, y] }) => {
        // Plancher ≤ plafond : sinon le catalogue serait refusé (BORNES_INVERSEES).
        const [plancher, plafond] = x !== undefined && y !== undefined && new Decimal(y).lt(x) ? [y, x] : [x, y];
        const tarif: Tarif = { prixParHabitant: prix, ...(plancher === undefined ? {} : { plancher }), ...(plafond === undefined ? {} : { plafond }) };
        const brut = new Decimal(population).times(prix).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        let attendu = brut;
        if (plancher !== undefined && attendu.lt(plancher)) attendu = new Decimal(plancher);
        else if (plafond !== undefined && attendu.gt(plafond)) attendu = new Decimal(plafond);
        const p = chiffrer(tarif, population);
        expect(p.montant.toFixed(2)).toBe(attendu.toFixed(2));
        expect(p.calcul).toMatchObject({ brut: brut.toFixed(2), montant: attendu.toFixed(2) });
      }),
      { numRuns: 200 },
    );
  });

  describe('vérification : bornes inversées (BORNES_INVERSEES)', () => {
    it('signale un plafond inférieur au plancher, en erreur', () => {
      expect(verifier({ prixParHabitant: '0.045', plancher: '800.00', plafond: '50.00' })).toEqual([
        {
          code: 'BORNES_INVERSEES',
          niveau: 'erreur',
          path: ['prestations', 'dpo', 'composantes', 'abonnement', 'plafond'],
          message: 'Le plafond (50.00) est inférieur au plancher (800.00).',
          chiffres: { plancher: '800.00', plafond: '50.00', objet: 'plancherPlafond' },
        },
      ]);
    });

    it('compare en décimal, pas en texte : 9,00 < 10,00', () => {
      expect(verifier({ prixParHabitant: '0.045', plancher: '10.00', plafond: '9.00' }).map((f) => f.code)).toEqual(['BORNES_INVERSEES']);
      expect(verifier({ prixParHabitant: '0.045', plancher: '9.00', plafond: '10.00' })).toEqual([]);
    });

    it('la vérifie aussi quand le prix n’est pas publié', () => {
      expect(verifier({ prixParHabitant: null, plancher: '800.00', plafond: '50.00' }).map((f) => f.code)).toEqual(['BORNES_INVERSEES']);
    });

    it('ne dit rien de bornes égales, dans l’ordre, ou d’une borne seule', () => {
      expect(verifier({ prixParHabitant: '0.045', plancher: '50.00', plafond: '50.00' })).toEqual([]);
      expect(verifier(DPO)).toEqual([]);
      expect(verifier({ prixParHabitant: '0.045', plancher: '800.00' })).toEqual([]);
      expect(verifier({ prixParHabitant: '0.045', plafond: '50.00' })).toEqual([]);
      expect(verifier({ prixParHabitant: '0.045' })).toEqual([]);
    });
  });
});

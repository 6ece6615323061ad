import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue2026 } from '../../src/index.js';
import type { Palier, Unite } from '../../src/core/shapes.js';
import type { ModelFinding } from '../../src/models/bands.js';
import { coefficientParPalier } from '../../src/models/coefficient-par-palier.js';
import type { Chiffrage, ModelProblem } from '../../src/models/define.js';
import { modelOf } from '../../src/models/registry.js';
import { describeCalcul } from '../../src/wording/terms.js';

const part1 = catalogue2026.prestations.maintenanceBase.composantes.postes;
if (part1.modele !== 'coefficientParPalier' || part1.prixUnitaire === null) throw new Error('catalogue inattendu');
const poste: Unite = { un: 'poste', plusieurs: 'postes' };

/** Le barème publié 2026, recopié ici : 1–2 postes × 1 ; 3–5 × 0,9 ; 6–15 × 0,7 ; 16 et plus × 0,65. */
function coefficient2026(postes: number): string {
  if (postes <= 2) return '1';
  if (postes <= 5) return '0.9';
  if (postes <= 15) return '0.7';
  return '0.65';
}

function resultat(prixUnitaire: string, paliers: readonly Palier[], unites: number): Chiffrage | ModelProblem {
  return coefficientParPalier.chiffrer({ prixUnitaire, paliers, unite: poste }, { quantite: unites, population: 0, quotaGo: 0 });
}

function chiffrer(prixUnitaire: string, paliers: readonly Palier[], unites: number): Chiffrage {
  const r = resultat(prixUnitaire, paliers, unites);
  if ('kind' in r) expect.fail(`chiffrage attendu, problème reçu : ${JSON.stringify(r)}`);
  return r;
}

function verifier(prixUnitaire: string | null, paliers: readonly Palier[]): ModelFinding[] {
  const found: ModelFinding[] = [];
  coefficientParPalier.verifier!({ prixUnitaire, paliers, unite: poste }, ['prestations', 'maintenanceBase', 'composantes', 'postes'], (f) => found.push(f));
  return found;
}

describe('modèle coefficient par palier', () => {
  it('est déclaré dans le registre sous son nom et lit la quantité', () => {
    expect(modelOf('coefficientParPalier')).toBe(coefficientParPalier);
    expect(coefficientParPalier.mesures).toEqual(['quantite']);
  });

  it.each([
    [1, '1', '574.88'],
    [2, '1', '1149.76'],
    [3, '0.9', '1552.18'],
    [4, '0.9', '2069.57'],
    [5, '0.9', '2586.96'],
    [6, '0.7', '2414.50'],
    [15, '0.7', '6036.24'],
    [16, '0.65', '5978.75'],
    [40, '0.65', '14946.88'],
  ])('%i postes : coefficient %s, %s €', (postes, coefficient, montant) => {
    const p = chiffrer(part1.prixUnitaire!, part1.paliers, postes);
    expect(p.calcul).toMatchObject({ type: 'pondere', coefficient, unites: String(postes) });
    expect(p.montant.toFixed(2)).toBe(montant);
  });

  it('écrit le calcul en français', () => {
    const p = chiffrer('574.88', part1.paliers, 4);
    expect(p.quantite.toString()).toBe('3.6');
    // L'unité s'accorde : pluriel à partir de 2 (« 3,6 postes pondérés »), singulier en dessous.
    expect(p.unite).toBe('postes pondérés');
    expect(chiffrer('574.88', part1.paliers, 1).unite).toBe('poste pondéré');
    expect(chiffrer('574.88', part1.paliers, 2).unite).toBe('postes pondérés');
    expect(describeCalcul(p.calcul, { insecable: true })).toBe('574,88\u00a0€ × (4\u00a0postes × 0,9) = 2\u00a0069,57\u00a0€');
    expect(p.prixUnitaire.toFixed(2)).toBe('574.88');
    expect(describeCalcul(p.calcul)).toBe('574,88 € × (4 postes × 0,9) = 2 069,57 €');
    expect(describeCalcul(chiffrer('574.88', part1.paliers, 1).calcul)).toBe('574,88 € × (1 poste × 1) = 574,88 €');
    expect(describeCalcul(chiffrer('574.88', part1.paliers, 1200).calcul)).toBe('574,88 € × (1 200 postes × 0,65) = 448 406,40 €');
  });

  it('rend un problème « palier » hors de tout palier', () => {
    const seul = [{ de: 1, a: 2, coefficient: '1' }];
    expect(resultat('10.00', seul, 3)).toEqual({ kind: 'palier', unites: 3 });
    expect(resultat('10.00', seul, 0)).toEqual({ kind: 'palier', unites: 0 });
  });

  it('trouve le palier même si les paliers sont donnés dans le désordre', () => {
    const desordre = [
      { de: 11, a: null, coefficient: '0.5' },
      { de: 1, a: 10, coefficient: '1' },
    ];
    expect(chiffrer('10.00', desordre, 10).montant.toFixed(2)).toBe('100.00');
    expect(chiffrer('10.00', desordre, 11).montant.toFixed(2)).toBe('55.00');
  });

  it('propriété : le coefficient du palier s’applique à tous les postes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (postes) => {
        const coefficient = coefficient2026(postes);
        const p = chiffrer('574.88', part1.paliers, postes);
        expect(p.quantite.toString()).toBe(new Decimal(postes).times(coefficient).toString());
        expect(p.montant.toFixed(2)).toBe(new Decimal('574.88').times(postes).times(coefficient).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
      }),
      { numRuns: 200 },
    );
  });

  describe('vérification : seuils où une unité de plus coûte moins (BAISSE_AU_SEUIL)', () => {
    it('signale les deux baisses du barème 2026, en euros quand le prix est publié', () => {
      const found = verifier('574.88', part1.paliers);
      expect(found).toEqual([
        {
          code: 'BAISSE_AU_SEUIL',
          niveau: 'avertissement',
          path: ['prestations', 'maintenanceBase', 'composantes', 'postes', 'paliers', 2],
          message: '6 postes coûtent moins que 5 : 2 414,50 € au lieu de 2 586,96 €.',
          chiffres: { avant: 5, apres: 6, montantAvant: '2586.96', montantApres: '2414.50', forme: 'bareme', unites: 'postes', mesure: 'euros' },
        },
        {
          code: 'BAISSE_AU_SEUIL',
          niveau: 'avertissement',
          path: ['prestations', 'maintenanceBase', 'composantes', 'postes', 'paliers', 3],
          message: '16 postes coûtent moins que 15 : 5 978,75 € au lieu de 6 036,24 €.',
          chiffres: { avant: 15, apres: 16, montantAvant: '6036.24', montantApres: '5978.75', forme: 'bareme', unites: 'postes', mesure: 'euros' },
        },
      ]);
    });

    it('sans prix publié, compare les postes pondérés', () => {
      const found = verifier(null, part1.paliers);
      expect(found.map((f) => f.message)).toEqual([
        '6 postes coûtent moins que 5 : 4,2 postes pondérés au lieu de 4,5 postes pondérés.',
        '16 postes coûtent moins que 15 : 10,4 postes pondérés au lieu de 10,5 postes pondérés.',
      ]);
    });

    it('ne dit rien d’un barème qui ne baisse jamais', () => {
      const croissant = [
        { de: 1, a: 4, coefficient: '1' },
        { de: 5, a: null, coefficient: '0.8' },
      ];
      // 4 × 1 = 4 ; 5 × 0,8 = 4 : égal, pas moins.
      expect(verifier('100.00', croissant)).toEqual([]);
      expect(verifier('100.00', [{ de: 1, a: null, coefficient: '1' }])).toEqual([]);
    });
  });
});

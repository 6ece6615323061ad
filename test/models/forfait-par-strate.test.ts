import { describe, expect, it } from 'vitest';
import type { StrateForfait } from '../../src/core/shapes.js';
import type { ModelFinding } from '../../src/models/bands.js';
import type { Chiffrage, ModelProblem } from '../../src/models/define.js';
import { forfaitParStrate } from '../../src/models/forfait-par-strate.js';
import { FAMILIES, modelOf } from '../../src/models/registry.js';
import { describeCalcul } from '../../src/wording/terms.js';

const STRATES: StrateForfait[] = [
  { de: 0, a: 499, montant: '120.00' },
  { de: 500, a: 1999, montant: '240.00' },
  { de: 2000, a: null, montant: '360.5' },
];

function resultat(strates: readonly StrateForfait[], population: number): Chiffrage | ModelProblem {
  return forfaitParStrate.chiffrer({ strates }, { quantite: 0, population, quotaGo: 0 });
}

function chiffrer(strates: readonly StrateForfait[], population: number): Chiffrage {
  const r = resultat(strates, population);
  if ('kind' in r) expect.fail(`chiffrage attendu, problème reçu : ${JSON.stringify(r)}`);
  return r;
}

function verifier(strates: readonly StrateForfait[] | null): ModelFinding[] {
  const found: ModelFinding[] = [];
  forfaitParStrate.verifier!({ strates }, ['prestations', 'dpo', 'composantes', 'abonnement'], (f) => found.push(f));
  return found;
}

describe('modèle forfait par strate de population', () => {
  it('est déclaré dans le registre, lit la population, et fait partie des forfaits par adhérent', () => {
    expect(modelOf('forfaitParStrate')).toBe(forfaitParStrate);
    expect(forfaitParStrate.mesures).toEqual(['population']);
    expect(FAMILIES.forfaitAdherent).toContain('forfaitParStrate');
    expect(FAMILIES.forfaitFixe).not.toContain('forfaitParStrate');
  });

  it('rend le montant de la strate de la collectivité, quantité 1, et l’écrit en français', () => {
    const p = chiffrer(STRATES, 850);
    expect(p.montant.toFixed(2)).toBe('240.00');
    expect(p.quantite.toString()).toBe('1');
    expect(p.unite).toBe('forfait');
    expect(p.prixUnitaire.toFixed(2)).toBe('240.00');
    expect(p.calcul).toEqual({ type: 'parStrate', strate: { de: 500, a: 1999 }, population: 850, montant: '240.00' });
    expect(describeCalcul(p.calcul)).toBe('Strate de 500 à 1 999 habitants (850 habitants) : 240,00 €');
  });

  it.each([
    [0, '120.00'],
    [499, '120.00'],
    [500, '240.00'],
    [1999, '240.00'],
    [2000, '360.50'],
    [100_000_000, '360.50'],
  ])('aux bords des strates : %i habitants → %s €', (population, montant) => {
    expect(chiffrer(STRATES, population).montant.toFixed(2)).toBe(montant);
  });

  it('écrit la dernière strate « à partir de », avec deux décimales et les milliers groupés', () => {
    const p = chiffrer(STRATES, 2000);
    expect(p.calcul).toEqual({ type: 'parStrate', strate: { de: 2000, a: null }, population: 2000, montant: '360.50' });
    expect(describeCalcul(p.calcul)).toBe('Strate à partir de 2 000 habitants (2 000 habitants) : 360,50 €');
  });

  it('accorde « habitant » au singulier pour 0 et 1 habitant', () => {
    expect(describeCalcul(chiffrer(STRATES, 1).calcul)).toBe('Strate de 0 à 499 habitants (1 habitant) : 120,00 €');
    expect(describeCalcul(chiffrer(STRATES, 0).calcul)).toBe('Strate de 0 à 499 habitants (0 habitant) : 120,00 €');
  });

  it('trouve la strate même si les strates sont données dans le désordre', () => {
    const desordre = [STRATES[2]!, STRATES[0]!, STRATES[1]!];
    expect(chiffrer(desordre, 499).montant.toFixed(2)).toBe('120.00');
    expect(chiffrer(desordre, 500).montant.toFixed(2)).toBe('240.00');
    expect(chiffrer(desordre, 2000).montant.toFixed(2)).toBe('360.50');
  });

  it('une seule strate couvre toutes les populations', () => {
    const une: StrateForfait[] = [{ de: 0, a: null, montant: '99.99' }];
    expect(chiffrer(une, 0).montant.toFixed(2)).toBe('99.99');
    expect(chiffrer(une, 100_000_000).montant.toFixed(2)).toBe('99.99');
  });

  it('rend un problème « strate » hors de toute strate (avant la première, dans une lacune, après la dernière)', () => {
    const avant: StrateForfait[] = [{ de: 100, a: null, montant: '10.00' }];
    expect(resultat(avant, 99)).toEqual({ kind: 'strate', population: 99, strates: avant });
    const lacune: StrateForfait[] = [
      { de: 0, a: 99, montant: '10.00' },
      { de: 200, a: null, montant: '20.00' },
    ];
    expect(resultat(lacune, 150)).toEqual({ kind: 'strate', population: 150, strates: lacune });
    expect(resultat(lacune, 100)).toEqual({ kind: 'strate', population: 100, strates: lacune });
    expect(chiffrer(lacune, 200).montant.toFixed(2)).toBe('20.00');
    const borne: StrateForfait[] = [{ de: 0, a: 999, montant: '10.00' }];
    expect(resultat(borne, 1000)).toEqual({ kind: 'strate', population: 1000, strates: borne });
  });

  it('mémorise par strate : même clé dans une strate, clé différente d’une strate à l’autre', () => {
    const cle = (population: number) => forfaitParStrate.cle!({ strates: STRATES }, { quantite: 0, population, quotaGo: 0 });
    expect(cle(0)).toBe(cle(499));
    expect(cle(499)).not.toBe(cle(500));
    expect(cle(1999)).not.toBe(cle(2000));
  });

  describe('vérification : une strate plus peuplée qui paie moins (BAISSE_AU_SEUIL)', () => {
    it('ne dit rien de montants croissants ou égaux, ni de strates non publiées', () => {
      expect(verifier(STRATES)).toEqual([]);
      expect(
        verifier([
          { de: 0, a: 499, montant: '120.00' },
          { de: 500, a: null, montant: '120' },
        ]),
      ).toEqual([]);
      expect(verifier(null)).toEqual([]);
    });

    it('signale le seuil où le montant baisse', () => {
      const baisse: StrateForfait[] = [
        { de: 0, a: 499, montant: '240.00' },
        { de: 500, a: 1999, montant: '120.00' },
        { de: 2000, a: null, montant: '1200.00' },
      ];
      expect(verifier(baisse)).toEqual([
        {
          code: 'BAISSE_AU_SEUIL',
          niveau: 'avertissement',
          path: ['prestations', 'dpo', 'composantes', 'abonnement', 'strates', 1, 'montant'],
          message: '500 habitants paient 120,00 €, moins que 499 habitants (240,00 €).',
          chiffres: { avant: 499, apres: 500, montantAvant: '240.00', montantApres: '120.00', forme: 'strates' },
        },
      ]);
    });

    it('compare les strates dans l’ordre des populations, pas dans l’ordre donné, et en décimal', () => {
      const desordre: StrateForfait[] = [
        { de: 10000, a: null, montant: '9.5' },
        { de: 0, a: 9999, montant: '10.00' },
      ];
      const found = verifier(desordre);
      expect(found.map((f) => f.path)).toEqual([['prestations', 'dpo', 'composantes', 'abonnement', 'strates', 0, 'montant']]);
      expect(found[0]!.message).toBe('10 000 habitants paient 9,50 €, moins que 9 999 habitants (10,00 €).');
      expect(found[0]!.chiffres).toEqual({ avant: 9999, apres: 10000, montantAvant: '10.00', montantApres: '9.50', forme: 'strates' });
      // Dans l'ordre croissant des populations, sans baisse : rien, même si l'ordre donné est décroissant.
      expect(
        verifier([
          { de: 10000, a: null, montant: '10.00' },
          { de: 0, a: 9999, montant: '9.50' },
        ]),
      ).toEqual([]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Chiffrage, ModelProblem } from '../../src/models/define.js';
import { forfait } from '../../src/models/forfait.js';
import { modelOf } from '../../src/models/registry.js';
import { describeCalcul } from '../../src/wording/terms.js';

/** Des mesures quelconques : le forfait n'en lit aucune. */
const MESURES = { quantite: 7, population: 12_345, quotaGo: 100 };

function chiffrage(r: Chiffrage | ModelProblem): Chiffrage {
  if ('kind' in r) expect.fail(`chiffrage attendu, problème reçu : ${JSON.stringify(r)}`);
  return r;
}

function chiffrer(montant: string, mesures = MESURES): Chiffrage {
  return chiffrage(forfait.chiffrer({ montant }, mesures));
}

describe('modèle forfait', () => {
  it('est déclaré dans le registre sous son nom, sans mesure lue', () => {
    expect(modelOf('forfait')).toBe(forfait);
    expect(forfait.mesures).toEqual([]);
    expect(Object.keys(forfait.champs)).toEqual(['montant']);
  });

  it('rend le montant, quantité 1, et l’écrit en français', () => {
    const p = chiffrer('120.5');
    expect(p.montant.toFixed(2)).toBe('120.50');
    expect(p.quantite.toString()).toBe('1');
    expect(p.prixUnitaire.toFixed(2)).toBe('120.50');
    expect(p.unite).toBe('forfait');
    expect(p.calcul).toEqual({ type: 'fixe', montant: '120.50' });
    expect(describeCalcul(p.calcul)).toBe('Forfait : 120,50 €');
  });

  it('accepte un forfait nul', () => {
    const p = chiffrer('0');
    expect(p.montant.toFixed(2)).toBe('0.00');
    expect(describeCalcul(p.calcul)).toBe('Forfait : 0,00 €');
  });

  it('groupe les milliers d’un grand forfait', () => {
    const p = chiffrer('1234567.8');
    expect(p.montant.toFixed(2)).toBe('1234567.80');
    expect(describeCalcul(p.calcul)).toBe('Forfait : 1 234 567,80 €');
  });

  it('ne dépend d’aucune mesure : même montant et même clé quelles que soient quantité, population et quota', () => {
    const autres = { quantite: 1, population: 0, quotaGo: 50 };
    expect(chiffrer('400.00', autres).montant.toFixed(2)).toBe('400.00');
    expect(chiffrer('400.00').montant.toFixed(2)).toBe('400.00');
    expect(forfait.cle!({ montant: '400.00' }, autres)).toBe(forfait.cle!({ montant: '400.00' }, MESURES));
  });

  it('n’a pas de vérification de cohérence propre', () => {
    expect(forfait.verifier).toBeUndefined();
  });
});

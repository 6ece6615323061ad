import { describe, expect, it } from 'vitest';
import type { Grille } from '../../src/core/shapes.js';
import type { ModelFinding } from '../../src/models/bands.js';
import type { Chiffrage, ModelProblem } from '../../src/models/define.js';
import { grilleStrates } from '../../src/models/grille-strates.js';
import { modelOf } from '../../src/models/registry.js';
import { describeCalcul, formatBand } from '../../src/wording/terms.js';

const grille: Grille = {
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

function resultat(g: Grille, population: number, quotaGo: number): Chiffrage | ModelProblem {
  return grilleStrates.chiffrer({ grille: g }, { quantite: 0, population, quotaGo });
}

function chiffrer(g: Grille, population: number, quotaGo: number): Chiffrage {
  const r = resultat(g, population, quotaGo);
  if ('kind' in r) expect.fail(`chiffrage attendu, problème reçu : ${JSON.stringify(r)}`);
  return r;
}

function verifier(g: Grille | null): ModelFinding[] {
  const found: ModelFinding[] = [];
  grilleStrates.verifier!({ grille: g }, ['c'], (f) => found.push(f));
  return found;
}

describe('modèle grille strate × quota', () => {
  it('est déclaré dans le registre sous son nom et lit la population et le quota', () => {
    expect(modelOf('grilleStrates')).toBe(grilleStrates);
    expect(grilleStrates.mesures).toEqual(['population', 'quotaGo']);
  });

  it('prend la case de la strate et du quota', () => {
    const p = chiffrer(grille, 999, 50);
    expect(p.montant.toFixed(2)).toBe('80.00');
    expect(p.quantite.toString()).toBe('1');
    expect(p.unite).toBe('forfait');
    expect(p.prixUnitaire.toFixed(2)).toBe('80.00');
    expect(describeCalcul(p.calcul)).toBe('Strate de 0 à 999 habitants, quota 50 Go : 80,00 €');
    const q = chiffrer(grille, 1000, 100);
    expect(q.montant.toFixed(2)).toBe('200.00');
    expect(q.calcul).toEqual({ type: 'case', strate: { de: 1000, a: null }, quotaGo: 100, montant: '200.00' });
    expect(describeCalcul(q.calcul)).toBe('Strate à partir de 1 000 habitants, quota 100 Go : 200,00 €');
  });

  it('aux bords des strates : 0 et 999 dans la première, 1 000 et au-delà dans la seconde', () => {
    expect(chiffrer(grille, 0, 100).montant.toFixed(2)).toBe('120.00');
    expect(chiffrer(grille, 999, 100).montant.toFixed(2)).toBe('120.00');
    expect(chiffrer(grille, 1000, 50).montant.toFixed(2)).toBe('150.00');
    expect(chiffrer(grille, 100_000_000, 50).montant.toFixed(2)).toBe('150.00');
  });

  it('écrit une case de montant court avec deux décimales, et un grand quota groupé', () => {
    const g: Grille = { strates: [{ de: 0, a: null }], quotasGo: [1000], montants: [['1500.5']] };
    const p = chiffrer(g, 12, 1000);
    expect(p.montant.toFixed(2)).toBe('1500.50');
    expect(describeCalcul(p.calcul)).toBe('Strate à partir de 0 habitants, quota 1 000 Go : 1 500,50 €');
  });

  it('dit ce qui manque : quota absent de la grille', () => {
    expect(resultat(grille, 500, 75)).toEqual({ kind: 'quota', quotaGo: 75, quotasGo: [50, 100] });
    expect(grilleStrates.controler!({ grille }, { quotaGo: 75 })).toEqual([{ kind: 'quota', quotaGo: 75, quotasGo: [50, 100] }]);
    expect(grilleStrates.controler!({ grille }, { quotaGo: 50 })).toEqual([]);
    expect(grilleStrates.controler!({ grille }, {})).toEqual([]);
  });

  it('dit ce qui manque : population hors strates', () => {
    const trouee: Grille = { ...grille, strates: [{ de: 100, a: 999 }, { de: 1000, a: null }] };
    expect(resultat(trouee, 50, 50)).toEqual({ kind: 'strate', population: 50, strates: trouee.strates });
    // Quota et strate faux : le quota est dit d'abord.
    expect(resultat(trouee, 50, 75)).toEqual({ kind: 'quota', quotaGo: 75, quotasGo: [50, 100] });
  });

  it('mémorise par case : même clé dans une strate, clé différente pour une autre strate ou un autre quota', () => {
    const cle = (population: number, quotaGo: number) => grilleStrates.cle!({ grille }, { quantite: 0, population, quotaGo });
    expect(cle(0, 50)).toBe(cle(999, 50));
    expect(cle(999, 50)).not.toBe(cle(1000, 50));
    expect(cle(999, 50)).not.toBe(cle(999, 100));
  });

  it('écrit les strates en français', () => {
    expect(formatBand({ de: 1000, a: 4999 })).toBe('de 1 000 à 4 999 habitants');
    expect(formatBand({ de: 10000, a: null })).toBe('à partir de 10 000 habitants');
  });

  describe('vérification : seuils où l’on paie moins (BAISSE_AU_SEUIL)', () => {
    it('ne dit rien d’une grille croissante, ni d’une grille non publiée', () => {
      expect(verifier(grille)).toEqual([]);
      expect(verifier(null)).toEqual([]);
    });

    it('signale une case moins chère que celle de la strate précédente, au même quota', () => {
      const g: Grille = { ...grille, montants: [['80.00', '120.00'], ['70.00', '200.00']] };
      expect(verifier(g)).toEqual([
        {
          code: 'BAISSE_AU_SEUIL',
          niveau: 'avertissement',
          path: ['c', 'grille', 'montants', 1, 0],
          message: 'Quota 50 Go : 1 000 habitants paient 70,00 €, moins que 999 habitants (80,00 €).',
          chiffres: { quotaGo: 50, avant: 999, apres: 1000, montantAvant: '80.00', montantApres: '70.00', forme: 'grilleStrates' },
        },
      ]);
    });

    it('signale un quota plus grand moins cher dans une même strate', () => {
      const g: Grille = { ...grille, montants: [['80.00', '60.00'], ['150.00', '200.00']] };
      expect(verifier(g)).toEqual([
        {
          code: 'BAISSE_AU_SEUIL',
          niveau: 'avertissement',
          path: ['c', 'grille', 'montants', 0, 1],
          message: 'Strate à partir de 0 habitants : 100 Go coûtent 60,00 €, moins que 50 Go (80,00 €).',
          chiffres: { de: 0, quotaAvant: 50, quotaApres: 100, montantAvant: '80.00', montantApres: '60.00', forme: 'grilleQuotas' },
        },
      ]);
    });

    it('compare strates et quotas dans l’ordre croissant, même donnés dans le désordre', () => {
      const g: Grille = {
        strates: [{ de: 1000, a: null }, { de: 0, a: 999 }],
        quotasGo: [100, 50],
        montants: [
          ['200.00', '150.00'],
          ['120.00', '80.00'],
        ],
      };
      expect(verifier(g)).toEqual([]);
    });
  });
});

import { decimalOf, Dec } from '../money/decimal.js';
import { roundToCent } from '../money/round.js';
import type { Palier } from '../core/shapes.js';
import { findBand, finding } from './bands.js';
import { defineModel, type ComposanteOf } from './define.js';

function weighted(prix: string, paliers: readonly Palier[], unites: number): { quantite: Dec; montant: Dec; palier: Palier } | undefined {
  const palier = paliers[findBand(paliers, unites)];
  if (!palier) return undefined;
  const quantite = new Dec(unites).times(decimalOf(palier.coefficient));
  return { quantite, montant: roundToCent(decimalOf(prix).times(quantite)), palier };
}

/**
 * Modèle « prix unitaire × coefficient par palier » : le coefficient du palier atteint s'applique à
 * toutes les unités. Montant = prix × (unités × coefficient).
 *
 * @internal
 */
export const coefficientParPalier = /* @__PURE__ */ defineModel({
  nom: 'coefficientParPalier',
  libelle: 'prix unitaire × coefficient du palier atteint',
  champs: {
    unite: { kind: 'unite', libelle: "L'unité comptée" },
    prixUnitaire: { kind: 'prix', libelle: 'Prix unitaire', nullable: true },
    paliers: { kind: 'paliers', libelle: 'Paliers du barème' },
  },
  mesures: ['quantite'],
  cle: (_, m) => m.quantite,
  chiffrer: (t, m) => {
    const w = weighted(t.prixUnitaire, t.paliers, m.quantite);
    if (!w) return { kind: 'palier', unites: m.quantite };
    return {
      quantite: w.quantite,
      // Accordée comme toute quantité : « 1,8 poste pondéré », « 3,6 postes pondérés ».
      unite: w.quantite.gte(2) ? `${t.unite.plusieurs} pondérés` : `${t.unite.un} pondéré`,
      prixUnitaire: decimalOf(t.prixUnitaire),
      montant: w.montant,
      calcul: {
        type: 'pondere',
        unites: String(m.quantite),
        unite: t.unite,
        coefficient: w.palier.coefficient,
        prixUnitaire: t.prixUnitaire,
        montant: w.montant.toFixed(2),
      },
    };
  },
  // Chaque seuil où une unité de plus coûte moins ; sans prix publié, le barème se compare en
  // unités pondérées (unités × coefficient).
  verifier: (t, path, push) => {
    const paliers = t.paliers;
    const cost = (n: number): Dec | undefined => {
      const w = weighted(t.prixUnitaire ?? '1', paliers, n);
      return w && (t.prixUnitaire === null ? w.quantite : w.montant);
    };
    const finite = paliers.flatMap((p) => (p.a === null ? [p.de] : [p.a, p.de]));
    const end = Math.min(Math.max(1, ...finite) + 1, 100_000);
    let previous = cost(1);
    for (let n = 2; n <= end; n++) {
      const current = cost(n);
      if (previous && current && current.lt(previous)) {
        push(
          finding('BAISSE_AU_SEUIL', 'avertissement', [...path, 'paliers', findBand(paliers, n)], {
            avant: n - 1,
            apres: n,
            montantAvant: previous.toFixed(2),
            montantApres: current.toFixed(2),
            forme: 'bareme',
            unites: t.unite.plusieurs,
            mesure: t.prixUnitaire === null ? 'pondere' : 'euros',
          }),
        );
      }
      previous = current;
    }
  },
});

/**
 * Modèle « prix unitaire × coefficient par palier » : prix × (unités × coefficient du palier atteint).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c = catalogue2026.prestations.maintenanceBase.composantes.postes as ComposanteCoefficientParPalier;
 * c.paliers[1];
 * //=> { de: 3, a: 5, coefficient: '0.9' }
 * ```
 */
export type ComposanteCoefficientParPalier = ComposanteOf<typeof coefficientParPalier>;

import { decimalOf, Dec } from '../money/decimal.js';
import { roundToCent } from '../money/round.js';
import { finding } from './bands.js';
import { defineModel, type ComposanteOf } from './define.js';

/**
 * Modèle « prix par habitant » : population × prix par habitant (jusqu'à 4 décimales), la ligne
 * arrondie au centime, puis relevée au plancher ou ramenée au plafond s'ils sont fixés.
 *
 * @internal
 */
export const parHabitant = /* @__PURE__ */ defineModel({
  nom: 'parHabitant',
  libelle: 'prix par habitant (plancher et plafond facultatifs)',
  champs: {
    prixParHabitant: { kind: 'prix', libelle: 'Prix par habitant', nullable: true },
    plancher: { kind: 'montant', libelle: 'Plancher (montant minimum)', optional: true },
    plafond: { kind: 'montant', libelle: 'Plafond (montant maximum)', optional: true },
  },
  mesures: ['population'],
  cle: (_, m) => m.population,
  chiffrer: (t, m) => {
    const population = new Dec(m.population);
    const prix = decimalOf(t.prixParHabitant);
    const brut = roundToCent(population.times(prix));
    let montant = brut;
    let retenu: 'calcul' | 'plancher' | 'plafond' = 'calcul';
    if (t.plancher !== undefined && brut.lt(decimalOf(t.plancher))) {
      montant = roundToCent(decimalOf(t.plancher));
      retenu = 'plancher';
    } else if (t.plafond !== undefined && brut.gt(decimalOf(t.plafond))) {
      montant = roundToCent(decimalOf(t.plafond));
      retenu = 'plafond';
    }
    return {
      quantite: population,
      unite: population.gte(2) ? 'habitants' : 'habitant',
      prixUnitaire: prix,
      montant,
      calcul: {
        type: 'proportionnel',
        population: m.population,
        prixParHabitant: t.prixParHabitant,
        brut: brut.toFixed(2),
        ...(t.plancher === undefined ? {} : { plancher: t.plancher }),
        ...(t.plafond === undefined ? {} : { plafond: t.plafond }),
        retenu,
        montant: montant.toFixed(2),
      },
    };
  },
  verifier: (t, path, push) => {
    if (t.plancher !== undefined && t.plafond !== undefined && new Dec(t.plafond).lt(t.plancher)) {
      push(finding('BORNES_INVERSEES', 'erreur', [...path, 'plafond'], { plancher: t.plancher, plafond: t.plafond, objet: 'plancherPlafond' }));
    }
  },
});

/**
 * Modèle « prix par habitant » : population × prix par habitant, avec un plancher et un plafond facultatifs.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteParHabitant = {
 *   modele: 'parHabitant', libelle: 'DPO mutualisé', prixParHabitant: '0.045', plancher: '50.00', plafond: '800.00', source,
 * };
 * ```
 */
export type ComposanteParHabitant = ComposanteOf<typeof parHabitant>;

import { Dec } from '../money/decimal.js';
import { findBand, finding } from './bands.js';
import { defineModel, type ComposanteOf } from './define.js';
import { fixedAmount } from './units.js';

/**
 * Modèle « forfait par strate de population » : le montant fixe de la strate où tombe la population
 * de la collectivité.
 *
 * @internal
 */
export const forfaitParStrate = /* @__PURE__ */ defineModel({
  nom: 'forfaitParStrate',
  libelle: 'montant fixe par strate de population',
  champs: { strates: { kind: 'stratesForfait', libelle: 'Strates de population et leur montant (JSON)', nullable: true } },
  mesures: ['population'],
  cle: (t, m) => findBand(t.strates, m.population),
  chiffrer: (t, m) => {
    const i = findBand(t.strates, m.population);
    const strate = t.strates[i];
    if (!strate) return { kind: 'strate', population: m.population, strates: t.strates };
    return fixedAmount(strate.montant, (montant) => ({ type: 'parStrate', strate: { de: strate.de, a: strate.a }, population: m.population, montant }));
  },
  verifier: (t, path, push) => {
    if (t.strates === null) return;
    const sorted = t.strates.map((s, i) => ({ s, i })).sort((x, y) => x.s.de - y.s.de);
    for (let k = 1; k < sorted.length; k++) {
      const lo = sorted[k - 1]!;
      const hi = sorted[k]!;
      const a = new Dec(lo.s.montant);
      const b = new Dec(hi.s.montant);
      if (b.lt(a)) {
        push(
          finding('BAISSE_AU_SEUIL', 'avertissement', [...path, 'strates', hi.i, 'montant'], {
            avant: hi.s.de - 1,
            apres: hi.s.de,
            montantAvant: a.toFixed(2),
            montantApres: b.toFixed(2),
            forme: 'strates',
          }),
        );
      }
    }
  },
});

/**
 * Modèle « forfait par strate de population » : le montant de la strate de la collectivité.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteForfaitParStrate = {
 *   modele: 'forfaitParStrate', libelle: 'DPO mutualisé', source,
 *   strates: [{ de: 0, a: 499, montant: '120.00' }, { de: 500, a: null, montant: '240.00' }],
 * };
 * ```
 */
export type ComposanteForfaitParStrate = ComposanteOf<typeof forfaitParStrate>;

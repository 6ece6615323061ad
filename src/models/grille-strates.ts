import { Dec } from '../money/decimal.js';
import { findBand, finding } from './bands.js';
import { defineModel, type ComposanteOf } from './define.js';
import { fixedAmount } from './units.js';

/**
 * Modèle « grille strate de population × quota » : le montant de la case de la grille.
 *
 * @internal
 */
export const grilleStrates = /* @__PURE__ */ defineModel({
  nom: 'grilleStrates',
  libelle: 'grille strate de population × quota',
  champs: { grille: { kind: 'grille', libelle: 'Grille strate de population × quota (JSON)', nullable: true } },
  mesures: ['population', 'quotaGo'],
  cle: (t, m) => findBand(t.grille.strates, m.population) * 1_000_003 + m.quotaGo,
  controler: (t, m) =>
    m.quotaGo !== undefined && !t.grille.quotasGo.includes(m.quotaGo) ? [{ kind: 'quota', quotaGo: m.quotaGo, quotasGo: t.grille.quotasGo }] : [],
  chiffrer: (t, m) => {
    const g = t.grille;
    const i = findBand(g.strates, m.population);
    const j = g.quotasGo.indexOf(m.quotaGo);
    if (j < 0) return { kind: 'quota', quotaGo: m.quotaGo, quotasGo: g.quotasGo };
    const cell = g.montants[i]?.[j];
    if (i < 0 || cell === undefined) return { kind: 'strate', population: m.population, strates: g.strates };
    const strate = g.strates[i]!;
    return fixedAmount(cell, (montant) => ({ type: 'case', strate: { de: strate.de, a: strate.a }, quotaGo: m.quotaGo, montant }));
  },
  verifier: (t, path, push) => {
    const grille = t.grille;
    if (grille === null) return;
    const base = [...path, 'grille'];
    const amount = (i: number, j: number) => {
      const m = grille.montants[i]?.[j];
      return m === undefined ? undefined : new Dec(m);
    };
    const strates = grille.strates.map((s, i) => ({ s, i })).sort((x, y) => x.s.de - y.s.de);
    const quotas = grille.quotasGo.map((q, j) => ({ q, j })).sort((x, y) => x.q - y.q);
    for (const { q, j } of quotas) {
      for (let k = 1; k < strates.length; k++) {
        const lo = strates[k - 1]!;
        const hi = strates[k]!;
        const a = amount(lo.i, j);
        const b = amount(hi.i, j);
        if (a && b && b.lt(a)) {
          push(
            finding('BAISSE_AU_SEUIL', 'avertissement', [...base, 'montants', hi.i, j], {
              quotaGo: q,
              avant: hi.s.de - 1,
              apres: hi.s.de,
              montantAvant: a.toFixed(2),
              montantApres: b.toFixed(2),
              forme: 'grilleStrates',
            }),
          );
        }
      }
    }
    for (const { s, i } of strates) {
      for (let k = 1; k < quotas.length; k++) {
        const a = amount(i, quotas[k - 1]!.j);
        const b = amount(i, quotas[k]!.j);
        if (a && b && b.lt(a)) {
          push(
            finding('BAISSE_AU_SEUIL', 'avertissement', [...base, 'montants', i, quotas[k]!.j], {
              de: s.de,
              quotaAvant: quotas[k - 1]!.q,
              quotaApres: quotas[k]!.q,
              montantAvant: a.toFixed(2),
              montantApres: b.toFixed(2),
              forme: 'grilleQuotas',
            }),
          );
        }
      }
    }
  },
});

/**
 * Modèle « grille strate de population × quota ».
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteGrilleStrates = { modele: 'grilleStrates', libelle: 'Sauvegarde', grille: null, source };
 * ```
 */
export type ComposanteGrilleStrates = ComposanteOf<typeof grilleStrates>;

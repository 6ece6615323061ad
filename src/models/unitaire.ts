import { decimalOf, Dec } from '../money/decimal.js';
import { roundToCent } from '../money/round.js';
import { defineModel, type ComposanteOf } from './define.js';

/**
 * Modèle « prix unitaire » : prix × nombre d'unités. Avec `arrondiQuantite: 'entierSuperieur'`, toute
 * unité commencée est due entière (2,5 journées → 3 journées).
 *
 * @internal
 */
export const unitaire = /* @__PURE__ */ defineModel({
  nom: 'unitaire',
  libelle: 'prix unitaire',
  champs: {
    unite: { kind: 'unite', libelle: "L'unité comptée" },
    prixUnitaire: { kind: 'prix', libelle: 'Prix unitaire', nullable: true },
    arrondiQuantite: { kind: 'arrondi', libelle: 'Arrondi de la quantité' },
  },
  mesures: ['quantite'],
  cle: (_, m) => m.quantite,
  chiffrer: (t, m) => {
    const demandee = new Dec(m.quantite);
    const quantite = t.arrondiQuantite === 'entierSuperieur' ? demandee.ceil() : demandee;
    const prix = decimalOf(t.prixUnitaire);
    const montant = roundToCent(quantite.times(prix));
    return {
      quantite,
      unite: quantite.gte(2) ? t.unite.plusieurs : t.unite.un,
      prixUnitaire: prix,
      montant,
      calcul: {
        type: 'produit',
        quantite: quantite.toFixed(),
        ...(quantite.eq(demandee) ? {} : { demandee: demandee.toFixed() }),
        unite: t.unite,
        prixUnitaire: t.prixUnitaire,
        montant: montant.toFixed(2),
      },
    };
  },
});

/**
 * Modèle « prix unitaire » : prix × nombre d'unités.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteUnitaire = {
 *   modele: 'unitaire', libelle: 'Accès', unite: { un: 'accès', plusieurs: 'accès' },
 *   prixUnitaire: '50.00', arrondiQuantite: 'aucun', source,
 * };
 * ```
 */
export type ComposanteUnitaire = ComposanteOf<typeof unitaire>;

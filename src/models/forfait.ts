import { decimalOf, Dec } from '../money/decimal.js';
import { roundToCent } from '../money/round.js';
import { defineModel, type ComposanteOf } from './define.js';
import { UNITE_FORFAITAIRE } from './units.js';

const ONE = new Dec(1);

/**
 * Modèle « forfait » : un montant fixe, dû une fois (par adhérent, ou par SIREN selon la prestation).
 *
 * @internal
 */
export const forfait = defineModel({
  nom: 'forfait',
  libelle: 'forfait',
  champs: { montant: { kind: 'montant', libelle: 'Montant du forfait', nullable: true } },
  mesures: [],
  cle: () => 0,
  chiffrer: (t) => {
    const montant = roundToCent(decimalOf(t.montant));
    return { quantite: ONE, unite: UNITE_FORFAITAIRE, prixUnitaire: montant, montant, calcul: { type: 'fixe', montant: montant.toFixed(2) } };
  },
});

/**
 * Modèle « forfait » : un montant fixe, une fois par adhérent (ou par SIREN).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const c: ComposanteForfait = { modele: 'forfait', libelle: 'DPO mutualisé', montant: null, source };
 * ```
 */
export type ComposanteForfait = ComposanteOf<typeof forfait>;

import { defineModel, type ComposanteOf } from './define.js';
import { fixedAmount } from './units.js';

/**
 * Modèle « forfait » : un montant fixe, dû une fois (par adhérent, ou par SIREN selon la prestation).
 *
 * @internal
 */
export const forfait = /* @__PURE__ */ defineModel({
  nom: 'forfait',
  libelle: 'forfait',
  champs: { montant: { kind: 'montant', libelle: 'Montant du forfait', nullable: true } },
  mesures: [],
  cle: () => 0,
  chiffrer: (t) => fixedAmount(t.montant, (montant) => ({ type: 'fixe', montant })),
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

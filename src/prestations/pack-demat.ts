import { FAMILIES } from '../models/registry.js';
import { definePrestation } from './define.js';

const PAR_SIREN = /* @__PURE__ */ Object.freeze([/* @__PURE__ */ Object.freeze({ composante: 'parSiren' as const })]);

/**
 * Pack dématérialisation (i-parapheur, TdT Hélios et ACTES, connecteur Chorus) : facturé par SIREN
 * au catalogue 2026, donc une ligne et une facture par SIREN listé. Inclus d'office quand le parc
 * informatique est transféré.
 *
 * @internal
 */
export const packDemat = /* @__PURE__ */ (() => definePrestation({
  id: 'packDemat',
  libelle: 'Pack dématérialisation',
  description:
    "i-parapheur, TdT Hélios, TdT ACTES et connecteur Chorus (BLES) : logiciel gratuit à l'achat, maintenance et hébergement facturés par SIREN.",
  facturation: 'siren',
  obligatoire: 'siParcTransfere',
  composantes: { parSiren: { modeles: FAMILIES.forfaitFixe, libelle: 'Pack dématérialisation — maintenance et hébergement' } },
  parametres: {
    sirens: {
      type: 'sirens',
      requis: false,
      max: 500,
      libelle: 'SIREN facturés',
      unite: 'SIREN',
      aide: 'Les SIREN facturés (collectivité, budgets annexes, CCAS…), sans doublon ; par défaut celui de la collectivité.',
    },
  },
  chiffrer: () => PAR_SIREN,
}))(); // Dans une fonction pure : lire FAMILIES.… en argument empêcherait l'outil d'une application d'écarter cette déclaration inutilisée.

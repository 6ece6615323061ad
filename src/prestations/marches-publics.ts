import { FAMILIES } from '../models/registry.js';
import { definePrestation } from './define.js';

/**
 * Plateforme mutualisée des marchés publics : 50 € par accès, plus 32 € par marché mis en ligne
 * avec l'aide du syndicat.
 *
 * @internal
 */
export const marchesPublics = /* @__PURE__ */ (() => definePrestation({
  id: 'marchesPublics',
  libelle: 'Plateforme mutualisée de dématérialisation des marchés publics',
  description:
    "Profil acheteur mutualisé (solution AWS) : publicité, DCE, réception sécurisée des offres, échanges, signature électronique.",
  facturation: 'adherent',
  obligatoire: 'non',
  composantes: {
    acces: {
      modeles: FAMILIES.parUnite,
      libelle: 'Accès à la plateforme des marchés publics',
      defauts: { unite: { un: 'accès', plusieurs: 'accès' }, arrondiQuantite: 'aucun' },
    },
    miseEnLigneAssistee: {
      modeles: FAMILIES.parUnite,
      libelle: "Aide du syndicat à la mise en ligne d'un marché",
      ponctuelle: true,
      defauts: { unite: { un: 'mise en ligne assistée', plusieurs: 'mises en ligne assistées' }, arrondiQuantite: 'aucun' },
    },
  },
  parametres: {
    acces: {
      type: 'entier',
      requis: true,
      min: 1,
      max: 10_000,
      libelle: "Accès à la plateforme",
      unite: 'accès',
      aide: "Nombre d'accès (comptes) à la plateforme des marchés publics.",
    },
    misesEnLigneAssistees: {
      type: 'entier',
      requis: false,
      min: 0,
      max: 10_000,
      libelle: 'Mises en ligne assistées',
      unite: 'marchés',
      aide: 'Nombre de marchés mis en ligne avec l’aide du syndicat.',
    },
  },
  chiffrer(p) {
    const acces = { composante: 'acces' as const, mesures: { quantite: p.acces }, path: ['acces'] };
    if (!p.misesEnLigneAssistees) return [acces];
    return [acces, { composante: 'miseEnLigneAssistee' as const, mesures: { quantite: p.misesEnLigneAssistees }, path: ['misesEnLigneAssistees'] }];
  },
}))(); // Dans une fonction pure : lire FAMILIES.… en argument empêcherait l'outil d'une application d'écarter cette déclaration inutilisée.

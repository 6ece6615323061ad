import { FAMILIES } from '../models/registry.js';
import { definePrestation } from './define.js';

/**
 * Sauvegarde des données : montant de la grille pour la strate de population de la collectivité
 * et le quota retenu. La population est alors obligatoire ; la grille 2026 n'est pas publiée.
 *
 * @internal
 */
export const sauvegarde = /* @__PURE__ */ (() => definePrestation({
  id: 'sauvegarde',
  libelle: 'Prestation sauvegarde des données informatiques',
  description:
    'Sauvegarde sur un serveur externalisé en salle blanche, restitution des données en cas de problème, selon le quota de Go retenu.',
  facturation: 'adherent',
  obligatoire: 'non',
  composantes: { grille: { modeles: FAMILIES.grille, libelle: 'Sauvegarde externalisée (strate de population × quota)' } },
  parametres: {
    quotaGo: {
      type: 'entier',
      requis: true,
      min: 1,
      max: 1_000_000,
      libelle: 'Quota de sauvegarde',
      unite: 'Go',
      aide: "Le quota retenu, en Go : l'un de ceux que la grille propose. La population de la collectivité est alors nécessaire.",
    },
  },
  chiffrer: (p) => [{ composante: 'grille', mesures: { quotaGo: p.quotaGo }, path: ['quotaGo'] }],
}))(); // Dans une fonction pure : lire FAMILIES.… en argument empêcherait l'outil d'une application d'écarter cette déclaration inutilisée.

import type { Equals } from '../shared/type-check.js';
import { definePrestation, type ParamsOf } from './define.js';

/**
 * Paramètres de la sauvegarde des données.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: SauvegardeParams = { quotaGo: 100 };
 * ```
 */
export interface SauvegardeParams {
  /** Le quota retenu, en Go : l'un de ceux que la grille propose. */
  readonly quotaGo: number;
}

/**
 * Sauvegarde des données : montant de la grille pour la strate de population de la collectivité
 * et le quota retenu. La population est alors obligatoire ; la grille 2026 n'est pas publiée.
 *
 * @internal
 */
export const sauvegarde = definePrestation({
  id: 'sauvegarde',
  libelle: 'Prestation sauvegarde des données informatiques',
  facturation: 'adherent',
  obligatoire: 'non',
  composantes: { grille: { modele: 'grilleStrates' } },
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
  chiffrer: (p) => [{ composante: 'grille', quotaGo: p.quotaGo, path: ['quotaGo'] }],
});

true satisfies Equals<SauvegardeParams, ParamsOf<typeof sauvegarde.parametres>>;

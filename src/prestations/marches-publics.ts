import type { Equals } from '../shared/type-check.js';
import { definePrestation, type ParamsOf } from './define.js';

/**
 * Paramètres de la plateforme des marchés publics.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: MarchesPublicsParams = { acces: 2, misesEnLigneAssistees: 1 };
 * ```
 */
export interface MarchesPublicsParams {
  /** Nombre d'accès à la plateforme (au moins 1). */
  readonly acces: number;
  /** Nombre de marchés mis en ligne avec l'aide du syndicat. */
  readonly misesEnLigneAssistees?: number | undefined;
}

/**
 * Plateforme mutualisée des marchés publics : 50 € par accès, plus 32 € par marché mis en ligne
 * avec l'aide du syndicat.
 *
 * @internal
 */
export const marchesPublics = definePrestation({
  id: 'marchesPublics',
  libelle: 'Plateforme mutualisée de dématérialisation des marchés publics',
  facturation: 'adherent',
  obligatoire: 'non',
  composantes: {
    acces: { modele: 'unitaire' },
    miseEnLigneAssistee: { modele: 'unitaire' },
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
    const acces = { composante: 'acces' as const, unites: p.acces, path: ['acces'] };
    if (!p.misesEnLigneAssistees) return [acces];
    return [acces, { composante: 'miseEnLigneAssistee' as const, unites: p.misesEnLigneAssistees, path: ['misesEnLigneAssistees'] }];
  },
});

true satisfies Equals<MarchesPublicsParams, ParamsOf<typeof marchesPublics.parametres>>;

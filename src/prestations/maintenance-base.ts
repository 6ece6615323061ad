import type { Equals } from '../shared/type-check.js';
import { definePrestation, type ParamsOf } from './define.js';

/**
 * Paramètres de la maintenance de base.
 *
 * @category Prestations
 * @example
 * ```ts
 * const p: MaintenanceBaseParams = { postes: 4, postesLicenceBL: 0 };
 * ```
 */
export interface MaintenanceBaseParams {
  /** Postes maintenus par TE90 (entier, au moins 1). */
  readonly postes: number;
  /** Dont postes portant une licence Berger Levrault (part 2) ; au plus `postes`. */
  readonly postesLicenceBL?: number | undefined;
}

/**
 * Maintenance de base des logiciels Berger Levrault, obligatoire pour tout adhérent.
 * Part 1 : prix unitaire × (postes × coefficient du palier atteint). Part 2 : par poste
 * sous licence Berger Levrault (montant non publié en 2026).
 *
 * @internal
 */
export const maintenanceBase = definePrestation({
  id: 'maintenanceBase',
  libelle: 'Maintenance de base des logiciels métier (Berger Levrault)',
  facturation: 'adherent',
  obligatoire: 'toujours',
  composantes: {
    postes: { modele: 'coefficientParPalier' },
    licenceBL: { modele: 'unitaire' },
  },
  parametres: {
    postes: {
      type: 'entier',
      requis: true,
      min: 1,
      max: 100_000,
      libelle: 'Postes maintenus par TE90',
      unite: 'postes',
      aide: 'Nombre de postes informatiques maintenus par le syndicat (part 1 du barème).',
    },
    postesLicenceBL: {
      type: 'entier',
      requis: false,
      min: 0,
      max: 100_000,
      libelle: 'Dont postes sous licence Berger Levrault',
      unite: 'postes',
      aide: "Postes maintenus qui portent une licence Berger Levrault (part 2) ; 0 s'il n'y en a aucun.",
      auPlus: {
        parametre: 'postes',
        code: 'POSTES_LICENCE_SUPERIEURS',
        message: 'Les postes sous licence Berger Levrault ({valeur}) ne peuvent dépasser les postes maintenus ({limite}).',
      },
    },
  },
  chiffrer(p, ctx) {
    const demandes = [{ composante: 'postes' as const, unites: p.postes, path: ['postes'] }];
    if (p.postesLicenceBL === undefined) {
      ctx.warn(
        'PART2_NON_RENSEIGNEE',
        ['postesLicenceBL'],
        "Le nombre de postes sous licence Berger Levrault (part 2) n'est pas renseigné : seule la part 1 est chiffrée. Indiquez postesLicenceBL (0 s'il n'y en a aucun).",
      );
    }
    if (ctx.collectivite.type === 'commune') {
      ctx.warn(
        'BAREME_ETABLISSEMENTS_PUBLICS',
        [],
        "Le barème de la maintenance de base est publié pour les établissements publics ; aucune formule distincte n'est publiée pour les communes : vérifiez qu'il s'applique.",
      );
    }
    if (p.postesLicenceBL) return [...demandes, { composante: 'licenceBL' as const, unites: p.postesLicenceBL, path: ['postesLicenceBL'] }];
    return demandes;
  },
});

true satisfies Equals<MaintenanceBaseParams, ParamsOf<typeof maintenanceBase.parametres>>;

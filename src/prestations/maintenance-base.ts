import { FAMILIES } from '../models/registry.js';
import { definePrestation } from './define.js';

const POSTE = { un: 'poste', plusieurs: 'postes' };

/**
 * Maintenance de base des logiciels Berger Levrault, obligatoire pour tout adhérent.
 * Part 1 : prix unitaire × (postes × coefficient du palier atteint). Part 2 : par poste
 * sous licence Berger Levrault (montant non publié en 2026).
 *
 * @internal
 */
export const maintenanceBase = /* @__PURE__ */ (() => definePrestation({
  id: 'maintenanceBase',
  libelle: 'Maintenance de base des logiciels métier (Berger Levrault)',
  description:
    "Socle obligatoire de l'adhésion : assistance à la maintenance des logiciels métier Berger Levrault (comptabilité, état civil, élections…).",
  facturation: 'adherent',
  obligatoire: 'toujours',
  composantes: {
    postes: {
      modeles: FAMILIES.bareme,
      libelle: 'Maintenance de base — part 1 : postes maintenus par TE90',
      defauts: { unite: POSTE },
    },
    licenceBL: {
      modeles: FAMILIES.parUnite,
      libelle: 'Maintenance de base — part 2 : postes sous licence Berger Levrault',
      defauts: { unite: POSTE, arrondiQuantite: 'aucun' },
    },
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
      },
    },
  },
  chiffrer(p, ctx) {
    const demandes = [{ composante: 'postes' as const, mesures: { quantite: p.postes }, path: ['postes'] }];
    if (p.postesLicenceBL === undefined) {
      ctx.warn('PART2_NON_RENSEIGNEE', ['postesLicenceBL']);
      ctx.manque('licenceBL', ['postesLicenceBL']);
    }
    // Le barème n'est publié que pour les établissements publics (EPCI) : pour tout autre type, il est appliqué par hypothèse.
    if (ctx.collectivite.type !== 'epci') {
      ctx.warn('BAREME_ETABLISSEMENTS_PUBLICS', []);
    }
    if (p.postesLicenceBL) return [...demandes, { composante: 'licenceBL' as const, mesures: { quantite: p.postesLicenceBL }, path: ['postesLicenceBL'] }];
    return demandes;
  },
}))(); // Dans une fonction pure : lire FAMILIES.… en argument empêcherait l'outil d'une application d'écarter cette déclaration inutilisée.

import { FAMILIES } from '../models/registry.js';
import { definePrestation } from './define.js';

/**
 * Secrétariat de mairie : 300 € la journée incompressible ; toute journée commencée est due
 * (2,5 jours → 3 journées → 900 €). `jours` est une intervention ; `interventions` en donne une par
 * séjour, chacune arrondie à part (deux demi-journées sur deux dates → 2 journées → 600 €).
 *
 * @internal
 */
export const secretariatMairie = /* @__PURE__ */ (() => definePrestation({
  id: 'secretariatMairie',
  libelle: 'Prestation de secrétariat de mairie',
  description:
    "Prestation exceptionnelle pour pallier l'absence d'un agent : paies, déclarations, mandats et titres, listes électorales, état civil…",
  facturation: 'adherent',
  obligatoire: 'non',
  composantes: {
    journee: {
      modeles: FAMILIES.parUnite,
      libelle: 'Secrétariat de mairie, à la journée incompressible',
      ponctuelle: true,
      defauts: { unite: { un: 'journée', plusieurs: 'journées' }, arrondiQuantite: 'entierSuperieur' },
    },
  },
  parametres: {
    jours: {
      type: 'decimal',
      requis: false,
      min: 0,
      minExclu: true,
      max: 366,
      libelle: 'Jours de secrétariat (une intervention)',
      unite: 'jours',
      aide: 'Durée d’une seule intervention, en jours, éventuellement fractionnaire : toute journée commencée est due entière.',
    },
    interventions: {
      type: 'durees',
      requis: false,
      max: 366,
      maxDuree: 366,
      libelle: 'Interventions (durée de chacune)',
      unite: 'jours',
      aide: 'Une durée par intervention, en jours : chacune est arrondie à la journée supérieure à part (deux demi-journées sur deux dates font deux journées).',
    },
  },
  unParmi: ['jours', 'interventions'],
  chiffrer: (p) => {
    if (p.interventions === undefined) return [{ composante: 'journee', mesures: { quantite: p.jours }, path: ['jours'] }];
    const sur = p.interventions.length;
    return p.interventions.map((jours, i) => ({ composante: 'journee' as const, mesures: { quantite: jours }, path: ['interventions', i], intervention: { rang: i + 1, sur } }));
  },
}))(); // Dans une fonction pure : lire FAMILIES.… en argument empêcherait l'outil d'une application d'écarter cette déclaration inutilisée.

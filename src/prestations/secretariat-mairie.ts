import { FAMILIES } from '../models/registry.js';
import { definePrestation } from './define.js';

/**
 * Secrétariat de mairie : 300 € la journée incompressible ; toute journée commencée est due
 * (2,5 jours → 3 journées → 900 €).
 *
 * @internal
 */
export const secretariatMairie = definePrestation({
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
      defauts: { unite: { un: 'journée', plusieurs: 'journées' }, arrondiQuantite: 'entierSuperieur' },
    },
  },
  parametres: {
    jours: {
      type: 'decimal',
      requis: true,
      min: 0,
      minExclu: true,
      max: 366,
      libelle: 'Jours de secrétariat',
      unite: 'jours',
      aide: 'Nombre de jours, éventuellement fractionnaire : toute journée commencée est due entière.',
    },
  },
  chiffrer: (p) => [{ composante: 'journee', mesures: { quantite: p.jours }, path: ['jours'] }],
});

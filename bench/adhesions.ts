/**
 * Les trois adhésions typiques du banc d'essai, et le catalogue complété par les montants
 * d'exemple (`examples/tarifs-exemple.json` : montants inventés, ni publiés ni votés).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue2026, completeCatalogue, type Adhesion, type Catalogue, type Tarifs } from '../dist/index.js';

const tarifs = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'tarifs-exemple.json'), 'utf8')) as Tarifs;

/** Le catalogue 2026 complété par les montants d'exemple. */
export const complet: Catalogue = completeCatalogue(catalogue2026, tarifs);

/** Un cas du banc d'essai : l'adhésion, son catalogue et le même calcul fait à la main. */
export interface Case {
  readonly nom: string;
  readonly adhesion: Adhesion;
  readonly catalogue: Catalogue;
}

export const CASES: readonly Case[] = [
  {
    nom: 'petite commune',
    catalogue: catalogue2026,
    adhesion: {
      collectivite: { nom: 'Commune', siren: '219000106', type: 'commune', population: 850 },
      prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 }, marchesPublics: { acces: 1 } },
    },
  },
  {
    nom: 'EPCI, pack démat sur 3 SIREN',
    catalogue: complet,
    adhesion: {
      collectivite: { nom: 'Communauté', siren: '200000172', type: 'epci', population: 12500 },
      prestations: {
        maintenanceBase: { postes: 18, postesLicenceBL: 12 },
        packDemat: { sirens: ['200000172', '200000107', '200000115'] },
        marchesPublics: { acces: 3, misesEnLigneAssistees: 4 },
      },
    },
  },
  {
    nom: 'tout coché (catalogue complété)',
    catalogue: complet,
    adhesion: {
      collectivite: { nom: 'Commune', siren: '219000106', type: 'commune', population: 5400 },
      prestations: {
        maintenanceBase: { postes: 7, postesLicenceBL: 5 },
        sauvegarde: { quotaGo: 100 },
        netEntreprises: {},
        packDemat: {},
        saisineElectronique: {},
        marchesPublics: { acces: 2, misesEnLigneAssistees: 1 },
        dpo: {},
        cabinetNumerique: {},
        comedec: {},
        secretariatMairie: { jours: 2.5 },
      },
    },
  },
];

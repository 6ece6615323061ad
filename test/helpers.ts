import { Decimal } from 'decimal.js';
import { catalogue2026, completeCatalogue, type Adhesion, type Tarifs } from '../src/index.js';

export const SIREN_COMMUNE = '219000106';
export const SIREN_EPCI = '200000172';
export const SIREN_CCAS = '200000107';
export const SIREN_SYNDICAT = '200000115';

export const commune = { nom: 'Commune de test', siren: SIREN_COMMUNE, type: 'commune', population: 850 } as const;
export const epci = { nom: 'Communauté de test', siren: SIREN_EPCI, type: 'epci', population: 12000 } as const;

/** Montants de test, inventés pour les tests : jamais publiés par le syndicat. */
export const TARIFS_TEST: Tarifs = {
  millesime: 2026,
  source: 'Montants de test (inventés pour les tests, non publiés)',
  prestations: {
    maintenanceBase: { licenceBL: { prixUnitaire: '95.50' } },
    sauvegarde: {
      grille: {
        grille: {
          strates: [
            { de: 0, a: 999 },
            { de: 1000, a: 9999 },
            { de: 10000, a: null },
          ],
          quotasGo: [50, 100, 200],
          montants: [
            ['80.00', '120.00', '180.00'],
            ['150.00', '200.00', '260.00'],
            ['300.00', '380.00', '450.00'],
          ],
        },
      },
    },
    netEntreprises: { abonnement: { montant: '110.10' } },
    packDemat: { parSiren: { montant: '250.25' } },
    saisineElectronique: { abonnement: { montant: '90.00' } },
    dpo: { abonnement: { montant: '400.00' } },
    cabinetNumerique: { abonnement: { montant: '133.33' } },
    comedec: { raccordement: { montant: '0.00' } },
  },
};

export const catalogueTest = completeCatalogue(catalogue2026, TARIFS_TEST);

/** Une adhésion minimale : la maintenance de base seule. */
export function adhesion(prestations: Record<string, unknown> = {}, collectivite: Record<string, unknown> = commune): Adhesion {
  return { collectivite, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 }, ...prestations } } as unknown as Adhesion;
}

/** Somme exacte de chaînes décimales. */
export function sum(values: readonly string[]): string {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0)).toFixed(2);
}

export const TWO_DECIMALS = /^\d+\.\d{2}$/;

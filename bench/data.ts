/**
 * Données réelles et variées du banc d'essai : toutes les communes de France (SIREN et population
 * réels, `@etalab/decoupage-administratif` 6.0.0), le Territoire de Belfort (ses communes et ses
 * trois EPCI), et trois cas typiques déclinés en 1 000 adhésions distinctes chacun. Les prestations
 * cochées suivent une règle fixe tirée de la population : elles sont **illustratives**, pas les
 * adhésions réelles des collectivités.
 */
import { createRequire } from 'node:module';
import type { Adhesion } from '../dist/index.js';

const require = createRequire(import.meta.url);

interface CommuneBrute {
  readonly nom: string;
  readonly type: string;
  readonly siren?: string;
  readonly population?: number;
  readonly departement?: string;
}

interface EpciBrut {
  readonly code: string;
  readonly nom: string;
  readonly populationTotale: number;
  readonly membres: readonly { readonly code: string; readonly siren: string }[];
}

/** La source des données, citée avec sa version. */
export const SOURCE_DONNEES = `@etalab/decoupage-administratif ${(require('@etalab/decoupage-administratif/package.json') as { version: string }).version}`;

type Commune = CommuneBrute & { siren: string; population: number; code: string };
let loaded: { communes: Commune[]; epcis: EpciBrut[] } | undefined;

/** Les données, lues au premier usage (plusieurs Mo de JSON). */
function data(): { communes: Commune[]; epcis: EpciBrut[] } {
  return (loaded ??= {
    communes: (require('@etalab/decoupage-administratif/data/communes.json') as Commune[]).filter(
      (c) => c.type === 'commune-actuelle' && typeof c.siren === 'string' && typeof c.population === 'number',
    ),
    epcis: require('@etalab/decoupage-administratif/data/epci.json') as EpciBrut[],
  });
}

/** Les prestations cochées par une collectivité, selon une règle fixe tirée de sa population. */
export function prestationsFor(population: number, sirens?: readonly string[]): Adhesion['prestations'] {
  const postes = Math.min(60, 1 + Math.floor(population / 1500));
  const p: Record<string, unknown> = { maintenanceBase: { postes, postesLicenceBL: Math.floor(postes / 2) } };
  if (population >= 500) p['sauvegarde'] = { quotaGo: population < 2000 ? 50 : population < 10_000 ? 100 : 250 };
  if (population >= 300) p['netEntreprises'] = {};
  if (population >= 3500) p['packDemat'] = sirens ? { sirens } : {};
  if (population % 3 === 0) p['saisineElectronique'] = {};
  if (population >= 1000) p['marchesPublics'] = { acces: Math.min(10, 1 + Math.floor(population / 20_000)), misesEnLigneAssistees: population % 3 };
  if (population % 2 === 0) p['dpo'] = {};
  if (population % 5 === 0) p['cabinetNumerique'] = {};
  if (population >= 2000) p['comedec'] = {};
  if (population < 500) p['secretariatMairie'] = population % 2 === 0 ? { interventions: [0.5, ((population % 5) + 1) / 2] } : { jours: ((population % 7) + 1) / 2 };
  return p as unknown as Adhesion['prestations'];
}

function communeAdhesion(c: { nom: string; siren: string; population: number }): Adhesion {
  return { collectivite: { nom: c.nom, siren: c.siren, type: 'commune', population: c.population }, prestations: prestationsFor(c.population) };
}

/** Toutes les communes de France, une adhésion chacune. */
export function france(): Adhesion[] {
  return data().communes.map(communeAdhesion);
}

/** Le Territoire de Belfort : ses communes et les EPCI dont elles sont membres. */
export function belfort(): Adhesion[] {
  const { communes, epcis } = data();
  const locales = communes.filter((c) => c.departement === '90');
  const codes = new Set(locales.map((c) => c.code));
  const lesEpci = epcis.filter((e) => e.membres.some((m) => codes.has(m.code)));
  return [
    ...locales.map(communeAdhesion),
    ...lesEpci.map((e, k): Adhesion => {
      // Un conflit voulu, que l'exemple montre : la première communauté liste dans son pack démat le
      // SIREN de sa plus grande commune membre, qui a aussi le sien (SIREN_FACTURE_DEUX_FOIS).
      const membres = locales.filter((c) => e.membres.some((m) => m.code === c.code)).sort((a, b) => b.population - a.population);
      const partage = k === 0 ? membres[0] : undefined;
      return {
        collectivite: { nom: e.nom, siren: e.code, type: 'epci' as const, population: e.populationTotale },
        prestations: prestationsFor(e.populationTotale, partage ? [e.code, partage.siren] : [e.code]),
        ...(partage ? { destinataires: [{ siren: partage.siren, nom: partage.nom }] } : {}),
      };
    }),
  ];
}

/** Un SIREN valide (clé de Luhn) tiré d'un nombre. */
function siren(n: number): string {
  const body = String(10_000_000 + (n % 89_999_999)).padStart(8, '0');
  for (let key = 0; key <= 9; key++) {
    const s = body + key;
    let total = 0;
    for (let i = 0; i < 9; i++) {
      let d = s.charCodeAt(i) - 48;
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      total += d;
    }
    if (total % 10 === 0) return s;
  }
  throw new Error('inatteignable');
}

/** Les trois cas typiques, chacun en 1 000 adhésions distinctes (paramètres et SIREN variés). */
export const TYPIQUES: readonly { readonly nom: string; readonly adhesions: readonly Adhesion[] }[] = [
  {
    nom: 'petite commune',
    adhesions: Array.from({ length: 1000 }, (_, i) => ({
      collectivite: { nom: `Commune ${i}`, siren: siren(i * 7919), type: 'commune' as const, population: 100 + ((i * 37) % 1900) },
      prestations: { maintenanceBase: { postes: 1 + (i % 4), postesLicenceBL: 0 }, marchesPublics: { acces: 1 + (i % 2) } },
    })),
  },
  {
    nom: 'EPCI, pack démat sur 3 SIREN',
    adhesions: Array.from({ length: 1000 }, (_, i) => ({
      collectivite: { nom: `Communauté ${i}`, siren: siren(i * 104_729), type: 'epci' as const, population: 8000 + i * 31 },
      prestations: {
        maintenanceBase: { postes: 10 + (i % 20), postesLicenceBL: 5 + (i % 6) },
        packDemat: { sirens: [siren(i * 104_729), siren(i * 104_729 + 1), siren(i * 104_729 + 2)] },
        marchesPublics: { acces: 1 + (i % 5), misesEnLigneAssistees: i % 7 },
      },
    })),
  },
  {
    nom: 'tout coché',
    adhesions: Array.from({ length: 1000 }, (_, i) => ({
      collectivite: { nom: `Commune ${i}`, siren: siren(i * 1_299_709), type: 'commune' as const, population: 200 + ((i * 97) % 15_000) },
      prestations: {
        maintenanceBase: { postes: 1 + (i % 30), postesLicenceBL: i % 2 },
        sauvegarde: { quotaGo: [50, 100, 250][i % 3]! },
        netEntreprises: {},
        packDemat: {},
        saisineElectronique: {},
        marchesPublics: { acces: 1 + (i % 3), misesEnLigneAssistees: i % 4 },
        dpo: {},
        cabinetNumerique: {},
        comedec: {},
        secretariatMairie: { jours: 0.5 + (i % 10) / 4 },
      },
    })),
  },
];

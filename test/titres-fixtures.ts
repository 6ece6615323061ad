/**
 * Ce que partagent les tests des titres de recettes : des paramètres valides, des rôles montés à la
 * main (des objets de la forme d'un BillingRoll, débiteurs avec `type` et `adresse`), et la
 * validation des flux par xmllint contre les schémas PES V2 de la DGFiP (test/fixtures/pes-v2-xsd).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import type { ParametresPes } from '@te90/tarifs/titres';
import { sum } from './helpers.js';

/** Les sommes de montants se font en décimal exact (decimal.js), jamais en nombres à virgule : celle de test/helpers.ts. */
export { sum };

export const XSD = join(__dirname, 'fixtures', 'pes-v2-xsd', 'PES_V2', 'Rev0', 'PES_Aller.xsd');

export const PARAMETRES: ParametresPes = {
  posteComptable: '999999',
  siret: '99999999900009',
  codCol: '999',
  codBud: '99',
  exercice: 2026,
  bordereau: 12,
  premierePiece: 41,
  dateEmission: '2026-03-02',
  objets: { abonnements: 'Prestations informatiques {exercice} - {debiteur}', ponctuelles: 'Prestations ponctuelles {exercice}', ligne: '{prestation} ({adherent})' },
  imputations: {
    maintenanceBase: { nature: '70688', codProdLoc: 'MB', composantes: { licenceBL: { nature: '70878', codProdLoc: 'LBL', fonction: '020' } } },
    packDemat: { nature: '70688', codProdLoc: 'PD' },
    secretariatMairie: { nature: '70846', codProdLoc: 'SM' },
  },
};

export interface LigneOptions {
  readonly prestation?: string;
  readonly composante?: string;
  readonly montant?: string;
  readonly ponctuelle?: boolean;
  readonly adherent?: string;
  readonly libellePrestation?: string;
}

export function ligne(o: LigneOptions = {}): Record<string, unknown> {
  return {
    adherent: { index: 0, nom: o.adherent ?? 'Foussemagne', siren: '219000494' },
    prestation: o.prestation ?? 'maintenanceBase',
    composante: o.composante ?? 'postes',
    libelle: 'Ligne',
    libellePrestation: o.libellePrestation ?? 'Maintenance de base des logiciels métier (Berger Levrault)',
    quantite: '1',
    unite: 'forfait',
    prixUnitaire: o.montant ?? '100.00',
    montant: o.montant ?? '100.00',
    detail: 'Forfait',
    source: { origine: 'publie' },
    ...(o.ponctuelle === true ? { ponctuelle: true } : {}),
  };
}

export const ADRESSE = { voie: '1 rue de la Mairie', codePostal: '90150', ville: 'Foussemagne' };

export function debiteur(o: Record<string, unknown> = {}): Record<string, unknown> {
  return { siren: '219000494', nom: 'Commune de Foussemagne', type: 'commune', adresse: ADRESSE, ...o };
}

/** Un montant fait d'un nombre entier de centimes (`12345` → `'123.45'`), en décimal exact (decimal.js). */
export function amountOfCents(cents: number): string {
  return new Decimal(cents).div(100).toFixed(2);
}

export function facture(d: Record<string, unknown>, lignes: Record<string, unknown>[]): Record<string, unknown> {
  return { debiteur: d, lignes, total: sum(lignes.map((l) => l['montant'] as string)) };
}

export function role(factures: Record<string, unknown>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    millesime: 2026,
    factures,
    total: sum(factures.map((f) => f['total'] as string)),
    refus: [],
    conflits: [],
    acceptes: factures.length,
    refuses: 0,
    ...extra,
  };
}

/**
 * Valide des flux (leurs octets ISO-8859-1) en un seul appel de xmllint : pour chacun, `''` s'il est
 * valide, sinon ce que xmllint en dit.
 */
export function validate(flows: readonly Uint8Array[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'te90-pes-'));
  const files = flows.map((octets, i) => {
    const file = join(dir, `flux-${i}.xml`);
    writeFileSync(file, octets);
    return file;
  });
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, ...files], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  const out = r.stderr;
  return files.map((file) => {
    if (out.includes(`${file} validates`)) return '';
    const own = out
      .split('\n')
      .filter((line) => line.startsWith(file))
      .join('\n');
    return own === '' ? `xmllint n'a rien dit de ${file}` : own;
  });
}

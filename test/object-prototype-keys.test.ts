import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Des propriétés posées sur `Object.prototype` par un tiers (une autre bibliothèque, une attaque) ne
 * changent rien à ce que rend le noyau : pas d'`ERREUR_INTERNE` (zod construit ses schémas en
 * parcourant leurs formes par for…in), pas de champ inconnu hérité, pas de destinataire ni de
 * prestation hérités qui titreraient ou chiffreraient une facture. Chaque essai tourne dans un
 * processus neuf, pour que les schémas y soient construits après la pollution, comme chez un
 * utilisateur ; et la pollution est rendue telle quelle à l'appelant.
 */

const DIST = join(__dirname, '..', 'dist', 'index.js');
const TIMEOUT = 60_000;

const SCRIPT = `
const polluer = process.argv[1] === 'oui';
if (polluer) {
  Object.prototype.x = 1;
  Object.prototype.destinataires = [{ siren: '200000107', nom: 'Intrus' }];
  Object.prototype.packDemat = {};
  // Non énumérable, posée avec les autres : mise de côté avec elles.
  Object.defineProperty(Object.prototype, 'population', { value: 5, writable: true, configurable: true, enumerable: false });
}
const t = await import(${JSON.stringify(DIST)});
const adhesion = {
  collectivite: { nom: 'Foussemagne', siren: '219000494', type: 'commune' },
  prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 }, marchesPublics: { acces: 1 } },
};
const refusee = { collectivite: { nom: 'X', siren: '219000495', type: 'commune' }, prestations: {} };
const sortie = {
  catalogue: t.safeParseCatalogue(JSON.parse(JSON.stringify(t.catalogue2026))).success,
  devis: t.safeQuote(adhesion),
  validation: t.validateAdhesion(refusee),
  lot: t.safeQuoteAll([adhesion, refusee]),
  role: t.safeBillingRoll([adhesion]),
};
if (polluer) {
  // La pollution est rendue à l'appelant telle qu'il l'a posée.
  sortie.rendue = [({}).x, ({}).destinataires?.[0]?.nom, Object.getOwnPropertyDescriptor(Object.prototype, 'population')?.enumerable];
  for (const k of ['x', 'destinataires', 'packDemat', 'population']) delete Object.prototype[k];
} else sortie.rendue = [1, 'Intrus', false];
process.stdout.write(JSON.stringify(sortie));
`;

function run(polluer: boolean): unknown {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, polluer ? 'oui' : 'non'], { encoding: 'utf8', timeout: TIMEOUT });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('des propriétés posées sur Object.prototype', () => {
  it('ne changent rien : catalogue, devis, validation, lot et rôle identiques à ceux d’un processus sain', { timeout: 2 * TIMEOUT }, () => {
    const sain = run(false) as { catalogue: boolean; devis: { success: boolean } };
    expect(sain.catalogue).toBe(true);
    expect(sain.devis.success).toBe(true);
    expect(run(true)).toEqual(sain);
  });
});

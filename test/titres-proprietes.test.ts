/**
 * Propriété : des rôles tirés au hasard (SIREN partagés entre adhésions, noms avec `<&"'`, accents,
 * apostrophes typographiques, « œ », lignes à zéro, prestations ponctuelles) donnent des flux
 * valides selon les schémas PES V2, dont les lignes font exactement le total du rôle. Les rôles sont
 * montés à la main, de la forme d'un BillingRoll (débiteurs avec `type` et `adresse`) ; xmllint
 * valide tous les flux en un seul appel. Des lots d'adhésions au flux, par `billingRoll` :
 * test/titres-lots-aleatoires.test.ts.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSiret } from '@te90/tarifs';
import { renderPesAller } from '@te90/tarifs/titres';
import { sirenArb } from './arbitraries.js';
import { PARAMETRES, amountOfCents, facture, ligne, role, sum, validate } from './titres-fixtures.js';

/** Un SIRET valide d'un SIREN : un NIC de 4 chiffres et sa clé de Luhn. */
function siretOf(siren: string, nic: number): string {
  const body = siren + String(nic).padStart(4, '0');
  for (let key = 0; key <= 9; key++) if (isValidSiret(body + key)) return body + key;
  throw new Error('inatteignable');
}

const MOTS = ['Commune', 'de', 'l’Étoile', 'Saint-Dizier', '<&"\'>', 'Œuvre', 'CCAS', 'Sœurs', 'Ève', 'd\'Héricourt', 'Bourg–sous–Bois', 'Syndicat'];
const nomArb = fc.array(fc.constantFrom(...MOTS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const montantArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000_000 })).map(amountOfCents);
const PRESTATIONS = [
  ['maintenanceBase', 'postes'],
  ['maintenanceBase', 'licenceBL'],
  ['packDemat', 'parSiren'],
  ['secretariatMairie', 'journee'],
] as const;

const debtorArb = fc.record({
  siren: sirenArb,
  nom: nomArb,
  type: fc.constantFrom('commune', 'epci', 'syndicat', 'ccas'),
  siret: fc.option(fc.integer({ min: 1, max: 9999 }), { nil: undefined }),
  engagement: fc.option(fc.constantFrom('EJ-2026-001', 'BC <&"\'> 12', 'Engagement n° 7'), { nil: undefined }),
  voie: fc.constantFrom('1 rue de l’Église', '12 avenue Jean-Jaurès', 'Place <&"\'>'),
});

const lineArb = fc.record({
  debtor: fc.nat(),
  prestation: fc.constantFrom(...PRESTATIONS),
  montant: montantArb,
  ponctuelle: fc.boolean(),
  adherent: nomArb,
});

const rollArb = fc
  .record({ debtors: fc.uniqueArray(debtorArb, { minLength: 1, maxLength: 5, selector: (d) => d.siren }), lines: fc.array(lineArb, { minLength: 1, maxLength: 25 }) })
  .map(({ debtors, lines }) => {
    const factures = debtors
      .map((d, i) => {
        const lignes = lines
          .filter((l) => l.debtor % debtors.length === i)
          .map((l) => ligne({ prestation: l.prestation[0], composante: l.prestation[1], montant: l.montant, ponctuelle: l.ponctuelle, adherent: l.adherent }));
        const debiteur = {
          siren: d.siren,
          nom: d.nom,
          type: d.type,
          adresse: { voie: d.voie, codePostal: '90000', ville: 'Belfort' },
          ...(d.siret === undefined ? {} : { siret: siretOf(d.siren, d.siret) }),
          ...(d.siret === undefined || d.engagement === undefined ? {} : { engagement: d.engagement }),
        };
        return facture(debiteur, lignes);
      })
      .filter((f) => (f['lignes'] as unknown[]).length > 0);
    return role(factures);
  })
  .filter((r) => new Decimal(r['total'] as string).gt(0));

const attr = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name} V="([^"]*)"/>`, 'g'))].map((m) => m[1]!);

describe('propriété : rôles au hasard → flux PES valides, au centime', () => {
  it('chaque flux est valide (xmllint) ; ses lignes font le total du rôle ; titres numérotés à la suite', () => {
    const flows: Uint8Array[] = [];
    fc.assert(
      fc.property(rollArb, (r) => {
        const flux = renderPesAller(r as never, PARAMETRES);
        const lines = attr(flux.xml, 'MtHT');
        expect(sum(lines)).toBe(r['total']);
        expect(flux.total).toBe(r['total']);
        expect(attr(flux.xml, 'MtBordHt')).toEqual([r['total']]);
        const ids = attr(flux.xml, 'IdPce').map(Number);
        expect(ids).toEqual(ids.map((_, i) => PARAMETRES.premierePiece + i));
        expect(attr(flux.xml, 'NbrPce')).toEqual([String(flux.titres)]);
        expect(flux.octets.length).toBe(flux.xml.length);
        flows.push(flux.octets);
      }),
      { numRuns: 30, seed: 2026 },
    );
    expect(validate(flows)).toEqual(flows.map(() => ''));
  }, 60_000);
});

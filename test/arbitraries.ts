import fc from 'fast-check';
import type { Adhesion } from '../src/index.js';

/** SIREN valides (clé de Luhn calculée). */
export const sirenArb = fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => {
  const body = String(n);
  for (let key = 0; key <= 9; key++) {
    const s = body + String(key);
    let total = 0;
    for (let i = 0; i < 9; i++) {
      let d = Number(s[i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      total += d;
    }
    if (total % 10 === 0) return s;
  }
  throw new Error('inatteignable');
});

/** Adhésions valides au regard du catalogue de test (toutes les prestations chiffrables). */
export const adhesionArb: fc.Arbitrary<Adhesion> = fc
  .record(
    {
      siren: sirenArb,
      type: fc.constantFrom('commune', 'epci', 'syndicat', 'ccas', 'autre'),
      population: fc.integer({ min: 0, max: 200_000 }),
      parcTransfere: fc.boolean(),
      postes: fc.integer({ min: 1, max: 200 }),
      licence: fc.integer({ min: 0, max: 200 }),
      sauvegarde: fc.option(fc.constantFrom(50, 100, 200), { nil: undefined }),
      sirens: fc.option(fc.uniqueArray(sirenArb, { minLength: 1, maxLength: 4 }), { nil: undefined }),
      pack: fc.boolean(),
      acces: fc.option(fc.record({ acces: fc.integer({ min: 1, max: 20 }), misesEnLigneAssistees: fc.integer({ min: 0, max: 20 }) }), {
        nil: undefined,
      }),
      jours: fc.option(fc.integer({ min: 1, max: 36600 }).map((c) => c / 100), { nil: undefined }),
      abonnements: fc.subarray(['netEntreprises', 'saisineElectronique', 'dpo', 'cabinetNumerique', 'comedec'] as const),
    },
    { requiredKeys: ['siren', 'type', 'population', 'parcTransfere', 'postes', 'licence', 'pack', 'abonnements'] },
  )
  .map((r) => {
    const prestations: Record<string, unknown> = {
      maintenanceBase: { postes: r.postes, postesLicenceBL: Math.min(r.licence, r.postes) },
    };
    if (r.sauvegarde) prestations['sauvegarde'] = { quotaGo: r.sauvegarde };
    if (r.pack) prestations['packDemat'] = r.sirens ? { sirens: r.sirens } : {};
    if (r.acces) prestations['marchesPublics'] = r.acces;
    if (r.jours) prestations['secretariatMairie'] = { jours: r.jours };
    for (const id of r.abonnements) prestations[id] = {};
    return {
      collectivite: { nom: 'Collectivité générée', siren: r.siren, type: r.type, population: r.population, parcTransfere: r.parcTransfere },
      prestations,
    } as unknown as Adhesion;
  });

/** Une copie de l'adhésion où le champ numéro `pick` (parcours en profondeur) vaut `junk`. */
export function withFieldReplaced(a: Adhesion, junk: unknown, pick: number): unknown {
  const copy = structuredClone(a) as unknown as Record<string, unknown>;
  const targets: [Record<string, unknown>, string][] = [];
  const walk = (o: Record<string, unknown>) => {
    for (const k of Object.keys(o)) {
      targets.push([o, k]);
      const v = o[k];
      if (v && typeof v === 'object') walk(v as Record<string, unknown>);
    }
  };
  walk(copy);
  const [obj, key] = targets[pick % targets.length]!;
  obj[key] = junk;
  return copy;
}

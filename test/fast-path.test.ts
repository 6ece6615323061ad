import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../src/input/snapshot.js';
import { adhesionSchema } from '../src/validation/adhesion.js';
import { fastAdhesion } from '../src/validation/fast.js';
import { adhesionArb, withFieldReplaced } from './arbitraries.js';

/** Des valeurs au bord de chaque règle : zéros signés, bornes, nombres en chaîne, espaces, clés piégées. */
const edgy = fc.oneof(
  fc.constantFrom(-0, 0, 1, 2.5, -1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, 100_000, 100_001, 366, 366.0001, 2000, 2100, 1999),
  fc.constantFrom('', ' ', '  x  ', '219000106', '219 000 106', ' 219000106 ', '219000107', '2190001060', 'commune', 'Commune', 'epci', '4'),
  fc.constantFrom(null, true, false, [], {}, ['219000106'], ['219000106', '219 000 106'], { postes: 2 }, undefined),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Une adhésion valide, parfois altérée à un endroit, parfois avec une clé en plus. */
const input = fc.oneof(
  { weight: 3, arbitrary: adhesionArb.map((a) => a as unknown) },
  { weight: 4, arbitrary: fc.tuple(adhesionArb, edgy, fc.nat()).map(([a, junk, pick]) => withFieldReplaced(a, junk, pick)) },
  {
    weight: 1,
    arbitrary: fc.tuple(adhesionArb, fc.constantFrom('__proto__', 'constructor', 'autre', 'millesime', '$schema'), edgy).map(([a, key, junk]) => {
      const copy = JSON.parse(JSON.stringify(a)) as Record<string, unknown>;
      Object.defineProperty(copy, key, { value: junk, enumerable: true, writable: true, configurable: true });
      return copy;
    }),
  },
);

describe('validation rapide', () => {
  it('n’accepte jamais ce que zod refuse, et rend alors exactement la sortie de zod', () => {
    let fast = 0;
    let zodOk = 0;
    fc.assert(
      fc.property(input, (raw) => {
        const value = snapshot(raw).value;
        const quick = fastAdhesion(value);
        const judged = adhesionSchema().safeParse(value);
        if (judged.success) zodOk++;
        if (quick === undefined) return;
        fast++;
        expect(judged.success).toBe(true);
        if (!judged.success) return;
        expect(quick).toStrictEqual(judged.data);
        expect(JSON.stringify(quick)).toBe(JSON.stringify(judged.data));
      }),
      { numRuns: 1500 },
    );
    // La voie rapide sert vraiment : elle prend presque toutes les entrées que zod accepte.
    expect(fast).toBeGreaterThan(zodOk * 0.95);
    expect(zodOk).toBeGreaterThan(300);
  });

  it('rend les champs dans l’ordre des déclarations, comme zod, quel que soit l’ordre des clés reçues', () => {
    /** Une copie dont les clés de chaque objet sont mélangées (mélange tiré de `seed`). */
    const shuffled = (value: unknown, seed: number): unknown => {
      if (Array.isArray(value)) return value.map((v) => shuffled(v, seed + 1));
      if (typeof value !== 'object' || value === null) return value;
      const entries = Object.entries(value);
      let s = seed;
      for (let i = entries.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [entries[i], entries[j]] = [entries[j]!, entries[i]!];
      }
      return Object.fromEntries(entries.map(([k, v], i) => [k, shuffled(v, seed + i + 7)]));
    };
    let reordered = 0;
    fc.assert(
      fc.property(adhesionArb, fc.nat(), (a, seed) => {
        const value = snapshot(shuffled(a, seed)).value;
        const quick = fastAdhesion(value);
        const judged = adhesionSchema().safeParse(value);
        expect(judged.success).toBe(true);
        expect(quick).toBeDefined();
        if (JSON.stringify(value) !== JSON.stringify(a)) reordered++;
        expect(JSON.stringify(quick)).toBe(JSON.stringify(judged.success ? judged.data : undefined));
      }),
      { numRuns: 300 },
    );
    expect(reordered).toBeGreaterThan(100);
  });

  it('prend toutes les adhésions valides générées', () => {
    fc.assert(
      fc.property(adhesionArb, (a) => {
        expect(fastAdhesion(snapshot(a).value)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('validation rapide : les données de facturation de la collectivité', () => {
  const billing = fc.record(
    {
      siret: fc.constantFrom('21900010600019', '219 000 106 00019', '20000010700017', '123'),
      codeService: fc.constantFrom(' FINANCES ', 'x'.repeat(101), '', 'A\u001bB', 3),
      engagement: fc.constantFrom('EJ-2026-1', ' ', 'x'.repeat(51)),
      adresse: fc.constantFrom({ voie: '1 rue', codePostal: ' 90000 ', ville: 'Belfort' }, { voie: '1 rue', codePostal: '9000', ville: 'Belfort' }, 'rue'),
    },
    { requiredKeys: [] },
  );

  it('n’accepte jamais ce que zod refuse, rend sa sortie, et sert pour un code service ou un engagement ; un SIRET ou une adresse vont à zod', () => {
    let fast = 0;
    fc.assert(
      fc.property(adhesionArb, billing, (a, b) => {
        const raw = { ...a, collectivite: { ...a.collectivite, siren: '219000106', ...b } };
        const value = snapshot(raw).value;
        const quick = fastAdhesion(value);
        const judged = adhesionSchema().safeParse(value);
        if (b.siret !== undefined || b.adresse !== undefined) expect(quick).toBeUndefined();
        if (quick === undefined) return;
        fast++;
        expect(judged.success).toBe(true);
        expect(JSON.stringify(quick)).toBe(JSON.stringify(judged.success ? judged.data : undefined));
      }),
      { numRuns: 200 },
    );
    // Un code service et un engagement bien écrits : la voie rapide sert, et rend la sortie de zod.
    fc.assert(
      fc.property(adhesionArb, (a) => {
        const value = snapshot({ ...a, collectivite: { ...a.collectivite, codeService: ' FINANCES ', engagement: 'EJ-2026-1' } }).value;
        const quick = fastAdhesion(value);
        expect(quick).toBeDefined();
        const judged = adhesionSchema().safeParse(value);
        expect(JSON.stringify(quick)).toBe(JSON.stringify(judged.success ? judged.data : undefined));
        fast++;
      }),
      { numRuns: 50 },
    );
    expect(fast).toBeGreaterThanOrEqual(50);
  });
});

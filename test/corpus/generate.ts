/**
 * Les entrées du corpus de référence : des adhésions générées (valides, altérées, quelconques) et les
 * catalogues sur lesquels les chiffrer. Générées une fois, avec une graine fixe, puis enregistrées
 * dans `inputs.json` : le corpus ne dépend pas de la version de fast-check.
 */
import fc from 'fast-check';
import { adhesionArb, withFieldReplaced } from '../arbitraries.js';

/** Une entrée du corpus : l'adhésion et le nom du catalogue. */
export interface CorpusInput {
  readonly catalogue: 'catalogue2026' | 'exemple' | 'test';
  readonly adhesion: unknown;
}

/** Génère les entrées du corpus (toujours les mêmes pour une graine donnée). */
export function generateInputs(count = 900, seed = 20261129): CorpusInput[] {
  const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: -5, max: 300 }), fc.constantFrom('', ' ', '12,5', 'epci', null, true));
  const entry = fc.oneof(
    { weight: 5, arbitrary: adhesionArb.map((a) => a as unknown) },
    { weight: 4, arbitrary: fc.tuple(adhesionArb, junk, fc.nat()).map(([a, j, pick]) => withFieldReplaced(a, j, pick)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
  const catalogue = fc.constantFrom<CorpusInput['catalogue']>('catalogue2026', 'exemple', 'test', 'test');
  return fc.sample(fc.record({ catalogue, adhesion: entry }), { numRuns: count, seed }) as CorpusInput[];
}

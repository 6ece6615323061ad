import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CorpusInput } from './corpus/generate.js';
import { CORPUS_FILES, outputsOf } from './corpus/outputs.js';

describe('corpus de référence', () => {
  const inputs = JSON.parse(readFileSync(CORPUS_FILES.inputs, 'utf8')) as CorpusInput[];
  const recorded = readFileSync(CORPUS_FILES.outputs, 'utf8').trimEnd().split('\n');

  it('contient des devis acceptés et refusés, sur chaque catalogue', () => {
    expect(recorded).toHaveLength(inputs.length);
    const accepted = recorded.filter((o) => o.startsWith('{"success":true')).length;
    expect(accepted).toBeGreaterThan(inputs.length * 0.3);
    expect(accepted).toBeLessThan(inputs.length * 0.9);
    expect(new Set(inputs.map((i) => i.catalogue)).size).toBe(3);
  });

  it('chaque sortie est identique, octet pour octet, à celle enregistrée (npm run corpus pour réenregistrer)', () => {
    const now = outputsOf(inputs);
    const changed = now.flatMap((o, i) => (o === recorded[i] ? [] : [i]));
    expect(changed.slice(0, 3).map((i) => ({ entree: i, avant: recorded[i]!.slice(0, 300), apres: now[i]!.slice(0, 300) }))).toEqual([]);
  });
});

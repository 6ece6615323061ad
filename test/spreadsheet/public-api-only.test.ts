import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '..', '..', 'src', 'spreadsheet');

describe('le client tableur (src/spreadsheet)', () => {
  it('n’importe que la bibliothèque par son nom (@te90/tarifs) et ses propres fichiers', () => {
    const wrong: string[] = [];
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('index.ts');
    for (const file of files) {
      const source = readFileSync(join(DIR, file), 'utf8');
      for (const m of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const spec = m[1]!;
        if (spec !== '@te90/tarifs' && !/^\.\/[\w-]+\.js$/.test(spec)) wrong.push(`${file} : ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

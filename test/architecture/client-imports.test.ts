import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './ids.js';

const SRC = join(__dirname, '..', '..', 'src');

/** Ce que chaque client peut importer par son nom, en plus de ses propres fichiers. */
const ALLOWED: Record<string, readonly string[]> = {
  documents: ['@te90/tarifs'],
  simulator: ['@te90/tarifs', '@te90/tarifs/documents'],
};

describe('les clients n’entrent que par l’API publique', () => {
  for (const [client, allowed] of Object.entries(ALLOWED)) {
    it(`src/${client} n’importe que ${allowed.join(', ')} et ses propres fichiers`, () => {
      const wrong: string[] = [];
      const files = sourceFiles(join(SRC, client));
      expect(files.length).toBeGreaterThan(1);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g)) {
          const spec = m[1]!;
          const inside = spec.startsWith('.') && !relative(join(SRC, client), resolve(dirname(file), spec)).startsWith('..');
          if (!inside && !allowed.includes(spec)) wrong.push(`${relative(SRC, file)} → ${spec}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

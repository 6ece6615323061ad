/** Ce que la bibliothèque rend pour chaque entrée du corpus, en JSON, une ligne par entrée. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue2026, completeCatalogue, safeQuote, type Adhesion, type Catalogue, type Tarifs } from '../../src/index.js';
import { catalogueTest } from '../helpers.js';
import type { CorpusInput } from './generate.js';

const HERE = import.meta.dirname;
const ROOT = join(HERE, '..', '..');

const CATALOGUES: Record<CorpusInput['catalogue'], Catalogue> = {
  catalogue2026,
  exemple: completeCatalogue(catalogue2026, JSON.parse(readFileSync(join(ROOT, 'examples', 'tarifs-exemple.json'), 'utf8')) as Tarifs),
  test: catalogueTest,
};

/** Les sorties de chaque entrée, une ligne JSON par entrée (devis ou problèmes). */
export function outputsOf(inputs: readonly CorpusInput[]): string[] {
  return inputs.map((input) => JSON.stringify(safeQuote(structuredClone(input.adhesion) as Adhesion, { catalogue: CATALOGUES[input.catalogue] })));
}

/** Les fichiers du corpus. */
export const CORPUS_FILES = {
  inputs: join(HERE, 'inputs.json'),
  outputs: join(HERE, 'outputs.jsonl'),
};

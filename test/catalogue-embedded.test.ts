/**
 * Le catalogue 2026 embarqué est une donnée comme le catalogue de toute autre année : un fichier
 * JSON (`src/catalogue/2026.json`), lu par le même juge (`parseCatalogue`), et son type précis
 * (`Catalogue2026`) dit ce que ses données disent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue2026, parseCatalogue, PRESTATION_IDS, type Catalogue } from '../src/index.js';
import { prestationDeclaration } from '../src/index.js';

const ROOT = join(__dirname, '..');
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;

describe('le catalogue 2026 embarqué', () => {
  it('ses données JSON passent parseCatalogue, comme le catalogue de toute autre année, et donnent le catalogue embarqué', () => {
    expect(parseCatalogue(json('src/catalogue/2026.json'))).toEqual(catalogue2026);
  });

  it('ses données ne disent que les montants, leurs sources et leurs notes : le reste vient des déclarations', () => {
    const data = json('src/catalogue/2026.json') as { prestations: Record<string, { composantes: Record<string, Record<string, unknown>> } & Record<string, unknown>> };
    for (const [id, p] of Object.entries(data.prestations)) {
      expect(Object.keys(p), id).toEqual(['composantes']);
      for (const c of Object.values(p.composantes)) expect(c).not.toHaveProperty('libelle');
    }
  });

  it('chaque composante suit son modèle de prix par défaut, comme son type (Catalogue2026) le dit', () => {
    for (const id of PRESTATION_IDS) {
      const declared = prestationDeclaration(id)!.composantes;
      const composantes = (catalogue2026 as Catalogue).prestations[id].composantes as Record<string, { modele: string }>;
      expect(Object.keys(composantes)).toEqual(Object.keys(declared));
      for (const [cid, c] of Object.entries(composantes)) expect(c.modele, `${id}.${cid}`).toBe(declared[cid]!.modeles[0]);
    }
  });

  it('est gelé, et se passe partout où un catalogue est attendu', () => {
    expect(Object.isFrozen(catalogue2026.prestations.marchesPublics.composantes.acces)).toBe(true);
    const c: Catalogue = catalogue2026;
    expect(c.millesime).toBe(2026);
  });
});

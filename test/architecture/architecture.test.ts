import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODELES, PRESTATION_IDS } from '../../src/index.js';
import { filesNaming, filesNamingExactly, kebab, sourceFiles } from './ids.js';

const SRC = join(__dirname, '..', '..', 'src');

/**
 * Les couches, de bas en haut : le flux entrée → validation → chiffrage → lignes → factures → total,
 * puis les façades. Une couche n'importe que ses égales ou plus basses.
 */
const LAYERS: Record<string, number> = {
  core: 0,
  shared: 0,
  money: 1,
  siren: 1,
  errors: 1,
  wording: 1,
  input: 2,
  models: 2,
  prestations: 3,
  catalogue: 4,
  validation: 5,
  pricing: 6,
  invoices: 6,
  quote: 7,
  batch: 8,
  documents: 9,
  cli: 10,
  spreadsheet: 10,
  simulator: 10,
  titres: 10,
};

function layerOf(file: string): string {
  const rel = relative(SRC, file);
  return rel.includes('/') ? rel.split('/')[0]! : 'index';
}

describe('architecture', () => {
  it('l’identifiant de chaque prestation n’apparaît que dans son module, le registre et les données de l’année (2026.json)', () => {
    const naming = filesNaming(PRESTATION_IDS, SRC);
    const data = JSON.parse(readFileSync(join(SRC, 'catalogue', '2026.json'), 'utf8')) as { prestations: Record<string, unknown> };
    for (const id of PRESTATION_IDS) {
      expect(naming[id]!.length, `${id} : ${naming[id]!.join(', ')}`).toBeLessThanOrEqual(2);
      expect(naming[id]).toContain('prestations/registry.ts');
      expect(Object.keys(data.prestations)).toContain(id);
    }
  });

  it('le nom de chaque modèle de prix n’apparaît que dans trois fichiers de src/ au plus : son module, le registre des modèles, et un autre', () => {
    const naming = filesNamingExactly(MODELES, SRC);
    for (const nom of MODELES) {
      expect(naming[nom]!.length, `${nom} : ${naming[nom]!.join(', ')}`).toBeLessThanOrEqual(3);
      expect(naming[nom]).toEqual(expect.arrayContaining([`models/${kebab(nom)}.ts`, 'models/registry.ts']));
    }
  });

  it('le contrôle des noms de modèle voit le code (identifiant, texte, chemin d’import), pas les commentaires ni les mots d’une phrase', () => {
    const naming = filesNamingExactly(['forfait', 'unitaire'], SRC);
    // « forfait » est aussi un mot des phrases du devis (« Forfait : 300,00 € ») : il ne compte pas.
    expect(readFileSync(join(SRC, 'wording', 'terms.ts'), 'utf8')).toContain('Forfait');
    expect(naming['forfait']).not.toContain('wording/terms.ts');
    // Le registre l'importe par son chemin : il compte.
    expect(naming['unitaire']).toContain('models/registry.ts');
  });

  it('le contrôle des identifiants voit bien le code, et pas les commentaires', () => {
    // Un identifiant ajouté dans du code d’un fichier le ferait compter ; dans un commentaire, non.
    expect(filesNaming(['maintenanceBase'], SRC)['maintenanceBase']).toContain('prestations/maintenance-base.ts');
    expect(filesNaming(['maintenanceBase'], SRC)['maintenanceBase']).not.toContain('quote/quote.ts');
    expect(readFileSync(join(SRC, 'quote', 'quote.ts'), 'utf8')).toContain('maintenanceBase');
  });

  it('chaque couche n’importe que des couches égales ou plus basses', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const from = layerOf(file);
      if (from === 'index') continue;
      expect(LAYERS[from], `couche inconnue : ${from}`).toBeDefined();
      for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const to = layerOf(resolve(dirname(file), m[1]!));
        if (to !== from && LAYERS[to]! > LAYERS[from]!) wrong.push(`${relative(SRC, file)} → ${m[1]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

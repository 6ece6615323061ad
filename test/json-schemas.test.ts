import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'dist', 'schemas', `${name}.schema.json`), 'utf8')) as object;
const file = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as unknown;

describe('schémas JSON livrés dans le paquet (dist/schemas)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const valider = (name: string) => ajv.compile(schema(name));

  it('les fichiers d’exemple sont valides selon le schéma qu’ils nomment', () => {
    const tarifs = file('examples/tarifs-exemple.json') as { $schema: string };
    expect(tarifs.$schema).toBe('../dist/schemas/tarifs.schema.json');
    expect(valider('tarifs')(tarifs)).toBe(true);
    expect(valider('revision')(file('examples/territoire-de-belfort/revision-2027.json'))).toBe(true);
    const catalogue = valider('catalogue');
    expect(catalogue(file('examples/territoire-de-belfort/catalogue-2026.json'))).toBe(true);
    expect(catalogue(file('examples/territoire-de-belfort/catalogue-2027.json'))).toBe(true);
    const adhesion = valider('adhesion');
    expect(adhesion(file('examples/commune.json'))).toBe(true);
    for (const a of file('examples/territoire-de-belfort/adhesions.json') as unknown[]) expect(adhesion(a)).toBe(true);
    const emetteur = file('examples/emetteur-exemple.json') as { $schema: string; exemple: boolean };
    expect(emetteur.$schema).toBe('../dist/schemas/emetteur.schema.json');
    expect(emetteur.exemple).toBe(true);
    expect(valider('emetteur')(emetteur)).toBe(true);
  });

  it('un fichier faux est refusé, au bon endroit', () => {
    const tarifs = valider('tarifs');
    expect(tarifs({ millesime: 2026, source: 'x', prestations: { dpo: { abonnement: { montant: '12.345' } } } })).toBe(false);
    expect(tarifs.errors?.[0]?.instancePath).toBe('/prestations/dpo/abonnement/montant');
    expect(tarifs({ millesime: 2026, source: 'x', prestations: { dpoo: {} } })).toBe(false);
    const adhesion = valider('adhesion');
    expect(adhesion({ collectivite: { nom: 'X', siren: '219000106', type: 'mairie' }, prestations: { maintenanceBase: { postes: 0 } } })).toBe(false);
    const emetteur = valider('emetteur');
    expect(emetteur({ nom: 'Syndicat', adresse: 'x' })).toBe(false);
    expect(emetteur({ nom: 'Syndicat', adresse: 'x', siret: '99999999900009', tva: 'x' })).toBe(false);
  });
});

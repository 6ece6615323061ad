/**
 * Produit les fichiers de l'exemple « Territoire de Belfort » : `npm run exemple belfort`.
 * - adhesions.json : les communes du Territoire de Belfort et leurs EPCI, avec leurs vrais noms, SIREN
 *   et populations (@etalab/decoupage-administratif, version citée dans le fichier) ; les prestations
 *   cochées suivent une règle fixe tirée de la population : elles sont ILLUSTRATIVES ;
 *   chaque collectivité porte une ADRESSE D'EXEMPLE (« Mairie » ou « Siège », marquée comme telle, et le
 *   code postal de la commune, ou de la plus grande commune membre pour un EPCI) ;
 * - adhesions-tranchees.json : le même lot, le conflit voulu tranché (la communauté ne facture plus le
 *   pack démat de sa commune, qui le paie elle-même) : celui d'où partent les titres de recettes ;
 * - catalogue-2026.json : le catalogue 2026 embarqué complété par les montants d'exemple ;
 * - catalogue-2027.json : ce catalogue révisé par revision-2027.json (montants d'exemple).
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { catalogue2026, completeCatalogue, reviseCatalogue, type Adhesion, type Adresse, type Revision, type Tarifs } from '@te90/tarifs';
import { belfort, SOURCE_DONNEES } from '../../bench/data.js';

const HERE = import.meta.dirname;
const read = (file: string) => JSON.parse(readFileSync(join(HERE, file), 'utf8')) as unknown;
const write = (file: string, value: unknown) => writeFileSync(join(HERE, file), JSON.stringify(value, null, 2) + '\n');

const require = createRequire(import.meta.url);
const communes = require('@etalab/decoupage-administratif/data/communes.json') as { siren?: string; nom: string; type: string; codesPostaux?: string[]; population?: number }[];
const epcis = require('@etalab/decoupage-administratif/data/epci.json') as { code: string; membres: { siren: string }[] }[];
const parSiren = new Map(communes.filter((c) => c.type === 'commune-actuelle' && c.siren !== undefined).map((c) => [c.siren!, c]));

/** L'adresse d'exemple d'une collectivité : marquée comme telle, avec le vrai code postal de sa commune. */
function adresseExemple(a: Adhesion): Adresse {
  const { siren, type } = a.collectivite;
  const commune =
    type === 'epci'
      ? epcis
          .find((e) => e.code === siren)!
          .membres.map((m) => parSiren.get(m.siren))
          .filter((c) => c !== undefined)
          .sort((x, y) => (y.population ?? 0) - (x.population ?? 0))[0]!
      : parSiren.get(siren)!;
  return { voie: `${type === 'epci' ? 'Siège' : 'Mairie'} (adresse d'exemple)`, codePostal: commune.codesPostaux![0]!, ville: commune.nom };
}

const adhesions = belfort().map((a): Adhesion => ({ ...a, collectivite: { ...a.collectivite, adresse: adresseExemple(a) } }));
write('adhesions.json', adhesions);
// Le conflit voulu, tranché : la communauté ne liste plus dans son pack démat la commune qui le paie elle-même.
write(
  'adhesions-tranchees.json',
  adhesions.map((a): Adhesion => {
    if (a.destinataires === undefined) return a;
    const { destinataires, ...rest } = a;
    const listes = new Set(destinataires.map((d) => d.siren));
    const pack = a.prestations.packDemat as { sirens: string[] };
    return { ...rest, prestations: { ...a.prestations, packDemat: { sirens: pack.sirens.filter((s) => !listes.has(s)) } } };
  }),
);
const tarifs = read('../tarifs-exemple.json') as Tarifs;
const c2026 = completeCatalogue(catalogue2026, tarifs);
write('catalogue-2026.json', { $schema: '../../dist/schemas/catalogue.schema.json', ...c2026 });
write('catalogue-2027.json', { $schema: '../../dist/schemas/catalogue.schema.json', ...reviseCatalogue(c2026, read('revision-2027.json') as Revision) });
console.log(`Exemple Territoire de Belfort écrit (${SOURCE_DONNEES}).`);

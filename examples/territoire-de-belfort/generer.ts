/**
 * Produit les fichiers de l'exemple « Territoire de Belfort » : `npm run exemple belfort`.
 * - adhesions.json : les communes du Territoire de Belfort et leurs EPCI, avec leurs vrais noms, SIREN
 *   et populations (@etalab/decoupage-administratif, version citée dans le fichier) ; les prestations
 *   cochées suivent une règle fixe tirée de la population : elles sont ILLUSTRATIVES ;
 * - catalogue-2026.json : le catalogue 2026 embarqué complété par les montants d'exemple ;
 * - catalogue-2027.json : ce catalogue révisé par revision-2027.json (montants d'exemple).
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue2026, completeCatalogue, reviseCatalogue, type Revision, type Tarifs } from '@te90/tarifs';
import { belfort, SOURCE_DONNEES } from '../../bench/data.js';

const HERE = import.meta.dirname;
const read = (file: string) => JSON.parse(readFileSync(join(HERE, file), 'utf8')) as unknown;
const write = (file: string, value: unknown) => writeFileSync(join(HERE, file), JSON.stringify(value, null, 2) + '\n');

write('adhesions.json', belfort());
const tarifs = read('../tarifs-exemple.json') as Tarifs;
const c2026 = completeCatalogue(catalogue2026, tarifs);
write('catalogue-2026.json', { $schema: '../../dist/schemas/catalogue.schema.json', ...c2026 });
write('catalogue-2027.json', { $schema: '../../dist/schemas/catalogue.schema.json', ...reviseCatalogue(c2026, read('revision-2027.json') as Revision) });
console.log(`Exemple Territoire de Belfort écrit (${SOURCE_DONNEES}).`);

/**
 * Ajouter une prestation en suivant le guide, par l'API réelle : le module et les données de
 * l'année que le guide donne, passés à `extendRegistry` et à `parseCatalogue` comme le registre des
 * prestations et `src/catalogue/2026.json` les prendraient. Aucun fichier de `src/` n'est modifié ;
 * tout ce qui se déduit du registre suit (schémas, devis, lots, montants manquants, générateurs des
 * tests de propriétés), et les fichiers touchés sont ceux que nomme le guide.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  catalogue2026,
  extendRegistry,
  missingAmounts,
  parseCatalogue,
  quote,
  quoteAll,
  REGISTRY,
  safeParseCatalogue,
  safeQuote,
  type Adhesion,
  type PrestationDeclaration,
} from '../../src/index.js';
import { jsonSchemas } from '../../scripts/json-schemas.js';
import { adhesionArbFor, withExampleAmounts } from '../arbitraries.js';
import { sum } from '../helpers.js';
import { codeOf } from './ids.js';
import { guideJson, guideModule, guideSection, mirror, ROOT, touchedFiles, writtenFiles } from './trial.js';

/** Le registre intégré des prestations, et les données de l'année : ce que l'essai passe à l'API sans les écrire. */
const PRESTATION_REGISTRY = 'src/prestations/registry.ts';
const YEAR_DATA = 'src/catalogue/2026.json';

const section = guideSection('## 8. Ajouter une prestation');
const module = guideModule(section, 'prestations');
const entry = guideJson(section);
const trial = mirror([module]);
afterAll(() => trial.remove());

/** Les données de l'année, avec l'entrée que le guide fait ajouter à `prestations`. */
function yearData(): Record<string, unknown> {
  const data = JSON.parse(readFileSync(join(ROOT, YEAR_DATA), 'utf8')) as { prestations: Record<string, unknown> };
  return JSON.parse(JSON.stringify({ ...data, prestations: { ...data.prestations, ...entry } })) as Record<string, unknown>;
}

async function visio(): Promise<PrestationDeclaration> {
  const exported = (await import(pathToFileURL(join(trial.root, module.path)).href)) as Record<string, PrestationDeclaration>;
  return Object.values(exported)[0]!;
}

const commune = { nom: 'Commune', siren: '219000106', type: 'commune', population: 850 } as const;

describe('ajouter une prestation, comme le guide le dit', () => {
  it('le guide nomme exactement les fichiers que l’essai touche : le module, le registre des prestations, les données de l’année', () => {
    expect(writtenFiles(trial.root)).toEqual([module.path]);
    expect(touchedFiles(section)).toEqual([module.path, PRESTATION_REGISTRY, YEAR_DATA]);
    expect(codeOf(join(ROOT, PRESTATION_REGISTRY)).split('\n')).toContain('PRESTATIONS');
    expect(Object.keys(entry)).toEqual(['visio']);
  });

  it('le module et les données du guide, passés à l’API : schémas, devis, lots et montants manquants suivent', async () => {
    const declaration = await visio();
    const registry = extendRegistry({ prestations: [declaration] });
    expect(registry.prestations.map((d) => d.id).at(-1)).toBe('visio');
    expect(REGISTRY.prestations.map((d) => d.id)).not.toContain('visio');

    const catalogue = parseCatalogue(yearData(), { registry });
    expect(catalogue.prestations).toHaveProperty('visio.composantes.salle.prixUnitaire', '40.00');
    // Le schéma du registre étendu refuse les données de l'année sans elle.
    expect(safeParseCatalogue(JSON.parse(readFileSync(join(ROOT, YEAR_DATA), 'utf8')), { registry }).success).toBe(false);

    const adhesion = { collectivite: commune, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, visio: { salles: 3 } } } as unknown as Adhesion;
    const devis = quote(adhesion, { catalogue });
    const ligne = devis.lignes.find((l) => (l.prestation as string) === 'visio')!;
    expect([ligne.composante, ligne.quantite, ligne.prixUnitaire, ligne.montant]).toEqual(['salle', '3', '40.00', '120.00']);
    expect(ligne.libelle).toBe('Salle de visioconférence équipée');

    const hors = safeQuote({ ...adhesion, prestations: { maintenanceBase: { postes: 1 }, visio: { salles: 0 } } } as unknown as Adhesion, { catalogue });
    expect(hors.success ? [] : hors.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['VALEUR_HORS_LIMITES', 'prestations.visio.salles']]);
    // Le catalogue embarqué, lui, suit le registre intégré : la prestation n'y existe pas.
    const integre = safeQuote(adhesion, { catalogue: catalogue2026 });
    expect(integre.success ? [] : integre.issues.map((i) => i.code)).toContain('CHAMP_INCONNU');

    const lot = quoteAll([adhesion, adhesion], { catalogue });
    expect(lot.synthese.parPrestation.find((p) => (p.prestation as string) === 'visio')).toMatchObject({ adherents: 2, total: '240.00' });

    const data = yearData() as { prestations: { visio: { composantes: { salle: Record<string, unknown> } } } };
    data.prestations.visio.composantes.salle['prixUnitaire'] = null;
    expect(missingAmounts(data, { registry }).map((m) => m.cheminTarifs)).toEqual(expect.arrayContaining(['prestations.visio.salle.prixUnitaire']));
    expect(JSON.stringify(jsonSchemas(registry).adhesion)).toContain('"visio"');
    expect(JSON.stringify(jsonSchemas().adhesion)).not.toContain('"visio"');
  });

  it('les générateurs des tests de propriétés la tirent sans qu’aucun test soit écrit pour elle', async () => {
    const registry = extendRegistry({ prestations: [await visio()] });
    // Les montants encore non publiés des autres prestations sont complétés par des montants d'exemple, comme pour toute prestation.
    const catalogue = withExampleAmounts(parseCatalogue(yearData(), { registry }));
    const arb = adhesionArbFor(catalogue);
    const drawn = fc.sample(arb, { numRuns: 60, seed: 25 });
    expect(drawn.some((a) => 'visio' in (a.prestations as object))).toBe(true);
    fc.assert(
      fc.property(arb, (a) => {
        const devis = quote(a, { catalogue });
        expect(sum(devis.lignes.map((l) => l.montant))).toBe(devis.total);
      }),
      { numRuns: 20 },
    );
  });

  it('un identifiant déjà pris, un modèle inconnu d’une composante ou une sorte de paramètre inconnue sont refusés', async () => {
    const declaration = await visio();
    expect(() => extendRegistry({ prestations: [REGISTRY.prestations[0]!] })).toThrow(/existe déjà/);
    const inconnu = { ...declaration, id: 'autre', composantes: { salle: { modeles: ['absent'], libelle: 'x' } } } as PrestationDeclaration;
    expect(() => extendRegistry({ prestations: [inconnu] })).toThrow(/« absent » n'est pas dans le registre/);
    const sorte = { ...declaration, id: 'autre', parametres: { salles: { ...declaration.parametres['salles']!, type: 'heures' } } } as unknown as PrestationDeclaration;
    expect(() => extendRegistry({ prestations: [sorte] })).toThrow(/sorte de paramètre « heures » n'existe pas/);
  });
});

/**
 * Ajouter un modèle de prix en suivant le guide, par l'API réelle : le module que le guide donne,
 * passé à `extendRegistry` comme le registre des modèles le prendrait. Aucun fichier de `src/` n'est
 * modifié ; tout ce qui se déduit du registre suit, et les fichiers touchés sont ceux que nomme le guide.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  catalogue2026,
  completeCatalogue,
  extendRegistry,
  lintCatalogue,
  missingAmounts,
  parseCatalogue,
  quote,
  REGISTRY,
  registryOf,
  reviseCatalogue,
  safeParseCatalogue,
  type ModelDeclaration,
  type Tarifs,
} from '../../src/index.js';
import { jsonSchemas } from '../../scripts/json-schemas.js';
import { codeOf } from './ids.js';
import { guideModule, guideSection, mirror, ROOT, touchedFiles, writtenFiles } from './trial.js';

/** Le fichier du registre intégré des modèles : ce que `extendRegistry` fait sans l'écrire. */
const MODEL_REGISTRY = 'src/models/registry.ts';

const section = guideSection('## 8 bis. Ajouter un modèle de prix');
const module = guideModule(section, 'models');
const trial = mirror([module]);
afterAll(() => trial.remove());

describe('ajouter un modèle de prix, comme le guide le dit', () => {
  it('le guide nomme exactement les fichiers que l’essai touche : le module, et le registre des modèles', () => {
    expect(writtenFiles(trial.root)).toEqual([module.path]);
    expect(touchedFiles(section)).toEqual([module.path, MODEL_REGISTRY]);
    // Le registre des modèles est bien le fichier qui liste les modèles et leurs familles.
    const code = codeOf(join(ROOT, MODEL_REGISTRY)).split('\n');
    expect(code).toEqual(expect.arrayContaining(['MODELS', 'FAMILIES', 'forfaitAdherent']));
  });

  it('le module du guide, passé à extendRegistry : schémas, complément, révision, montants manquants, vérification suivent', async () => {
    const exported = (await import(pathToFileURL(join(trial.root, module.path)).href)) as Record<string, ModelDeclaration>;
    const model = Object.values(exported)[0]!;
    expect(model.nom).toBe('parMillierHabitants');
    const registry = extendRegistry({ modeles: [model], familles: { forfaitAdherent: [model.nom] } });
    expect(registry.modeles.map((m) => m.nom)).toContain('parMillierHabitants');
    expect(registry.familles['forfaitAdherent']).toEqual(['forfait', 'parHabitant', 'forfaitParStrate', 'parMillierHabitants']);
    // Le registre intégré n'a pas changé.
    expect(REGISTRY.modeles.map((m) => m.nom)).not.toContain('parMillierHabitants');

    const base = parseCatalogue(JSON.parse(JSON.stringify(catalogue2026)), { registry });
    expect(registryOf(base)).toBe(registry);
    const tarifs = { millesime: 2026, source: "Montants d'exemple", prestations: { dpo: { abonnement: { modele: 'parMillierHabitants', prixParMillier: '40.00' } } } };
    const complet = completeCatalogue(base, tarifs as unknown as Tarifs);
    expect(registryOf(complet)).toBe(registry);

    const devis = quote(
      { collectivite: { nom: 'Commune', siren: '219000106', type: 'commune', population: 2500 }, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, dpo: {} } },
      { catalogue: complet },
    );
    const dpo = devis.lignes.find((l) => l.prestation === 'dpo')!;
    // 2 500 habitants : 3 milliers commencés × 40 €.
    expect(dpo.montant).toBe('120.00');
    expect(dpo.detail).toBe("3 milliers d'habitants (quantité demandée : 2,5, arrondie à l'unité supérieure) × 40,00 € = 120,00 €");
    expect(dpo.calcul).toMatchObject({ type: 'produit', quantite: '3', demandee: '2.5', prixUnitaire: '40.00', montant: '120.00' });

    const draft = JSON.parse(JSON.stringify(complet)) as { prestations: { dpo: { composantes: { abonnement: Record<string, unknown> } } } };
    draft.prestations.dpo.composantes.abonnement['prixParMillier'] = null;
    expect(missingAmounts(draft, { registry }).filter((m) => m.prestation === 'dpo').map((m) => m.cheminTarifs)).toEqual(['prestations.dpo.abonnement.prixParMillier']);
    expect(lintCatalogue(complet).filter((f) => f.prestation === 'dpo')).toEqual([]);

    draft.prestations.dpo.composantes.abonnement['prixParMillier'] = '1.23456';
    const trop = safeParseCatalogue(draft, { registry });
    expect(trop.success ? [] : trop.issues.map((i) => i.path.join('.'))).toEqual(['prestations.dpo.composantes.abonnement.prixParMillier']);

    const revise = reviseCatalogue(complet, { millesime: 2027, libelle: 'Catalogue 2027', source: 'Délibération', indexation: { pourcentage: '10' } });
    expect((revise.prestations.dpo.composantes.abonnement as unknown as Record<string, unknown>)['prixParMillier']).toBe('44.00');
    expect(JSON.stringify(jsonSchemas(registry).tarifs)).toContain('prixParMillier');

    // Selon le registre intégré, le même catalogue est refusé : le modèle n'y existe pas.
    expect(safeParseCatalogue(JSON.parse(JSON.stringify(complet))).success).toBe(false);
    expect(JSON.stringify(jsonSchemas().tarifs)).not.toContain('prixParMillier');
  });

  it('un nom de modèle déjà pris, une famille ou un modèle inconnus sont refusés', () => {
    expect(() => extendRegistry({ modeles: [REGISTRY.modeles[0]!] })).toThrow(/existe déjà/);
    expect(() => extendRegistry({ familles: { inconnue: ['forfait'] } })).toThrow(/famille de modèles « inconnue »/);
    expect(() => extendRegistry({ familles: { grille: ['absent'] } })).toThrow(/« absent » n'est pas dans le registre/);
  });
});

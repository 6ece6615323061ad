import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceFiles } from './ids.js';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
const WORK = mkdtempSync(join(tmpdir(), 'te90-modele-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** Le module d'exemple du guide (« Ajouter un modèle de prix ») : son chemin et son code. */
function guideModel(): { path: string; code: string } {
  const guide = readFileSync(join(ROOT, 'docs', 'guide.md'), 'utf8');
  const blocks = [...guide.matchAll(/```typescript\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^ {3}/gm, ''));
  const code = blocks.find((b) => b.startsWith('// src/models/'));
  if (code === undefined) throw new Error('le guide n’a plus d’exemple de modèle');
  return { path: /^\/\/ (src\/models\/[\w-]+\.ts)/.exec(code)![1]!, code };
}

/** Les deux lignes du registre des modèles que le guide demande d'écrire, et rien d'autre. */
function register(registry: string): string {
  const steps: [string, string][] = [
    ["import { unitaire } from './unitaire.js';", "import { unitaire } from './unitaire.js';\nimport { parMillierHabitants } from './par-millier-habitants.js';"],
    ['parHabitant, forfaitParStrate] as const)', 'parHabitant, forfaitParStrate, parMillierHabitants] as const)'],
    ['forfaitAdherent: [forfait.nom, parHabitant.nom, forfaitParStrate.nom]', 'forfaitAdherent: [forfait.nom, parHabitant.nom, forfaitParStrate.nom, parMillierHabitants.nom]'],
  ];
  for (const [from, to] of steps) {
    expect(registry, `le registre n’a plus « ${from} »`).toContain(from);
    registry = registry.replace(from, to);
  }
  return registry;
}

/** Ce que le script lancé sur la copie vérifie : tout ce qui se déduit du registre. */
const CHECK = `
import { catalogue2026, completeCatalogue, missingAmounts, lintCatalogue, quote, reviseCatalogue, safeParseCatalogue, MODELES } from './src/index.js';
import { renderCatalogueText } from './src/documents/index.js';
import { jsonSchemas } from './src/schemas/json-schemas.js';
import { tarifsFromRange } from './src/spreadsheet/layout.js';

const tarifs = { millesime: 2026, source: "Montants d'exemple", prestations: { dpo: { abonnement: { modele: 'parMillierHabitants', prixParMillier: '40.00' } } } };
const complet = completeCatalogue(catalogue2026, tarifs as never);
const devis = quote(
  { collectivite: { nom: 'Commune', siren: '219000106', type: 'commune', population: 2500 }, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, dpo: {} } },
  { catalogue: complet },
);
const dpo = devis.lignes.find((l) => l.prestation === 'dpo')!;
const draft = JSON.parse(JSON.stringify(complet));
draft.prestations.dpo.composantes.abonnement.prixParMillier = null;
const manquants = missingAmounts(draft).filter((m) => m.prestation === 'dpo');
const trop = JSON.parse(JSON.stringify(complet));
trop.prestations.dpo.composantes.abonnement.prixParMillier = '1.23456';
const revise = reviseCatalogue(complet, { millesime: 2027, libelle: 'Catalogue 2027', source: 'Délibération', indexation: { pourcentage: '10' } });
const cellules = tarifsFromRange([['source', 'x'], ['prestations.dpo.abonnement.modele', 'parMillierHabitants'], ['prestations.dpo.abonnement.prixParMillier', '40,00']], 2026);
console.log(JSON.stringify({
  modeles: MODELES,
  montant: dpo.montant,
  detail: dpo.detail,
  calcul: dpo.calcul,
  manquants: manquants.map((m) => m.cheminTarifs),
  lint: lintCatalogue(complet).filter((f) => f.prestation === 'dpo').length,
  tropPrecis: (() => { const r = safeParseCatalogue(trop); return r.success ? [] : r.issues.map((i) => i.path.join('.')); })(),
  indexe: (revise.prestations.dpo.composantes.abonnement as unknown as Record<string, unknown>)['prixParMillier'],
  schema: JSON.stringify(jsonSchemas().tarifs).includes('prixParMillier'),
  tableur: cellules.issues.length === 0 ? cellules.value['prestations'] : cellules.issues,
  texte: renderCatalogueText(complet).includes("prix par millier d'habitants commencé"),
}));
`;

describe('ajouter un modèle de prix', () => {
  it('le module du guide et deux lignes du registre suffisent : schémas, complément, révision, montants manquants, vérification, tableur, affichage suivent', () => {
    cpSync(SRC, join(WORK, 'src'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(WORK, 'node_modules'), 'dir');
    const model = guideModel();
    writeFileSync(join(WORK, model.path), model.code);
    const registry = join(WORK, 'src', 'models', 'registry.ts');
    writeFileSync(registry, register(readFileSync(registry, 'utf8')));
    // Rien d'autre n'a changé : la copie ne diffère de src/ que par le nouveau module et le registre.
    const changed = sourceFiles(join(WORK, 'src'))
      .map((f) => relative(join(WORK, 'src'), f))
      .filter((f) => {
        try {
          return readFileSync(join(SRC, f), 'utf8') !== readFileSync(join(WORK, 'src', f), 'utf8');
        } catch {
          return true;
        }
      });
    expect(changed.sort()).toEqual(['models/par-millier-habitants.ts', 'models/registry.ts']);
    expect(readdirSync(join(WORK, 'src', 'models'))).toContain('par-millier-habitants.ts');

    writeFileSync(join(WORK, 'check.ts'), CHECK);
    // Les clients importent la bibliothèque par son nom : dans la copie, ce nom mène à la copie.
    const { paths } = (JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: unknown } }).compilerOptions;
    writeFileSync(join(WORK, 'tsconfig.json'), JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), compilerOptions: { paths }, include: ['src', 'check.ts'] }));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(WORK, 'check.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(WORK, 'tsconfig.json') },
    });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out['modeles']).toContain('parMillierHabitants');
    // 2 500 habitants : 3 milliers commencés × 40 €.
    expect(out['montant']).toBe('120.00');
    expect(out['detail']).toBe("3 milliers d'habitants (quantité demandée : 2,5, arrondie à l'unité supérieure) × 40,00 € = 120,00 €");
    expect(out['calcul']).toMatchObject({ type: 'produit', quantite: '3', demandee: '2.5', prixUnitaire: '40.00', montant: '120.00' });
    expect(out['manquants']).toEqual(['prestations.dpo.abonnement.prixParMillier']);
    expect(out['lint']).toBe(0);
    expect(out['tropPrecis']).toEqual(['prestations.dpo.composantes.abonnement.prixParMillier']);
    expect(out['indexe']).toBe('44.00');
    expect(out['schema']).toBe(true);
    expect(out['tableur']).toEqual({ dpo: { abonnement: { modele: 'parMillierHabitants', prixParMillier: '40.00' } } });
    expect(out['texte']).toBe(true);

    // Et la copie se compile, types déduits compris (ComposanteDe, ChampsDeTarif…).
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(WORK, 'tsconfig.json')], {
      cwd: WORK,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 240_000);
});

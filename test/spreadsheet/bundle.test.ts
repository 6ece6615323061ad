import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2026, completeCatalogue, pricePrestation, quote, type Adhesion, type Tarifs } from '../../src/index.js';

const DIR = join(__dirname, '..', '..', 'dist', 'tableur');
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');

/** Un contexte JavaScript nu, comme Apps Script : ni require, ni process, ni minuteries, ni modules. */
function bareContext(extra: Record<string, unknown> = {}): vm.Context {
  return vm.createContext({ ...extra });
}

function call(ctx: vm.Context, expression: string, ...args: unknown[]): unknown {
  ctx['__args'] = JSON.stringify(args);
  return JSON.parse(JSON.stringify(vm.runInContext(`(function () { var a = JSON.parse(__args); return ${expression}; })()`, ctx)));
}

const PLAGE = [
  ['champ', 'valeur'],
  ['collectivite.nom', 'Communauté exemple'],
  ['collectivite.siren', '200 000 172'],
  ['collectivite.type', 'epci'],
  ['collectivite.population', '12 500'],
  ['maintenanceBase.postes', 18],
  ['maintenanceBase.postesLicenceBL', 12],
  ['packDemat.sirens', '200000172; 200000107'],
  ['marchesPublics.acces', 3],
  ['marchesPublics.misesEnLigneAssistees', ''],
  ['secretariatMairie.jours', '2,5'],
  ['dpo', true],
  ['comedec', 'non'],
  ['', ''],
];
const TARIFS_PLAGE = [
  ['source', 'Montants de test (inventés)'],
  ['prestations.maintenanceBase.licenceBL.prixUnitaire', '95,50'],
  ['prestations.packDemat.parSiren.montant', 250.25],
  ['prestations.dpo.abonnement.montant', '1 400,00'],
];
const ADHESION = {
  collectivite: { nom: 'Communauté exemple', siren: '200000172', type: 'epci', population: 12500 },
  prestations: {
    maintenanceBase: { postes: 18, postesLicenceBL: 12 },
    packDemat: { sirens: ['200000172', '200000107'] },
    marchesPublics: { acces: 3 },
    secretariatMairie: { jours: 2.5 },
    dpo: {},
  },
} as Adhesion;
const TARIFS: Tarifs = {
  millesime: 2026,
  source: 'Montants de test (inventés)',
  prestations: {
    maintenanceBase: { licenceBL: { prixUnitaire: '95.50' } },
    packDemat: { parSiren: { montant: '250.25' } },
    dpo: { abonnement: { montant: '1400.00' } },
  },
};

let sheets: vm.Context;

beforeAll(() => {
  sheets = bareContext();
  vm.runInContext(read('apps-script/TE90Tarifs.gs'), sheets);
  vm.runInContext(read('apps-script/Fonctions.gs'), sheets);
});

describe('paquet autonome', () => {
  it('s’analyse en ES2019, comme le paquet et les glues', () => {
    for (const file of ['te90-tarifs.js', 'apps-script/Fonctions.gs', 'excel/functions.js']) {
      expect(() => parse(read(file), { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
    }
  });

  it('ne trouve ni require, ni process, ni minuteries dans le contexte nu', () => {
    expect(vm.runInContext('[typeof require, typeof process, typeof setTimeout, typeof module]', sheets)).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
    ]);
    expect(vm.runInContext('typeof TE90Tarifs.devis', sheets)).toBe('function');
  });
});

describe('fonctions Google Sheets (Apps Script)', () => {
  it('TE90_DEVIS : en-tête puis les mêmes lignes et les mêmes centimes que quote()', () => {
    const rows = call(sheets, 'TE90_DEVIS(a[0], a[1])', PLAGE, TARIFS_PLAGE) as unknown[][];
    const devis = quote(ADHESION, { catalogue: completeCatalogue(catalogue2026, TARIFS) });
    expect(rows[0]).toEqual(['Prestation', 'Composante', 'Libellé', 'SIREN', 'Quantité', 'Unité', 'Prix unitaire', 'Montant', 'Détail', 'Source']);
    expect(rows).toHaveLength(devis.lignes.length + 1);
    rows.slice(1).forEach((row, i) => {
      const l = devis.lignes[i]!;
      expect([row[0], row[1], row[3], row[8]]).toEqual([l.prestation, l.composante, l.siren, l.detail]);
      expect(typeof row[7]).toBe('number');
      expect(new Decimal(row[7] as number).toFixed(2)).toBe(l.montant);
      expect(new Decimal(row[4] as number).toFixed()).toBe(l.quantite);
    });
  });

  it('TE90_TOTAL : le total en nombre', () => {
    const totalCell = call(sheets, 'TE90_TOTAL(a[0], a[1])', PLAGE, TARIFS_PLAGE);
    const devis = quote(ADHESION, { catalogue: completeCatalogue(catalogue2026, TARIFS) });
    expect(new Decimal(totalCell as number).toFixed(2)).toBe(devis.total);
  });

  it('TE90_PRESTATION : une prestation seule', () => {
    expect(call(sheets, 'TE90_PRESTATION("marchesPublics", 2, 1)')).toBe(132);
    expect(call(sheets, 'TE90_PRESTATION("secretariatMairie", "2,5")')).toBe(900);
    expect(call(sheets, 'TE90_PRESTATION("maintenanceBase", 4, "")')).toBe(
      Number(pricePrestation('maintenanceBase', { postes: 4 }).total),
    );
    expect(call(sheets, 'TE90_PRESTATION("dpo", "", "", a[0])', TARIFS_PLAGE)).toBe(1400);
  });

  it('une entrée incorrecte donne un message lisible, jamais une exception', () => {
    const msg = call(sheets, 'TE90_TOTAL(a[0])', [['collectivite.nom', 'X'], ['collectivite.siren', '123']]) as string;
    expect(msg).toMatch(/^Erreur : /);
    expect(msg).toContain('collectivite.siren');
    expect(msg).toContain('obligatoire');
    expect(call(sheets, 'TE90_DEVIS(a[0])', [['dpo', 'oui']])).toEqual([[expect.stringMatching(/^Erreur : /)]]);
    expect(call(sheets, 'TE90_PRESTATION("inconnue", 1)')).toMatch(/Prestation inconnue/);
    expect(call(sheets, 'TE90_PRESTATION("dpo", 3)')).toMatch(/ne prend pas de paramètre/);
    expect(call(sheets, 'TE90_TOTAL(a[0], a[1])', PLAGE, [['source', 'x'], ['prestations.marchesPublics.acces.prixUnitaire', 60]])).toMatch(
      /TARIF_DEJA_PUBLIE|déjà publié/,
    );
  });

  it('propriété : des cellules quelconques donnent une valeur ou un message, jamais une exception', () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(''), fc.constant(null), fc.constantFrom(...PLAGE.map((r) => r[0])));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 12 }), fc.array(fc.tuple(cell, cell), { maxLength: 4 }), (plage, tarifs) => {
        const t = call(sheets, 'TE90_TOTAL(a[0], a[1])', plage, tarifs);
        expect(['number', 'string']).toContain(typeof t);
        if (typeof t === 'string') expect(t).toMatch(/^Erreur : /);
        const d = call(sheets, 'TE90_DEVIS(a[0], a[1])', plage, tarifs) as unknown[][];
        if (typeof t === 'string') expect(d).toEqual([[t]]);
        else expect(d[0]![0]).toBe('Prestation');
      }),
      { numRuns: 100 },
    );
  });
});

describe('fonctions Excel', () => {
  it('chaque fonction des métadonnées est enregistrée et répond comme dans Sheets', () => {
    const registered: Record<string, (...args: unknown[]) => unknown> = {};
    const ctx = bareContext({ CustomFunctions: { associate: (id: string, fn: (...a: unknown[]) => unknown) => (registered[id] = fn) } });
    vm.runInContext(read('excel/te90-tarifs.js'), ctx);
    vm.runInContext(read('excel/functions.js'), ctx);
    const meta = JSON.parse(read('excel/functions.json')) as { functions: { id: string; parameters: { optional?: boolean }[] }[] };
    expect(Object.keys(registered).sort()).toEqual(meta.functions.map((f) => f.id).sort());
    expect(registered['TE90_PRESTATION']!('marchesPublics', 2, 1, null)).toBe(132);
    expect(JSON.stringify(registered['TE90_TOTAL']!(PLAGE, TARIFS_PLAGE))).toBe(JSON.stringify(call(sheets, 'TE90_TOTAL(a[0], a[1])', PLAGE, TARIFS_PLAGE)));
    expect(read('excel/functions.html')).toContain('<script src="te90-tarifs.js"></script>');
  });
});

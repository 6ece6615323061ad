import { existsSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2026, completeCatalogue, pricePrestation, quote, type Adhesion, type Tarifs } from '../../src/index.js';
import { bareContext, BASE, BASE_TOTAL, call, globalsOf, REMARQUES_COMMUNE, read, sheetsContext, thrown } from './built.js';

const DIST_TABLEUR = join(__dirname, '..', '..', 'dist', 'tableur');

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
  sheets = sheetsContext();
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

  it('ne définit qu’un global, TE90Tarifs, même après avoir chiffré (ni __zod_globalConfig, ni symbole)', () => {
    const ctx = bareContext();
    const before = globalsOf(ctx);
    vm.runInContext(read('te90-tarifs.js'), ctx);
    vm.runInContext(`TE90Tarifs.total(${JSON.stringify(PLAGE)}, ${JSON.stringify(TARIFS_PLAGE)})`, ctx);
    vm.runInContext(`TE90Tarifs.tableau([['collectivite.nom'], ['X']])`, ctx);
    expect(globalsOf(ctx).filter((k) => !before.includes(k))).toEqual(['TE90Tarifs']);
  });

  it('une seule copie de chaque construction : Apps Script n’a que ses fonctions, le paquet est te90-tarifs.js', () => {
    expect(existsSync(join(DIST_TABLEUR, 'apps-script', 'TE90Tarifs.gs'))).toBe(false);
    expect(read('apps-script/Fonctions.gs')).not.toContain('__zod');
    expect(read('apps-script/Fonctions.gs').length).toBeLessThan(10_000);
  });
});

describe('fonctions Google Sheets (Apps Script)', () => {
  it('apps-script/appsscript.json : JSON valide, moteur V8, fuseau Europe/Paris, exceptions journalisées', () => {
    expect(JSON.parse(read('apps-script/appsscript.json'))).toEqual({ timeZone: 'Europe/Paris', dependencies: {}, exceptionLogging: 'STACKDRIVER', runtimeVersion: 'V8' });
  });

  it('TE90_DEVIS : en-tête puis les mêmes lignes et les mêmes centimes que quote()', () => {
    const rows = call(sheets, 'TE90_DEVIS(a[0], a[1])', PLAGE, TARIFS_PLAGE) as unknown[][];
    const devis = quote(ADHESION, { catalogue: completeCatalogue(catalogue2026, TARIFS) });
    expect(rows[0]).toEqual(['Prestation', 'Composante', 'Libellé', 'SIREN', 'Quantité', 'Unité', 'Prix unitaire', 'Montant', 'Détail', 'Source', 'Remarque']);
    expect(devis.totalPartiel).toBe(false);
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
    expect(call(sheets, 'TE90_PRESTATION("maintenanceBase", 4, 0)')).toBe(BASE_TOTAL);
    expect(call(sheets, 'TE90_PRESTATION("dpo", "", "", a[0])', TARIFS_PLAGE)).toBe(1400);
    expect(call(sheets, 'TE90_PRESTATION("dpo", a[0])', TARIFS_PLAGE)).toBe(1400);
  });

  it('TE90_TOTAL et TE90_PRESTATION lèvent Error(message) : #ERROR! et le message dans la note, qu’une somme n’ignore pas', () => {
    const e = thrown(() => call(sheets, 'TE90_TOTAL(a[0])', [['collectivite.nom', 'X'], ['collectivite.siren', '123']]));
    expect(e?.name).toBe('Error');
    expect(e?.message).not.toMatch(/^Erreur/);
    expect(e?.message).toContain('collectivite.siren');
    expect(e?.message).toContain('obligatoire');
    expect(thrown(() => call(sheets, 'TE90_PRESTATION("inconnue", 1)'))?.message).toMatch(/Prestation inconnue/);
    expect(thrown(() => call(sheets, 'TE90_PRESTATION("dpo", 3, 4)'))?.message).toBe('prestation : la prestation « dpo » prend au plus 1 quantité : quantite (population).');
    expect(thrown(() => call(sheets, 'TE90_TOTAL(a[0], a[1])', PLAGE, [['source', 'x'], ['prestations.marchesPublics.acces.prixUnitaire', 60]]))?.message).toMatch(
      /déjà publié/,
    );
  });

  it('TE90_DEVIS lève Error(message) : #ERROR!, qu’une somme sur le devis n’ignore pas en silence', () => {
    const e = thrown(() => call(sheets, 'TE90_DEVIS(a[0])', [['dpo', 'oui']]));
    expect(e?.name).toBe('Error');
    expect(e?.message).toContain('collectivite');
    expect(e?.message).toBe(thrown(() => call(sheets, 'TE90_TOTAL(a[0])', [['dpo', 'oui']]))?.message);
    // Une erreur interne est levée elle aussi, avec son préfixe.
    expect(thrown(() => vm.runInContext('te90Valeur_([["Erreur interne : x"]])', sheets))?.message).toBe('Erreur interne : x');
    // Un devis calculé n'est pas pris pour une erreur.
    expect((call(sheets, 'TE90_DEVIS(a[0])', BASE) as unknown[][])[0]![0]).toBe('Prestation');
  });

  it('les messages nomment la plage tarifs, jamais completeCatalogue ni --tarifs', () => {
    const sans = (expression: string, ...args: unknown[]) => thrown(() => call(sheets, expression, ...args))?.message ?? '';
    const messages = [
      sans('TE90_TOTAL(a[0])', [...BASE, ['dpo', 'oui']]),
      sans('TE90_TOTAL(a[0])', [...BASE.slice(0, 4), ['maintenanceBase.postesLicenceBL', 2]]),
      sans('TE90_PRESTATION("dpo")'),
      sans('TE90_PRESTATION("sauvegarde", 50, 1000)'),
      sans('TE90_TOTAL(a[0], a[1])', BASE, [['source', 'x'], ['prestations.marchesPublics.acces.prixUnitaire', 60]]),
      sans('TE90_DEVIS(a[0])', [['dpo', 'oui']]),
    ];
    // La voix du tableur est rédigée d'après les paramètres du problème, jamais d'après son texte.
    for (const m of messages) expect(m).not.toMatch(/completeCatalogue|--tarifs|fichier de tarifs|catalogue complété/);
    expect(messages[0]).toContain('indiquez-le dans la plage tarifs, sur une ligne « prestations.dpo.abonnement.montant »');
    expect(messages[1]).toContain('« prestations.maintenanceBase.licenceBL.prixUnitaire »');
    expect(messages[3]).toContain('« prestations.sauvegarde.grille.grille » (la grille, écrite en JSON)');
    expect(messages[4]).toContain('la plage tarifs ne complète que les montants non publiés');
    // Un exemple de correction se lit comme une ligne de la plage, pas comme du JSON.
    expect(messages[5]).toContain('« maintenanceBase.postes » : 1');
  });

  it('une date (du tableur ou d’un autre contexte JavaScript) est « une date », avec son jour', () => {
    const sameRealm = thrown(() => vm.runInContext(`TE90_TOTAL(${JSON.stringify(BASE)}.concat([['collectivite.population', new Date(2026, 0, 5)]]))`, sheets));
    const fn = vm.runInContext('TE90_TOTAL', sheets) as (plage: unknown) => unknown;
    const otherRealm = thrown(() => fn([...BASE, ['collectivite.population', new Date(2026, 0, 5)]]));
    const siren = thrown(() => fn([...BASE.slice(0, 1), ['collectivite.siren', new Date(2026, 0, 5)], ...BASE.slice(2)]));
    for (const e of [sameRealm, otherRealm]) {
      expect(e?.message).toBe(
        'plage, ligne 6, colonne B : « collectivite.population » : la cellule contient une date (05/01/2026), pas un nombre ; vérifiez son format (Format › Nombre, ou Texte brut).',
      );
    }
    // Le champ est signalé une fois : pas de « obligatoire » en plus pour le SIREN écrit en date.
    expect(siren?.message).toBe(
      'plage, ligne 2, colonne B : « collectivite.siren » : la cellule contient une date (05/01/2026), pas un SIREN ; vérifiez son format (Format › Nombre, ou Texte brut).',
    );
    const prestationFn = vm.runInContext('TE90_PRESTATION', sheets) as (...a: unknown[]) => unknown;
    expect(thrown(() => prestationFn('maintenanceBase', new Date(2026, 0, 5)))?.message).toBe('quantite (postes) : la cellule contient une date (05/01/2026), pas un nombre.');
    expect(thrown(() => prestationFn(new Date(2026, 0, 5)))?.message).toMatch(/^prestation : Prestation inconnue : une date \(05\/01\/2026\)/);
  });

  it('un champ écrit deux fois est signalé, dans la plage comme dans les tarifs', () => {
    expect(thrown(() => call(sheets, 'TE90_TOTAL(a[0])', [...BASE, ['maintenanceBase.postes', 5]]))?.message).toBe(
      "plage, ligne 6, colonne A : « maintenanceBase.postes » figure deux fois (ligne 4 et ligne 6) : n'en gardez qu'un, sinon on ne sait pas lequel compte.",
    );
    const tarifs = [
      ['source', 'x'],
      ['prestations.dpo.abonnement.montant', '1,00'],
      ['prestations.dpo.abonnement.montant', '2,00'],
    ];
    expect(thrown(() => call(sheets, 'TE90_TOTAL(a[0], a[1])', [...BASE, ['dpo', 'oui']], tarifs))?.message).toMatch(
      /^tarifs, ligne 3, colonne A : « prestations\.dpo\.abonnement\.montant » figure deux fois \(ligne 2 et ligne 3\)/,
    );
  });

  it('la colonne « Remarques » d’une commune porte la remarque de la bibliothèque : le barème appliqué en hypothèse', () => {
    expect(REMARQUES_COMMUNE).toContain('hypothèse du syndicat');
    const out = call(sheets, 'TE90_TABLEAU(a[0])', [
      ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL'],
      ['X', '219000106', 'commune', 4, 0],
      ['Y', '200000172', 'epci', 4, 0],
    ]) as unknown[][];
    expect(out[1]).toEqual([BASE_TOTAL, REMARQUES_COMMUNE]);
    expect(out[2]).toEqual([BASE_TOTAL, '']);
  });

  it('un nombre se lit comme le tableur l’affiche (15 chiffres significatifs) : =0,1+0,2 vaut 0,3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const dpo = [['source', 'x'], ['prestations.dpo.abonnement.montant', 0.1 + 0.2]];
    const avecDpo = call(sheets, 'TE90_TOTAL(a[0], a[1])', [...BASE, ['dpo', 'oui']], dpo) as number;
    expect(new Decimal(avecDpo).minus(BASE_TOTAL).toFixed(2)).toBe('0.30');
    const postes = [...BASE.slice(0, 3), ['maintenanceBase.postes', 0.1 * 3 * 10], ['maintenanceBase.postesLicenceBL', 0]];
    expect(0.1 * 3 * 10).not.toBe(3);
    expect(call(sheets, 'TE90_TOTAL(a[0])', postes)).toBe(Number(pricePrestation('maintenanceBase', { postes: 3 }).total));
    expect(call(sheets, 'TE90_PRESTATION("secretariatMairie", a[0])', 0.1 + 0.2 + 2.2)).toBe(900);
    expect(
      call(sheets, 'TE90_TABLEAU(a[0])', [
        ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL'],
        ['X', 219000106, 'commune', 0.1 * 3 * 10, 0],
      ]),
    ).toEqual([
      ['Total', 'Remarques'],
      [Number(pricePrestation('maintenanceBase', { postes: 3 }).total), REMARQUES_COMMUNE],
    ]);
  });

  it('TE90_TABLEAU : un tableau d’adhérents en un appel, un total (ou le message) par ligne, aligné sur le tableau', () => {
    const table = [
      ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'collectivite.population', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL', 'dpo', ''],
      ['Commune A', '219000106', 'commune', 850, 4, 0, 'non', 'note libre'],
      ['Commune B', '123', 'commune', 850, 4, 0, '', ''],
      ['', '', '', '', '', '', '', ''],
      ['Communauté C', '200 000 172', 'epci', '12 500', 18, 12, 'oui', ''],
    ];
    const out = call(sheets, 'TE90_TABLEAU(a[0], a[1])', table, TARIFS_PLAGE) as unknown[][];
    const catalogue = completeCatalogue(catalogue2026, TARIFS);
    const expected = (prestations: Adhesion['prestations'], collectivite: Adhesion['collectivite']) => Number(quote({ collectivite, prestations }, { catalogue }).total);
    expect(out).toEqual([
      ['Total', 'Remarques'],
      [expected({ maintenanceBase: { postes: 4, postesLicenceBL: 0 } }, { nom: 'Commune A', siren: '219000106', type: 'commune', population: 850 }), REMARQUES_COMMUNE],
      [expect.stringMatching(/^Erreur : tableau, ligne 3, colonne B \(collectivite\.siren\) : /), ''],
      ['', ''],
      [expected({ maintenanceBase: { postes: 18, postesLicenceBL: 12 }, dpo: {} }, { nom: 'Communauté C', siren: '200000172', type: 'epci', population: 12500 }), expect.any(String)],
    ]);
    // Sans tarifs, la ligne qui coche le DPO dit où fournir son montant ; les autres sont chiffrées.
    const sansTarifs = call(sheets, 'TE90_TABLEAU(a[0])', table) as unknown[][];
    expect(sansTarifs[1]).toEqual(out[1]);
    expect(sansTarifs[4]![0]).toMatch(/plage tarifs/);
    // Un en-tête faux est signalé sur chaque ligne, avec sa colonne.
    expect(call(sheets, 'TE90_TABLEAU(a[0])', [['collectivite.nom', 'collectivite.nom', 'adresse'], ['A', 'B', 'C']])).toEqual([
      ['Total', 'Remarques'],
      [
        expect.stringMatching(/^Erreur : tableau, ligne 1, colonne B : « collectivite\.nom » figure deux fois \(colonne A et colonne B\).*tableau, ligne 1, colonne C : Champ inconnu « adresse »/),
        '',
      ],
    ]);
    expect(call(sheets, 'TE90_TABLEAU(a[0])', [['', ''], ['A', 'B']])).toEqual([['Total', 'Remarques'], [expect.stringMatching(/première ligne du tableau doit nommer les champs/), '']]);
  });

  it('propriété : des cellules quelconques donnent une valeur, ou une exception qui porte un message', () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(''), fc.constant(null), fc.constantFrom(...PLAGE.map((r) => r[0])));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 12 }), fc.array(fc.tuple(cell, cell), { maxLength: 4 }), (plage, tarifs) => {
        const e = thrown(() => call(sheets, 'TE90_TOTAL(a[0], a[1])', plage, tarifs));
        if (e) {
          expect(e.name).toBe('Error');
          expect(e.message.length).toBeGreaterThan(0);
          expect(e.message).not.toMatch(/^Erreur : /);
        } else expect(typeof call(sheets, 'TE90_TOTAL(a[0], a[1])', plage, tarifs)).toBe('number');
        const d = thrown(() => call(sheets, 'TE90_DEVIS(a[0], a[1])', plage, tarifs));
        // Un total partiel est une erreur de TOTAL, pas de DEVIS, qui montre la part non chiffrée.
        if (e && !/^plage(, ligne \d+)? : total partiel : /.test(e.message)) expect(d?.message).toBe(e.message);
        else expect((call(sheets, 'TE90_DEVIS(a[0], a[1])', plage, tarifs) as unknown[][])[0]![0]).toBe('Prestation');
        const t = call(sheets, 'TE90_TABLEAU(a[0], a[1])', plage.length > 0 ? [plage.map((r) => r[0]), plage.map((r) => r[1])] : [], tarifs) as unknown[][];
        for (const [v] of t.slice(1)) expect(typeof v === 'number' || v === '' || /^Erreur : /.test(String(v))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

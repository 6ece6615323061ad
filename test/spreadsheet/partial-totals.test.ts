import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { pricePrestation, quote, type Adhesion } from '../../src/index.js';
import { call, excelFunctions, sheetsContext, StubExcelError, thrown } from './built.js';

/** examples/commune.json sans `postesLicenceBL` : la bibliothèque en fait un devis au total partiel. */
const EXEMPLE = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'commune.json'), 'utf8')) as { prestations: { maintenanceBase: Record<string, unknown> } };
delete EXEMPLE.prestations.maintenanceBase['postesLicenceBL'];
const COMMUNE = EXEMPLE as unknown as Adhesion;
const DEVIS = quote(COMMUNE);

/** La même adhésion, en deux colonnes « champ | valeur », comme dans une feuille. */
const PLAGE = [
  ['collectivite.nom', 'Foussemagne'],
  ['collectivite.siren', '219 000 494'],
  ['collectivite.type', 'commune'],
  ['collectivite.population', 869],
  ['maintenanceBase.postes', 4],
  ['marchesPublics.acces', 1],
  ['marchesPublics.misesEnLigneAssistees', 2],
  ['secretariatMairie.jours', '2,5'],
];
const COMPLETE = [...PLAGE, ['maintenanceBase.postesLicenceBL', 0]];
const PART2 = '« Maintenance de base — part 2 : postes sous licence Berger Levrault »';

let sheets: vm.Context;
let excel: ReturnType<typeof excelFunctions>;
beforeAll(() => {
  sheets = sheetsContext();
  excel = excelFunctions();
});

describe('un total partiel ne se lit jamais comme complet dans une cellule', () => {
  it('la bibliothèque dit le devis partiel : c’est ce que la feuille doit redire', () => {
    expect(DEVIS.totalPartiel).toBe(true);
    expect(DEVIS.manquants.map((m) => m.path.join('.'))).toEqual(['prestations.maintenanceBase.postesLicenceBL']);
    expect(DEVIS.remarques.length).toBeGreaterThan(0);
  });

  it('TE90_TOTAL : une erreur qui nomme ce qui manque, au lieu du nombre', () => {
    const e = thrown(() => call(sheets, 'TE90_TOTAL(a[0])', PLAGE));
    expect(e?.name).toBe('Error');
    expect(e?.message).toContain(PART2);
    expect(e?.message).toContain('« maintenanceBase.postesLicenceBL »');
    expect(e?.message).toContain('partiel à VRAI');
    // Le champ présent mais vide est situé dans la plage.
    expect(thrown(() => call(sheets, 'TE90_TOTAL(a[0])', [...PLAGE, ['maintenanceBase.postesLicenceBL', '']]))?.message).toMatch(/^plage, ligne 9, colonne B : total partiel : /);
    // Complet : le nombre, comme avant.
    expect(call(sheets, 'TE90_TOTAL(a[0])', COMPLETE)).toBe(Number(quote({ ...COMMUNE, prestations: { ...COMMUNE.prestations, maintenanceBase: { postes: 4, postesLicenceBL: 0 } } } as Adhesion).total));
  });

  it('TE90_TOTAL(plage; ; VRAI) (ou TE90_TOTAL(plage; VRAI)) : le total partiel, et à côté ce qui manque', () => {
    for (const expression of ['TE90_TOTAL(a[0], null, true)', 'TE90_TOTAL(a[0], true)', 'TE90_TOTAL(a[0], "", "VRAI")', 'TE90_TOTAL(a[0], [[1]])']) {
      const out = call(sheets, expression, PLAGE) as unknown[][];
      expect(out, expression).toHaveLength(1);
      expect(out[0]![0], expression).toBe(Number(DEVIS.total));
      expect(String(out[0]![1]), expression).toMatch(/^Total partiel : la part « Maintenance de base — part 2 /);
    }
    // Complet : le total et une cellule vide ; la forme ne dépend pas des données.
    expect(call(sheets, 'TE90_TOTAL(a[0], null, true)', COMPLETE)).toEqual([[expect.any(Number), '']]);
    expect(thrown(() => call(sheets, 'TE90_TOTAL(a[0], null, "peut-être")', PLAGE))?.message).toMatch(/^partiel : écrivez VRAI ou FAUX/);
  });

  it('Excel : TOTAL lève #VALEUR! avec ce qui manque ; partiel VRAI rend [total, note]', () => {
    const e = thrown(() => excel['TOTAL']!(PLAGE, null, null));
    expect(e?.value).toBeInstanceOf(StubExcelError);
    expect(e?.message).toContain(PART2);
    const out = excel['TOTAL']!(PLAGE, null, true) as unknown[][];
    expect(out[0]![0]).toBe(Number(DEVIS.total));
    expect(String(out[0]![1])).toMatch(/^Total partiel : /);
  });

  it('TE90_PRESTATION : une prestation au montant partiel est une erreur qui nomme la quantité à remplir', () => {
    // La bibliothèque le dit aussi d'une prestation seule.
    expect(pricePrestation('maintenanceBase', { postes: 4 }).totalPartiel).toBe(true);
    expect(pricePrestation('maintenanceBase', { postes: 4, postesLicenceBL: 0 }).totalPartiel).toBe(false);
    expect(thrown(() => call(sheets, 'TE90_PRESTATION("maintenanceBase", 4)'))?.message).toBe(
      `quantite2 (postesLicenceBL) : total partiel : la part ${PART2} n'est pas chiffrée, faute de « quantite2 » ; remplissez-le.`,
    );
    expect(call(sheets, 'TE90_PRESTATION("maintenanceBase", a[0], a[1])', [[4], [4]], [[0], ['']])).toEqual([
      [Number(pricePrestation('maintenanceBase', { postes: 4, postesLicenceBL: 0 }).total)],
      [expect.stringMatching(/^Erreur : quantite2 \(postesLicenceBL\) : total partiel : /)],
    ]);
    expect(thrown(() => excel['PRESTATION']!('maintenanceBase', 4))?.value).toBeInstanceOf(StubExcelError);
  });

  it('TE90_DEVIS : une ligne « non chiffré » pour la part qui manque, et les remarques pour l’adhérent', () => {
    const rows = call(sheets, 'TE90_DEVIS(a[0])', PLAGE) as unknown[][];
    const header = rows[0]!;
    expect(header).toContain('Remarque');
    const montant = header.indexOf('Montant');
    const missing = rows.filter((r) => r[1] === 'licenceBL');
    expect(missing).toHaveLength(1);
    expect(String(missing[0]![montant])).toMatch(/^Non chiffré : /);
    const remarques = rows.map((r) => r[header.indexOf('Remarque')]).join('\n');
    for (const w of DEVIS.remarques) expect(remarques).toContain(w.message);
    // Les lignes chiffrées sont celles du devis, leurs montants en nombres.
    expect(rows.filter((r) => typeof r[montant] === 'number')).toHaveLength(DEVIS.lignes.length);
  });

  it('Excel : DEVIS met l’erreur #N/A dans le montant non chiffré, qu’une somme n’ignore pas', () => {
    const rows = excel['DEVIS']!(PLAGE, null) as unknown[][];
    const montant = rows[0]!.indexOf('Montant');
    const row = rows.find((r) => r[1] === 'licenceBL')!;
    expect(row[montant]).toBeInstanceOf(StubExcelError);
    expect((row[montant] as StubExcelError).code).toBe('#N/A');
    // Seul le montant est une erreur : le détail se lit.
    expect(row.filter((c) => c instanceof StubExcelError)).toHaveLength(1);
    expect(String(row[rows[0]!.indexOf('Détail')])).toContain('maintenanceBase.postesLicenceBL');
  });

  it('TE90_TABLEAU : la ligne partielle est une erreur située, sauf avec partiel ; les remarques à côté', () => {
    const table = [
      ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL'],
      ['Commune A', '219000106', 'commune', 4, 0],
      ['Commune B', '200000172', 'commune', 4, ''],
    ];
    const out = call(sheets, 'TE90_TABLEAU(a[0])', table) as unknown[][];
    expect(out[0]).toEqual(['Total', 'Remarques']);
    expect(typeof out[1]![0]).toBe('number');
    expect(String(out[2]![0])).toMatch(/^Erreur : tableau, ligne 3, colonne E : total partiel : /);
    expect(String(out[2]![1])).toContain('partiel');
    const partial = call(sheets, 'TE90_TABLEAU(a[0], true)', table) as unknown[][];
    expect(partial[2]![0]).toBe(out[1]![0]);
    expect(String(partial[2]![1])).toMatch(/^Total partiel : /);
    const x = excel['TABLEAU']!(table, null, null) as unknown[][];
    expect(x[2]![0]).toBeInstanceOf(StubExcelError);
  });
});

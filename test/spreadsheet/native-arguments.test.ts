import type vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { pricePrestation } from '../../src/index.js';
import { PRESTATIONS } from '../../src/prestations/registry.js';
import { argumentNames } from '../../src/spreadsheet/mapping.js';
import { BASE, call, excelFunctions, read, sheetsContext, StubExcelError, thrown } from './built.js';

const TARIFS_DPO = [
  ['source', 'Montants d’exemple (inventés pour le test)'],
  ['prestations.dpo.abonnement.montant', '400,00'],
];
const amount = (id: Parameters<typeof pricePrestation>[0], params: Record<string, unknown>) => Number(pricePrestation(id, params as never).total);

let sheets: vm.Context;
let excel: ReturnType<typeof excelFunctions>;
beforeAll(() => {
  sheets = sheetsContext();
  excel = excelFunctions();
});

describe('des paramètres nommés, dans un ordre naturel', () => {
  it('PRESTATION(prestation; quantite; quantite2; tarifs) : des noms qui disent ce qu’ils sont, dans l’aide des deux tableurs', () => {
    const meta = JSON.parse(read('excel/functions.json')) as { functions: { name: string; parameters: { name: string; description: string }[] }[] };
    const prestation = meta.functions.find((f) => f.name === 'PRESTATION')!;
    expect(prestation.parameters.map((p) => p.name)).toEqual(['prestation', 'quantite', 'quantite2', 'tarifs']);
    expect(read('apps-script/Fonctions.gs')).toContain('function TE90_PRESTATION(prestation, quantite, quantite2, tarifs)');
    expect(read('apps-script/Fonctions.gs')).not.toContain('parametre1');
    // L'aide de chaque quantité dit, pour chaque prestation qui en prend, ce qu'elle est.
    const gs = read('apps-script/Fonctions.gs');
    PRESTATIONS.forEach((d) => argumentNames(d as never).forEach((name, i) => expect(prestation.parameters[i + 1]!.description).toContain(name)));
    for (const d of PRESTATIONS) for (const name of argumentNames(d as never)) expect(gs).toContain(`${d.id} : `);
  });

  it('DEVIS : une cellule seule donnée pour tarifs est refusée, située, au lieu d’être ignorée', () => {
    const e = thrown(() => call(sheets, 'TE90_DEVIS(a[0], a[1])', BASE, 'junk'));
    expect(e?.message).toMatch(/^tarifs, ligne 1, colonne A : Champ inconnu « junk »/);
  });

  it('la plage tarifs se reconnaît à ses champs : plus de « ;;; » pour une prestation sans quantité', () => {
    expect(call(sheets, 'TE90_PRESTATION("dpo", a[0])', TARIFS_DPO)).toBe(400);
    expect(call(sheets, 'TE90_PRESTATION("dpo", "", "", a[0])', TARIFS_DPO)).toBe(400);
    expect(excel['PRESTATION']!('dpo', TARIFS_DPO)).toEqual([[400]]);
    // Entre deux quantités, la plage tarifs ne décale pas la seconde.
    expect(call(sheets, 'TE90_PRESTATION("maintenanceBase", 4, a[0], 0)', TARIFS_DPO)).toBe(amount('maintenanceBase', { postes: 4, postesLicenceBL: 0 }));
    const withDpo = call(sheets, 'TE90_TOTAL(a[0], a[1])', [...BASE, ['dpo', 'oui']], TARIFS_DPO);
    expect(typeof withDpo).toBe('number');
    expect(call(sheets, 'TE90_TOTAL(a[0], false, a[1])', [...BASE, ['dpo', 'oui']], TARIFS_DPO)).toBe(withDpo);
    // Deux plages de tarifs : on ne sait pas laquelle compte.
    expect(thrown(() => call(sheets, 'TE90_PRESTATION("dpo", a[0], a[0])', TARIFS_DPO))?.message).toMatch(/^tarifs : deux plages de tarifs/);
  });
});

describe('des fonctions qui prennent des plages (ARRAYFORMULA, plages déversées)', () => {
  it('Google Sheets, ARRAYFORMULA : une colonne de quantités donne une colonne de montants, chaque cellule le sien ou son erreur', () => {
    const out = call(sheets, 'TE90_PRESTATION("secretariatMairie", a[0])', [[1], ['2,5'], ['x'], [3]]) as unknown[][];
    expect(out).toEqual([[300], [900], [expect.stringMatching(/^Erreur : quantite \(jours\) : /)], [900]]);
  });

  it('les plages de même forme vont ensemble, cellule par cellule ; une valeur seule vaut pour chaque cellule', () => {
    const ids = [['marchesPublics'], ['maintenanceBase'], ['dpo']];
    const q1 = [[2], [4], ['']];
    const q2 = [[1], [0], ['']];
    expect(call(sheets, 'TE90_PRESTATION(a[0], a[1], a[2], a[3])', ids, q1, q2, TARIFS_DPO)).toEqual([
      [amount('marchesPublics', { acces: 2, misesEnLigneAssistees: 1 })],
      [amount('maintenanceBase', { postes: 4, postesLicenceBL: 0 })],
      [400],
    ]);
    expect(call(sheets, 'TE90_PRESTATION("marchesPublics", a[0], 1)', [[1, 2]])).toEqual([[amount('marchesPublics', { acces: 1, misesEnLigneAssistees: 1 }), amount('marchesPublics', { acces: 2, misesEnLigneAssistees: 1 })]]);
    expect(thrown(() => call(sheets, 'TE90_PRESTATION("marchesPublics", a[0], a[1])', [[1], [2]], [[1], [2], [3]]))?.message).toMatch(/même taille/);
  });

  it('Excel, plage déversée : la même plage de montants, une erreur #VALEUR! dans la cellule refusée', () => {
    const out = excel['PRESTATION']!('secretariatMairie', [[1], ['x']]) as unknown[][];
    expect(out[0]).toEqual([300]);
    expect(out[1]![0]).toBeInstanceOf(StubExcelError);
    expect((out[1]![0] as StubExcelError).message).toMatch(/^quantite \(jours\) : /);
    // Une valeur seule arrive en [[v]] : un montant seul, dans une plage d'une cellule.
    expect(excel['PRESTATION']!('marchesPublics', 2, 1)).toEqual([[132]]);
    expect(thrown(() => excel['PRESTATION']!('inconnue', 1))?.value).toBeInstanceOf(StubExcelError);
  });
});

describe('chaque problème situé : plage, ligne, colonne', () => {
  it('plage, ligne N (champ) pour un champ de la plage', () => {
    expect(thrown(() => call(sheets, 'TE90_TOTAL(a[0])', [['collectivite.nom', 'X'], ['collectivite.siren', '123'], ['collectivite.type', 'commune'], ['maintenanceBase.postes', 4], ['maintenanceBase.postesLicenceBL', 0]]))?.message).toBe(
      'plage, ligne 2, colonne B (collectivite.siren) : Le SIREN « 123 » doit compter exactement 9 chiffres.',
    );
  });

  it('tableau, ligne N, colonne X (champ) pour une cellule d’un tableau ; ligne 1 pour son en-tête', () => {
    const out = call(sheets, 'TE90_TABLEAU(a[0])', [
      ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL'],
      ['A', '219000106', 'commune', 0, 0],
    ]) as unknown[][];
    expect(String(out[1]![0])).toMatch(/^Erreur : tableau, ligne 2, colonne D \(maintenanceBase\.postes\) : /);
    const header = call(sheets, 'TE90_TABLEAU(a[0])', [['collectivite.nom', 'adresse'], ['A', 'x']]) as unknown[][];
    expect(String(header[1]![0])).toContain('tableau, ligne 1, colonne B : Champ inconnu « adresse »');
  });

  it('tarifs, ligne N (champ) pour un montant illisible', () => {
    expect(thrown(() => call(sheets, 'TE90_PRESTATION("dpo", a[0])', [['source', 'x'], ['prestations.dpo.abonnement.montant', 'abc']]))?.message).toMatch(
      /^tarifs, ligne 2, colonne B \(prestations\.dpo\.abonnement\.montant\) : Montant illisible/,
    );
  });
});

import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cellNumber, checkbox, decimalText, describeCell, isDate, quantity, text, toRows } from '../../src/spreadsheet/cells.js';
import { adhesionFromRange, adhesionFromEntries, tarifsFromRange } from '../../src/spreadsheet/layout.js';

describe('cellules', () => {
  it('lit les décimaux à la française ou à l’anglaise, sans passer par un calcul', () => {
    expect(decimalText('574,88')).toBe('574.88');
    expect(decimalText('1 234,56')).toBe('1234.56');
    expect(decimalText('1\u202f234,5')).toBe('1234.5');
    expect(decimalText(2.5)).toBe('2.5');
    expect(decimalText('deux')).toBeUndefined();
    expect(decimalText(Number.NaN)).toBeUndefined();
    expect(quantity('2,5')).toBe(2.5);
    expect(quantity('abc')).toBe('abc');
  });

  it('lit un nombre comme le tableur l’affiche : 15 chiffres significatifs, sans notation exponentielle', () => {
    expect(cellNumber(0.1 + 0.2)).toBe(0.3);
    expect(cellNumber(0.1 * 3 * 10)).toBe(3);
    expect(cellNumber(1234.56)).toBe(1234.56);
    expect(cellNumber(Number.NaN)).toBeNaN();
    expect(decimalText(0.1 + 0.2)).toBe('0.3');
    expect(decimalText(1e-7)).toBe('0.0000001');
    expect(decimalText(1e21)).toBe('1000000000000000000000');
    expect(decimalText(-0)).toBe('0');
    expect(quantity(0.1 + 0.2)).toBe(0.3);
    expect(text(219000106.00000003, 9)).toBe('219000106');
    expect(checkbox(1.0000000000000002)).toBe(true);
    // Un texte est lu tel qu'il est écrit : rien n'est arrondi.
    expect(decimalText('0,30000000000000004')).toBe('0.30000000000000004');
  });

  it('reconnaît une date, même venue d’un autre contexte JavaScript, et la nomme « une date »', () => {
    const other = vm.runInNewContext('new Date(2026, 0, 5)') as unknown;
    expect(other instanceof Date).toBe(false);
    expect([isDate(new Date()), isDate(other), isDate({}), isDate('2026-01-05'), isDate(null)]).toEqual([true, true, false, false, false]);
    expect(describeCell(other)).toBe('une date (05/01/2026)');
    expect(describeCell(new Date(Number.NaN))).toBe('une date invalide');
    expect(describeCell('x')).toBe('la chaîne « x »');
  });

  it('lit les cases à cocher', () => {
    expect([checkbox(true), checkbox('Oui'), checkbox('x'), checkbox(1), checkbox('VRAI')]).toEqual([true, true, true, true, true]);
    expect([checkbox(false), checkbox('non'), checkbox(''), checkbox(null), checkbox(0)]).toEqual([false, false, false, false, false]);
    expect(checkbox('peut-être')).toBeUndefined();
  });

  it('rend ses 9 chiffres à un SIREN saisi en nombre, et met une cellule seule en plage', () => {
    expect(text(21900010, 9)).toBe('021900010');
    expect(toRows('x')).toEqual([['x']]);
    expect(toRows(['a', 'b'])).toEqual([['a'], ['b']]);
  });
});

describe('disposition « champ | valeur »', () => {
  it('lit une adhésion, en sautant l’en-tête et les lignes vides', () => {
    const r = adhesionFromRange([
      ['Champ', 'Valeur'],
      ['collectivite.nom', 'Commune exemple'],
      ['collectivite.siren', 219000106],
      ['collectivite.type', 'Commune'],
      ['collectivite.population', '1 234'],
      ['collectivite.parcTransfere', 'non'],
      ['', ''],
      ['maintenanceBase.postes', 4],
      ['maintenanceBase.postesLicenceBL', ''],
      ['packDemat.sirens', '200000172 ; 200 000 107'],
      ['dpo', 'oui'],
      ['comedec', 'non'],
      ['secretariatMairie.jours', '2,5'],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual({
      collectivite: { nom: 'Commune exemple', siren: '219000106', type: 'commune', population: 1234, parcTransfere: false },
      prestations: {
        maintenanceBase: { postes: 4 },
        packDemat: { sirens: ['200000172', '200 000 107'] },
        dpo: {},
        secretariatMairie: { jours: 2.5 },
      },
    });
  });

  it('signale les champs inconnus et les cases illisibles, avec leur ligne', () => {
    const r = adhesionFromRange([
      ['collectivite.adresse', 'x'],
      ['dpo', 'peut-être'],
      ['maintenanceBase.postes.x', 1],
    ]);
    expect(r.issues.map((i) => [i.code, i.path.join(' ')])).toEqual([
      ['CHAMP_INCONNU', 'plage ligne 1'],
      ['ENTREE_INVALIDE', 'plage ligne 2'],
      ['CHAMP_INCONNU', 'plage ligne 3'],
    ]);
  });

  it('signale un champ écrit deux fois, au lieu de garder le second en silence', () => {
    const r = adhesionFromRange([
      ['maintenanceBase.postes', 4],
      ['dpo', 'oui'],
      ['maintenanceBase.postes', 5],
    ]);
    expect(r.issues).toEqual([
      {
        code: 'ENTREE_INVALIDE',
        path: ['plage', 'ligne 3'],
        message: "« maintenanceBase.postes » figure deux fois (ligne 1 et ligne 3) : n'en gardez qu'un, sinon on ne sait pas lequel compte.",
        params: { raison: 'champEnDouble', champ: 'maintenanceBase.postes', premier: 'ligne 1', second: 'ligne 3' },
      },
    ]);
    expect(r.value['prestations']).toEqual({ maintenanceBase: { postes: 4 }, dpo: {} });
    const t = tarifsFromRange(
      [
        ['source', 'a'],
        ['source', 'b'],
      ],
      2026,
    );
    expect(t.issues.map((i) => [i.code, i.path.join(' ')])).toEqual([['ENTREE_INVALIDE', 'tarifs ligne 2']]);
  });

  it('une date dans une cellule est signalée là où elle est, et son champ n’est pas signalé une seconde fois', () => {
    const date = vm.runInNewContext('new Date(2026, 0, 5)') as unknown;
    const r = adhesionFromEntries(
      [
        { key: 'collectivite.siren', value: date, where: 'colonne 2' },
        { key: 'maintenanceBase.postes', value: date, where: 'colonne 4' },
        { key: 'dpo', value: date, where: 'colonne 5' },
      ],
      'tableau',
    );
    expect(r.issues.map((i) => [i.path.join(' '), i.message])).toEqual([
      ['tableau colonne 2', '« collectivite.siren » : la cellule contient une date (05/01/2026), pas un SIREN ; vérifiez son format (Format › Nombre, ou Texte brut).'],
      ['tableau colonne 4', '« maintenanceBase.postes » : la cellule contient une date (05/01/2026), pas un nombre ; vérifiez son format (Format › Nombre, ou Texte brut).'],
      ['tableau colonne 5', '« dpo » : écrivez oui ou non (reçu une date (05/01/2026)).'],
    ]);
    expect(r.covered).toEqual(['collectivite.siren', 'prestations.maintenanceBase.postes']);
  });

  it('lit des tarifs, montants en chaînes décimales', () => {
    const r = tarifsFromRange(
      [
        ['source', 'Montants de test'],
        ['prestations.dpo.abonnement.montant', '1 400,50'],
        ['prestations.maintenanceBase.licenceBL.prixUnitaire', 95.5],
        ['prestations.sauvegarde.grille.grille', '{"strates":[{"de":0,"a":null}],"quotasGo":[50],"montants":[["10.00"]]}'],
      ],
      2026,
    );
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual({
      millesime: 2026,
      source: 'Montants de test',
      prestations: {
        dpo: { abonnement: { montant: '1400.50' } },
        maintenanceBase: { licenceBL: { prixUnitaire: '95.5' } },
        sauvegarde: { grille: { grille: { strates: [{ de: 0, a: null }], quotasGo: [50], montants: [['10.00']] } } },
      },
    });
  });
});

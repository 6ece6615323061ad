import { describe, expect, it } from 'vitest';
import { checkbox, decimalText, quantity, text, toRows } from '../../src/spreadsheet/cells.js';
import { readAdhesion, readTarifs } from '../../src/spreadsheet/layout.js';

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
    const r = readAdhesion([
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
    const r = readAdhesion([
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

  it('lit des tarifs, montants en chaînes décimales', () => {
    const r = readTarifs(
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

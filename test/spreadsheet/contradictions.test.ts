import { beforeAll, describe, expect, it } from 'vitest';
import type vm from 'node:vm';
import { adhesionFromRange } from '../../src/spreadsheet/layout.js';
import { BASE, BASE_TOTAL, call, REMARQUES_COMMUNE, sheetsContext, thrown } from './built.js';

const CONTREDIT =
  "plage, ligne 6, colonne B : « packDemat » n'est pas cochée (reçu la chaîne « non »), mais « packDemat.sirens » est rempli : cochez la prestation, ou videz son paramètre ; on ne sait pas si elle est demandée.";

let sheets: vm.Context;
beforeAll(() => {
  sheets = sheetsContext();
});

describe('cases contredites : une prestation décochée dont un paramètre est rempli', () => {
  it('est un problème (ENTREE_INVALIDE, caseContredite) à la case, avec ses paramètres', () => {
    const r = adhesionFromRange([...BASE, ['packDemat', 'non'], ['packDemat.sirens', '200000172']]);
    expect(r.issues).toEqual([
      {
        code: 'ENTREE_INVALIDE',
        path: ['plage', 'ligne 6'],
        message: expect.stringContaining('« packDemat » n'),
        params: { raison: 'caseContredite', champ: 'packDemat', recu: 'la chaîne « non »', parametres: ['packDemat.sirens'] },
      },
    ]);
    // Le paramètre écrit avant la case, une case FAUX : même problème.
    expect(adhesionFromRange([...BASE, ['packDemat.sirens', 200000172], ['packDemat', false]]).issues.map((i) => i.params)).toEqual([
      { raison: 'caseContredite', champ: 'packDemat', recu: 'le booléen false', parametres: ['packDemat.sirens'] },
    ]);
    // Une case vide, ou cochée, ne contredit rien ; une case « non » sans paramètre non plus.
    expect(adhesionFromRange([...BASE, ['packDemat', ''], ['packDemat.sirens', '200000172']]).issues).toEqual([]);
    expect(adhesionFromRange([...BASE, ['packDemat', 'oui'], ['packDemat.sirens', '200000172']]).issues).toEqual([]);
    expect(adhesionFromRange([...BASE, ['packDemat', 'non'], ['packDemat.sirens', '']]).issues).toEqual([]);
  });

  it('TE90_TOTAL et TE90_DEVIS la signalent avec les autres problèmes, au lieu de facturer le pack', () => {
    const plage = [...BASE, ['packDemat', 'non'], ['packDemat.sirens', '200000172'], ['dpo', 'peut-être']];
    for (const f of ['TE90_TOTAL', 'TE90_DEVIS']) {
      const e = thrown(() => call(sheets, `${f}(a[0])`, plage));
      expect(e?.message, f).toContain(CONTREDIT);
      expect(e?.message, f).toContain('plage, ligne 8, colonne B : « dpo » : écrivez oui ou non');
    }
    expect(call(sheets, 'TE90_TOTAL(a[0])', [...BASE, ['packDemat', 'non']])).toBe(BASE_TOTAL);
  });

  it('TE90_TABLEAU la signale sur la ligne de l’adhérent, les autres lignes sont chiffrées', () => {
    const table = [
      ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'packDemat', 'packDemat.sirens', 'maintenanceBase.postesLicenceBL'],
      ['Commune A', '219000106', 'commune', 4, 'non', '219000106', 0],
      ['Commune B', '200000172', 'commune', 4, 'non', '', 0],
    ];
    const out = call(sheets, 'TE90_TABLEAU(a[0])', table) as unknown[][];
    expect(String(out[1]![0])).toContain(
      "Erreur : tableau, ligne 2, colonne E : « packDemat » n'est pas cochée (reçu la chaîne « non »), mais « packDemat.sirens » est rempli : cochez la prestation, ou videz son paramètre ; on ne sait pas si elle est demandée.",
    );
    expect(out[2]).toEqual([BASE_TOTAL, REMARQUES_COMMUNE]);
  });
});

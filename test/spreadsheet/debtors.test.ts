import type vm from 'node:vm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADRESSE_FIELDS, DESTINATAIRE_FIELDS, quote, safeQuote, type Adhesion, type Destinataire } from '../../src/index.js';
import { BASE, call, excelContext, REMARQUES_COMMUNE, sheetsContext, StubExcelError, thrown } from './built.js';

let sheets: vm.Context;
let excel: ReturnType<typeof excelContext>;

beforeAll(() => {
  sheets = sheetsContext();
  excel = excelContext();
});

const COMMUNE = { nom: 'Commune exemple', siren: '219000106', type: 'commune' } as const;
const adhesion = (destinataires: readonly Destinataire[]): Adhesion =>
  ({ collectivite: COMMUNE, prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 } }, destinataires }) as unknown as Adhesion;

/** Le total d'une plage dans Google Sheets (une exception : #ERROR!) et dans Excel (une exception : #VALEUR!). */
function totals(range: unknown[][]): { sheets: unknown; excel: unknown } {
  const s = thrown(() => call(sheets, 'TE90_TOTAL(a[0])', range));
  // Excel rend une plage : le total seul est [[total]].
  const e = thrown(() => excel.registered['TOTAL']!(range, null, null));
  return {
    sheets: s === undefined ? call(sheets, 'TE90_TOTAL(a[0])', range) : { erreur: s.message },
    excel: e === undefined ? (excel.registered['TOTAL']!(range, null, null) as unknown[][])[0]![0] : { erreur: (e.value as StubExcelError).message },
  };
}

describe('les destinataires des factures dans une plage « champ | valeur »', () => {
  it('destinataires.<n°>.<champ> : chaque champ de la bibliothèque est lu, et le devis est celui de l’API', () => {
    const range = [
      ...BASE,
      ['destinataires.1.siren', '219000106'],
      ['destinataires.1.nom', 'Commune exemple'],
      ['destinataires.1.type', 'Commune'],
      ['destinataires.1.siret', '219 000 106 00019'],
      ['destinataires.1.codeService', 'FINANCES'],
      ['destinataires.1.engagement', 'EJ-2026-017'],
      ['destinataires.1.adresse.complement', 'Service finances'],
      ['destinataires.1.adresse.voie', '1 place de la Mairie'],
      ['destinataires.1.adresse.lieuDit', 'Le Bourg'],
      // Un code postal saisi en nombre retrouve son zéro de tête.
      ['destinataires.1.adresse.codePostal', 1000],
      ['destinataires.1.adresse.ville', 'Commune exemple'],
    ];
    // Tous les champs d'un destinataire de la bibliothèque sont admis, sans « Champ inconnu » ; ceux de l'adresse aussi.
    const keys = range.filter(([k]) => String(k).startsWith('destinataires.')).map(([k]) => String(k).split('.'));
    expect([...new Set(keys.map((k) => k[2]))]).toEqual(Object.keys(DESTINATAIRE_FIELDS));
    expect(keys.filter((k) => k[2] === 'adresse').map((k) => k[3])).toEqual(Object.keys(ADRESSE_FIELDS));
    const adresse = { complement: 'Service finances', voie: '1 place de la Mairie', lieuDit: 'Le Bourg', codePostal: '01000', ville: 'Commune exemple' };
    const destinataire = { siren: '219000106', nom: 'Commune exemple', type: 'commune', siret: '21900010600019', codeService: 'FINANCES', engagement: 'EJ-2026-017', adresse } as const;
    const expected = Number(quote(adhesion([destinataire])).total);
    expect(totals(range)).toEqual({ sheets: expected, excel: expected });
    // Lu tel quel : un code postal faux est refusé par la bibliothèque, nommé comme la plage l'écrit.
    const faux = totals(range.map(([k, v]) => (k === 'destinataires.1.adresse.codePostal' ? [k, '9040'] : [k, v])));
    expect(faux.sheets).toEqual({ erreur: expect.stringContaining('(destinataires.1.adresse.codePostal) : Un code postal compte exactement 5 chiffres') });
  });

  it('les écritures citées par les utilisateurs sont admises : destinataires.0.siren, destinataires.siret (le destinataire 1)', () => {
    const range = [...BASE, ['destinataires.0.siren', 219000106], ['destinataires.siren', '200000107'], ['destinataires.siret', 20000010700017]];
    const total = Number(quote(adhesion([])).total);
    expect(totals(range)).toEqual({ sheets: total, excel: total });
    // Le même champ écrit de deux façons pour le même destinataire : on ne saurait pas lequel compte.
    const twice = totals([...BASE, ['destinataires.siren', '219000106'], ['destinataires.1.siren', '219000106']]);
    expect(twice.sheets).toEqual({ erreur: 'plage, ligne 7, colonne A : « destinataires.1.siren » figure deux fois (« destinataires.siren », ligne 6 et ligne 7) : n\'en gardez qu\'un, sinon on ne sait pas lequel compte.' });
  });

  it('un champ de destinataire inconnu, ou « destinataires » seul, dit comment l’écrire', () => {
    for (const key of ['destinataires', 'destinataires.1.adresse', 'destinataires.1.adresse.rue', 'destinataires.1.siren.voie', 'destinataires.un.siren', 'destinataires.1.2.siren']) {
      const r = totals([...BASE, [key, '219000106']]);
      expect(r.sheets).toEqual({
        erreur: `plage, ligne 6, colonne A : Champ inconnu « ${key} » ; champs admis : destinataires.<n°>.siren|nom|type|siret|codeService|engagement, destinataires.<n°>.adresse.complement|voie|lieuDit|codePostal|ville.`,
      });
      expect(r.excel).toEqual(r.sheets);
    }
  });

  it('les vérifications sont celles de l’API : refusé si et seulement si l’API refuse, chaque problème nommé par son champ tel que la plage l’écrit', () => {
    const sirens = ['219000106', '200000107', '200000108', '12345'];
    const sirets = [undefined, '21900010600019', '20000010700017', '21900010600018', '2190001060001'];
    const texts = (max: number) => fc.constantFrom(undefined, 'Service', 'x'.repeat(max + 1));
    const debtor = fc.record({
      siren: fc.constantFrom(...sirens),
      nom: texts(200),
      siret: fc.constantFrom(...sirets),
      codeService: texts(100),
      engagement: texts(50),
    });
    fc.assert(
      fc.property(fc.array(debtor, { maxLength: 3 }), (list) => {
        const destinataires = list.map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as unknown as Destinataire);
        const range = [...BASE, ...destinataires.flatMap((d, i) => Object.entries(d).map(([field, value]) => [`destinataires.${i + 1}.${field}`, value]))];
        const api = safeQuote(adhesion(destinataires));
        const sheet = totals(range);
        expect(sheet.excel).toEqual(sheet.sheets);
        if (api.success) {
          expect(sheet.sheets).toBe(Number(api.data.total));
          return;
        }
        const message = (sheet.sheets as { erreur: string }).erreur;
        for (const issue of api.issues) {
          const [root, position, field] = issue.path;
          expect(root).toBe('destinataires');
          // Situé à sa ligne de la plage, et nommé comme la plage l'écrit (un destinataire qui contredit la collectivité : l'un de ses champs).
          expect(message).toMatch(new RegExp(`plage, ligne \\d+, colonne B \\(destinataires\\.${Number(position) + 1}\\.${field === undefined ? '\\w+' : String(field)}\\) : `));
          expect(message).toContain(issue.code === 'SIREN_EN_DOUBLE' ? `est déjà décrit par « destinataires.${Number(issue.params['position']) + 1}.siren »` : issue.message);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('un identifiant saisi en nombre : ses zéros de tête retrouvés (SIREN, SIRET) ; refusé clairement si le tableur a pu l’arrondir', () => {
    // 012345609 et son SIRET 01234560900015, saisis en nombres (le tableur ôte le zéro de tête).
    const own = [
      ['collectivite.nom', 'Commune Z'],
      ['collectivite.siren', 12345609],
      ['collectivite.type', 'commune'],
      ['maintenanceBase.postes', 1],
      ['maintenanceBase.postesLicenceBL', 0],
      ['destinataires.1.siren', 12345609],
      ['destinataires.1.siret', 1234560900015],
    ];
    const total = Number(quote({ collectivite: { nom: 'Commune Z', siren: '012345609', type: 'commune' }, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 } } } as Adhesion).total);
    expect(totals(own)).toEqual({ sheets: total, excel: total });
    for (const [cell, recu] of [
      [21900010600019.5, 'le nombre 21900010600019.5'],
      [2.19e16, 'le nombre 21900000000000000'],
      [-219000106, 'le nombre -219000106'],
    ] as const) {
      const r = totals([...BASE, ['destinataires.1.siren', '219000106'], ['destinataires.1.siret', cell]]);
      expect(r.sheets).toEqual({
        erreur: `plage, ligne 7, colonne B : « destinataires.1.siret » : la cellule contient ${recu}, que le tableur a pu arrondir (nombre à virgule, négatif, ou de plus de 15 chiffres) : saisissez l'identifiant en texte (Format › Nombre › Texte brut, ou une apostrophe devant).`,
      });
    }
  });

  it('une date dans la cellule d’un SIRET est nommée comme telle, sans que la bibliothèque le redise', () => {
    const r = thrown(() => excel.registered['TOTAL']!([...BASE, ['destinataires.1.siren', '219000106'], ['destinataires.1.siret', new Date(2026, 0, 5)]], null, null));
    expect((r?.value as StubExcelError).message).toBe(
      'plage, ligne 7, colonne B : « destinataires.1.siret » : la cellule contient une date (05/01/2026), pas un SIRET ; vérifiez son format (Format › Nombre, ou Texte brut).',
    );
  });
});

describe('les destinataires dans un tableau (une ligne par adhérent)', () => {
  it('TABLEAU : chaque ligne a ses destinataires, et une erreur reste sur sa ligne, nommée par sa colonne', () => {
    const table = [
      ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'destinataires.1.siren', 'destinataires.1.siret', 'destinataires.1.codeService', 'maintenanceBase.postesLicenceBL'],
      ['Commune A', '219000106', 'commune', 4, '219000106', '21900010600019', 'FINANCES', 0],
      ['Commune B', '200000016', 'commune', 2, '200000016', '20000016000018', '', 0],
    ];
    const total = Number(quote(adhesion([])).total);
    const s = call(sheets, 'TE90_TABLEAU(a[0])', table) as unknown[][];
    expect(s[1]).toEqual([total, REMARQUES_COMMUNE]);
    expect(String(s[2]![0])).toMatch(/^Erreur : tableau, ligne 3, colonne F \(destinataires\.1\.siret\) : /);
    const e = excel.registered['TABLEAU']!(table, null, null) as unknown[][];
    expect(e[1]).toEqual([total, REMARQUES_COMMUNE]);
    expect(e[2]![0]).toBeInstanceOf(StubExcelError);
  });
});

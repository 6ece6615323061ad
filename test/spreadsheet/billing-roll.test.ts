import { Decimal } from 'decimal.js';
import type vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { billingRoll, catalogue2026, completeCatalogue, type Adhesion, type Tarifs } from '../../src/index.js';
import { call, excelContext, read, sheetsContext, StubExcelError, thrown } from './built.js';

/** Les colonnes du rôle rendu par FACTURATION. */
const HEADER = [
  'Millésime',
  'Pièce du rôle',
  'SIREN débiteur',
  'Débiteur',
  'SIRET',
  'Code service',
  'Engagement',
  'Ligne',
  'Adhérent',
  'SIREN adhérent',
  'Prestation',
  'Composante',
  'Libellé',
  'Quantité',
  'Unité',
  'Prix unitaire',
  'Montant',
  'Détail',
  'Source',
  'Statut',
  'Message',
];
const col = (name: string) => HEADER.indexOf(name);

const TARIFS_RANGE = [
  ['source', 'Montants de test (inventés)'],
  ['prestations.packDemat.parSiren.montant', '250,25'],
];
const TARIFS: Tarifs = { millesime: 2026, source: 'Montants de test (inventés)', prestations: { packDemat: { parSiren: { montant: '250.25' } } } };
const CATALOGUE = completeCatalogue(catalogue2026, TARIFS);

const FIELDS = [
  'collectivite.nom',
  'collectivite.siren',
  'collectivite.type',
  'maintenanceBase.postes',
  'maintenanceBase.postesLicenceBL',
  'marchesPublics.acces',
  'packDemat.sirens',
  'destinataires.1.siren',
  'destinataires.1.nom',
  'destinataires.1.siret',
  'destinataires.1.codeService',
  'destinataires.1.engagement',
];
/** Trois adhérents sans conflit ; la commune paie le pack démat de son CCAS, qu'elle décrit (SIRET saisi en nombre). */
const TABLE = [
  FIELDS,
  ['Commune A', 219000106, 'commune', 4, 0, 2, '219000106; 200000107', 200000107, 'CCAS de A', 20000010700017, 'SOCIAL', 'EJ-2026-017'],
  ['Communauté B', '200 000 172', 'epci', 18, 12, '', '', '', '', '', '', ''],
  [],
  ['Commune C', '200000016', 'commune', 2, 1, 1, '', '200000016', '', '', 'FINANCES', ''],
];
const ADHESIONS: Adhesion[] = [
  {
    collectivite: { nom: 'Commune A', siren: '219000106', type: 'commune' },
    prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, marchesPublics: { acces: 2 }, packDemat: { sirens: ['219000106', '200000107'] } },
    destinataires: [{ siren: '200000107', nom: 'CCAS de A', siret: '20000010700017', codeService: 'SOCIAL', engagement: 'EJ-2026-017' }],
  } as Adhesion,
  { collectivite: { nom: 'Communauté B', siren: '200000172', type: 'epci' }, prestations: { maintenanceBase: { postes: 18, postesLicenceBL: 12 } } } as Adhesion,
  {
    collectivite: { nom: 'Commune C', siren: '200000016', type: 'commune' },
    prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 1 }, marchesPublics: { acces: 1 } },
    destinataires: [{ siren: '200000016', codeService: 'FINANCES' }],
  } as Adhesion,
];
/** La ligne du tableau de chaque adhésion (l'en-tête est la ligne 1, la ligne 4 est vide). */
const LINE_OF = [2, 3, 5];
const TARIFS_BL = [...TARIFS_RANGE, ['prestations.maintenanceBase.licenceBL.prixUnitaire', '95,50']];
const CATALOGUE_BL = completeCatalogue(catalogue2026, {
  ...TARIFS,
  prestations: { ...TARIFS.prestations, maintenanceBase: { licenceBL: { prixUnitaire: '95.50' } } },
});

let sheets: vm.Context;
let excel: ReturnType<typeof excelContext>;

beforeAll(() => {
  sheets = sheetsContext();
  excel = excelContext();
});

const inSheets = (table: unknown, tarifs?: unknown) => call(sheets, 'TE90_FACTURATION(a[0], a[1])', table, tarifs ?? null) as unknown[][];
const inExcel = (table: unknown, tarifs?: unknown) => excel.registered['FACTURATION']!(table, tarifs ?? null) as unknown[][];

describe('FACTURATION : le rôle de facturation, une ligne par ligne de facture', () => {
  it('est déclarée pour Google Sheets (TE90_FACTURATION) et Excel (TETARIFS.FACTURATION)', () => {
    expect(read('apps-script/Fonctions.gs')).toMatch(/function TE90_FACTURATION\(tableau, tarifs\)/);
    const meta = JSON.parse(read('excel/functions.json')) as { functions: { id: string; parameters: { name: string }[] }[] };
    expect(meta.functions.find((f) => f.id === 'FACTURATION')?.parameters.map((p) => p.name)).toEqual(['tableau', 'tarifs']);
  });

  it('rend les lignes du rôle de la bibliothèque, facture par facture : identifiants en texte, quantités et montants en nombres, le millésime', () => {
    const roll = billingRoll(ADHESIONS, { catalogue: CATALOGUE_BL });
    const expected = roll.factures.flatMap((f, n) =>
      f.lignes.map((l) => [
        roll.millesime,
        n + 1,
        f.debiteur.siren,
        f.debiteur.nom ?? '',
        f.debiteur.siret ?? '',
        f.debiteur.codeService ?? '',
        f.debiteur.engagement ?? '',
        LINE_OF[l.adherent.index],
        l.adherent.nom,
        l.adherent.siren,
        l.prestation,
        l.composante,
        l.libelle,
        Number(l.quantite),
        l.unite,
        Number(l.prixUnitaire),
        Number(l.montant),
        l.detail,
        l.source.reference,
        'A_FACTURER',
        '',
      ]),
    );
    for (const result of [inSheets(TABLE, TARIFS_BL), inExcel(TABLE, TARIFS_BL)]) {
      expect(result[0]).toEqual(HEADER);
      expect(result.slice(1)).toEqual(expected);
      // La somme des montants à facturer est le total du rôle, au centime (additionnée en décimal).
      const sum = result.slice(1).reduce((s, r) => s.plus(String(r[col('Montant')])), new Decimal(0));
      expect(sum.toFixed(2)).toBe(roll.total);
    }
    // La facture du CCAS porte ce que la commune en dit : SIRET saisi en nombre, lu en texte de 14 chiffres.
    const ccas = inSheets(TABLE, TARIFS_BL).find((r) => r[col('SIREN débiteur')] === '200000107')!;
    expect(ccas.slice(col('SIREN débiteur'), col('Engagement') + 1)).toEqual(['200000107', 'CCAS de A', '20000010700017', 'SOCIAL', 'EJ-2026-017']);
    expect(roll.factures.map((f) => f.debiteur.siren)).toEqual(['219000106', '200000107', '200000172', '200000016']);
  });

  it('un SIREN saisi en nombre retrouve ses zéros de tête, dans les colonnes du débiteur comme de l’adhérent', () => {
    const table = [
      ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL', 'destinataires.1.siren', 'destinataires.1.siret', 'destinataires.1.codeService', 'destinataires.1.engagement'],
      ['Commune Z', 12345609, 'commune', 1, 0, 12345609, 1234560900015, 123, 20260017],
    ];
    for (const result of [inSheets(table), inExcel(table)]) {
      const row = result[1]!;
      expect(row.slice(col('SIREN débiteur'), col('Engagement') + 1)).toEqual(['012345609', 'Commune Z', '01234560900015', '123', '20260017']);
      expect(row[col('SIREN adhérent')]).toBe('012345609');
    }
  });

  it('SIREN_FACTURE_DEUX_FOIS : chaque ligne en cause le dit, et son montant n’est pas un nombre (une erreur dans Excel) : aucune somme ne la compte', () => {
    // Le CCAS adhère aussi, et prend le pack démat pour lui-même : déjà facturé par la commune.
    const table = [...TABLE.slice(0, 2), ['CCAS de A', '200000107', 'ccas', 1, 0, '', '200000107', '', '', '', '', '']];
    const sheetsRows = inSheets(table, TARIFS_RANGE).slice(1);
    const excelRows = inExcel(table, TARIFS_RANGE).slice(1);
    const twice = (rows: unknown[][]) => rows.filter((r) => r[col('Statut')] === 'SIREN_FACTURE_DEUX_FOIS');
    expect(twice(sheetsRows).map((r) => [r[col('SIREN débiteur')], r[col('Ligne')], r[col('Prestation')]])).toEqual([
      ['200000107', 2, 'packDemat'],
      ['200000107', 3, 'packDemat'],
    ]);
    for (const r of twice(sheetsRows)) {
      expect(r[col('Montant')]).toMatch(/^Erreur : Le SIREN 200000107 serait facturé 2 fois la prestation « Pack dématérialisation », par les adhésions n° 2, n° 3/);
      expect(r[col('Message')]).toMatch(/^Le SIREN 200000107 serait facturé 2 fois/);
    }
    expect(twice(excelRows)).toHaveLength(2);
    for (const r of twice(excelRows)) {
      expect(r[col('Montant')]).toBeInstanceOf(StubExcelError);
      expect((r[col('Montant')] as StubExcelError).message).toMatch(/^Le SIREN 200000107 serait facturé 2 fois/);
    }
    // Les autres lignes restent à facturer, avec leur montant.
    for (const r of sheetsRows.filter((x) => x[col('Statut')] !== 'SIREN_FACTURE_DEUX_FOIS')) {
      expect(r[col('Statut')]).toBe('A_FACTURER');
      expect(typeof r[col('Montant')]).toBe('number');
    }
  });

  it('DEBITEUR_CONTRADICTOIRE : le CCAS décrit par la commune et par lui-même autrement ; chaque ligne de sa pièce le dit, TABLEAU aussi', () => {
    // Le CCAS adhère lui-même, avec ses propres données de facturation (champs collectivite.…, adresse comprise).
    const fields = [...FIELDS, 'collectivite.siret', 'collectivite.codeService', 'collectivite.engagement', 'collectivite.adresse.voie', 'collectivite.adresse.codePostal', 'collectivite.adresse.ville'];
    const commune = [...TABLE[1]!, '', '', '', '', '', ''];
    const ccas = ['CCAS de A', '200000107', 'ccas', 1, 0, '', '', '', '', '', '', '', 20000010700025, 'DIRECTION', 'EJ-CCAS-MAINT', '1 place de la Mairie', 90400, 'Commune A'];
    const table = [fields, commune, ccas];
    const rows = inSheets(table, TARIFS_RANGE).slice(1);
    const ofCcas = rows.filter((r) => r[col('SIREN débiteur')] === '200000107');
    expect(ofCcas.map((r) => [r[col('Ligne')], r[col('Prestation')], r[col('Statut')]])).toEqual([
      [2, 'packDemat', 'DEBITEUR_CONTRADICTOIRE'],
      [3, 'maintenanceBase', 'DEBITEUR_CONTRADICTOIRE'],
    ]);
    for (const r of ofCcas) {
      expect(r[col('Montant')]).toBe(
        "Erreur : Le SIREN 200 000 107 est décrit deux fois autrement, ligne 2 (ses champs destinataires.…) et ligne 3 (ses champs collectivite.…) : ils diffèrent par siret, codeService, engagement, adresse. Une facture n'a qu'un débiteur : donnez la même description aux deux endroits (ou une seule).",
      );
    }
    // Les lignes de la commune restent à facturer.
    expect(rows.filter((r) => r[col('SIREN débiteur')] === '219000106').every((r) => r[col('Statut')] === 'A_FACTURER')).toBe(true);
    const tableau = call(sheets, 'TE90_TABLEAU(a[0], a[1])', table, TARIFS_RANGE) as unknown[][];
    for (const line of [1, 2]) expect(tableau[line]![0]).toMatch(new RegExp(`^Erreur : tableau, ligne ${line + 1} : Le SIREN 200 000 107 est décrit deux fois autrement`));
    // D'accord (la commune ne dit que le nom du CCAS) : le débiteur a les données du CCAS lui-même, sans conflit.
    const accord = [fields, [...TABLE[1]!.slice(0, 8), 'CCAS de A', '', '', '', '', '', '', '', '', ''], ccas];
    const ok = inSheets(accord, TARIFS_RANGE).slice(1).filter((r) => r[col('SIREN débiteur')] === '200000107');
    expect(ok.map((r) => [r[col('SIRET')], r[col('Code service')], r[col('Engagement')], r[col('Statut')]])).toEqual([
      ['20000010700025', 'DIRECTION', 'EJ-CCAS-MAINT', 'A_FACTURER'],
      ['20000010700025', 'DIRECTION', 'EJ-CCAS-MAINT', 'A_FACTURER'],
    ]);
  });

  it('une collectivité présente deux fois : toutes ses lignes, sur les deux lignes du tableau, le disent', () => {
    const table = [TABLE[0]!, TABLE[2]!, TABLE[2]!];
    const rows = inSheets(table, TARIFS_BL).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r[col('Statut')]).toBe('SIREN_FACTURE_DEUX_FOIS');
      expect(typeof r[col('Montant')]).toBe('string');
    }
    expect(new Set(rows.map((r) => r[col('Ligne')]))).toEqual(new Set([2, 3]));
  });

  it('un montant manquant n’est jamais inventé : une part non chiffrée (MONTANT_MANQUANT), un tarif non publié (ADHESION_REFUSEE) n’ont pas de montant en nombre', () => {
    // La communauté B ne dit pas ses postes sous licence ; la commune D prend le DPO, dont le tarif n'est pas publié.
    const table = [
      ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL', 'dpo'],
      ['Communauté B', '200000172', 'epci', 18, '', 'non'],
      ['Commune D', '219000106', 'commune', 4, 0, 'oui'],
    ];
    for (const [rows, isError] of [
      [inSheets(table).slice(1), (v: unknown) => typeof v === 'string' && v.startsWith('Erreur : ')],
      [inExcel(table).slice(1), (v: unknown) => v instanceof StubExcelError],
    ] as const) {
      const missing = rows.find((r) => r[col('Statut')] === 'MONTANT_MANQUANT')!;
      expect(missing.slice(col('Pièce du rôle'), col('SIREN débiteur') + 1)).toEqual([1, '200000172']);
      expect([missing[col('Ligne')], missing[col('Prestation')], missing[col('Composante')], missing[col('Quantité')], missing[col('Prix unitaire')]]).toEqual([2, 'maintenanceBase', 'licenceBL', '', '']);
      expect(isError(missing[col('Montant')])).toBe(true);
      expect(missing[col('Message')]).toContain('« maintenanceBase.postesLicenceBL » n\'est pas renseigné');
      const refused = rows.find((r) => r[col('Statut')] === 'ADHESION_REFUSEE')!;
      expect([refused[col('Ligne')], refused[col('Adhérent')], refused[col('SIREN adhérent')]]).toEqual([3, 'Commune D', '219000106']);
      expect(isError(refused[col('Montant')])).toBe(true);
      expect(refused[col('Message')]).toContain('prestations.dpo.abonnement.montant');
      // Aucune ligne du DPO n'est au rôle, et toute ligne chiffrée l'est à partir d'un montant publié.
      expect(rows.filter((r) => r[col('Prestation')] === 'dpo')).toEqual([]);
      for (const r of rows) if (typeof r[col('Montant')] === 'number') expect(r[col('Statut')]).toBe('A_FACTURER');
    }
  });

  it('DESTINATAIRE_SANS_FACTURE : un destinataire décrit auquel rien n’est facturé est dit sur une ligne sans montant', () => {
    const table = [
      ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL', 'destinataires.2.siren', 'destinataires.2.nom'],
      ['Commune A', '219000106', 'commune', 4, 0, '200000107', 'CCAS de A'],
    ];
    for (const rows of [inSheets(table).slice(1), inExcel(table).slice(1)]) {
      const row = rows.find((r) => r[col('Statut')] === 'DESTINATAIRE_SANS_FACTURE')!;
      expect([row[col('Pièce du rôle')], row[col('SIREN débiteur')], row[col('Débiteur')], row[col('Ligne')], row[col('Montant')]]).toEqual(['', '200000107', 'CCAS de A', 2, '']);
      expect(row[col('Message')]).toMatch(/^destinataires\.2\.siren : Un destinataire est décrit pour le SIREN 200000107, auquel rien n'est facturé/);
    }
  });

  it('un tableau faux en entier (tarifs faux, en-tête absent) est une erreur de cellule : #ERROR! dans Google Sheets, #VALEUR! dans Excel', () => {
    for (const [table, tarifs, message] of [
      [TABLE, [['prestations.dpo.abonnement.montant', 'beaucoup']], /^tarifs/],
      [[[], ['Commune A', '219000106']], null, /^la première ligne du tableau doit nommer les champs/],
    ] as const) {
      const s = thrown(() => inSheets(table, tarifs));
      expect(s?.message).toMatch(message);
      const e = thrown(() => inExcel(table, tarifs));
      expect(e?.value).toBeInstanceOf(StubExcelError);
      expect((e?.value as StubExcelError).message).toMatch(message);
    }
    // Un tableau vide donne l'en-tête seul.
    expect(inSheets([['', '']])).toEqual([HEADER]);
  });
});

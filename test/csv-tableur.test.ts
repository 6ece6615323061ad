import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  compareCatalogues,
  parseCatalogue,
  quote,
  quoteAll,
  type Adhesion,
} from '../src/index.js';
import { renderBatchCsv, renderComparisonCsv, renderQuoteCsv } from '@te90/tarifs/documents';
import { adhesion, catalogueTest, epci } from './helpers.js';
import { parseCsv } from './cli-helpers.js';
import { IN_CI, readWithCalc, SOFFICE, SOFFICE_TIMEOUT } from './calc.js';

const ROOT = join(__dirname, '..');
const BELFORT = join(ROOT, 'examples', 'territoire-de-belfort');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const calc = SOFFICE || IN_CI ? it : it.skip;

/** Une adhésion dont les textes ressemblent à des formules, et un devis aux montants à décimales. */
const PIEGE = adhesion({ marchesPublics: { acces: 3, misesEnLigneAssistees: 1 }, secretariatMairie: { jours: 1.5 } }, { ...epci, nom: '=SOMME(A1:A9)' });

describe('CSV : des nombres pour le tableur, des textes protégés', () => {
  it('devis : quantités, prix et montants écrits en nombres (virgule décimale, sans apostrophe) ; textes protégés', () => {
    const devis = quote(PIEGE, { catalogue: catalogueTest });
    const [header, ...rows] = parseCsv(renderQuoteCsv(devis).slice(1));
    const col = (name: string) => header!.indexOf(name);
    expect(header).toEqual(expect.arrayContaining(['origine_montant', 'reference', 'exemple', 'periodicite', 'total_partiel']));
    rows.forEach((row, i) => {
      expect(row[col('montant')]).toBe(devis.lignes[i]!.montant.replace('.', ','));
      expect(row[col('quantite')]).toBe(devis.lignes[i]!.quantite.replace('.', ','));
      expect(row[col('collectivite')]).toBe("'=SOMME(A1:A9)");
    });
    expect(rows.map((r) => r[col('periodicite')])).toEqual(devis.lignes.map((l) => (l.ponctuelle ? 'ponctuelle' : 'annuelle')));
  });

  it('comparaison : une baisse est un nombre négatif (« -308,37 »), pas un texte protégé', () => {
    // 2027 puis 2026 : chaque hausse devient une baisse.
    const avant = parseCatalogue(json(join(BELFORT, 'catalogue-2027.json')));
    const apres = parseCatalogue(json(join(BELFORT, 'catalogue-2026.json')));
    const c = compareCatalogues(json(join(BELFORT, 'adhesions.json')) as Adhesion[], { avant, apres });
    const csv = renderComparisonCsv(c);
    const negatifs = c.adherents.filter((a) => a.ecart !== null && a.ecart.startsWith('-'));
    expect(negatifs.length).toBeGreaterThan(0);
    expect(csv).not.toMatch(/;'-\d/);
    for (const a of negatifs) expect(csv).toContain(`;${a.ecart!.replace('.', ',')};`);
  });

  calc('LibreOffice lit les montants du devis, du lot et de la comparaison comme des nombres, aux bonnes valeurs, et leurs SIREN comme des textes', () => {
    // Devis.
    const devis = quote(PIEGE, { catalogue: catalogueTest });
    const [h1, ...r1] = readWithCalc(renderQuoteCsv(devis));
    const c1 = (name: string) => h1!.findIndex((c) => c.text === name);
    expect(r1).toHaveLength(devis.lignes.length);
    r1.forEach((row, i) => {
      for (const [name, expected] of [['montant', devis.lignes[i]!.montant], ['quantite', devis.lignes[i]!.quantite], ['prix_unitaire', devis.lignes[i]!.prixUnitaire]] as const) {
        expect(row[c1(name)]!.type, `${name}, ligne ${i + 1}`).toBe('float');
        expect(new Decimal(row[c1(name)]!.value!).equals(expected), `${name} : ${row[c1(name)]!.value} ≠ ${expected}`).toBe(true);
      }
      expect(row[c1('collectivite')]!.type).toBe('string');
      // Les identifiants sont des textes, tels quels : un SIREN n'est pas un nombre à additionner.
      for (const [name, expected] of [['siren_collectivite', devis.collectivite.siren], ['siren_facture', devis.lignes[i]!.siren]] as const) {
        expect(row[c1(name)]!.type, `${name}, ligne ${i + 1}`).toBe('string');
        expect(row[c1(name)]!.text).toBe(expected);
      }
    });
    expect(r1.reduce((s, row) => s.plus(row[c1('montant')]!.value!), new Decimal(0)).toFixed(2)).toBe(devis.total);
    // Lot.
    const lot = quoteAll([PIEGE, adhesion({ dpo: {} }, epci)], { catalogue: catalogueTest });
    const [h2, ...r2] = readWithCalc(renderBatchCsv(lot));
    const c2 = (name: string) => h2!.findIndex((c) => c.text === name);
    expect(r2.every((row) => row[c2('montant')]!.type === 'float')).toBe(true);
    expect(r2.every((row) => row[c2('siren_collectivite')]!.type === 'string' && /^\d{9}$/.test(row[c2('siren_collectivite')]!.text))).toBe(true);
    const totalLot = lot.resultats.reduce((s, r) => (r.success ? s.plus(r.data.total) : s), new Decimal(0));
    expect(r2.reduce((s, row) => s.plus(row[c2('montant')]!.value!), new Decimal(0)).equals(totalLot)).toBe(true);
    // Comparaison : écarts négatifs compris.
    // 2027 puis 2026 : chaque hausse devient une baisse.
    const avant = parseCatalogue(json(join(BELFORT, 'catalogue-2027.json')));
    const apres = parseCatalogue(json(join(BELFORT, 'catalogue-2026.json')));
    const c = compareCatalogues(json(join(BELFORT, 'adhesions.json')) as Adhesion[], { avant, apres });
    const [h3, ...r3] = readWithCalc(renderComparisonCsv(c));
    const c3 = (name: string) => h3!.findIndex((cell) => cell.text === name);
    c.adherents.forEach((a, i) => {
      for (const [name, expected] of [['total_avant', a.avant?.total], ['total_apres', a.apres?.total], ['ecart', a.ecart], ['ecart_pourcent', a.ecartPourcent]] as const) {
        if (expected === null || expected === undefined) continue;
        expect(r3[i]![c3(name)]!.type, `${name}, adhérent ${i + 1}`).toBe('float');
        expect(new Decimal(r3[i]![c3(name)]!.value!).equals(expected), `${name} : ${r3[i]![c3(name)]!.value} ≠ ${expected}`).toBe(true);
      }
    });
    c.adherents.forEach((a, i) => {
      if (a.siren === null) return;
      expect(r3[i]![c3('siren')]!.type, `siren, adhérent ${i + 1}`).toBe('string');
      expect(r3[i]![c3('siren')]!.text).toBe(a.siren);
    });
    const somme = r3.reduce((s, row) => (row[c3('ecart')]?.value ? s.plus(row[c3('ecart')]!.value!) : s), new Decimal(0));
    const attendu = c.adherents.reduce((s, a) => (a.ecart === null ? s : s.plus(a.ecart)), new Decimal(0));
    expect(somme.equals(attendu)).toBe(true);
  }, 4 * SOFFICE_TIMEOUT);
});

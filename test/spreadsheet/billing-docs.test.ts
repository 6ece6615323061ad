import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type vm from 'node:vm';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, excelContext, sheetsContext, StubExcelError } from './built.js';

/**
 * L'exemple de `TE90_FACTURATION` de docs/tableur.md, joué tel qu'il est écrit dans les paquets
 * construits pour Google Sheets et Excel : la page ne peut pas dire autre chose que les fonctions.
 */
const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'tableur.md'), 'utf8');

/** Le bloc qui suit le marqueur `<!-- exemple-facturation:<nom> -->` : ses lignes jusqu'à la première ligne vide. */
function block(name: string): string[] {
  const marker = `<!-- exemple-facturation:${name} -->\n`;
  const start = DOC.indexOf(marker);
  if (start < 0) throw new Error(`docs/tableur.md : marqueur ${name} introuvable`);
  const rest = DOC.slice(start + marker.length);
  return rest.slice(0, rest.indexOf('\n\n')).split('\n');
}

/** Un tableau Markdown : ses lignes, sans la ligne de séparation. */
function table(name: string): string[][] {
  return block(name)
    .filter((l) => !/^\|[-| ]+\|$/.test(l))
    .map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
}

/** Une cellule telle qu'un tableur la lit à la saisie : un entier tapé devient un nombre. */
const typed = (c: string): string | number => (/^\d+$/.test(c) ? Number(c) : c);

/** L'indice d'une colonne à partir de sa lettre (A → 0, J → 9). */
const column = (letter: string) => letter.charCodeAt(0) - 65;

const [letters, ...sheetRows] = table('tableau');
const ADHESIONS = sheetRows.map((r) => r.slice(1).map(typed));
const TARIFS = table('tarifs');
const [shownColumns, ...shownRows] = table('resultat');

let sheets: vm.Context;
let excel: ReturnType<typeof excelContext>;
let fromSheets: unknown[][];
let fromExcel: unknown[][];

beforeAll(() => {
  sheets = sheetsContext();
  excel = excelContext();
  fromSheets = call(sheets, 'TE90_FACTURATION(a[0], a[1])', ADHESIONS, TARIFS) as unknown[][];
  fromExcel = excel.registered['FACTURATION']!(ADHESIONS, TARIFS) as unknown[][];
});

describe('docs/tableur.md : l’exemple de TE90_FACTURATION est ce que rendent les fonctions', () => {
  it('les formules désignent les plages de l’exemple', () => {
    const [sheetsFormula, excelFormula] = block('formule').filter((l) => l.startsWith('='));
    for (const formula of [sheetsFormula, excelFormula]) {
      const m = /^=(?:TE90_|TETARIFS\.)FACTURATION\(adhesions!A1:([A-Z])(\d+); tarifs!A1:([A-Z])(\d+)\)/.exec(formula ?? '');
      expect(m, formula).not.toBeNull();
      expect([column(m![1]!) + 1, Number(m![2])]).toEqual([letters!.length - 1, ADHESIONS.length]);
      expect([column(m![3]!) + 1, Number(m![4])]).toEqual([TARIFS[0]!.length, TARIFS.length]);
    }
    expect(sheetsFormula).toMatch(/^=TE90_FACTURATION/);
    expect(excelFormula).toMatch(/^=TETARIFS\.FACTURATION/);
  });

  it('le tableau du résultat est celui que rendent Google Sheets et Excel, ligne pour ligne', () => {
    for (const [result, error] of [
      [fromSheets, (v: unknown) => (typeof v === 'string' && v.startsWith('Erreur : ') ? v : undefined)],
      [fromExcel, (v: unknown) => (v instanceof StubExcelError ? `Erreur : ${v.message}` : undefined)],
    ] as const) {
      const header = result[0] as string[];
      expect(result.length - 1).toBe(shownRows.length);
      shownRows.forEach((shown, i) => {
        const row = result[i + 1]!;
        expect(row[header.indexOf('Millésime')]).toBe(2026);
        shown.forEach((doc, j) => {
          const name = shownColumns![j]!;
          expect(header).toContain(name);
          const value = row[header.indexOf(name)];
          const where = `ligne ${i + 1}, colonne ${name}`;
          if (doc.endsWith('…')) expect(error(value)?.startsWith(doc.slice(0, -1)), where).toBe(true);
          else if (typeof value === 'number') expect(value, where).toBe(Number(doc.replace(/\s/g, '').replace(',', '.')));
          else expect(value, where).toBe(doc);
        });
      });
    }
  });

  it('les identifiants sont des textes, et la somme des lignes à facturer est celle que la page annonce', () => {
    const header = fromSheets[0] as string[];
    for (const row of fromSheets.slice(1)) {
      for (const name of ['SIREN débiteur', 'SIRET', 'Code service', 'Engagement', 'SIREN adhérent']) expect(typeof row[header.indexOf(name)]).toBe('string');
    }
    // =SOMME.SI(T2:T500; "A_FACTURER"; Q2:Q500) : T est la colonne Statut, Q la colonne Montant.
    const m = /=SOMME\.SI\((?<statut>[A-Z])2:\k<statut>500; "A_FACTURER"; (?<montant>[A-Z])2:\k<montant>500\)/.exec(DOC);
    expect(m).not.toBeNull();
    expect([header[column(m!.groups!['statut']!)], header[column(m!.groups!['montant']!)]]).toEqual(['Statut', 'Montant']);
    const announced = /`SOMME\.SI` des lignes\s+`A_FACTURER` donne ([\d  ]+,\d\d) €/.exec(DOC);
    expect(announced).not.toBeNull();
    const sum = fromSheets
      .slice(1)
      .filter((r) => r[header.indexOf('Statut')] === 'A_FACTURER')
      .reduce((s, r) => s.plus(String(r[header.indexOf('Montant')])), new Decimal(0));
    expect(sum.toFixed(2)).toBe(announced![1]!.replace(/\s/g, '').replace(',', '.'));
  });
});

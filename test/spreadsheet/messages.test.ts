import { describe, expect, it } from 'vitest';
import { fitMessage, MAX_MESSAGE, total } from '../../src/spreadsheet/functions.js';
import { BASE, sheetsContext, thrown, call } from './built.js';

/** Une adhésion qui donne des milliers de problèmes : un champ inconnu par ligne. */
const MANY = [...BASE, ...Array.from({ length: 3000 }, (_, i) => [`collectivite.inconnu${i}`, 'x'])];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('messages coupés pour tenir dans une cellule', () => {
  it('une adhésion à des milliers de problèmes : le message tient dans la limite, coupé par problèmes entiers', () => {
    const message = total(MANY) as string;
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(MAX_MESSAGE).toBeLessThanOrEqual(50_000);
    const m = / … \((\d+) problèmes de plus\)$/.exec(message);
    expect(m).not.toBeNull();
    // Chaque problème gardé est entier (sa ligne, puis son message complet), et le compte est juste.
    const part = (i: number) =>
      `plage, ligne ${i + 6}, colonne A : Champ inconnu « collectivite.inconnu${i} » ; champs admis : millesime, collectivite.nom|siren|type|population|parcTransfere|siret|codeService|engagement, collectivite.adresse.complement|voie|lieuDit|codePostal|ville, <prestation> ou <prestation>.<paramètre>, destinataires.<n°>.siren|nom|type|siret|codeService|engagement, destinataires.<n°>.adresse.complement|voie|lieuDit|codePostal|ville.`;
    const count = 3000 - Number(m![1]);
    expect(message.slice(0, m!.index)).toBe(`Erreur : ${Array.from({ length: count }, (_, i) => part(i)).join(' ; ')}`);
    // Le problème suivant n'aurait pas tenu.
    expect(`${message.slice(0, m!.index)} ; ${part(count)} … (${3000 - count - 1} problèmes de plus)`.length).toBeGreaterThan(MAX_MESSAGE);
    expect(count).toBeGreaterThan(10);
  });

  it('Google Sheets lève le message coupé, Excel aussi (même fonction du paquet)', () => {
    const e = thrown(() => call(sheetsContext(), 'TE90_TOTAL(a[0])', MANY));
    expect(e?.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(e?.message).toMatch(/problèmes de plus\)$/);
  });

  it('coupe par problèmes entiers, et ne coupe jamais un caractère en deux', () => {
    expect(fitMessage(['a', 'b'], 100)).toBe('Erreur : a ; b');
    const long = 'c'.repeat(100);
    expect(fitMessage(['aaaa', 'bbbb', long], 'Erreur : aaaa ; bbbb … (1 problème de plus)'.length)).toBe('Erreur : aaaa ; bbbb … (1 problème de plus)');
    expect(fitMessage(['aaaa', 'bbbb', long], 'Erreur : aaaa ; bbbb … (1 problème de plus)'.length - 1)).toBe('Erreur : aaaa … (2 problèmes de plus)');
    // Un seul problème plus long que la limite : coupé sur un caractère entier (😀 tient sur deux unités).
    for (const max of [40, 41, 42, 43]) {
      const cut = fitMessage(['😀'.repeat(50), 'b'], max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(LONE_SURROGATE);
      expect(cut).toMatch(/^Erreur : (😀)+ … \(1 problème de plus\)$/);
    }
    expect(fitMessage(['😀'.repeat(50)], 20)).toMatch(/^Erreur : (😀)+ …$/);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { billingRoll, type Adhesion, type BillingRoll } from '../src/index.js';
import { renderBillingRollCsv, renderBillingRollText } from '@te90/tarifs/documents';
import { catalogueTest, SIREN_CCAS } from './helpers.js';
import { parseCsv } from './cli-helpers.js';
import { IN_CI, readWithCalc, SOFFICE, SOFFICE_TIMEOUT, type CalcCell } from './calc.js';

/**
 * Le rôle de facturation que la trésorerie peut payer : le CSV relu par LibreOffice Calc (identifiants
 * en texte avec leurs zéros de tête, quantités, prix et montants en nombres), les lignes à trancher
 * marquées, chaque pièce avec son total, son millésime et sa périodicité, des mots au lieu des codes,
 * le fichier source dit une fois, et ce qui manque pour Chorus Pro dit dans chaque format.
 */

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const BELFORT = 'examples/territoire-de-belfort';
const SPAWN_TIMEOUT = 60_000;
const calc = SOFFICE || IN_CI ? it : it.skip;

/** Une commune dont le SIREN et le SIRET commencent par des zéros, avec un code service et un engagement tout en chiffres. */
const SIREN_ZEROS = '001234566';
const MAIRIE = { siren: SIREN_ZEROS, nom: 'Mairie de Zéro', siret: '00123456600014', codeService: '00012', engagement: '0001234567' };
/** Le CCAS : son SIRET est connu, ni son code service ni son engagement. */
const CCAS = { siren: SIREN_CCAS, nom: 'CCAS de Zéro', siret: '20000010700017' };

/** La commune : pack démat pour elle et son CCAS, et une mise en ligne assistée (ponctuelle). */
const commune = {
  collectivite: { nom: 'Mairie de Zéro', siren: SIREN_ZEROS, type: 'commune', population: 850 },
  prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, packDemat: { sirens: [SIREN_ZEROS, SIREN_CCAS] }, marchesPublics: { acces: 1, misesEnLigneAssistees: 1 } },
  destinataires: [MAIRIE, CCAS],
} as unknown as Adhesion;
/** Le CCAS adhère aussi et coche le pack démat : son pack est facturé deux fois. */
const ccas = {
  collectivite: { nom: 'CCAS de Zéro', siren: SIREN_CCAS, type: 'ccas' },
  prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, packDemat: {} },
} as unknown as Adhesion;

const roll: BillingRoll = billingRoll([commune, ccas], { catalogue: catalogueTest });

function run(args: readonly string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: SPAWN_TIMEOUT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const belfort = (...args: string[]) => run(['facturation', `${BELFORT}/adhesions.json`, '--catalogue', `${BELFORT}/catalogue-2026.json`, ...args]);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js absent : lancez « npm run build » (npm test le fait).');
});

/** Le CSV en lignes de cellules, et une fonction qui trouve une colonne par son en-tête. */
function table(csv: string) {
  const [header, ...rows] = parseCsv(csv.slice(1));
  const col = (name: string) => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`colonne absente : ${name} (en-tête : ${header!.join(' | ')})`);
    return i;
  };
  return { header: header!, rows, col };
}

describe('rôle de facturation en CSV, relu par LibreOffice Calc (français)', () => {
  calc(
    'SIREN, SIRET, code service et engagement en texte avec leurs zéros de tête ; quantités, prix, montants et totaux en nombres',
    () => {
      // Le CCAS reçoit un code service qui ressemble à une formule et un engagement qui ressemble à une date.
      const TRICKY = { codeService: 'A"B;=SOMME(A1)', engagement: '01/02/2026' };
      const read: BillingRoll = { ...roll, factures: roll.factures.map((f) => (f.debiteur.siren === SIREN_CCAS ? { ...f, debiteur: { ...f.debiteur, ...TRICKY } } : f)) };
      const [header, ...rows] = readWithCalc(renderBillingRollCsv(read));
      const col = (name: string) => {
        const i = header!.findIndex((c) => c.text === name);
        expect(i, `colonne ${name}`).toBeGreaterThanOrEqual(0);
        return i;
      };
      const asText = (c: CalcCell | undefined, expected: string, what: string) => {
        expect(c?.type, what).toBe('string');
        expect(c?.text, what).toBe(expected);
      };
      const mairie = rows.filter((r) => r[col('SIREN débiteur')]?.text === SIREN_ZEROS);
      expect(mairie.length).toBeGreaterThan(1);
      for (const r of mairie) {
        asText(r[col('SIREN débiteur')], SIREN_ZEROS, 'SIREN débiteur');
        asText(r[col('SIRET')], MAIRIE.siret, 'SIRET');
        asText(r[col('Code service')], '00012', 'code service');
        asText(r[col('Engagement')], '0001234567', 'engagement');
      }
      const ccasRows = rows.filter((r) => r[col('SIREN débiteur')]?.text === SIREN_CCAS);
      expect(ccasRows.length).toBeGreaterThan(1);
      for (const r of ccasRows) {
        asText(r[col('Code service')], TRICKY.codeService, 'code service en forme de formule');
        asText(r[col('Engagement')], TRICKY.engagement, 'engagement en forme de date');
      }
      const lines = rows.filter((r) => r[col('Montant')]?.text !== '');
      expect(lines).toHaveLength(roll.factures.reduce((n, f) => n + f.lignes.length, 0));
      for (const r of lines) {
        asText(r[col('SIREN adhérent')], r[col('SIREN adhérent')]!.text.padStart(9, '0'), 'SIREN adhérent');
        for (const name of ['Quantité', 'Prix unitaire', 'Montant']) expect(r[col(name)]!.type, name).toBe('float');
      }
      // La somme des montants est le total du rôle ; chaque pièce a sa ligne de total, en nombre.
      expect(lines.reduce((s, r) => s.plus(r[col('Montant')]!.value!), new Decimal(0)).toFixed(2)).toBe(roll.total);
      const totals = rows.filter((r) => r[col('Total de la pièce')]?.type === 'float');
      expect(totals.map((r) => new Decimal(r[col('Total de la pièce')]!.value!).toFixed(2))).toEqual(roll.factures.map((f) => f.total));
      expect(rows.every((r) => r[col('Millésime')]!.type === 'float' && r[col('Millésime')]!.value === String(roll.millesime))).toBe(true);
    },
    2 * SOFFICE_TIMEOUT,
  );
});

describe('rôle de facturation en CSV : les identifiants tels quels', () => {
  it('propriété : tout code service et tout engagement (chiffres à zéros de tête, guillemets, « ; ») se relisent à l’identique dans leur formule de texte', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '9'), minLength: 1, maxLength: 12 });
    const text = fc.string({ unit: fc.constantFrom('0', '7', 'A', '-', '"', ';', ' ', '=', "'", 'é'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(digits, text), fc.oneof(digits, text), (codeService, engagement) => {
        const f = roll.factures[0]!;
        const described: BillingRoll = { ...roll, factures: [{ ...f, debiteur: { ...f.debiteur, codeService, engagement } }], conflits: [] };
        const { rows, col } = table(renderBillingRollCsv(described));
        const unwrap = (cell: string) => /^="([\s\S]*)"$/.exec(cell)![1]!.replace(/""/g, '"');
        for (const r of rows) {
          expect(unwrap(r[col('Code service')]!)).toBe(codeService);
          expect(unwrap(r[col('Engagement')]!)).toBe(engagement);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('rôle de facturation : lignes à trancher, totaux, millésime, périodicité', () => {
  it('CSV : la colonne « À trancher » marque les lignes facturées deux fois au même SIREN, et elles seules', () => {
    const { rows, col } = table(renderBillingRollCsv(roll));
    const marked = rows.filter((r) => r[col('À trancher')] !== '' && r[col('Montant')] !== '');
    expect(marked.map((r) => [r[col('SIREN débiteur')], r[col('Adhésion n°')], r[col('Prestation')]])).toEqual([
      ['="200000107"', '1', 'Pack dématérialisation'],
      ['="200000107"', '2', 'Pack dématérialisation'],
    ]);
    expect(marked.every((r) => r[col('À trancher')] === 'facturé deux fois au même SIREN')).toBe(true);
  });

  it('texte : les lignes facturées deux fois sont marquées à leur place, pas seulement à la fin', () => {
    const text = renderBillingRollText(roll);
    const bills = text.split('\n\n').filter((b) => b.startsWith('Pièce du rôle n° '));
    const ccasBill = bills.find((b) => b.includes('SIREN 200 000 107'))!;
    expect(ccasBill.split('\n').filter((l) => l.includes('facturé deux fois au même SIREN : à trancher'))).toHaveLength(2);
    expect(bills.find((b) => b.includes('SIREN 001 234 566'))).not.toContain('facturé deux fois');
  });

  it('chaque pièce a son total, le millésime et sa périodicité ; chaque ligne dit si elle est annuelle ou ponctuelle', () => {
    const { rows, col } = table(renderBillingRollCsv(roll));
    const totalRows = rows.filter((r) => r[col('Total de la pièce')] !== '');
    expect(totalRows.map((r) => [r[col('Pièce du rôle n°')], r[col('Libellé')], r[col('Périodicité')], r[col('Millésime')], r[col('Total de la pièce')]])).toEqual(
      roll.factures.map((f, i) => [String(i + 1), `Total de la pièce n° ${i + 1}`, i === 0 ? 'annuelle et ponctuelle' : 'annuelle', '2026', f.total.replace('.', ',')]),
    );
    const lines = rows.filter((r) => r[col('Montant')] !== '');
    expect(lines.filter((r) => r[col('Périodicité')] === 'ponctuelle').map((r) => r[col('Libellé')])).toEqual(["Aide du syndicat à la mise en ligne d'un marché"]);
    expect(lines.every((r) => ['annuelle', 'ponctuelle'].includes(r[col('Périodicité')]!))).toBe(true);
    const text = renderBillingRollText(roll);
    expect(text).toMatch(/^ {2}Total de la pièce n° 1 +[\d  ]+,\d\d €  \(2026, annuelle et ponctuelle\)$/m);
    expect(text).toMatch(/^ {2}Total de la pièce n° 2 +[\d  ]+,\d\d €  \(2026, annuelle\)$/m);
    expect(text).toMatch(/Aide du syndicat à la mise en ligne d'un marché +32,00 €  \(ponctuelle\)$/m);
  });

  it('des pièces du rôle, pas des numéros de facture ; des libellés au lieu des codes', () => {
    const text = renderBillingRollText(roll);
    const csv = renderBillingRollCsv(roll);
    for (const doc of [text, csv]) {
      expect(doc).not.toMatch(/Facture n°/);
      for (const code of ['maintenanceBase', 'packDemat', 'marchesPublics', 'parSiren', 'publie', 'complement', 'debiteur_siren']) expect(doc).not.toMatch(new RegExp(`\\b${code}\\b`));
    }
    expect(text).toMatch(/^Pièce du rôle n° 1 — SIREN 001 234 566 — Mairie de Zéro$/m);
    expect(text).toContain('ce ne sont pas des numéros de facture');
    const { rows, col } = table(csv);
    const first = rows[0]!;
    expect(first[col('Prestation')]).toBe('Maintenance de base des logiciels métier (Berger Levrault)');
    expect(first[col('Origine du montant')]).toMatch(/^Montant (publié|fourni)$/);
  });
});

describe('rôle de facturation : ce qui manque pour Chorus Pro, dans chaque format', () => {
  it('texte et CSV : le SIRET manquant, le code service et l’engagement à vérifier, débiteur par débiteur', () => {
    const text = renderBillingRollText(roll);
    expect(text).toMatch(/^Pièce du rôle n° 2 — SIREN 200 000 107 — CCAS de Zéro\n {2}SIRET 20000010700017\n {2}Données Chorus Pro manquantes : code service à vérifier ; engagement à vérifier$/m);
    expect(text).toMatch(/^Données Chorus Pro manquantes \(1 pièce sur 2\) : chaque débiteur a son SIRET ;/m);
    expect(text).toContain('  - pièce n° 2 — SIREN 200 000 107 — CCAS de Zéro : code service à vérifier ; engagement à vérifier');
    expect(text).not.toMatch(/pièce n° 1 — SIREN 001 234 566 — Mairie de Zéro :/);
    const { rows, col } = table(renderBillingRollCsv(roll));
    const manque = new Map(rows.map((r) => [r[col('SIREN débiteur')], r[col('Données Chorus Pro manquantes')]]));
    expect(Object.fromEntries(manque)).toEqual({ '="001234566"': '', '="200000107"': 'code service à vérifier ; engagement à vérifier' });
  });

  it(
    'l’exemple de Belfort : aucun SIRET, code service ni engagement, et le rôle le dit en texte, en CSV et sur la sortie d’erreur',
    () => {
      const text = belfort();
      expect(text.code).toBe(1);
      expect(text.out).toContain('Données Chorus Pro manquantes (104 pièces sur 104) : 104 débiteurs sans SIRET');
      expect(text.out).toContain('  - pièce n° 1 — SIREN 219 000 015 — Andelnans : SIRET manquant ; code service à vérifier ; engagement à vérifier');
      expect(text.out.match(/^ {2}Données Chorus Pro manquantes : SIRET manquant ; code service à vérifier ; engagement à vérifier$/gm)).toHaveLength(104);
      const csv = belfort('--format', 'csv');
      expect(csv.code).toBe(1);
      const { rows, col } = table(csv.out);
      expect(rows.length).toBeGreaterThan(104);
      expect(rows.every((r) => r[col('Données Chorus Pro manquantes')] === 'SIRET manquant ; code service à vérifier ; engagement à vérifier')).toBe(true);
      expect(csv.err).toContain('Données Chorus Pro manquantes (104 pièces sur 104)');
      expect(csv.err).toContain('  - pièce n° 104 — SIREN');
    },
    2 * SPAWN_TIMEOUT,
  );

  it(
    'l’exemple de Belfort en texte : le fichier source dit une fois, en tête ; la ligne en double marquée',
    () => {
      const r = belfort();
      const path = `${BELFORT}/adhesions.json`;
      expect(r.out.split(path).length - 1).toBe(1);
      expect(r.out.split('\n').slice(0, 4)).toContain(`Fichier source : ${path}`);
      expect(r.out.match(/facturé deux fois au même SIREN : à trancher/g)).toHaveLength(2);
      const { rows, col } = table(belfort('--format', 'csv').out);
      expect(rows.filter((row) => row[col('À trancher')] !== '' && row[col('Montant')] !== '').map((row) => row[col('Adhésion n°')])).toEqual(['10', '102']);
    },
    2 * SPAWN_TIMEOUT,
  );
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  billingRoll,
  catalogue2026,
  completeCatalogue,
  quoteAll,
  type Adhesion,
  type BillingRoll,
  type Tarifs,
} from '../src/index.js';
import { runCli } from '../src/cli/main.js';
import { memoryIo, parseCsv } from './cli-helpers.js';
import { IN_CI, readWithCalc, SOFFICE, SOFFICE_TIMEOUT } from './calc.js';
import { billingRollJsonChunks, renderBillingRollCsv, renderBillingRollText } from '@te90/tarifs/documents';

/**
 * `te90-tarifs facturation` : le rôle de facturation d'un lot, une facture par SIREN débiteur, en
 * texte, JSON et CSV ; et le CSV relu par un vrai tableur (LibreOffice), quand il est installé.
 */

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const TARIFS = join(ROOT, 'examples', 'tarifs-exemple.json');
const SPAWN_TIMEOUT = 30_000;

function run(args: readonly string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' }, timeout: SPAWN_TIMEOUT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}



// En-têtes en mots (plus de codes), numéro de pièce et millésime d'abord, « À trancher » pour les lignes en conflit.
const HEADER =
  "Pièce du rôle n°;Millésime;SIREN débiteur;Débiteur;SIRET;Code service;Engagement;Données Chorus Pro manquantes;Adhésion n°;Adhérent;SIREN adhérent;Prestation;Libellé;Périodicité;Quantité;Unité;Prix unitaire;Montant;Total de la pièce;Détail;Origine du montant;Référence;Montant d'exemple;À trancher";
const COLUMNS = HEADER.split(';').length;
/** Un identifiant tel que le CSV l'écrit, pour qu'un tableur le lise en texte. */
const id = (value: string | undefined) => (value === undefined ? '' : `="${value}"`);

const CCAS = { siren: '200000107', nom: 'CCAS de Belvoir', siret: '20000010700017', codeService: 'SERV-CCAS', engagement: 'ENG-2026-0042' };

/** La commune : son pack démat couvre aussi son CCAS, qu'elle décrit dans `destinataires`. */
const commune = {
  collectivite: { nom: 'Commune de Belvoir', siren: '219000106', type: 'commune', population: 1200 },
  prestations: { maintenanceBase: { postes: 3, postesLicenceBL: 2 }, packDemat: { sirens: ['219000106', CCAS.siren] } },
  destinataires: [CCAS],
} as const;

/** Le CCAS adhère aussi, et coche le pack démat : il serait facturé deux fois. */
const ccas = {
  collectivite: { nom: 'CCAS de Belvoir', siren: CCAS.siren, type: 'ccas' },
  prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, packDemat: {} },
} as const;

/** Une adhésion refusée : clé du SIREN fausse. */
const refusee = {
  collectivite: { nom: 'Commune mal saisie', siren: '219000107', type: 'commune', population: 300 },
  prestations: { maintenanceBase: { postes: 1 } },
} as const;

const complet = completeCatalogue(catalogue2026, JSON.parse(readFileSync(TARIFS, 'utf8')) as Tarifs);
const adhesions = [commune, ccas, refusee] as unknown as Adhesion[];
let dir: string;
let files: string[];

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js absent : lancez « npm run build » (npm test le fait).');
  dir = mkdtempSync(join(tmpdir(), 'te90-facturation-'));
  // Un dossier est lu dans l'ordre des noms de fichiers.
  files = ['1-commune.json', '2-ccas.json', '3-refusee.json'].map((f) => join(dir, f));
  adhesions.forEach((a, i) => writeFileSync(files[i]!, JSON.stringify(a, null, 2)));
});

const facturation = (...args: string[]) => run(['facturation', dir, '--tarifs', TARIFS, ...args]);

/** Le rôle sans les fichiers, pour le comparer à `billingRoll`. */
function withoutFiles(roll: BillingRoll): BillingRoll {
  return {
    ...roll,
    factures: roll.factures.map((f) => ({ ...f, lignes: f.lignes.map((l) => ({ ...l, adherent: { index: l.adherent.index, nom: l.adherent.nom, siren: l.adherent.siren } })) })),
    refus: roll.refus.map(({ fichier: _, ...r }) => r),
    conflits: billingRoll(adhesions, { catalogue: complet }).conflits,
  };
}

describe('te90-tarifs facturation : texte', () => {
  it('une pièce par SIREN débiteur ; celle du CCAS titrée par son nom, avec SIRET, code service et engagement', () => {
    const r = facturation();
    expect(r.code).toBe(1);
    const titles = r.out.split('\n').filter((l) => l.startsWith('Pièce du rôle n° '));
    expect(titles).toHaveLength(2);
    expect(new Set(titles.map((t) => /SIREN (\d{3} \d{3} \d{3})/.exec(t)![1]))).toEqual(new Set(['219 000 106', '200 000 107']));
    const lines = r.out.split('\n');
    const title = lines.findIndex((l) => /^Pièce du rôle n° \d — SIREN 200 000 107 — CCAS de Belvoir$/.test(l));
    expect(title).toBeGreaterThanOrEqual(0);
    expect(lines[title + 1]).toBe('  SIRET 20000010700017 ; code service SERV-CCAS ; engagement n° ENG-2026-0042');
    expect(r.out).toMatch(/^Pièce du rôle n° \d — SIREN 219 000 106 — Commune de Belvoir$/m);
    // Les lignes sont rangées par adhésion d'où elles viennent, dite une fois avec son fichier (un fichier par adhésion ici).
    expect(r.out).toContain(`Adhésion n° 1 — Commune de Belvoir (SIREN 219 000 106) — fichier ${files[0]}`);
    expect(r.out).toContain(`Adhésion n° 2 — CCAS de Belvoir (SIREN 200 000 107) — fichier ${files[1]}`);
    expect(r.out).toMatch(/Pack dématérialisation.*200,00 €  \(montant d'exemple\)/);
    expect(r.out).toContain('Adhésions acceptées : 2 ; refusées : 1');
    expect(r.out).toMatch(/Total du rôle : [\d  ]+,\d\d €/);
  }, SPAWN_TIMEOUT);

  it('le refus avec ses problèmes ; le CCAS facturé deux fois : un conflit qui nomme les deux adhésions et leurs fichiers, sortie 1', () => {
    const r = facturation();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`n° 3 (SIREN 219 000 107) — ${files[2]} :`);
    expect(r.out).toContain('[SIREN_INVALIDE]');
    const section = r.out.slice(r.out.indexOf('Facturé deux fois au même SIREN (1) : à trancher avant de facturer'));
    expect(section).not.toBe(r.out);
    const conflict = section.split('\n')[1]!;
    expect(conflict).toContain('SIREN 200 000 107');
    expect(conflict).toContain(`n° 1 (${files[0]})`);
    expect(conflict).toContain(`n° 2 (${files[1]})`);
    // En mots, sans le code du problème.
    expect(conflict).not.toContain('SIREN_FACTURE_DEUX_FOIS');
  }, SPAWN_TIMEOUT);

  it('le texte écrit au fil des factures est exactement renderBillingRollText du rôle (celui de --format json)', async () => {
    const lot = adhesions.map((a) => JSON.stringify(a)).join('\n');
    const text = memoryIo(lot);
    expect(await runCli(['facturation', '-', '--tarifs', TARIFS], text.io)).toBe(1);
    const json = memoryIo(lot);
    expect(await runCli(['facturation', '-', '--tarifs', TARIFS, '--format', 'json'], json.io)).toBe(1);
    const roll = JSON.parse(json.out()) as BillingRoll;
    expect(text.out()).toBe(renderBillingRollText(roll) + '\n');
    // Une écriture par facture, plus l'en-tête, la fin et le saut de ligne final.
    expect(text.writes).toHaveLength(roll.factures.length + 3);
  });
});

describe('te90-tarifs facturation : entrées illisibles et usage', () => {
  it('une ligne illisible est un refus qui nomme sa ligne ; les autres sont au rôle', async () => {
    const m = memoryIo(`${JSON.stringify(ccas)}\n{ pas du JSON\n`);
    expect(await runCli(['facturation', '-', '--tarifs', TARIFS, '--format', 'json'], m.io)).toBe(1);
    const roll = JSON.parse(m.out()) as BillingRoll;
    expect(roll.acceptes).toBe(1);
    expect(roll.refus).toHaveLength(1);
    expect(roll.refus[0]).toMatchObject({ index: 1, siren: null, fichier: '(entrée standard):2' });
    expect(roll.refus[0]!.issues).toHaveLength(1);
    // Le CCAS adhère lui-même : sa nature est celle de sa collectivité.
    expect(roll.factures.map((f) => f.debiteur)).toEqual([{ siren: CCAS.siren, nom: CCAS.nom, type: 'ccas' }]);
  });

  it('sans refus ni conflit : sortie 0 ; un format inconnu : sortie 2', async () => {
    const ok = memoryIo(JSON.stringify([ccas]));
    expect(await runCli(['facturation', '-', '--tarifs', TARIFS], ok.io)).toBe(0);
    expect(ok.out()).toContain('Adhésions acceptées : 1 ; refusées : 0');
    expect(ok.out()).not.toContain('Facturé deux fois');
    const bad = memoryIo('[]');
    expect(await runCli(['facturation', '-', '--format', 'html'], bad.io)).toBe(2);
    expect(bad.err()).toContain('Format inconnu : « html »');
  });

  it('te90-tarifs facturation --help : l’usage, les formats et un exemple', () => {
    const r = run(['facturation', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('te90-tarifs facturation <fichier.json|fichier.jsonl|dossier|->');
    expect(r.out).toMatch(/Exemples :\n(  .*\n)*  te90-tarifs facturation /);
    expect(run(['--help']).out).toMatch(/^  facturation +le rôle de facturation/m);
  }, SPAWN_TIMEOUT);
});

describe('te90-tarifs facturation : json', () => {
  it('total = somme des factures (decimal.js) = somme des devis acceptés de quoteAll ; le rôle de billingRoll, avec les fichiers', () => {
    const r = facturation('--format', 'json');
    expect(r.code).toBe(1);
    const roll = JSON.parse(r.out) as BillingRoll;
    expect(r.out).toBe(JSON.stringify(roll, null, 2) + '\n');
    const sumOfBills = roll.factures.reduce((acc, f) => acc.plus(f.total), new Decimal(0));
    expect(roll.total).toBe(sumOfBills.toFixed(2));
    const lot = quoteAll(adhesions, { catalogue: complet });
    const sumOfQuotes = lot.resultats.reduce((acc, q) => (q.success ? acc.plus(q.data.total) : acc), new Decimal(0));
    expect(roll.total).toBe(sumOfQuotes.toFixed(2));
    for (const f of roll.factures) expect(f.total).toBe(f.lignes.reduce((acc, l) => acc.plus(l.montant), new Decimal(0)).toFixed(2));
    expect(roll.factures.map((f) => f.debiteur.siren)).toEqual(['219000106', '200000107']);
    expect(roll.factures[1]!.debiteur).toEqual({ ...CCAS, type: 'ccas' });
    expect(roll.refus.map((x) => [x.index, x.fichier])).toEqual([[2, files[2]]]);
    expect(roll.conflits).toHaveLength(1);
    expect(roll.conflits[0]!.params).toMatchObject({ siren: CCAS.siren, entrees: [0, 1], fichiers: [files[0], files[1]] });
    expect(withoutFiles(roll)).toEqual(billingRoll(adhesions, { catalogue: complet }));
  }, SPAWN_TIMEOUT);

  it('écrit facture par facture, exactement le texte de JSON.stringify (aussi pour un lot vide)', async () => {
    const roll = billingRoll(adhesions, { catalogue: complet });
    expect([...billingRollJsonChunks(roll)].join('')).toBe(JSON.stringify(roll, null, 2));
    const empty = billingRoll([]);
    expect([...billingRollJsonChunks(empty)].join('')).toBe(JSON.stringify(empty, null, 2));
    const m = memoryIo('[]');
    expect(await runCli(['facturation', '-', '--format', 'json'], m.io)).toBe(0);
    expect(m.out()).toBe(JSON.stringify(empty, null, 2) + '\n');
  });
});

describe('te90-tarifs facturation : csv', () => {
  it('en-tête en mots, une ligne par ligne du rôle puis le total de chaque pièce ; refus et conflit sur la sortie d’erreur', () => {
    const r = facturation('--format', 'csv');
    expect(r.code).toBe(1);
    expect(r.out.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(r.out.endsWith('\r\n')).toBe(true);
    expect(r.out.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const [header, ...rows] = parseCsv(r.out.slice(1));
    expect(header!.join(';')).toBe(HEADER);
    const col = (name: string) => header!.indexOf(name);
    const roll = JSON.parse(facturation('--format', 'json').out) as BillingRoll;
    // Les lignes de chaque pièce, puis sa ligne de total.
    const expected = roll.factures.flatMap((f, n) => [...f.lignes.map((l) => ({ n, f, l })), { n, f, l: undefined }]);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const { n, f, l } = expected[i]!;
      expect(row).toHaveLength(COLUMNS);
      expect(row.slice(0, 7)).toEqual([String(n + 1), '2026', id(f.debiteur.siren), f.debiteur.nom ?? '', id(f.debiteur.siret), id(f.debiteur.codeService), id(f.debiteur.engagement)]);
      if (l === undefined) {
        expect(row[col('Libellé')]).toBe(`Total de la pièce n° ${n + 1}`);
        expect(row[col('Montant')]).toBe('');
        expect(row[col('Total de la pièce')]).toBe(f.total.replace('.', ','));
        return;
      }
      expect(row[col('Adhésion n°')]).toBe(String(l.adherent.index + 1));
      expect(row[col('SIREN adhérent')]).toBe(id(l.adherent.siren));
      expect(row[col('Montant')]).toBe(l.montant.replace('.', ','));
      expect(row[col('Quantité')]).toBe(l.quantite.replace('.', ','));
      expect(row[col('Prix unitaire')]).toBe(l.prixUnitaire.replace('.', ','));
      expect(row[col("Montant d'exemple")]).toBe(l.source.exemple ? 'oui' : '');
      expect(row[col('Total de la pièce')]).toBe('');
    });
    // Aucun chemin de fichier dans le CSV.
    for (const file of files) expect(r.out).not.toContain(file);
    expect(rows.filter((row) => row[2] === id(CCAS.siren)).every((row) => row[3] === CCAS.nom && row[4] === id(CCAS.siret) && row[5] === id(CCAS.codeService) && row[6] === id(CCAS.engagement))).toBe(true);
    const total = rows.reduce((acc, row) => (row[col('Montant')] === '' ? acc : acc.plus(row[col('Montant')]!.replace(',', '.'))), new Decimal(0));
    expect(total.toFixed(2)).toBe(roll.total);
    expect(r.err).toContain(files[2]);
    expect(r.err).toContain('[SIREN_INVALIDE]');
    expect(r.err).toContain('Facturé deux fois au même SIREN (1)');
    expect(r.err).toContain(`n° 1 (${files[0]})`);
  }, SPAWN_TIMEOUT);

  it('nombres avec une virgule décimale et sans protection ; textes protégés contre les formules', () => {
    const roll: BillingRoll = {
      millesime: 2026,
      factures: [
        {
          debiteur: { siren: '219000106', nom: '=HYPERLINK("http://x")' },
          lignes: [
            {
              adherent: { index: 4, nom: '+Commune; "dite"', siren: '219000106' },
              prestation: 'packDemat',
              libellePrestation: 'Pack dématérialisation',
              composante: 'parSiren',
              libelle: '-remise',
              quantite: '1234.5',
              unite: 'forfait',
              prixUnitaire: '-12.50',
              montant: '-15431.25',
              detail: '@calcul',
              source: { origine: 'publie', reference: 'page' },
            },
          ],
          total: '-15431.25',
        },
      ],
      total: '-15431.25',
      refus: [],
      conflits: [],
      acceptes: 1,
      refuses: 0,
    };
    const [, row] = renderBillingRollCsv(roll).slice(1).split('\r\n');
    expect(row).toBe(
      `1;2026;"=""219000106""";"'=HYPERLINK(""http://x"")";;;;"SIRET manquant ; code service à vérifier ; engagement à vérifier";5;"'+Commune; ""dite""";"=""219000106""";Pack dématérialisation;'-remise;annuelle;1234,5;forfait;-12,50;-15431,25;;'@calcul;Montant publié;page;;`,
    );
  });

  it('un rôle vide : l’en-tête seul', () => {
    expect(renderBillingRollCsv(billingRoll([]))).toBe(`\uFEFF${HEADER}\r\n`);
  });
});

// Le CSV relu par un vrai tableur : LibreOffice Calc, comme un tableur français (voir ./calc.ts).
const SOFFICE_TITLE = 'LibreOffice lit montant, quantité et prix unitaire comme des nombres (float), aux bonnes valeurs ; les SIREN en texte';

describe('te90-tarifs facturation : le CSV dans un tableur', () => {
  it.skipIf(!SOFFICE && !IN_CI)(SOFFICE || IN_CI ? SOFFICE_TITLE : `${SOFFICE_TITLE} — ignoré : soffice absent (apt-get install libreoffice-calc-nogui)`, () => {
    const r = facturation('--format', 'csv');
    const roll = JSON.parse(facturation('--format', 'json').out) as BillingRoll;
    const [header, ...rows] = readWithCalc(r.out);
    expect(header!.slice(0, COLUMNS).map((c) => c.text).join(';')).toBe(HEADER);
    const col = (name: string) => header!.findIndex((c) => c.text === name);
    const lines = roll.factures.flatMap((f) => f.lignes.map((l) => ({ f, l })));
    const lineRows = rows.filter((row) => row[col('Montant')]?.type === 'float');
    expect(lineRows).toHaveLength(lines.length);
    lineRows.forEach((row, i) => {
      const { f, l } = lines[i]!;
      for (const [name, expected] of [
        ['Montant', l.montant],
        ['Quantité', l.quantite],
        ['Prix unitaire', l.prixUnitaire],
      ] as const) {
        const c = row[col(name)]!;
        expect(c.type, `${name}, ligne ${i + 1}`).toBe('float');
        expect(new Decimal(c.value!).equals(expected), `${name}, ligne ${i + 1} : ${c.value} au lieu de ${expected}`).toBe(true);
      }
      // Les SIREN en texte (les zéros de tête : voir billing-roll-documents.test.ts).
      expect(row[col('SIREN débiteur')]).toMatchObject({ type: 'string', text: f.debiteur.siren });
      expect(row[col('SIREN adhérent')]).toMatchObject({ type: 'string', text: l.adherent.siren });
      expect(row[col('Libellé')]!.type).toBe('string');
      expect(row[col('Libellé')]!.text).toBe(l.libelle);
    });
    const total = lineRows.reduce((acc, row) => acc.plus(row[col('Montant')]!.value!), new Decimal(0));
    expect(total.toFixed(2)).toBe(roll.total);
  }, SOFFICE_TIMEOUT + 2 * SPAWN_TIMEOUT);
});

describe('un débiteur décrit deux fois autrement (DEBITEUR_CONTRADICTOIRE) : facturation, lot et comparer le disent, sortie 1', () => {
  // La commune décrit son CCAS (un établissement, un engagement) ; le CCAS adhère et se décrit autrement.
  const communeCcas = { ...commune, destinataires: [{ ...CCAS, codeService: 'SERVICE-PACK', engagement: 'EJ-COMMUNE-PACK' }] };
  const ccasLuiMeme = {
    collectivite: { nom: 'CCAS de Belvoir', siren: CCAS.siren, type: 'ccas', siret: '20000010700025', codeService: 'DIRECTION', engagement: 'EJ-CCAS-MAINT' },
    prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 } },
  };
  const lot = [communeCcas, ccasLuiMeme].map((a) => JSON.stringify(a)).join('\n');

  it('facturation : la section « Débiteur décrit deux fois autrement » nomme les deux endroits et les deux lignes ; les lignes du CCAS sont marquées', async () => {
    const m = memoryIo(lot);
    expect(await runCli(['facturation', '-', '--tarifs', TARIFS], m.io)).toBe(1);
    const section = m.out().slice(m.out().indexOf('Débiteur décrit deux fois autrement (1) : à trancher avant de facturer'));
    expect(section).not.toBe(m.out());
    expect(section.split('\n')[1]).toBe(
      "  - SIREN 200 000 107 : décrit autrement par « destinataires[0] » de l'adhésion n° 1 ((entrée standard):1) et par « collectivite » de l'adhésion n° 2 ((entrée standard):2) (ils diffèrent par siret, codeService, engagement) ; une pièce n'a qu'un débiteur : donnez-lui la même description partout.",
    );
    expect(m.out()).toContain('(débiteur décrit deux fois autrement : à trancher)');
    const csv = memoryIo(lot);
    expect(await runCli(['facturation', '-', '--tarifs', TARIFS, '--format', 'csv'], csv.io)).toBe(1);
    const rows = parseCsv(csv.out());
    const ccasRows = rows.filter((row) => row[2] === id(CCAS.siren));
    expect(ccasRows.length).toBeGreaterThan(0);
    expect(ccasRows.every((row) => row[COLUMNS - 1] === 'débiteur décrit deux fois autrement')).toBe(true);
    // Le libellé de la prestation vient du rôle (celui de son catalogue).
    expect(ccasRows[0]![11]).toBe('Pack dématérialisation');
  });

  it('lot et comparer : le même conflit, sortie 1', async () => {
    const l = memoryIo(lot);
    expect(await runCli(['lot', '-', '--tarifs', TARIFS], l.io)).toBe(1);
    expect(l.out()).toContain('Débiteur décrit deux fois autrement (1) : à trancher avant de facturer');
    expect(l.out()).toContain('[DEBITEUR_CONTRADICTOIRE]');
    const tarifs = JSON.parse(readFileSync(TARIFS, 'utf8')) as Tarifs;
    const dir2 = mkdtempSync(join(tmpdir(), 'te90-debiteur-'));
    const catalogue = join(dir2, 'catalogue.json');
    writeFileSync(catalogue, JSON.stringify(completeCatalogue(catalogue2026, tarifs)));
    const c = memoryIo(lot);
    expect(await runCli(['comparer', '-', '--avant', catalogue, '--apres', catalogue], c.io)).toBe(1);
    expect(c.out() + c.err()).toContain('Débiteur décrit deux fois autrement');
  });
});

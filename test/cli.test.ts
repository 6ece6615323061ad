import { spawnSync } from 'node:child_process';
import { parseCsv } from './cli-helpers.js';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2026, completeCatalogue, quote, quoteAll, type Adhesion, type Tarifs } from '../src/index.js';

const CLI = join(__dirname, '..', 'dist', 'cli.js');
const EX = join(__dirname, '..', 'examples');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}


const tarifs = readJson(join(EX, 'tarifs-exemple.json')) as Tarifs;
const complet = completeCatalogue(catalogue2026, tarifs);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js absent : lancez « npm run build » (npm test le fait).');
});

describe('te90-tarifs devis', () => {
  it('texte : un bloc par facture, montants à la française', () => {
    const r = run('devis', join(EX, 'commune.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Montants facturés au SIREN 219 000 494 — Foussemagne');
    // Espaces insécables dans les montants et avant les unités : un montant ne se coupe pas.
    expect(r.out).toContain('574,88\u00a0€ × (4\u00a0postes × 0,9) = 2\u00a0069,57\u00a0€');
    expect(r.out).toContain('Total du devis : 3\u00a0083,57\u00a0€');
    // Les vérifications du syndicat ne sont pas sur l'exemplaire de l'adhérent, sauf si on les demande.
    expect(r.out).not.toContain('vérifiez qu');
    expect(run('devis', join(EX, 'commune.json'), '--verifications').out).toContain('Vérifications pour le syndicat :');
  });

  it('json : exactement ce que rend quote', () => {
    const r = run('devis', join(EX, 'epci-pack-demat.json'), '--tarifs', join(EX, 'tarifs-exemple.json'), '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(quote(readJson(join(EX, 'epci-pack-demat.json')) as Adhesion, { catalogue: complet }));
  });

  it('csv : BOM, « ; », virgule décimale, montants exacts retrouvés', () => {
    const file = join(EX, 'epci-pack-demat.json');
    const r = run('devis', file, '--tarifs', join(EX, 'tarifs-exemple.json'), '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\uFEFFcollectivite;siren_collectivite;')).toBe(true);
    const [header, ...rows] = parseCsv(r.out.slice(1));
    const col = (name: string) => header!.indexOf(name);
    const devis = quote(readJson(file) as Adhesion, { catalogue: complet });
    expect(rows).toHaveLength(devis.lignes.length);
    expect(rows.map((row) => row[col('montant')]!.replace(',', '.'))).toEqual(devis.lignes.map((l) => l.montant));
    expect(rows.map((row) => row[col('quantite')]!.replace(',', '.'))).toEqual(devis.lignes.map((l) => l.quantite));
    const total = rows.reduce((acc, row) => acc.plus(row[col('montant')]!.replace(',', '.')), new Decimal(0));
    expect(total.toFixed(2)).toBe(devis.total);
  });

  it('adhésion refusée : sortie 1, chaque problème avec son chemin', () => {
    const r = run('devis', join(EX, 'epci-pack-demat.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('prestations.maintenanceBase.postesLicenceBL');
    expect(r.err).toContain('[TARIF_NON_PUBLIE]');
    expect(r.err.match(/TARIF_NON_PUBLIE/g)).toHaveLength(4);
    const j = run('devis', join(EX, 'epci-pack-demat.json'), '--format', 'json');
    expect(j.code).toBe(1);
    expect((JSON.parse(j.out) as { issues: { code: string }[] }).issues.every((i) => i.code === 'TARIF_NON_PUBLIE')).toBe(true);
  });

  it('fichiers incorrects : introuvable (2), pas du JSON (1), mauvaise forme (1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-'));
    expect(run('devis', join(dir, 'absent.json')).code).toBe(2);
    writeFileSync(join(dir, 'casse.json'), '{ "collectivite": ');
    const notJson = run('devis', join(dir, 'casse.json'));
    expect([notJson.code, notJson.err.includes('[JSON_INVALIDE]')]).toEqual([1, true]);
    writeFileSync(join(dir, 'liste.json'), '[1, 2]');
    const shape = run('devis', join(dir, 'liste.json'));
    expect([shape.code, shape.err.includes('[ENTREE_INVALIDE]')]).toEqual([1, true]);
  });

  it('fichier de tarifs refusé : sortie 1 avec tous ses problèmes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-'));
    writeFileSync(
      join(dir, 't.json'),
      JSON.stringify({ millesime: 2025, source: 'x', prestations: { marchesPublics: { acces: { prixUnitaire: '1.00' } }, dpo: { abonnement: { montant: 'abc' } } } }),
    );
    const r = run('devis', join(EX, 'commune.json'), '--tarifs', join(dir, 't.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`--tarifs ${join(dir, 't.json')}.prestations.dpo.abonnement.montant : Montant illisible`);
    expect(r.err).toContain('[MILLESIME_INCOHERENT]');
    expect(r.err).toContain('[TARIF_DEJA_PUBLIE]');
  });

  it('csv : un nom qui ressemble à une formule n’est pas exécuté par le tableur', () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-'));
    const adhesionFormule = { ...(readJson(join(EX, 'commune.json')) as object), collectivite: { nom: '=HYPERLINK("http://x")', siren: '219000106', type: 'commune' } };
    writeFileSync(join(dir, 'a.json'), JSON.stringify(adhesionFormule));
    const [, first] = parseCsv(run('devis', join(dir, 'a.json'), '--format', 'csv').out.slice(1));
    expect(first![0]).toBe(`'=HYPERLINK("http://x")`);
  });
});

describe('te90-tarifs lot', () => {
  const expected = () => quoteAll(readJson(join(EX, 'lot-adherents.json')) as Adhesion[], { catalogue: complet });

  /** Le lot attendu, chaque résultat avec le fichier (et la ligne) d'où vient l'adhésion. */
  const withFiles = (fichier: (i: number) => string) => {
    const lot = expected();
    return { ...lot, resultats: lot.resultats.map((r) => ({ ...r, fichier: fichier(r.index) })) };
  };

  it('json : résultats et synthèse de quoteAll, chaque résultat avec son fichier ; sortie 1 si une adhésion est refusée', () => {
    const file = join(EX, 'lot-adherents.json');
    const r = run('lot', file, '--tarifs', join(EX, 'tarifs-exemple.json'), '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual(withFiles(() => file));
  });

  it('jsonl : même résultat que la liste JSON, chaque résultat nomme sa ligne', () => {
    const file = join(EX, 'lot-adherents.jsonl');
    const r = run('lot', file, '--tarifs', join(EX, 'tarifs-exemple.json'), '--format', 'json');
    expect(JSON.parse(r.out)).toEqual(withFiles((i) => `${file}:${i + 1}`));
  });

  it('texte : refus avec leurs problèmes, synthèse par prestation', () => {
    const r = run('lot', join(EX, 'lot-adherents.json'), '--tarifs', join(EX, 'tarifs-exemple.json'));
    expect(r.out).toContain('Synthèse par prestation');
    expect(r.out).toContain('REFUSÉE');
    expect(r.out).toContain('[SIREN_EN_DOUBLE]');
    expect(r.out).toContain(`Adhésions acceptées : ${expected().synthese.acceptes} ; refusées : ${expected().synthese.refuses}`);
  });

  it('csv : une ligne par ligne de facture de chaque adhésion acceptée', () => {
    const r = run('lot', join(EX, 'lot-adherents.json'), '--tarifs', join(EX, 'tarifs-exemple.json'), '--format', 'csv');
    const [header, ...rows] = parseCsv(r.out.slice(1));
    expect(header![0]).toBe('position');
    const lines = expected().resultats.flatMap((x) => (x.success ? x.data.factures.flatMap((f) => f.lignes) : []));
    expect(rows.map((row) => row[header!.indexOf('montant')]!.replace(',', '.'))).toEqual(lines.map((l) => l.montant));
    expect(r.err).toContain('Synthèse par prestation');
  });

  it('dossier : chaque fichier .json ; un fichier illisible est refusé à sa place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-'));
    const [a, b] = readJson(join(EX, 'lot-adherents.json')) as unknown[];
    writeFileSync(join(dir, '1.json'), JSON.stringify(a));
    writeFileSync(join(dir, '2.json'), '{ pas du json');
    writeFileSync(join(dir, '3.json'), JSON.stringify(b));
    writeFileSync(join(dir, 'notes.txt'), 'ignoré');
    const r = run('lot', dir, '--tarifs', join(EX, 'tarifs-exemple.json'), '--format', 'json');
    const lot = JSON.parse(r.out) as Omit<ReturnType<typeof quoteAll>, 'resultats'> & { resultats: (ReturnType<typeof quoteAll>['resultats'][number] & { fichier: string })[] };
    expect(lot.resultats.map((x) => [x.index, x.success, x.fichier])).toEqual([
      [0, true, join(dir, '1.json')],
      [1, false, join(dir, '2.json')],
      [2, true, join(dir, '3.json')],
    ]);
    expect(!lot.resultats[1]!.success && lot.resultats[1]!.issues[0]!.code).toBe('JSON_INVALIDE');
    expect(lot.synthese.refuses).toBe(1);
    expect(r.code).toBe(1);
  });
});

describe('te90-tarifs catalogue', () => {
  it('liste les règles, les montants et ceux qui ne sont pas publiés', () => {
    const r = run('catalogue');
    expect(r.code).toBe(0);
    expect(r.out).toContain('574,88 €');
    expect(r.out).toContain('16 postes et plus : 0,65');
    expect(r.out).toContain('Montants non publiés (8)');
    expect(r.out).toContain('prestations.dpo.abonnement.montant');
  });

  it('complété par --tarifs : tous les montants sont connus', () => {
    const r = run('catalogue', '--millesime', '2026', '--tarifs', join(EX, 'tarifs-exemple.json'));
    expect(r.out).toContain('Tous les montants sont connus.');
    expect(r.out).toContain("MONTANTS D'EXEMPLE");
  });

  it('json : le catalogue embarqué', () => {
    expect(JSON.parse(run('catalogue', '--format', 'json').out)).toEqual(catalogue2026);
  });
});

describe('te90-tarifs verifier', () => {
  it('catalogue 2026 : aucune erreur, les deux baisses du barème, sortie 0', () => {
    const r = run('verifier');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Erreurs : aucune.');
    expect(r.out).toContain('6 postes coûtent moins que 5 : 2 414,50 € au lieu de 2 586,96 €.');
    expect(r.out).toContain('Montants non publiés (8)');
  });

  it('json, avec le fichier de tarifs d’exemple', () => {
    const r = run('verifier', '--tarifs', join(EX, 'tarifs-exemple.json'), '--format', 'json');
    const out = JSON.parse(r.out) as { erreurs: number; avertissements: number; montantsNonPublies: unknown[] };
    expect([r.code, out.erreurs, out.montantsNonPublies.length]).toEqual([0, 0, 0]);
    expect(out.avertissements).toBeGreaterThanOrEqual(2);
  });

  it('un fichier illisible (ici un dossier) : sortie 1, FICHIER_ILLISIBLE', () => {
    const r = run('devis', EX);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[FICHIER_ILLISIBLE]');
  });

  it('adhésion et fichier de tarifs refusés : tous leurs problèmes en une fois', () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-'));
    writeFileSync(join(dir, 'tarifs.json'), JSON.stringify({ millesime: 2026, source: 'x', prestations: { dpo: { abonnement: { montant: 'abc' } } } }));
    writeFileSync(join(dir, 'adhesion.json'), JSON.stringify({ collectivite: { nom: 'X', siren: '123', type: 'commune' }, prestations: {} }));
    const r = run('devis', join(dir, 'adhesion.json'), '--tarifs', join(dir, 'tarifs.json'));
    expect(r.code).toBe(1);
    for (const code of ['ENTREE_INVALIDE', 'SIREN_INVALIDE', 'MAINTENANCE_BASE_OBLIGATOIRE']) expect(r.err).toContain(`[${code}]`);
    writeFileSync(join(dir, 'adhesion.json'), '{ pas du json');
    const json = run('devis', join(dir, 'adhesion.json'), '--tarifs', join(dir, 'tarifs.json'));
    expect(json.err).toContain('[JSON_INVALIDE]');
    expect(json.err).toContain('[ENTREE_INVALIDE]');
  });

  it('fichier de tarifs incohérent : sortie 1, chaque problème au chemin du fichier', () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-'));
    const grille = { strates: [{ de: 0, a: 999 }, { de: 900, a: null }], quotasGo: [50], montants: [['1.00'], ['2.00']] };
    writeFileSync(join(dir, 't.json'), JSON.stringify({ millesime: 2026, source: 'x', prestations: { sauvegarde: { grille: { grille } } } }));
    const r = run('verifier', '--tarifs', join(dir, 't.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`--tarifs ${join(dir, 't.json')}.prestations.sauvegarde.grille.grille.strates[1]`);
    expect(r.err).toContain('[CATALOGUE_INCOHERENT]');
  });
});

describe('usage', () => {
  it.each([
    [['inconnue']],
    [['devis']],
    [['devis', 'a.json', 'b.json']],
    [['devis', join(EX, 'commune.json'), '--format', 'pdf']],
    [['devis', join(EX, 'commune.json'), '--option-inconnue']],
    [['catalogue', '--millesime', '2025']],
    [[]],
  ])('mauvais usage %j : sortie 2 et renvoi vers --help', (args) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('te90-tarifs');
  });

  it.each(['devis', 'lot', 'catalogue', 'verifier'])('%s --help', (command) => {
    const r = run(command, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`te90-tarifs ${command}`);
  });

  it('--help et --version', () => {
    expect(run('--help').out).toContain('Codes de sortie');
    expect(run('--version').out.trim()).toBe((readJson(join(__dirname, '..', 'package.json')) as { version: string }).version);
  });
});

describe('exemples', () => {
  it.each(['', 'epci', 'lot', 'tarifs', 'api'])('npm run exemple %s', (nom) => {
    const r = spawnSync('npm', ['run', '-s', 'exemple', ...(nom === '' ? [] : [nom])], { encoding: 'utf8', cwd: join(__dirname, '..') });
    expect(r.status).toBe(0);
    // « Total général » : la synthèse d’N lot ; « Total du devis » : un devis.
    expect(r.stdout).toMatch(/Total du devis|Total partiel du devis|Total général|Tous les montants sont connus/);
  }, 60_000);

  it('npm run exemple <nom inconnu> : la liste des exemples, sortie 2', () => {
    const r = spawnSync('npm', ['run', '-s', 'exemple', 'inconnu'], { encoding: 'utf8', cwd: join(__dirname, '..') });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Exemple inconnu : « inconnu ». Exemples : commune, epci, lot, tarifs, api');
  }, 60_000);
});

describe('te90-tarifs : catalogue d’une autre année, révision, comparaison', () => {
  const B = join(EX, 'territoire-de-belfort');

  it('--millesime choisit un catalogue embarqué, ou est refusé clairement (sortie 2)', () => {
    expect(run('catalogue', '--millesime', '2026').code).toBe(0);
    for (const command of ['catalogue', 'verifier']) {
      const r = run(command, '--millesime', '2099');
      expect(r.code).toBe(2);
      expect(r.err).toContain('Millésime non disponible : « 2099 »');
      expect(r.err).toContain('--catalogue');
    }
  });

  it('--catalogue sur devis, lot, catalogue et verifier', () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify((JSON.parse(readFileSync(join(B, 'adhesions.json'), 'utf8')) as unknown[])[0]));
    const devis = run('devis', join(dir, 'a.json'), '--catalogue', join(B, 'catalogue-2027.json'));
    expect(devis.code).toBe(0);
    expect(devis.out).toContain('Devis 2027');
    // commune.json demande 2026 : le catalogue 2027 le refuse (MILLESIME_INCOHERENT).
    expect(run('devis', join(EX, 'commune.json'), '--catalogue', join(B, 'catalogue-2027.json')).err).toContain('[MILLESIME_INCOHERENT]');
    const lot = run('lot', join(B, 'adhesions.json'), '--catalogue', join(B, 'catalogue-2027.json'), '--format', 'json');
    // L'exemple porte un conflit voulu (un SIREN facturé deux fois le pack démat) : sortie 1, chaque devis rendu.
    expect(lot.code).toBe(1);
    expect((JSON.parse(lot.out) as { synthese: { conflits: { code: string }[] } }).synthese.conflits.map((c) => c.code)).toEqual(['SIREN_FACTURE_DEUX_FOIS']);
    expect((JSON.parse(lot.out) as { synthese: { acceptes: number } }).synthese.acceptes).toBe(104);
    expect(run('catalogue', '--catalogue', join(B, 'catalogue-2027.json')).out).toContain('2027');
    expect(run('verifier', '--catalogue', join(B, 'catalogue-2027.json')).code).toBe(0);
    expect(run('devis', join(EX, 'commune.json'), '--catalogue', join(B, 'catalogue-2027.json'), '--millesime', '2026').code).toBe(2);
  });

  it('verifier --catalogue sur un brouillon : toutes ses remarques, sortie 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-'));
    const brouillon = JSON.parse(readFileSync(join(B, 'catalogue-2026.json'), 'utf8')) as Record<string, any>;
    brouillon['millesime'] = 2027;
    brouillon['prestations'].dpo.composantes.abonnement.montant = '-3.00';
    writeFileSync(join(dir, 'brouillon.json'), JSON.stringify(brouillon));
    const r = run('verifier', '--catalogue', join(dir, 'brouillon.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('[MONTANT_NEGATIF]');
    expect(r.out).toContain('[AUTRE_ANNEE]');
  });

  it('reviser écrit le nouveau catalogue en JSON, et ses remarques sur la sortie d’erreur', () => {
    const r = run('reviser', join(B, 'catalogue-2026.json'), join(B, 'revision-2027.json'));
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out) as { millesime: number; prestations: { dpo: { composantes: { abonnement: { montant: string } } } } };
    expect(c.millesime).toBe(2027);
    expect(c.prestations.dpo.composantes.abonnement.montant).toBe('320.00');
    expect(r.err).toContain('Révision : ');
    const embarque = run('reviser', '2026', join(B, 'revision-2027.json'));
    expect(embarque.code).toBe(0);
    // Sur le catalogue embarqué, un montant non publié et seulement indexé reste non publié.
    const sur2026 = JSON.parse(embarque.out) as { prestations: { cabinetNumerique: { composantes: { abonnement: { montant: null } } } } };
    expect(sur2026.prestations.cabinetNumerique.composantes.abonnement.montant).toBeNull();
    expect(run('reviser', join(B, 'catalogue-2026.json')).code).toBe(2);
  });

  it('comparer : chaque adhérent sous les deux catalogues, et la synthèse', () => {
    const r = run('comparer', '--avant', join(B, 'catalogue-2026.json'), '--apres', join(B, 'catalogue-2027.json'), join(B, 'adhesions.json'), '--format', 'json');
    // Le conflit voulu de l'exemple est signalé des deux côtés, et la sortie est 1.
    expect(r.code).toBe(1);
    const c = JSON.parse(r.out) as { adherents: Record<string, unknown>[]; synthese: Record<string, string> };
    expect(c.adherents).toHaveLength(104);
    expect(Object.keys(c.adherents[0]!)).toEqual(expect.arrayContaining(['index', 'siren', 'nom', 'avant', 'apres', 'ecart', 'ecartPourcent']));
    expect(c.synthese).toMatchObject({ avant: '210230.30', apres: '216965.83', ecart: '6735.53' });
    const texte = run('comparer', '--avant', join(B, 'catalogue-2026.json'), '--apres', join(B, 'catalogue-2027.json'), join(B, 'adhesions.json'));
    expect(texte.out).toContain('Comparaison 2026 → 2027');
    expect(texte.out).toContain('Plus fortes hausses');
    expect(run('comparer', '--avant', '2026', join(B, 'adhesions.json')).code).toBe(2);
    // Un montant manquant se fournit ici par --tarifs-avant ou --tarifs-apres.
    const manque = run('comparer', '--avant', '2026', '--apres', join(B, 'catalogue-2027.json'), join(B, 'adhesions.json'));
    // La voix de comparer est rédigée d'après les paramètres du problème.
    expect(manque.out).toContain('(--tarifs-avant ou --tarifs-apres)');
    expect(manque.out).not.toContain('--tarifs en ligne de commande');
    const csv = run('comparer', '--avant', '2026', '--apres', join(B, 'catalogue-2027.json'), join(B, 'adhesions.json'), '--format', 'csv');
    expect(csv.out.split('\r\n')[0]).toBe('\uFEFFposition;collectivite;siren;total_avant;total_apres;ecart;ecart_pourcent;refus;montants_exemple');
    // Les catalogues de l'exemple portent des montants d'exemple : le texte et le CSV le disent aussi, pas seulement le HTML.
    const exemple = run('comparer', '--avant', join(B, 'catalogue-2026.json'), '--apres', join(B, 'catalogue-2027.json'), join(B, 'adhesions.json'), '--format', 'csv');
    const rows = parseCsv(exemple.out.slice(1));
    expect(rows[0]!.at(-1)).toBe('montants_exemple');
    // La révision 2027 de l'exemple est d'exemple : chaque adhérent l'est après ; avant, seulement s'il a un montant fourni d'exemple.
    expect(new Set(rows.slice(1).map((r) => r.at(-1)))).toEqual(new Set(['avant et après', 'après']));
    const rapport = run('comparer', '--avant', join(B, 'catalogue-2026.json'), '--apres', join(B, 'catalogue-2027.json'), join(B, 'adhesions.json'));
    expect(rapport.out).toContain("MONTANTS D'EXEMPLE");
    expect(rapport.out).toContain("exemple : montants d'exemple en 2026 et en 2027");
  }, 30_000);
});

/**
 * Banc d'essai : `npm run bench` (après `npm ci`, qui construit dist/). Mesure le paquet construit,
 * tel que les utilisateurs le reçoivent, affiche un tableau et écrit bench/results/latest.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { quote, quoteAll, type Adhesion } from '../dist/index.js';
import { CASES, complet } from './adhesions.js';
import { BASELINES } from './baseline.js';
import { belfort, france, SOURCE_DONNEES, TYPIQUES } from './data.js';
import { coldStartObjectives, consumerReport, measureConsumer } from './consumer.js';
import { spreadsheetParts, spreadsheetPartsTable } from './size.js';
import { measureVaried, measureVariedBatch, type VariedResult } from './varied.js';
import { measureTable } from './table.js';
import { measureBigLot } from './big-lot.js';

const ROOT = join(import.meta.dirname, '..');
const SAMPLES = 20_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Mesure {
  readonly opsParSeconde: number;
  readonly medianeUs: number;
  readonly p99Us: number;
}

/** Trois séries ; on garde la meilleure (la moins gênée par le reste de la machine). */
function measure(fn: () => unknown): Mesure {
  const series = [serie(fn), serie(fn), serie(fn)];
  return series.reduce((best, s) => (s.medianeUs < best.medianeUs ? s : best));
}

/** Temps de chaque appel (µs), après échauffement ; et débit sur une boucle d'une demi-seconde. */
function serie(fn: () => unknown): Mesure {
  for (let i = 0; i < 5_000; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 500) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
  }
  return { opsParSeconde: Math.round((n * 1000) / (performance.now() - start)), medianeUs: percentile(times, 50), p99Us: percentile(times, 99) };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const gz = (text: string | Uint8Array) => gzipSync(text, { level: 9 }).length;

// 1. Devis typiques contre le calcul à la main.
const devis = CASES.map((c, i) => {
  const total = quote(c.adhesion, { catalogue: c.catalogue }).total;
  const attendu = BASELINES[i]!();
  if (total !== attendu) throw new Error(`${c.nom} : quote() donne ${total}, le calcul à la main ${attendu}.`);
  const q = measure(() => quote(c.adhesion, { catalogue: c.catalogue }));
  const b = measure(BASELINES[i]!);
  return { cas: c.nom, total, quote: q, base: b, ratio: Number((q.medianeUs / b.medianeUs).toFixed(2)) };
});

// 2. Des lots de 10 000 adhésions : petites communes seules, puis les trois cas en alternance.
const gc = (globalThis as { gc?: () => void }).gc;
function measureBatch(nom: string, lot: readonly Adhesion[]) {
  quoteAll(lot, { catalogue: complet });
  const durees: number[] = [];
  let tas = 0;
  for (let k = 0; k < 7; k++) {
    gc?.();
    const avant = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const r = quoteAll(lot, { catalogue: complet });
    durees.push(performance.now() - t0);
    tas = Math.max(tas, process.memoryUsage().heapUsed - avant);
    if (r.synthese.refuses !== 0) throw new Error('le lot du banc d’essai ne doit rien refuser');
  }
  return { lot: nom, adhesions: lot.length, medianeMs: Number(median(durees).toFixed(1)), tasUtiliseMo: Number((tas / 1048576).toFixed(1)) };
}
const lots = [
  measureBatch('petites communes', Array.from({ length: 10_000 }, () => CASES[0]!.adhesion)),
  measureBatch('trois cas typiques en alternance', Array.from({ length: 10_000 }, (_, i) => CASES[i % CASES.length]!.adhesion)),
];

// 2 bis. Données réelles et variées : toutes les communes de France, le Territoire de Belfort, et les
// trois cas typiques déclinés en 1 000 adhésions distinctes chacun, contre le calcul à la main.
const varies = [
  ...TYPIQUES.map((t) => measureVaried(`${t.nom} (1 000 distinctes)`, t.adhesions, complet)),
  measureVaried('Territoire de Belfort', belfort(), complet),
  measureVaried('France, toutes les communes', france(), complet),
];
const lotVarie = measureVariedBatch(france().slice(0, 10_000), complet);
// Toute la France par quoteAll (le lot entier, sa synthèse et son registre des SIREN), contre le
// calcul à la main des mêmes adhésions mesuré plus haut dans ce même processus.
const franceLot = measureVariedBatch(france(), complet);

// 2 ter. La ligne de commande sur un très gros lot (115 000 adhésions, JSONL) : durée et mémoire
// (RSS maximale) du processus, sortie JSON écrite au fil de l'eau.
const gros = join(tmpdir(), `te90-lot-${process.pid}.jsonl`);
{
  const base = france();
  const lignes: string[] = [];
  for (let i = 0; lignes.length < 115_000; i++) lignes.push(JSON.stringify(base[i % base.length]));
  writeFileSync(gros, lignes.join('\n') + '\n');
}
const mesureRss = `data:text/javascript,process.on("exit",()=>process.stderr.write("RSS="+process.resourceUsage().maxRSS+"\\n"))`;
const cli = ['texte', 'json'].map((format) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', mesureRss, join(ROOT, 'dist', 'cli.js'), 'lot', gros, '--tarifs', join(ROOT, 'examples', 'tarifs-exemple.json'), '--format', format], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const rssKo = Number(/RSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { format, adhesions: 115_000, secondes: Number(((performance.now() - t0) / 1000).toFixed(1)), rssMo: Number((rssKo / 1024).toFixed(0)), sortie: r.status };
});
// Le rôle de facturation du même lot, en CSV : les factures regroupent tout le lot, le rôle est donc
// entier en mémoire avant d'être écrit (facture par facture).
const cliFacturation = (() => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', mesureRss, join(ROOT, 'dist', 'cli.js'), 'facturation', gros, '--tarifs', join(ROOT, 'examples', 'tarifs-exemple.json'), '--format', 'csv'], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const rssKo = Number(/RSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { commande: 'facturation', format: 'csv', adhesions: 115_000, secondes: Number(((performance.now() - t0) / 1000).toFixed(1)), rssMo: Number((rssKo / 1024).toFixed(0)), sortie: r.status };
})();
// `comparer` sur le même lot, sous les deux catalogues d'exemple du Territoire de Belfort : chaque
// adhérent est écrit dès qu'il est comparé. Le tas de V8 est limité à 128 Mo : la mémoire ne dépend
// pas de la taille du lot (sans limite, V8 grandit son tas plus qu'il n'en a besoin).
const belfort2 = join(ROOT, 'examples', 'territoire-de-belfort');
const cliComparer = ['json', 'html'].map((format) => {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=128', '--import', mesureRss, join(ROOT, 'dist', 'cli.js'), 'comparer', gros, '--avant', join(belfort2, 'catalogue-2026.json'), '--apres', join(belfort2, 'catalogue-2027.json'), '--format', format],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 },
  );
  const rssKo = Number(/RSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  // Sortie 1 : le lot répète chaque commune, des SIREN y sont donc facturés deux fois (c'est signalé).
  return { commande: 'comparer', format, adhesions: 115_000, tasMaxMo: 128, secondes: Number(((performance.now() - t0) / 1000).toFixed(1)), rssMo: Number((rssKo / 1024).toFixed(0)), sortie: r.status, signal: r.signal };
});
rmSync(gros, { force: true });

// 2 quinquies. TABLEAU (fonction de tableur) sur 100 000 lignes qui partagent un SIREN : Google Sheets
// arrête une fonction personnalisée au bout de 30 s.
const grandTableau = measureTable(100_000);

// 2 sexies. Un lot JSONL de 250 Mo (adhésions distinctes) par `lot`, tas de V8 limité à 128 Mo : la
// mémoire ne dépend pas de la taille du lot.
const grosLot = measureBigLot(ROOT, france());

// 3. Tailles.
const esm = readFileSync(join(ROOT, 'dist', 'index.js'));
const esmMin = await build({ entryPoints: [join(ROOT, 'dist', 'index.js')], bundle: true, minify: true, format: 'esm', write: false, platform: 'neutral', external: ['decimal.js'] });
const esmMinAvecDecimal = await build({ entryPoints: [join(ROOT, 'dist', 'index.js')], bundle: true, minify: true, format: 'esm', write: false, platform: 'neutral', mainFields: ['module', 'main'] });
const autonome = readFileSync(join(ROOT, 'dist', 'tableur', 'te90-tarifs.js'));
const pack = JSON.parse(spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }).stdout) as { size: number; unpackedSize: number; entryCount: number }[];
const parties = await spreadsheetParts(ROOT);
const tailles = {
  archiveNpm: { octets: pack[0]!.unpackedSize, gzip: pack[0]!.size, fichiers: pack[0]!.entryCount },
  esm: { octets: esm.length, gzip: gz(esm) },
  esmMinifie: { octets: esmMin.outputFiles[0]!.contents.length, gzip: gz(esmMin.outputFiles[0]!.contents) },
  esmMinifieAvecDecimal: { octets: esmMinAvecDecimal.outputFiles[0]!.contents.length, gzip: gz(esmMinAvecDecimal.outputFiles[0]!.contents) },
  autonome: { octets: autonome.length, gzip: gz(autonome) },
};

// 4. Le paquet vu par une application : l'archive de npm pack installée dans un projet neuf ; le
// paquet de l'application qui n'importe que quote, ou que isValidSiren ; et le démarrage à froid d'un
// processus neuf qui importe le paquet installé et établit un devis.
const consommateur = await measureConsumer(ROOT, CASES[0]!.adhesion);
const froid = consommateur.froid;

// Tableau et objectifs : chaque mesure de ce processus, son objectif à côté.
const franceResultat = varies[varies.length - 1]!;
const [petites, epci, toutCoche] = varies as [VariedResult, VariedResult, VariedResult];
const SIRENS_EPCI = 3;
const franceLotRapport = Number((franceLot.medianeMs / franceResultat.baseMs).toFixed(2));
const epciParSiren = Number((epci.usParDevis / SIRENS_EPCI).toFixed(2));
const fmtFr = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
const objectifs: { objectif: string; mesure: number; cible: string; atteint: boolean }[] = [
  ...[petites, epci, toutCoche].map((v) => ({ objectif: `quote / calcul à la main (${v.jeu}, régime établi)`, mesure: v.rapport, cible: '≤ 1,0', atteint: v.rapport <= 1 })),
  ...[petites, epci, toutCoche].map((v) => ({ objectif: `quote / calcul à la main (${v.jeu}, juste après un gc() forcé)`, mesure: v.rapportApresGc, cible: '≤ 1,0', atteint: v.rapportApresGc <= 1 })),
  { objectif: 'France par quoteAll / calcul à la main', mesure: franceLotRapport, cible: '≤ 1,5', atteint: franceLotRapport <= 1.5 },
  { objectif: 'France par quoteAll (ms)', mesure: franceLot.medianeMs, cible: '≤ 300', atteint: franceLot.medianeMs <= 300 },
  {
    objectif: `EPCI : µs par SIREN facturé (${SIRENS_EPCI} SIREN) / µs d'un devis de petite commune`,
    mesure: Number((epciParSiren / petites.usParDevis).toFixed(2)),
    cible: '≤ 1,0',
    atteint: epciParSiren <= petites.usParDevis,
  },
  { objectif: 'paquet autonome, gzip (octets)', mesure: tailles.autonome.gzip, cible: '≤ 30 720', atteint: tailles.autonome.gzip <= 30 * 1024 },
  ...consommateur.bundles.map((b) => ({ objectif: `paquet d'une application qui n'importe que ${b.noms.join(', ')}, gzip (octets)`, mesure: b.gzip, cible: `≤ ${fmtFr(b.cible)}`, atteint: b.gzip <= b.cible })),
  ...coldStartObjectives(froid),
  { objectif: 'package.json publié (octets ; au-delà, Node 20 le lit plus lentement)', mesure: consommateur.packageJsonOctets, cible: '≤ 4 096', atteint: consommateur.packageJsonOctets <= 4096 },
  ...cliComparer.map((c) => ({ objectif: `comparer --format ${c.format}, ${fmtFr(c.adhesions)} adhésions, tas de ${c.tasMaxMo} Mo : RSS max (Mo)`, mesure: c.rssMo, cible: 'mène au bout', atteint: c.signal === null && c.sortie !== null && c.sortie <= 1 })),
  {
    objectif: `lot d'un JSONL de ${fmtFr(Math.round(grosLot.octets / 1e6))} Mo (${fmtFr(grosLot.adhesions)} adhésions), tas de ${grosLot.tasMaxMo} Mo : tas utilisé au plus haut (Mo)`,
    mesure: grosLot.tasUtiliseMaxMo,
    cible: 'mène au bout',
    atteint: grosLot.signal === null && grosLot.sortie !== null && grosLot.sortie <= 1,
  },
  { objectif: `TABLEAU, ${fmtFr(grandTableau.lignes)} lignes qui partagent un SIREN (ms)`, mesure: grandTableau.medianeMs, cible: '≤ 30 000', atteint: grandTableau.medianeMs <= 30_000 },
  // Objectifs des versions précédentes, gardés pour comparaison :
  { objectif: 'France par quote() / calcul à la main', mesure: franceResultat.rapport, cible: '≤ 1,5', atteint: franceResultat.rapport <= 1.5 },
  { objectif: 'quoteAll de 10 000 adhésions variées (ms)', mesure: lotVarie.medianeMs, cible: '≤ 100', atteint: lotVarie.medianeMs <= 100 },
  ...devis.map((d) => ({ objectif: `quote / calcul à la main, même adhésion répétée (${d.cas})`, mesure: d.ratio, cible: '≤ 1,5', atteint: d.ratio <= 1.5 })),
  { objectif: 'devis/s (petite commune)', mesure: devis[0]!.quote.opsParSeconde, cible: '≥ 150 000', atteint: devis[0]!.quote.opsParSeconde >= 150_000 },
  ...lots.map((l) => ({ objectif: `quoteAll de 10 000, ${l.lot} (ms)`, mesure: l.medianeMs, cible: '≤ 150', atteint: l.medianeMs <= 150 })),
];

const fmt = fmtFr;
console.log(`Banc d'essai @te90/tarifs — Node ${process.version}, ${new Date().toISOString()}\n`);
console.log('Devis typiques                      quote() : ops/s   médiane   p99     | à la main : ops/s   médiane | rapport');
for (const d of devis) {
  console.log(
    `  ${d.cas.padEnd(33)} ${fmt(d.quote.opsParSeconde).padStart(10)} ${fmt(d.quote.medianeUs).padStart(7)} µs ${fmt(d.quote.p99Us).padStart(6)} µs | ${fmt(d.base.opsParSeconde).padStart(10)} ${fmt(d.base.medianeUs).padStart(6)} µs | ${fmt(d.ratio)}`,
  );
}
console.log(`\nDonnées réelles et variées (${SOURCE_DONNEES}), copies neuves à chaque tour, médiane de 15 en régime établi`);
console.log('(aucun gc() forcé, ordre alterné) ; « après gc » : médiane de 7 tours, chacun juste après un gc() forcé');
console.log('  Jeu                                        adhésions   quote()    à la main  rapport après gc  devis/s    µs/devis  tas');
for (const v of varies) {
  console.log(
    `  ${v.jeu.padEnd(42)} ${fmt(v.adhesions).padStart(9)} ${fmt(v.quoteMs).padStart(7)} ms ${fmt(v.baseMs).padStart(7)} ms ${fmt(v.rapport).padStart(7)} ${fmt(v.rapportApresGc).padStart(8)} ${fmt(v.devisParSeconde).padStart(10)} ${fmt(v.usParDevis).padStart(8)} ${fmt(v.tasMo).padStart(5)} Mo`,
  );
}
console.log(`  quoteAll de 10 000 communes (variées) : médiane ${fmt(lotVarie.medianeMs)} ms, tas +${fmt(lotVarie.tasMo)} Mo`);
console.log(
  `  quoteAll de toute la France (${fmt(franceLot.adhesions)} communes) : médiane ${fmt(franceLot.medianeMs)} ms, ${fmt(franceLotRapport)} × le calcul à la main (${fmt(franceResultat.baseMs)} ms), tas +${fmt(franceLot.tasMo)} Mo (${fmt(Math.round((franceLot.tasMo * 1048576) / franceLot.adhesions))} octets gardés par adhésion)`,
);
console.log(`  EPCI : ${fmt(epciParSiren)} µs par SIREN facturé, petite commune : ${fmt(petites.usParDevis)} µs par devis (un SIREN)`);
for (const c of cli) console.log(`\nLigne de commande, lot de ${fmt(c.adhesions)} adhésions (JSONL), --format ${c.format} : ${fmt(c.secondes)} s, RSS max ${fmt(c.rssMo)} Mo (sortie ${c.sortie})`);
console.log(
  `\nLigne de commande, rôle de facturation de ${fmt(cliFacturation.adhesions)} adhésions (JSONL), --format ${cliFacturation.format} : ${fmt(cliFacturation.secondes)} s, RSS max ${fmt(cliFacturation.rssMo)} Mo (sortie ${cliFacturation.sortie})`,
);
for (const c of cliComparer) console.log(`\nLigne de commande, comparer ${fmt(c.adhesions)} adhésions (JSONL), --format ${c.format}, tas limité à ${c.tasMaxMo} Mo : ${fmt(c.secondes)} s, RSS max ${fmt(c.rssMo)} Mo (sortie ${c.sortie}${c.signal ? `, signal ${c.signal}` : ''})`);
console.log(
  `\nLigne de commande, lot JSONL de ${fmt(Math.round(grosLot.octets / 1e6))} Mo (${fmt(grosLot.adhesions)} adhésions), tas limité à ${grosLot.tasMaxMo} Mo : ${fmt(grosLot.secondes)} s, tas utilisé au plus haut ${fmt(grosLot.tasUtiliseMaxMo)} Mo, RSS max ${fmt(grosLot.rssMo)} Mo (sortie ${grosLot.sortie}${grosLot.signal ? `, signal ${grosLot.signal}` : ''})`,
);
console.log(`\nTABLEAU, ${fmt(grandTableau.lignes)} lignes qui partagent un SIREN : médiane ${fmt(grandTableau.medianeMs)} ms (${grandTableau.durees.map(fmt).join(', ')} ms)`);
for (const l of lots) console.log(`\nquoteAll, ${l.adhesions} adhésions (${l.lot}) : médiane ${fmt(l.medianeMs)} ms, tas utilisé +${fmt(l.tasUtiliseMo)} Mo`);
console.log('\nTailles                     octets      gzip');
for (const [nom, t] of Object.entries(tailles)) console.log(`  ${nom.padEnd(24)} ${fmt(t.octets).padStart(9)} ${fmt(t.gzip).padStart(9)}`);
console.log(`  (archiveNpm : taille décompressée, taille de l'archive, ${tailles.archiveNpm.fichiers} fichiers)`);
console.log('');
for (const line of spreadsheetPartsTable(parties)) console.log(line);
console.log(`\n${consumerReport(consommateur)}`);
console.log('\nObjectifs');
for (const o of objectifs) console.log(`  ${o.atteint ? 'atteint ' : 'MANQUÉ  '} ${o.objectif} : ${fmt(o.mesure)} (objectif ${o.cible})`);

mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench', 'results', 'latest.json'),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, donnees: SOURCE_DONNEES, devis, varies, lotVarie, franceLot, cli, cliFacturation, cliComparer, grosLot, grandTableau, lots, tailles, parties, consommateur, froid, objectifs }, null, 2) + '\n',
);
console.log('\nRésultats écrits dans bench/results/latest.json');

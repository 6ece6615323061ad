// Les exemples du dépôt : `npm run exemple [nom]`. Construit dist/ s'il manque ou date d'avant les
// sources, puis lance l'exemple demandé (le devis d'une petite commune par défaut). Une seule entrée
// dans package.json pour tous : il reste court, et aucun script ne tourne à l'installation du paquet.
import { spawnSync } from 'node:child_process';
import { openSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const cli = (...args) => [process.execPath, join(ROOT, 'dist', 'cli.js'), ...args];
const tsx = (file) => [join(BIN, 'tsx'), file];
const BELFORT = 'examples/territoire-de-belfort';
const TARIFS = ['--tarifs', 'examples/tarifs-exemple.json'];
const CONFLIT = "(sortie 1 : un SIREN facturé deux fois, voulu dans l'exemple)";

/** Chaque exemple : sa commande, et ce que dit une sortie 1 voulue. */
const EXEMPLES = {
  commune: { commande: cli('devis', 'examples/commune.json') },
  epci: { commande: cli('devis', 'examples/epci-pack-demat.json', ...TARIFS) },
  lot: { commande: cli('lot', 'examples/lot-adherents.json', ...TARIFS), sortie1: "(sortie 1 : des adhésions refusées, voulues dans l'exemple)" },
  tarifs: { commande: cli('catalogue', ...TARIFS) },
  api: { commande: tsx('examples/api.ts') },
  comparer: { commande: cli('comparer', '--avant', `${BELFORT}/catalogue-2026.json`, '--apres', `${BELFORT}/catalogue-2027.json`, `${BELFORT}/adhesions.json`), sortie1: CONFLIT },
  facturation: { commande: cli('facturation', `${BELFORT}/adhesions.json`, '--catalogue', `${BELFORT}/catalogue-2026.json`), sortie1: CONFLIT },
  titres: {
    commande: cli('facturation', `${BELFORT}/adhesions-tranchees.json`, '--catalogue', `${BELFORT}/catalogue-2026.json`, '--format', 'pes', '--parametres', 'examples/parametres-pes-exemple.json'),
    sortie: 'titres-exemple.xml',
  },
  simulateur: { commande: [process.execPath, '-e', 'console.log("Ouvrez dist/simulateur/index.html dans un navigateur (fonctionne hors ligne).")'] },
  belfort: { commande: tsx(`${BELFORT}/generer.ts`) },
};

const nom = process.argv[2] ?? 'commune';
const exemple = EXEMPLES[nom];
if (exemple === undefined) {
  process.stderr.write(`Exemple inconnu : « ${nom} ». Exemples : ${Object.keys(EXEMPLES).join(', ')} (npm run exemple <nom>).\n`);
  process.exit(2);
}
const run = ([command, ...args], sortie) =>
  spawnSync(command, args, { cwd: ROOT, stdio: ['inherit', sortie === undefined ? 'inherit' : openSync(join(ROOT, sortie), 'w'), 'inherit'] }).status ?? 1;
/** La date de modification la plus récente sous `path` (fichier ou dossier), 0 s'il n'existe pas. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}
const built = newest(join(ROOT, 'dist', 'cli.js'));
const sources = Math.max(...['src', 'scripts', 'tsup.config.ts', 'package.json'].map((f) => newest(join(ROOT, f))));
if (built === 0 || sources > built) {
  const build = run([join(BIN, 'tsup'), '--silent']);
  if (build !== 0) process.exit(build);
}
const status = run(exemple.commande, exemple.sortie);
if (status === 0 && exemple.sortie !== undefined) console.log(`Écrit dans ${exemple.sortie}.`);
if (status === 1 && exemple.sortie1 !== undefined) console.log(exemple.sortie1);
else process.exitCode = status;

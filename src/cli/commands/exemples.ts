import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeControlCharacters } from '@te90/tarifs';
import { EXIT, type CliIo, type Values } from '../command.js';
import { describeErrno } from '../read-bytes.js';
import { UsageError } from '../usage-error.js';

/**
 * Le dossier où la commande écrit les fichiers d'exemple, quand aucun n'est donné.
 *
 * @internal
 */
export const EXAMPLES_FOLDER = 'exemples';

/** Le dossier du paquet : le premier parent de ce module dont le package.json est celui de @te90/tarifs. */
function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && /"name"\s*:\s*"@te90\/tarifs"/.test(readFileSync(manifest, 'utf8'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Les fichiers d'exemple livrés (JSON et JSONL, et les README qui les présentent), chemins relatifs au dossier `examples/` du paquet. */
function exampleFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) return exampleFiles(join(dir, entry.name), rel);
      return /\.jsonl?$/.test(entry.name) || entry.name === 'README.md' ? [rel] : [];
    });
}

/**
 * Le texte d'un fichier copié : son `$schema` (relatif au fichier livré) désigne le même schéma,
 * relativement à la copie.
 */
function relocateSchema(text: string, source: string, copy: string): string {
  return text.replace(/("\$schema"\s*:\s*")([^"]*)(")/, (whole, open: string, ref: string, close: string) => {
    if (/^[a-z]+:/i.test(ref)) return whole;
    const schema = resolve(dirname(source), ref);
    return `${open}${relative(dirname(resolve(copy)), schema).split(sep).join('/')}${close}`;
  });
}

/** Ce que dit la liste d'un fichier qui se déclare d'exemple (« exemple »: true) : ses montants, ou lui-même, sont inventés. */
function exampleLabel(text: string): string {
  if (!/"exemple"\s*:\s*true/.test(text)) return '';
  return /"(montant|prixUnitaire|prixParHabitant)"\s*:\s*"\d/.test(text) ? "   (montants d'exemple)" : '   (exemple inventé, à remplacer)';
}

/**
 * `te90-tarifs exemples [dossier]` : écrit les fichiers d'exemple du paquet (adhésions, lots,
 * tarifs, émetteur, catalogues et révision d'exemple) dans un dossier (`exemples` par défaut), ceux
 * des exemples de chaque aide. Un fichier déjà présent est gardé tel quel, jamais écrasé.
 *
 * @internal
 */
export async function exemples(positionals: string[], _values: Values, io: CliIo): Promise<number> {
  if (positionals.length > 1) throw new UsageError(`La commande « exemples » prend au plus un dossier (${positionals.length} donnés).`);
  const target = positionals[0] ?? EXAMPLES_FOLDER;
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(`${target} existe et n'est pas un dossier : donnez un autre dossier (par exemple : te90-tarifs exemples mes-exemples).`);
  const root = packageRoot();
  const source = root === undefined ? undefined : join(root, 'examples');
  if (source === undefined || !existsSync(source)) throw new Error("les fichiers d'exemple ne sont pas dans le paquet installé");
  // Le dossier tapé, montré échappé s'il porte un caractère de contrôle.
  const shown = escapeControlCharacters(target.replace(/\/+$/, '') || '/');
  const written: string[] = [];
  const kept: string[] = [];
  for (const rel of exampleFiles(source)) {
    const copy = join(target, ...rel.split('/'));
    const name = `${shown}/${rel}`;
    if (existsSync(copy)) {
      kept.push(name);
      continue;
    }
    const text = readFileSync(join(source, ...rel.split('/')), 'utf8');
    try {
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, relocateSchema(text, join(source, ...rel.split('/')), copy), { flag: 'wx' });
    } catch (error) {
      io.err(`Écriture impossible de ${name} : ${describeErrno((error as { code?: string }).code)}.\n`);
      return EXIT.output;
    }
    written.push(`${name}${exampleLabel(text)}`);
  }
  const out: string[] = [];
  if (written.length > 0) out.push(`Fichiers d'exemple écrits dans ${shown}/ :`, ...written.map((f) => `  ${f}`));
  if (kept.length > 0) out.push(`Déjà présents, gardés tels quels (effacez-les pour les réécrire) :`, ...kept.map((f) => `  ${f}`));
  out.push(
    '',
    "Les montants d'exemple sont inventés pour la démonstration : ni publiés ni votés par le syndicat.",
    `Les collectivités sont réelles, leurs prestations illustratives : voir ${shown}/README.md.`,
    `Pour commencer : te90-tarifs devis ${shown}/commune.json ; les exemples de chaque commande : te90-tarifs help <commande>.`,
  );
  await io.out(out.join('\n') + '\n');
  return EXIT.ok;
}

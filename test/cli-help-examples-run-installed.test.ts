import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP } from '../src/cli/help.js';
import { installPackedPackage, run, type InstalledPackage } from './installed-package.js';

/**
 * Chaque exemple de chaque aide de `te90-tarifs` s'exécute tel qu'il est écrit, avec la commande du
 * paquet installé depuis son archive (`npm pack`) dans un dossier vide : aucun fichier ne manque,
 * aucun n'est un mauvais usage. Les exemples sont lus dans les aides elles-mêmes (celles de la
 * commande installée, identiques à leur source), jamais recopiés ici.
 */

const INSTALL_TIMEOUT = 180_000;
const TIMEOUT = 120_000;

let paquet: InstalledPackage;

beforeAll(() => {
  paquet = installPackedPackage('te90-aides-');
}, INSTALL_TIMEOUT);

afterAll(() => {
  paquet?.remove();
});

/** Une ligne d'exemple d'une aide : la commande, et la sortie qu'annonce son commentaire. */
interface Example {
  readonly help: string;
  readonly command: string;
  readonly comment: string;
}

/** Les exemples d'une aide : les lignes du bloc « Exemple(s) : », les suites de ligne (« \ ») jointes. */
function examplesOf(help: string, text: string): Example[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^Exemples? :$/.test(l));
  if (start === -1) return [];
  const examples: Example[] = [];
  let pending = '';
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    const joined = pending + line.trim();
    if (joined.endsWith('\\')) {
      pending = joined.slice(0, -1).trimEnd() + ' ';
      continue;
    }
    pending = '';
    const hash = joined.search(/\s#\s/);
    examples.push({ help, command: hash === -1 ? joined : joined.slice(0, hash).trim(), comment: hash === -1 ? '' : joined.slice(hash + 3) });
  }
  return examples;
}

/** Les commandes que nomme l'aide générale (section « Commandes : »). */
function commandsOf(general: string): string[] {
  const section = general.slice(general.indexOf('Commandes :'));
  return [...section.slice(0, section.indexOf('\n\n')).matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
}

function te90(args: readonly string[], cwd: string) {
  return run('te90-tarifs', args, cwd, { env: paquet.env, timeout: TIMEOUT });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('les exemples des aides, exécutés avec le paquet installé', () => {
  it(
    'chaque exemple de chaque aide s’exécute dans un dossier vide : sortie 0, ou 1 quand l’aide annonce un refus voulu',
    () => {
      const cwd = paquet.emptyFolder('aides-');
      const general = te90(['--help'], cwd);
      expect(general.code).toBe(0);
      const commands = commandsOf(general.out);
      expect(commands.length).toBeGreaterThanOrEqual(9);
      const helps = new Map([['--help', general.out]]);
      for (const command of commands) {
        const r = te90([command, '--help'], cwd);
        expect(r.code, command).toBe(0);
        helps.set(`${command} --help`, r.out);
      }
      // La commande installée affiche les aides de la source : les exemples lus ici sont les leurs.
      expect([...helps.values()].sort()).toEqual(Object.values(HELP).map((h) => `${h}\n`).sort());

      const examples = [...helps].flatMap(([help, text]) => examplesOf(help, text));
      for (const [help, text] of helps) expect(examplesOf(help, text).length, `${help} : au moins un exemple`).toBeGreaterThanOrEqual(1);
      expect(examples.length).toBeGreaterThanOrEqual(25);
      const failures: string[] = [];
      for (const example of examples) {
        // Chaque exemple est une ligne de shell qui appelle la commande installée, rien d'autre.
        if (!/(^|\| )te90-tarifs /.test(example.command)) {
          failures.push(`${example.help} : « ${example.command} » n'appelle pas te90-tarifs`);
          continue;
        }
        const expected = /sortie 1/.test(example.comment) ? 1 : 0;
        const r = run('sh', ['-c', example.command], cwd, { env: paquet.env, timeout: TIMEOUT });
        if (r.code !== expected || /introuvable|Voir : te90-tarifs/.test(r.err)) {
          failures.push(`${example.help} : « ${example.command} » : sortie ${r.code} (attendue : ${expected})\n${r.err.slice(0, 600)}`);
        }
      }
      expect(failures).toEqual([]);
    },
    TIMEOUT * 3,
  );

  it(
    'te90-tarifs exemples écrit les fichiers des exemples ; ceux qui portent des montants disent que ce sont des montants d’exemple ; rien n’est écrasé',
    () => {
      const cwd = paquet.emptyFolder('exemples-');
      const first = te90(['exemples'], cwd);
      expect(first.code).toBe(0);
      const written = filesUnder(join(cwd, 'exemples')).map((f) => relative(cwd, f));
      expect(written).toEqual(expect.arrayContaining(['exemples/commune.json', 'exemples/tarifs-exemple.json', 'exemples/lot-adherents.jsonl']));
      for (const file of written) expect(first.out).toContain(file);
      for (const file of written) {
        const text = readFileSync(join(cwd, file), 'utf8');
        if (/"(montant|prixUnitaire|prixParHabitant)"\s*:\s*"\d/.test(text)) expect(text, file).toMatch(/"exemple"\s*:\s*true/);
        // Le schéma que nomme un fichier copié est celui du paquet installé.
        const schema = /"\$schema"\s*:\s*"([^"]+)"/.exec(text)?.[1];
        if (schema !== undefined) expect(() => statSync(join(cwd, file, '..', schema)), `${file} : ${schema}`).not.toThrow();
      }
      expect(first.out).toMatch(/montants d'exemple/);
      // La présentation des exemples est copiée avec eux : des collectivités réelles, des prestations illustratives.
      expect(written).toContain('exemples/README.md');
      expect(readFileSync(join(cwd, 'exemples', 'README.md'), 'utf8')).toContain('prestations cochées, elles, sont illustratives');
      expect(first.out).toContain('Les collectivités sont réelles, leurs prestations illustratives : voir exemples/README.md.');
      // Une seconde fois : les fichiers présents (peut-être modifiés) sont gardés, pas écrasés.
      const again = te90(['exemples'], cwd);
      expect(again.code).toBe(0);
      expect(again.out).toMatch(/Déjà présents, gardés tels quels/);
      for (const file of written) expect(again.out).toContain(file);
    },
    TIMEOUT,
  );
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('te90-tarifs manifeste', () => {
  it('écrit le manifeste complet pour l’adresse donnée : plus de {{URL_DE_BASE}}, les mêmes fichiers que le manifeste construit', () => {
    const r = run('manifeste', '--url', 'https://exemple.fr/te90/');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).not.toContain('{{');
    expect(r.out).toContain('<bt:Url id="Functions.Script.Url" DefaultValue="https://exemple.fr/te90/functions.js" />');
    // Le « / » final est facultatif : même manifeste.
    expect(run('manifeste', '--url', 'https://exemple.fr/te90').out).toBe(r.out);
    // Hors commentaire et adresses, c'est le manifeste construit dans dist/tableur/excel/.
    const built = readFileSync(join(ROOT, 'dist', 'tableur', 'excel', 'manifest.xml'), 'utf8');
    const body = (xml: string) => xml.replace(/<!--[\s\S]*?-->/, '');
    expect(body(r.out)).toBe(body(built).replaceAll('{{URL_DE_BASE}}', 'https://exemple.fr/te90'));
    expect(r.out).not.toMatch(/<!--(?:(?!-->)[\s\S])*--(?!>)/);
    // Une adresse est écrite échappée pour XML.
    expect(run('manifeste', '--url', "https://exemple.fr/a&b'/").out).toContain('DefaultValue="https://exemple.fr/a&amp;b\'/functions.js"');
  }, 30_000);

  it('refuse, en mauvais usage (2), une adresse qui n’est pas https, incomplète, absente, ou un fichier', () => {
    const cases: [string[], RegExp][] = [
      [['manifeste', '--url', 'http://exemple.fr/te90/'], /doit commencer par https:\/\//],
      [['manifeste', '--url', 'exemple.fr/te90'], /n'est pas une adresse complète/],
      [['manifeste', '--url', 'https://exemple.fr/te90/?x=1'], /ni « \? » ni « # »/],
      [['manifeste', '--url', 'https://moi:secret@exemple.fr/'], /identifiant/],
      [['manifeste'], /attend l'adresse HTTPS/],
      [['manifeste', 'manifest.xml'], /ne prend pas de fichier/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out, args.join(' ')).toBe('');
      expect(r.err, args.join(' ')).toMatch(message);
    }
  }, 60_000);

  it('a son aide, et figure dans l’aide générale', () => {
    const r = run('manifeste', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('te90-tarifs manifeste --url');
    expect(r.out).toContain('https://');
    expect(run('--help').out).toMatch(/manifeste +le manifeste du complément Excel/);
  }, 30_000);
});

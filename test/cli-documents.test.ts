import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const EX = join(ROOT, 'examples');
const B = join(EX, 'territoire-de-belfort');
const SPAWN_TIMEOUT = 30_000;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: SPAWN_TIMEOUT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js absent : lancez « npm run build » (npm test le fait).');
});

describe('te90-tarifs devis --format html : émetteur et validité', () => {
  it('--emetteur : le fichier d’exemple est accepté, et le devis dit que c’est un exemple', () => {
    const r = run('devis', join(EX, 'commune.json'), '--format', 'html', '--date', '2026-11-29', '--emetteur', join(EX, 'emetteur-exemple.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('(émetteur d&#39;exemple)');
    expect(r.out).toContain('class="travail"');
  }, SPAWN_TIMEOUT);

  it('--emetteur faux : refusé, chaque problème au chemin du fichier', () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-emetteur-'));
    writeFileSync(join(dir, 'e.json'), JSON.stringify({ nom: 'Syndicat', adresse: 'x', siret: '12345678901234' }));
    const r = run('devis', join(EX, 'commune.json'), '--format', 'html', '--emetteur', join(dir, 'e.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`--emetteur ${join(dir, 'e.json')}.siret : La clé de contrôle du SIRET`);
  }, SPAWN_TIMEOUT);

  it('--validite au-delà du 31 décembre de l’année des tarifs : refusée clairement', () => {
    const r = run('devis', join(EX, 'commune.json'), '--format', 'html', '--date', '2026-06-01', '--validite', '366');
    expect(r.code).toBe(1);
    expect(r.err).toContain("Un devis aux tarifs 2026 est valable au plus tard jusqu'au 31 décembre 2026");
  }, SPAWN_TIMEOUT);

  it('le numéro par défaut : deux devis différents d’un même jour ont deux numéros ; le même devis garde le sien', () => {
    const numero = (out: string) => /Devis n° <strong>([^<]+)<\/strong>/.exec(out)?.[1];
    const commune = run('devis', join(EX, 'commune.json'), '--format', 'html', '--date', '2026-11-29');
    // Le même SIREN, le même jour, une autre demande.
    const dir = mkdtempSync(join(tmpdir(), 'te90-numero-'));
    const adhesion = JSON.parse(readFileSync(join(EX, 'commune.json'), 'utf8')) as { prestations: Record<string, unknown> };
    writeFileSync(join(dir, 'autre.json'), JSON.stringify({ ...adhesion, prestations: { ...adhesion.prestations, secretariatMairie: { jours: 1 } } }));
    const autre = run('devis', join(dir, 'autre.json'), '--format', 'html', '--date', '2026-11-29');
    expect(autre.code).toBe(0);
    const encore = run('devis', join(EX, 'commune.json'), '--format', 'html', '--date', '2026-11-29');
    const validite = run('devis', join(EX, 'commune.json'), '--format', 'html', '--date', '2026-11-29', '--validite', '10');
    expect(numero(commune.out)).toMatch(/^2026-\d{9}-20261129-[0-9A-F]{8}$/);
    expect(numero(encore.out)).toBe(numero(commune.out));
    expect(new Set([numero(commune.out), numero(autre.out), numero(validite.out)]).size).toBe(3);
  }, 3 * SPAWN_TIMEOUT);

  it('--emetteur sans --format html : mauvais usage', () => {
    expect(run('devis', join(EX, 'commune.json'), '--emetteur', join(EX, 'emetteur-exemple.json')).code).toBe(2);
  }, SPAWN_TIMEOUT);
});

describe('te90-tarifs comparer --format html', () => {
  it('le rapport du comité : autonome, graphiques SVG, sans script', () => {
    const r = run('comparer', '--avant', join(B, 'catalogue-2026.json'), '--apres', join(B, 'catalogue-2027.json'), join(B, 'adhesions.json'), '--format', 'html');
    expect(r.code).toBe(1); // l'exemple porte un SIREN facturé deux fois, signalé
    expect(r.out.startsWith('<!doctype html>')).toBe(true);
    expect(r.out).toContain('<svg');
    expect(r.out).not.toMatch(/<script|\b(src|href)=/);
    expect(r.out).toContain('Facturé deux fois au même SIREN');
    expect(r.err).toContain('Facturé deux fois au même SIREN');
  }, SPAWN_TIMEOUT);
});

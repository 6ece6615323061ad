import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from './titres-fixtures.js';

/**
 * `te90-tarifs facturation --format pes --parametres …` : le flux PES V2 des titres de recettes d'un
 * lot, en ISO-8859-1 sur la sortie standard, valide selon les schémas de la DGFiP ; rien quand le rôle
 * est à trancher ; les problèmes au nom de l'option et du fichier.
 */

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const BELFORT = join(ROOT, 'examples', 'territoire-de-belfort');
const PARAMETRES = join(ROOT, 'examples', 'parametres-pes-exemple.json');
const SPAWN_TIMEOUT = 60_000;

function run(args: readonly string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' }, timeout: SPAWN_TIMEOUT, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr.toString('utf8') };
}

const facturation = (lot: string, ...args: string[]) => run(['facturation', join(BELFORT, lot), '--catalogue', join(BELFORT, 'catalogue-2026.json'), ...args]);

describe('facturation --format pes', () => {
  it("écrit le flux du Territoire de Belfort (conflit tranché) : valide, en ISO-8859-1, du total du rôle", { timeout: 3 * SPAWN_TIMEOUT }, () => {
    const r = facturation('adhesions-tranchees.json', '--format', 'pes', '--parametres', PARAMETRES);
    expect(r.err).toMatch(/^Flux PES V2 « EXEMPLE_[^»]+ » : 178 titres de recettes, [\d\s]+,\d\d € au total\.\n$/);
    expect(r.code).toBe(0);
    const octets = new Uint8Array(r.out);
    expect(validate([octets])).toEqual(['']);
    const text = new TextDecoder('latin1').decode(octets);
    expect(text.startsWith('<?xml version="1.0" encoding="ISO-8859-1"?>')).toBe(true);
    // « é » en un seul octet (0xE9), jamais la suite UTF-8 0xC3 0xA9.
    expect(octets.includes(0xe9)).toBe(true);
    expect(Buffer.from(octets).includes(Buffer.from('é', 'utf8'))).toBe(false);
    // Le bordereau vaut le total du rôle que donne la même commande en JSON.
    const role = JSON.parse(facturation('adhesions-tranchees.json', '--format', 'json').out.toString('utf8')) as { total: string };
    expect(/<MtBordHt V="([\d.]+)"\/>/.exec(text)?.[1]).toBe(role.total);
  });

  it("n'écrit rien quand le rôle est à trancher, et dit pourquoi (sortie 1)", { timeout: SPAWN_TIMEOUT }, () => {
    const r = facturation('adhesions.json', '--format', 'pes', '--parametres', PARAMETRES);
    expect(r.code).toBe(1);
    expect(r.out.length).toBe(0);
    expect(r.err).toMatch(/^Aucun titre émis.\nLe rôle est à trancher \(1 conflit, 0 adhésion refusée\) :\n/);
    // Le détail du conflit voulu de l'exemple : les deux adhésions nommées.
    expect(r.err).toContain('[SIREN_FACTURE_DEUX_FOIS]');
  });

  it('refuse --format pes sans --parametres, et --parametres sans --format pes (sortie 2)', { timeout: 2 * SPAWN_TIMEOUT }, () => {
    const sans = facturation('adhesions-tranchees.json', '--format', 'pes');
    expect(sans.code).toBe(2);
    expect(sans.err).toContain('--parametres');
    const seul = facturation('adhesions-tranchees.json', '--parametres', PARAMETRES);
    expect(seul.code).toBe(2);
    expect(seul.err).toContain('--format pes');
  });

  it("nomme l'option et le fichier des paramètres illisibles ou incomplets, en une passe avec le rôle", { timeout: 2 * SPAWN_TIMEOUT }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'te90-pes-cli-'));
    const illisible = join(dir, 'illisible.json');
    writeFileSync(illisible, '{ "posteComptable": ');
    const a = facturation('adhesions.json', '--format', 'pes', '--parametres', illisible);
    expect(a.code).toBe(1);
    expect(a.err).toContain(`--parametres ${illisible}`);
    expect(a.err).toContain('[JSON_INVALIDE]');
    // Le rôle est jugé dans la même passe : son conflit est dit aussi.
    expect(a.err).toContain('[SIREN_FACTURE_DEUX_FOIS]');
    const incomplet = join(dir, 'incomplet.json');
    const { codBud: _codBud, ...reste } = JSON.parse(readFileSync(PARAMETRES, 'utf8')) as Record<string, unknown>;
    writeFileSync(incomplet, JSON.stringify(reste));
    const b = facturation('adhesions-tranchees.json', '--format', 'pes', '--parametres', incomplet);
    expect(b.code).toBe(1);
    expect(b.out.length).toBe(0);
    expect(b.err).toContain(`--parametres ${incomplet}.codBud`);
    expect(b.err).toContain('[CHAMP_MANQUANT]');
  });
});

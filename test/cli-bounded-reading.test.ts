/**
 * Ligne de commande : le lecteur borné — tubes dans un dossier, fichiers démesurés, flux sans fin,
 * fichiers UTF-16 — refuse sans bloquer ni lire jusqu'à l'épuisement de la mémoire.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RefusedInput } from '../src/cli/issues.js';
import { MAX_INPUT_BYTES, readStreamCapped } from '../src/cli/read-bytes.js';
import { runCli } from '../src/cli/main.js';
import { memoryIo } from './cli-helpers.js';

const avecNom = (nom: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ collectivite: { nom, siren: '200000172', type: 'epci', ...extra }, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 } } });

describe('lecteur borné : tubes, périphériques, fichiers démesurés', () => {
  const dossier = () => mkdtempSync(join(tmpdir(), 'te90-cli-'));

  it('un tube (FIFO) dans un dossier de lot est refusé sans être ouvert en attente : pas de blocage', { timeout: 10_000 }, async () => {
    const d = dossier();
    writeFileSync(join(d, 'a.json'), avecNom('Commune A'));
    execFileSync('mkfifo', [join(d, 'b.json')]);
    const m = memoryIo();
    expect(await runCli(['lot', d, '--format', 'json'], m.io)).toBe(1);
    const lot = JSON.parse(m.out()) as { resultats: { success: boolean; issues?: { params: { raison: string } }[] }[] };
    expect(lot.resultats.map((r) => r.success)).toEqual([true, false]);
    expect(lot.resultats[1]!.issues![0]!.params.raison).toBe('pasUnFichier');
  });

  it('un fichier plus grand que la limite est refusé avant d’être lu (fichier creux de 300 Mo), code 1', async () => {
    const d = dossier();
    const gros = join(d, 'gros.json');
    closeSync(openSync(gros, 'w'));
    truncateSync(gros, MAX_INPUT_BYTES + 1);
    for (const commande of ['devis', 'lot']) {
      const m = memoryIo();
      expect(await runCli([commande, gros], m.io)).toBe(1);
      expect(m.err()).toContain(`dépasse la taille lue au plus (${MAX_INPUT_BYTES} octets)`);
    }
  });

  it('un flux sans fin (entrée standard) est arrêté dès la limite dépassée, et refusé', async () => {
    let lus = 0;
    async function* sansFin() {
      for (;;) {
        lus++;
        yield new Uint8Array(1000);
      }
    }
    const e = await readStreamCapped(sansFin(), "L'entrée standard", 10_000).catch((error: unknown) => error);
    expect(e instanceof RefusedInput && e.issues[0]!.params).toMatchObject({ raison: 'depasseLimite', maximum: 10_000 });
    expect(lus).toBe(11);
  });

  it('un fichier UTF-16 (avec ou sans BOM) est nommé comme tel, pas « Latin-1 »', async () => {
    const d = dossier();
    const texte = avecNom('Commune');
    for (const [nom, octets, boutisme] of [
      ['le-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(texte, 'utf16le')]), 'petit-boutiste'],
      ['le.json', Buffer.from(texte, 'utf16le'), 'petit-boutiste'],
      ['be-bom.json', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(texte, 'utf16le').swap16()]), 'gros-boutiste'],
    ] as const) {
      writeFileSync(join(d, nom), octets);
      const m = memoryIo();
      expect(await runCli(['devis', join(d, nom)], m.io)).toBe(1);
      expect(m.err()).toContain(`est encodé en UTF-16 (${boutisme})`);
      expect(m.err()).not.toContain('Latin-1');
    }
  });

  it('un fichier UTF-32 (avec ou sans BOM) est nommé UTF-32, pas UTF-16', async () => {
    const d = dossier();
    const texte = avecNom('Commune');
    const utf32 = (bom: boolean, gros: boolean) => {
      const points = [...(bom ? '\ufeff' : ''), ...texte].map((c) => c.codePointAt(0)!);
      const b = Buffer.alloc(points.length * 4);
      points.forEach((p, i) => (gros ? b.writeUInt32BE(p, i * 4) : b.writeUInt32LE(p, i * 4)));
      return b;
    };
    for (const [nom, octets, boutisme] of [
      ['le-bom.json', utf32(true, false), 'petit-boutiste'],
      ['le.json', utf32(false, false), 'petit-boutiste'],
      ['be-bom.json', utf32(true, true), 'gros-boutiste'],
      ['be.json', utf32(false, true), 'gros-boutiste'],
    ] as const) {
      writeFileSync(join(d, nom), octets);
      const m = memoryIo();
      expect(await runCli(['devis', join(d, nom)], m.io), nom).toBe(1);
      expect(m.err(), nom).toContain(`est encodé en UTF-32 (${boutisme})`);
      expect(m.err(), nom).not.toContain('UTF-16');
    }
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { terminalStatusLine } from '../src/cli/progress.js';
import { memoryIo } from './cli-helpers.js';
import { installPackedPackage, run, type InstalledPackage } from './installed-package.js';

/**
 * La progression d'un long lot ne s'affiche que sur un terminal, sur la sortie d'erreur, sur une
 * ligne effacée avant tout autre texte : quand la sortie standard et la sortie d'erreur sont le même
 * terminal, l'écran montre exactement les résultats, sans reste de progression collé à une ligne.
 * Le terminal est un vrai pseudo-terminal (`script`, de util-linux), la commande celle du paquet
 * installé depuis son archive.
 */

const INSTALL_TIMEOUT = 180_000;
const TIMEOUT = 120_000;
const EX = join(__dirname, '..', 'examples');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

let paquet: InstalledPackage;
let cwd: string;

beforeAll(() => {
  paquet = installPackedPackage('te90-progression-');
  cwd = paquet.emptyFolder('lot-');
  // 3 000 adhésions (dont des refusées) : la progression s'affiche à partir de 2 000.
  const lines = readFileSync(join(EX, 'lot-adherents.jsonl'), 'utf8').trim().split('\n');
  writeFileSync(join(cwd, 'gros.jsonl'), Array.from({ length: 3000 }, (_, i) => lines[i % lines.length]).join('\n') + '\n');
  writeFileSync(join(cwd, 'tarifs.json'), readFileSync(join(EX, 'tarifs-exemple.json')));
}, INSTALL_TIMEOUT);

afterAll(() => {
  paquet?.remove();
});

/** Ce qu'un terminal affiche d'un texte : `\r` ramène au début de la ligne, ESC[2K et ESC[K l'effacent. */
function screen(raw: string): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let col = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\n') {
      lines.push(line.join('').trimEnd());
      line = [];
      col = 0;
    } else if (ch === '\r') col = 0;
    else if (ch === '\x1b') {
      const m = /^\x1b\[([0-9]*)K/.exec(raw.slice(i));
      if (!m) throw new Error(`séquence inattendue : ${JSON.stringify(raw.slice(i, i + 8))}`);
      if (m[1] === '2') line = [];
      else line = line.slice(0, col);
      i += m[0].length - 1;
    } else {
      while (line.length < col) line.push(' ');
      line[col++] = ch;
    }
  }
  if (line.length > 0) lines.push(line.join('').trimEnd());
  return lines;
}

/** Lance une ligne de shell dans un pseudo-terminal : ce qu'affiche le terminal, et le code de sortie. */
function inTerminal(command: string) {
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', timeout: TIMEOUT, env: { ...paquet.env, TERM: 'xterm', NO_COLOR: '1' } });
  return { code: r.status, raw: r.stdout ?? '' };
}

const LOT = 'te90-tarifs lot gros.jsonl --tarifs tarifs.json';

describe.skipIf(!hasScript)('progression dans un vrai terminal, paquet installé', () => {
  it(
    'sortie standard et sortie d’erreur sur le même terminal : l’écran montre les résultats seuls, la progression a été effacée',
    () => {
      const piped = run('sh', ['-c', LOT], cwd, { env: paquet.env, timeout: TIMEOUT });
      expect(piped.code).toBe(1);
      expect(piped.err).toBe('');
      const tty = inTerminal(LOT);
      expect(tty.code).toBe(1);
      // La progression a bien été montrée…
      expect(tty.raw).toContain('Devis : 1000/3000');
      expect(tty.raw).toContain('Devis : 2000/3000');
      // … chaque fois sur une ligne effacée d'abord, et effacée avant les résultats qui suivent.
      expect(tty.raw.match(/Devis : \d+\/3000/g)!.length).toBe((tty.raw.match(/\r\x1b\[2KDevis : \d+\/3000/g) ?? []).length);
      const shown = screen(tty.raw);
      expect(shown.filter((l) => l.includes('Devis :'))).toEqual([]);
      expect(shown).toEqual(screen(piped.out.replaceAll('\n', '\r\n')));
    },
    TIMEOUT,
  );

  it(
    'les résultats dans un fichier, la sortie d’erreur au terminal : la progression s’y montre, puis s’efface ; le fichier n’en a rien',
    () => {
      const tty = inTerminal(`${LOT} --format csv > devis.csv`);
      expect(tty.code).toBe(1);
      expect(tty.raw).toContain('\r\x1b[2KDevis : 2000/3000');
      expect(screen(tty.raw).filter((l) => l.includes('Devis :'))).toEqual([]);
      // Les messages de la sortie d'erreur (refus, synthèse du CSV) ne sont pas collés à la progression.
      expect(screen(tty.raw).join('\n')).toMatch(/^Lot de 3000 adhésion/m);
      const csv = readFileSync(join(cwd, 'devis.csv'), 'utf8');
      expect(csv).not.toMatch(/Devis :|\x1b|\r(?!\n)/);
    },
    TIMEOUT,
  );

  it(
    'la sortie d’erreur n’est pas un terminal : aucune progression, aucune séquence de terminal',
    () => {
      const tty = inTerminal(`${LOT} 2> erreurs.txt`);
      expect(tty.code).toBe(1);
      expect(tty.raw).not.toMatch(/Devis :|\x1b/);
      expect(readFileSync(join(cwd, 'erreurs.txt'), 'utf8')).not.toMatch(/Devis :|\x1b|\r/);
    },
    TIMEOUT,
  );
});

describe('ligne d’état injectée (sans terminal)', () => {
  it('effacée avant chaque message de la sortie d’erreur et à la fin ; rien sans ligne d’état', async () => {
    const text = Array.from({ length: 2500 }, () => readFileSync(join(EX, 'lot-adherents.jsonl'), 'utf8').trim().split('\n')[0]).join('\n');
    const events: string[] = [];
    const status = terminalStatusLine((t) => events.push(t));
    const m = memoryIo(text);
    const io = { ...m.io, status, err: (t: string) => (status.clear(), events.push(`err:${t}`)) };
    expect(await runCli(['lot', '-', '--tarifs', join(EX, 'tarifs-exemple.json'), '--format', 'csv'], io)).toBe(1);
    expect(events).toContain('\r\x1b[2KDevis : 2000/2500');
    expect(events.at(-2)).toBe('\r\x1b[2K');
    for (let i = 1; i < events.length; i++) if (events[i]!.startsWith('err:') && events[i - 1]!.includes('Devis :')) throw new Error(`message collé à la progression : ${events[i]}`);
    const plain = memoryIo(text);
    expect(await runCli(['lot', '-', '--tarifs', join(EX, 'tarifs-exemple.json'), '--format', 'csv'], plain.io)).toBe(1);
    expect(plain.err()).not.toMatch(/Devis :|\x1b|\r/);
  }, 60_000);
});

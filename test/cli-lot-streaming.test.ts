import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isValidSiren } from '../src/index.js';
import { decodeUtf8 } from '../src/cli/decode.js';
import { RefusedInput } from '../src/cli/issues.js';
import { batchFromText, openBatch, type BatchStream, type LocatedEntry } from '../src/cli/sources.js';

const CLI = join(__dirname, '..', 'dist', 'cli.js');
const SPAWN_TIMEOUT = 60_000;
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'te90-flux-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Une adhésion valide d'une petite commune, au SIREN donné. */
const adhesion = (nom: string, siren = '219000494') => ({
  collectivite: { nom, siren, type: 'commune', population: 300 },
  prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 } },
});

async function read(source: BatchStream): Promise<{ count: number | undefined; entries: LocatedEntry[] }> {
  const entries: LocatedEntry[] = [];
  for await (const e of source.entries()) entries.push(e);
  return { count: source.count, entries };
}

/** Ce que donne une entrée (ou l'erreur qu'elle lève), sans le détail de l'objet d'erreur. */
async function outcome(f: () => Promise<BatchStream>): Promise<unknown> {
  try {
    return await read(await f());
  } catch (error) {
    return error instanceof RefusedInput ? { refus: error.issues.map((i) => [i.code, i.params]) } : error;
  }
}

async function* blocks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('lot JSONL lu ligne par ligne : les mêmes entrées que le texte entier', () => {
  it('fichier (deux lectures) et flux par blocs de toute taille : BOM, CRLF, lignes blanches, accents, ligne illisible, octet invalide', async () => {
    const dir = tmp();
    const ligne = fc.oneof(
      fc.constant(''),
      fc.constant('  '),
      fc.constant('\u00a0'),
      fc.constant('{"collectivite": '),
      fc.constant('[1]'),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }).map((o) => JSON.stringify(o)),
      fc.constant('{"nom": "Épinal"}'),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(ligne, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 7 }),
        async (lignes, bom, fin, invalide, bloc) => {
          const valid = new TextEncoder().encode((bom ? '\uFEFF' : '') + lignes.join(fin));
          // Un octet qui n'est pas de l'UTF-8, sur la dernière ligne : tout le fichier est refusé, comme avant.
          const bytes = invalide ? Buffer.concat([valid, Buffer.from([0xff])]) : valid;
          const file = join(dir, `lot-${n++}.jsonl`);
          writeFileSync(file, bytes);
          const expected = await outcome(async () => batchFromText(decodeUtf8(bytes, file), file, bytes));
          expect(await outcome(() => openBatch(file, undefined))).toEqual(expected);
          // L'entrée standard, au fil de l'eau : les mêmes adhésions ; leur nombre n'est connu qu'à la fin.
          const stdinExpected = await outcome(async () => batchFromText(decodeUtf8(valid, "l'entrée standard"), '(entrée standard)', valid));
          const streamed = (await outcome(() => openBatch('-', undefined, { chunks: () => blocks(valid, bloc) }))) as { count?: number };
          expect(streamed.count === undefined && 'entries' in streamed ? { ...streamed, count: (stdinExpected as { count: number }).count } : streamed).toEqual(stdinExpected);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('lot - : chiffré au fil de l’entrée standard', () => {
  it('un octet invalide lu après le début du chiffrage refuse sa ligne seulement, à sa position', async () => {
    const text = `${JSON.stringify(adhesion('Foussemagne'))}\n${JSON.stringify(adhesion('Bessoncourt', '219000106'))}\n`;
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from('{"a": "'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    const r = await read(await openBatch('-', undefined, { chunks: () => blocks(bytes, text.length) }));
    expect(r.count).toBeUndefined();
    expect(r.entries.map((e) => [e.fichier, e.entry.ok])).toEqual([
      ['(entrée standard):1', true],
      ['(entrée standard):2', true],
      ['(entrée standard):3', false],
    ]);
    expect(r.entries[2]!.entry).toMatchObject({ ok: false, issue: { code: 'FICHIER_ILLISIBLE', params: { raison: 'encodage', ligne: 3, octet: 0xe9, position: Buffer.byteLength(text) + 8 } } });
  });

  it('écrit le premier résultat avant que l’entrée standard ne soit fermée', async () => {
    const child = spawn(process.execPath, [CLI, 'lot', '-', '--format', 'json'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const first = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`rien n'est écrit tant que l'entrée standard reste ouverte (sortie : ${JSON.stringify(out)}, erreurs : ${err})`)), 20_000);
      child.stdout.on('data', (d: string) => {
        out += d;
        if (out.includes('"fichier": "(entrée standard):2"')) {
          clearTimeout(timer);
          resolve(out);
        }
      });
    });
    // Deux lignes, puis rien : l'entrée standard reste ouverte.
    child.stdin.write(`${JSON.stringify(adhesion('Foussemagne'))}\n${JSON.stringify(adhesion('Bessoncourt', '219000106'))}\n`);
    const seen = await first.finally(() => child.stdin.end(`${JSON.stringify(adhesion('Chèvremont', '219001054'))}\n`));
    expect(seen).toContain('"fichier": "(entrée standard):1"');
    expect(seen).not.toContain('"synthese"');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
    const lot = JSON.parse(out) as { resultats: { fichier: string; success: boolean }[]; synthese: { acceptes: number; refuses: number } };
    expect(lot.resultats.map((r) => [r.fichier, r.success])).toEqual([
      ['(entrée standard):1', true],
      ['(entrée standard):2', true],
      ['(entrée standard):3', true],
    ]);
    expect(lot.synthese).toMatchObject({ acceptes: 3, refuses: 0 });
  }, SPAWN_TIMEOUT);

  it('en texte : un en-tête sans nombre (même si l’entrée est déjà finie), puis chaque adhésion', () => {
    const input = [adhesion('Foussemagne'), adhesion('Bessoncourt', '219000106')].map((a) => JSON.stringify(a)).join('\n');
    const r = spawnSync(process.execPath, [CLI, 'lot', '-'], { input, encoding: 'utf8', timeout: SPAWN_TIMEOUT });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe("Lot lu au fil de l'entrée standard (chaque adhésion est écrite dès qu'elle est lue)");
    expect(r.stdout).toContain('(entrée standard):2');
  }, SPAWN_TIMEOUT);
});

describe('la mémoire d’un lot ne dépend pas de la taille du fichier', () => {
  // 48 Mo de JSONL (des adhésions aux noms accentués, chacune étalée sur 24 Kio d'espaces) : décodé en
  // entier, son texte ferait 96 Mo, trois fois le tas de 32 Mo ; lu ligne par ligne, il tient.
  it('un lot JSONL de 48 Mo avec un tas de 32 Mo', () => {
    const dir = tmp();
    const file = join(dir, 'gros.jsonl');
    const fd = openSync(file, 'w');
    const lignes = 2_000;
    const pad = ' '.repeat(24 * 1024);
    try {
      for (let i = 0; i < lignes; i++) {
        const a = adhesion(`Commune n° ${i} — Épinal`, sirenOf(i));
        writeSync(fd, `{"collectivite": ${JSON.stringify(a.collectivite)},${pad}"prestations": ${JSON.stringify(a.prestations)}}\n`);
      }
    } finally {
      closeSync(fd);
    }
    const outFile = join(dir, 'sortie.json');
    const out = openSync(outFile, 'w');
    let r: ReturnType<typeof spawnSync>;
    try {
      r = spawnSync(process.execPath, ['--max-old-space-size=32', CLI, 'lot', file, '--format', 'json'], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', timeout: SPAWN_TIMEOUT });
    } finally {
      closeSync(out);
    }
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lot = JSON.parse(readFileSync(outFile, 'utf8')) as { resultats: { fichier: string }[]; synthese: { acceptes: number; refuses: number } };
    expect(lot.synthese).toMatchObject({ acceptes: lignes, refuses: 0 });
    expect(lot.resultats[lignes - 1]!.fichier).toBe(`${file}:${lignes}`);
  }, SPAWN_TIMEOUT);
});

/** Un SIREN valide (clé de Luhn) et distinct pour chaque `i`. */
function sirenOf(i: number): string {
  const base = String(21000000 + i).padStart(8, '0');
  for (let c = 0; c < 10; c++) if (isValidSiren(base + c)) return base + c;
  throw new Error('inatteignable');
}

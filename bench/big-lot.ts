/**
 * Un très gros lot JSONL (250 Mo, sous la limite de 256 Mio d'une entrée) chiffré par `lot` avec un
 * tas de V8 limité à 128 Mo : la mémoire ne dépend pas de la taille du lot (le fichier est lu ligne
 * par ligne, chaque devis écrit dès qu'il est établi). Le fichier est écrit dans un dossier
 * temporaire, puis effacé.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isValidSiren, type Adhesion } from '../dist/index.js';

export interface BigLotResult {
  readonly octets: number;
  readonly adhesions: number;
  readonly tasMaxMo: number;
  readonly secondes: number;
  readonly rssMo: number;
  readonly tasUtiliseMaxMo: number;
  readonly sortie: number | null;
  readonly signal: string | null;
}

/** Un SIREN valide (clé de Luhn), distinct pour chaque `n` (moins de 10 000 000). */
function sirenOf(n: number): string {
  const base = String(30_000_000 + n).padStart(8, '0');
  for (let c = 0; c < 10; c++) if (isValidSiren(base + c)) return base + c;
  throw new Error('inatteignable');
}

/**
 * Écrit un lot JSONL d'au moins `octets` octets : les adhésions données, répétées, chacune sous un
 * SIREN de collectivité qui lui est propre (ses autres champs inchangés) : un lot d'adhésions
 * distinctes, comme un vrai lot, et non un lot fait de conflits.
 */
export function writeBigLot(path: string, adhesions: readonly Adhesion[], octets: number): number {
  const fd = openSync(path, 'w');
  let written = 0;
  let lines = 0;
  try {
    let chunk: string[] = [];
    let pending = 0;
    for (let i = 0; written + pending < octets; i++) {
      const a = adhesions[i % adhesions.length]!;
      const line = JSON.stringify({ ...a, collectivite: { ...a.collectivite, siren: sirenOf(i) } }) + '\n';
      chunk.push(line);
      pending += Buffer.byteLength(line);
      lines++;
      if (pending > 1 << 20) {
        written += writeSync(fd, chunk.join(''));
        chunk = [];
        pending = 0;
      }
    }
    written += writeSync(fd, chunk.join(''));
  } finally {
    closeSync(fd);
  }
  return lines;
}

/** Chiffre un lot de `octets` octets par `lot --format json` sous un tas de `tasMaxMo` Mo ; RSS et tas utilisé au plus haut. */
export function measureBigLot(root: string, adhesions: readonly Adhesion[], octets = 250 * 1000 * 1000, tasMaxMo = 128): BigLotResult {
  const dir = mkdtempSync(join(tmpdir(), 'te90-gros-lot-'));
  try {
    const file = join(dir, 'gros.jsonl');
    const lignes = writeBigLot(file, adhesions, octets);
    // Le tas utilisé au plus haut, relevé toutes les 20 ms (et la RSS maximale à la fin).
    const mesure = `data:text/javascript,${encodeURIComponent(
      'let m=0;setInterval(()=>{m=Math.max(m,process.memoryUsage().heapUsed)},20).unref();process.on("exit",()=>process.stderr.write("RSS="+process.resourceUsage().maxRSS+" TAS="+Math.max(m,process.memoryUsage().heapUsed)+"\\n"))',
    )}`;
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [`--max-old-space-size=${tasMaxMo}`, '--import', mesure, join(root, 'dist', 'cli.js'), 'lot', file, '--format', 'json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1 << 26,
    });
    const secondes = Number(((performance.now() - t0) / 1000).toFixed(1));
    const rss = Number(/RSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
    const tas = Number(/TAS=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
    return {
      octets: statSync(file).size,
      adhesions: lignes,
      tasMaxMo,
      secondes,
      rssMo: Number((rss / 1024).toFixed(0)),
      tasUtiliseMaxMo: Number((tas / 1048576).toFixed(0)),
      sortie: r.status,
      signal: r.signal,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Mesures sur données réelles et variées : chaque tour chiffre des copies neuves des adhésions (aucune
 * mémoire attachée à un objet ne sert), contre le calcul à la main des mêmes adhésions.
 */
import { quote, quoteAll, type Adhesion, type Catalogue } from '../dist/index.js';
import { handWritten } from './baseline-generic.js';

const ROUNDS = 15;
const gc = (globalThis as { gc?: () => void }).gc;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Le résultat d'un jeu de données : durées médianes, débit, rapport, tas. */
export interface VariedResult {
  readonly jeu: string;
  readonly adhesions: number;
  readonly quoteMs: number;
  readonly baseMs: number;
  readonly rapport: number;
  readonly devisParSeconde: number;
  readonly usParDevis: number;
  readonly tasMo: number;
}

/** Chiffre un jeu d'adhésions avec `quote()` et à la main ; vérifie que les totaux sont égaux. */
export function measureVaried(jeu: string, adhesions: readonly Adhesion[], catalogue: Catalogue): VariedResult {
  const base = handWritten(catalogue);
  for (const a of adhesions) {
    const q = quote(a, { catalogue }).total;
    const b = base(a);
    if (q !== b) throw new Error(`${jeu} : ${a.collectivite.nom} : quote() donne ${q}, le calcul à la main ${b}.`);
  }
  const quoteTimes: number[] = [];
  const baseTimes: number[] = [];
  let tas = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const copies = structuredClone(adhesions) as Adhesion[];
    const copies2 = structuredClone(adhesions) as Adhesion[];
    gc?.();
    const before = process.memoryUsage().heapUsed;
    let t0 = performance.now();
    for (const a of copies) quote(a, { catalogue });
    quoteTimes.push(performance.now() - t0);
    tas = Math.max(tas, process.memoryUsage().heapUsed - before);
    t0 = performance.now();
    for (const a of copies2) base(a);
    baseTimes.push(performance.now() - t0);
  }
  const quoteMs = median(quoteTimes);
  const baseMs = median(baseTimes);
  return {
    jeu,
    adhesions: adhesions.length,
    quoteMs: Number(quoteMs.toFixed(1)),
    baseMs: Number(baseMs.toFixed(1)),
    rapport: Number((quoteMs / baseMs).toFixed(2)),
    devisParSeconde: Math.round((adhesions.length * 1000) / quoteMs),
    usParDevis: Number(((quoteMs * 1000) / adhesions.length).toFixed(2)),
    tasMo: Number((tas / 1048576).toFixed(1)),
  };
}

/** `quoteAll` sur un lot d'adhésions variées (copies neuves à chaque tour) : durée médiane en ms. */
export function measureVariedBatch(adhesions: readonly Adhesion[], catalogue: Catalogue): { adhesions: number; medianeMs: number; tasMo: number } {
  const times: number[] = [];
  let tas = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const copies = structuredClone(adhesions) as Adhesion[];
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const r = quoteAll(copies, { catalogue });
    times.push(performance.now() - t0);
    tas = Math.max(tas, process.memoryUsage().heapUsed - before);
    if (r.synthese.refuses !== 0) throw new Error('le lot varié du banc d’essai ne doit rien refuser');
  }
  return { adhesions: adhesions.length, medianeMs: Number(median(times).toFixed(1)), tasMo: Number((tas / 1048576).toFixed(1)) };
}

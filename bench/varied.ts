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
  /** Le rapport mesuré juste après un ramasse-miettes complet forcé (`gc()`), comme avant. */
  readonly rapportApresGc: number;
  readonly devisParSeconde: number;
  readonly usParDevis: number;
  readonly tasMo: number;
}

/**
 * Les durées médianes de deux calculs sur des copies neuves des mêmes adhésions. En régime établi,
 * aucun ramasse-miettes n'est forcé et l'ordre des deux calculs alterne d'un tour à l'autre : chacun
 * paie le ramasse-miettes de ce qu'il alloue, aucun celui de l'autre. Avec `apresGc`, un
 * ramasse-miettes complet est forcé avant chacun : V8 repart alors d'un tas réduit, ce qui coûte
 * surtout au calcul qui alloue le plus (mesure gardée pour comparaison avec les passes précédentes).
 */
function timePair(adhesions: readonly Adhesion[], first: (a: Adhesion) => unknown, second: (a: Adhesion) => unknown, rounds: number, apresGc: boolean): [number, number] {
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < rounds; round++) {
    const copies = [structuredClone(adhesions) as Adhesion[], structuredClone(adhesions) as Adhesion[]] as const;
    const order = apresGc || round % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      if (apresGc) gc?.();
      const run = k === 0 ? first : second;
      const t0 = performance.now();
      for (const a of copies[k]!) run(a);
      times[k]!.push(performance.now() - t0);
    }
  }
  return [median(times[0]), median(times[1])];
}

/** Chiffre un jeu d'adhésions avec `quote()` et à la main ; vérifie que les totaux sont égaux. */
export function measureVaried(jeu: string, adhesions: readonly Adhesion[], catalogue: Catalogue): VariedResult {
  const base = handWritten(catalogue);
  for (const a of adhesions) {
    const q = quote(a, { catalogue }).total;
    const b = base(a);
    if (q !== b) throw new Error(`${jeu} : ${a.collectivite.nom} : quote() donne ${q}, le calcul à la main ${b}.`);
  }
  const devis = (a: Adhesion) => quote(a, { catalogue });
  const [quoteMs, baseMs] = timePair(adhesions, devis, base, ROUNDS, false);
  const [quoteGc, baseGc] = timePair(adhesions, devis, base, 7, true);
  // Le tas qu'un tour laisse, mesuré à part, après un ramasse-miettes forcé.
  const copies = structuredClone(adhesions) as Adhesion[];
  gc?.();
  const before = process.memoryUsage().heapUsed;
  for (const a of copies) quote(a, { catalogue });
  const tas = process.memoryUsage().heapUsed - before;
  return {
    jeu,
    adhesions: adhesions.length,
    quoteMs: Number(quoteMs.toFixed(1)),
    baseMs: Number(baseMs.toFixed(1)),
    rapport: Number((quoteMs / baseMs).toFixed(2)),
    rapportApresGc: Number((quoteGc / baseGc).toFixed(2)),
    devisParSeconde: Math.round((adhesions.length * 1000) / quoteMs),
    usParDevis: Number(((quoteMs * 1000) / adhesions.length).toFixed(2)),
    tasMo: Number((tas / 1048576).toFixed(1)),
  };
}

/**
 * `quoteAll` sur un lot d'adhésions variées (copies neuves à chaque tour) : durée médiane en ms, en
 * régime établi (aucun ramasse-miettes forcé) ; le tas est mesuré sur un tour à part.
 */
export function measureVariedBatch(adhesions: readonly Adhesion[], catalogue: Catalogue): { adhesions: number; medianeMs: number; tasMo: number } {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const copies = structuredClone(adhesions) as Adhesion[];
    const t0 = performance.now();
    const r = quoteAll(copies, { catalogue });
    times.push(performance.now() - t0);
    if (r.synthese.refuses !== 0) throw new Error('le lot varié du banc d’essai ne doit rien refuser');
  }
  const copies = structuredClone(adhesions) as Adhesion[];
  gc?.();
  const before = process.memoryUsage().heapUsed;
  quoteAll(copies, { catalogue });
  const tas = process.memoryUsage().heapUsed - before;
  return { adhesions: adhesions.length, medianeMs: Number(median(times).toFixed(1)), tasMo: Number((tas / 1048576).toFixed(1)) };
}

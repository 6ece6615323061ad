import { quote } from '../dist/index.js';
import { TYPIQUES } from './data.js';
import { complet } from './adhesions.js';
import { handWritten } from './baseline-generic.js';
const base = handWritten(complet);
for (const t of TYPIQUES) {
  const best = { q: Infinity, b: Infinity };
  for (let trial = 0; trial < 7; trial++) {
    const rounds = Array.from({ length: 20 }, () => structuredClone(t.adhesions));
    (globalThis as any).gc?.();
    let t0 = performance.now();
    for (const copies of rounds) for (const a of copies) quote(a, { catalogue: complet });
    best.q = Math.min(best.q, (performance.now() - t0) / 20);
    t0 = performance.now();
    for (const copies of rounds) for (const a of copies) base(a);
    best.b = Math.min(best.b, (performance.now() - t0) / 20);
  }
  console.log(t.nom.padEnd(30), 'quote', best.q.toFixed(2), 'µs  base', best.b.toFixed(2), 'µs  ratio', (best.q / best.b).toFixed(2));
}

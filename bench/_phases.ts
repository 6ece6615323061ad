import { snapshot } from '../src/input/snapshot.js';
import { readAdhesion } from '../src/validation/fast.js';
import { checkAdhesion } from '../src/validation/check.js';
import { priceLines } from '../src/pricing/lines.js';
import { toInvoices } from '../src/invoices/invoices.js';
import { quote, catalogue2026, completeCatalogue, type Tarifs } from '../src/index.js';
import { TYPIQUES } from './data.js';
import { readFileSync } from 'node:fs';
const complet = completeCatalogue(catalogue2026, JSON.parse(readFileSync('examples/tarifs-exemple.json', 'utf8')) as Tarifs);
const set = TYPIQUES[Number(process.env.CASE ?? 0)]!.adhesions;
const R = 40;
function time(name: string, f: (a: any) => unknown, inputs: any[][]) {
  for (const a of inputs[0]!) f(a);
  const t0 = performance.now();
  for (const list of inputs) for (const a of list) f(a);
  console.log(name.padEnd(12), (((performance.now() - t0) * 1000) / (inputs.length * set.length)).toFixed(2), 'µs');
}
const fresh = () => Array.from({ length: R }, () => structuredClone(set) as any[]);
time('clone-free', (a) => a, fresh());
time('snapshot', (a) => snapshot(a), fresh());
const snaps = Array.from({ length: R }, () => set.map((a) => snapshot(a)));
time('read', (a) => readAdhesion(a), fresh());
const reads = Array.from({ length: R }, () => set.map((a) => readAdhesion(a)));
time('check', (s) => checkAdhesion(s.snap, complet, s.valid), reads);
const checked = Array.from({ length: R }, () => set.map((a) => { const r = readAdhesion(a); return checkAdhesion(r.snap, complet, r.valid); }));
time('price', (c) => priceLines(c.prestations, c.collectivite, c.invalid, complet), checked);
const priced = Array.from({ length: R }, () => set.map((a) => { const r = readAdhesion(a); const c = checkAdhesion(r.snap, complet, r.valid); return priceLines(c.prestations, c.collectivite, c.invalid, complet); }));
time('invoices', (p) => toInvoices(p.lignes), priced);
time('quote', (a) => quote(a, { catalogue: complet }), fresh());

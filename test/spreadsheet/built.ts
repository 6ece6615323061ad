import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { pricePrestation, quote } from '../../src/index.js';

/** Les fichiers construits par `npm run build` pour les tableurs. */
export const DIR = join(__dirname, '..', '..', 'dist', 'tableur');

export const read = (file: string): string => readFileSync(join(DIR, file), 'utf8');

/** Un contexte JavaScript nu, comme Apps Script : ni require, ni process, ni minuteries, ni modules. */
export function bareContext(extra: Record<string, unknown> = {}): vm.Context {
  return vm.createContext({ ...extra });
}

/** Les globaux d'un contexte, symboles compris. */
export function globalsOf(ctx: vm.Context): (string | symbol)[] {
  return vm.runInContext('Reflect.ownKeys(globalThis)', ctx) as (string | symbol)[];
}

/** Appelle une expression dans le contexte, avec des arguments passés en JSON (`a[0]`, `a[1]`…). */
export function call(ctx: vm.Context, expression: string, ...args: unknown[]): unknown {
  ctx['__args'] = JSON.stringify(args);
  return JSON.parse(JSON.stringify(vm.runInContext(`(function () { var a = JSON.parse(__args); return ${expression}; })()`, ctx)));
}

/** Le message de l'exception levée par `f`, ou `undefined` si elle n'en lève pas. */
export function thrown(f: () => unknown): { name: string; message: string; value: unknown } | undefined {
  try {
    f();
    return undefined;
  } catch (error) {
    const e = error as { name?: unknown; message?: unknown; constructor?: { name?: string } };
    return { name: String(e.constructor?.name ?? e.name), message: String(e.message), value: error };
  }
}

/** Les fonctions Google Sheets (Apps Script) : le paquet puis les fonctions, dans un contexte nu. */
export function sheetsContext(): vm.Context {
  const ctx = bareContext();
  vm.runInContext(read('te90-tarifs.js'), ctx);
  vm.runInContext(read('apps-script/Fonctions.gs'), ctx);
  return ctx;
}

/** Ce que le bouchon de `CustomFunctions` fabrique : l'erreur d'Excel, avec son code et son message. */
export class StubExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/**
 * Le complément Excel : `functions.js` seul, dans un contexte nu qui n'a que le bouchon de
 * `CustomFunctions` (associate, Error, ErrorCode) ; rend les fonctions enregistrées.
 */
export function excelContext(): { ctx: vm.Context; registered: Record<string, (...args: unknown[]) => unknown> } {
  const registered: Record<string, (...args: unknown[]) => unknown> = {};
  const CustomFunctions = {
    associate: (id: string, fn: (...a: unknown[]) => unknown) => {
      registered[id] = fn;
    },
    Error: StubExcelError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
  };
  const ctx = bareContext({ CustomFunctions });
  vm.runInContext(read('excel/functions.js'), ctx);
  return { ctx, registered };
}

/**
 * Une adhésion minimale, en deux colonnes, et son total (la maintenance de base de 4 postes, aucun
 * sous licence Berger Levrault : sans cette ligne, le total serait partiel).
 */
export const BASE = [
  ['collectivite.nom', 'Commune exemple'],
  ['collectivite.siren', '219000106'],
  ['collectivite.type', 'commune'],
  ['maintenanceBase.postes', 4],
  ['maintenanceBase.postesLicenceBL', 0],
];
export const BASE_TOTAL = Number(pricePrestation('maintenanceBase', { postes: 4 }).total);

/**
 * Les remarques pour une commune dans la colonne « Remarques » : celles que la bibliothèque lui
 * adresse (le barème de maintenance des établissements publics, appliqué en hypothèse du syndicat).
 */
export const REMARQUES_COMMUNE = quote({ collectivite: { nom: 'X', siren: '219000106', type: 'commune' }, prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 } } })
  .remarques.map((r) => r.message)
  .join(' ');

/**
 * Les fonctions du complément Excel, appelées comme Excel les appelle : d'après `functions.json`, un
 * argument d'un paramètre `matrix` arrive en plage à deux dimensions (`[[4]]` pour une valeur seule),
 * un argument omis vaut `null`.
 */
export function excelFunctions(): Record<string, (...args: unknown[]) => unknown> {
  const { registered } = excelContext();
  const meta = JSON.parse(read('excel/functions.json')) as { functions: { id: string; parameters: { dimensionality: string }[] }[] };
  return Object.fromEntries(
    meta.functions.map((f) => [
      f.id,
      (...args: unknown[]) =>
        registered[f.id]!(
          ...f.parameters.map((p, i) => {
            const v = args[i];
            if (v === undefined || v === null) return null;
            return p.dimensionality === 'matrix' && !Array.isArray(v) ? [[v]] : v;
          }),
        ),
    ]),
  );
}

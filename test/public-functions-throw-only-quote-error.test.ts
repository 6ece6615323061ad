import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import * as tableur from '../src/spreadsheet/index.js';

/**
 * Chaque fonction publique du noyau et du module pour tableurs, appelée avec des arguments de
 * n'importe quelle sorte (rien, null, textes, nombres, listes, objets, symboles, fonctions, proxys
 * dont la lecture lève), rend une valeur ou lève une QuoteError : jamais une autre exception
 * (TypeError, DecimalError…). Les documents et les titres ont leur propre essai
 * (renderers-throw-only-quote-error).
 */

const hostile = new Proxy(
  {},
  {
    get() {
      throw new Error('lecture');
    },
    ownKeys() {
      throw new Error('clés');
    },
    getPrototypeOf() {
      throw new Error('prototype');
    },
  },
);
const ARGUMENTS: readonly unknown[] = [undefined, null, 'abc', '', '1e5', 42, -1, Number.NaN, {}, [], [1], { a: 1 }, hostile, Symbol('s'), () => 1, 10n, true];

/** Les fonctions exportées (pas les classes ni les constantes), par nom. */
function functionsOf(module: Record<string, unknown>): [string, (...args: unknown[]) => unknown][] {
  return Object.entries(module).filter((e): e is [string, (...args: unknown[]) => unknown] => typeof e[1] === 'function' && !/^[A-Z]/.test(e[0]));
}

/** Ce que lève `f(...args)`, s'il lève autre chose qu'une QuoteError (un résultat itérable est parcouru). */
function otherThrow(f: (...args: unknown[]) => unknown, args: unknown[]): string | undefined {
  try {
    const r = f(...args);
    if (r !== null && typeof r === 'object' && typeof (r as { next?: unknown }).next === 'function') for (const _ of r as Iterable<unknown>);
    return undefined;
  } catch (error) {
    return core.isQuoteError(error) ? undefined : String(error);
  }
}

describe('les fonctions publiques ne lèvent que des QuoteError', () => {
  for (const [module, exports] of [
    ['@te90/tarifs', core],
    ['@te90/tarifs/tableur', tableur],
  ] as const) {
    it(`${module} : chaque fonction, avec des arguments de toutes sortes`, () => {
      const functions = functionsOf(exports as Record<string, unknown>);
      expect(functions.length).toBeGreaterThan(5);
      const failures: string[] = [];
      for (const [name, f] of functions) {
        for (const a of ARGUMENTS) {
          for (const b of [undefined, 'abc', hostile, {}]) {
            const thrown = otherThrow(f, [a, b]);
            if (thrown !== undefined) failures.push(`${name} : ${thrown}`);
          }
        }
      }
      expect([...new Set(failures)]).toEqual([]);
    });

    it(`${module} : chaque fonction, avec des valeurs tirées au hasard`, () => {
      const functions = functionsOf(exports as Record<string, unknown>);
      fc.assert(
        fc.property(fc.constantFrom(...functions), fc.array(fc.anything({ withNullPrototype: true, withBigInt: true }), { maxLength: 3 }), ([name, f], args) => {
          expect(otherThrow(f, args), name).toBeUndefined();
        }),
        { numRuns: 300 },
      );
    });
  }
});

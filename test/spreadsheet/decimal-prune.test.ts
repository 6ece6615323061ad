import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { build } from 'esbuild';
import fc from 'fast-check';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { pruneDecimal, pruneDecimalSource } from '../../scripts/decimal-prune.js';

const ROOT = join(__dirname, '..', '..');
const DECIMAL_MJS = join(ROOT, 'node_modules', 'decimal.js', 'decimal.mjs');

/** decimal.js tel que le paquet autonome l'emporte : le module réduit par le greffon, chargé à part. */
async function prunedDecimal(): Promise<typeof Decimal> {
  const r = await build({ entryPoints: [DECIMAL_MJS], bundle: true, format: 'cjs', platform: 'browser', target: 'es2019', write: false, plugins: [pruneDecimal], logLevel: 'silent' });
  const module = { exports: {} as { Decimal: typeof Decimal } };
  new Function('module', 'exports', r.outputFiles[0]!.text)(module, module.exports);
  return module.exports.Decimal;
}

/**
 * Les propriétés de `Decimal` (méthodes d'un décimal, fonctions et constantes du constructeur) que
 * lit le code de `src/`, d'après les types de TypeScript.
 */
function decimalMembersUsedBySrc(): { instance: Set<string>; statics: Set<string> } {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const files = config.fileNames.filter((f) => f.startsWith(join(ROOT, 'src')));
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const instance = new Set<string>();
  const statics = new Set<string>();
  const isDecimal = (t: ts.Type): boolean =>
    t.isUnion() ? t.types.some(isDecimal) : t.getSymbol()?.getName() === 'Decimal' && t.getConstructSignatures().length === 0;
  const isConstructor = (t: ts.Type): boolean => t.getConstructSignatures().some((s) => isDecimal(s.getReturnType()));
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.startsWith(join(ROOT, 'src'))) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) {
        const name = ts.isPropertyAccessExpression(n) ? n.name.text : ts.isStringLiteral(n.argumentExpression) ? n.argumentExpression.text : undefined;
        const t = checker.getTypeAtLocation(n.expression);
        if (name === undefined && (isDecimal(t) || isConstructor(t))) throw new Error(`${sf.fileName} : accès calculé à Decimal (${n.getText()})`);
        if (name !== undefined && isDecimal(t)) instance.add(name);
        else if (name !== undefined && isConstructor(t)) statics.add(name);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { instance, statics };
}

let Pruned: typeof Decimal;

beforeAll(async () => {
  Pruned = await prunedDecimal();
});

describe('decimal.js réduit (paquet autonome des tableurs)', () => {
  it('garde toute méthode et toute fonction de Decimal que le code de src/ lit', { timeout: 120_000 }, () => {
    const { instance, statics } = decimalMembersUsedBySrc();
    // Le relevé voit bien les appels de la bibliothèque (sinon ce test ne prouverait rien).
    expect([...instance]).toEqual(expect.arrayContaining(['plus', 'times', 'toFixed', 'comparedTo']));
    expect([...statics]).toEqual(expect.arrayContaining(['clone', 'ROUND_HALF_UP']));
    const d = new Pruned(1);
    for (const m of instance) expect(typeof (d as unknown as Record<string, unknown>)[m], `méthode ${m}`).toBe('function');
    for (const s of statics) expect((Pruned as unknown as Record<string, unknown>)[s], `Decimal.${s}`).toBeDefined();
    // Ce qui n'est jamais appelé est bien parti.
    for (const m of ['sqrt', 'pow', 'ln', 'exp', 'sin', 'toFraction', 'toHex']) expect((d as unknown as Record<string, unknown>)[m], m).toBeUndefined();
  });

  it('calcule comme decimal.js : mêmes résultats, au chiffre près, avec la configuration de la bibliothèque', () => {
    const A = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
    const B = Pruned.clone({ precision: 40, rounding: Pruned.ROUND_HALF_UP });
    const decimalText = fc
      .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }))
      .map(([n, scale]) => {
        const digits = (n < 0n ? -n : n).toString().padStart(scale + 1, '0');
        return `${n < 0n ? '-' : ''}${scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`}`;
      });
    const value = fc.oneof(decimalText, fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }));
    const results = (D: typeof Decimal, a: string | number, b: string | number): unknown[] => {
      const x = new D(a);
      const y = new D(b);
      return [
        x.plus(y).toString(),
        x.minus(y).toString(),
        x.times(y).toFixed(),
        y.isZero() ? null : x.dividedBy(y).toString(),
        x.toFixed(2),
        x.toFixed(),
        x.toDecimalPlaces(2, D.ROUND_HALF_UP).toString(),
        x.comparedTo(y),
        x.ceil().toString(),
        x.decimalPlaces(),
        [x.eq(y), x.equals(y), x.gt(y), x.gte(y), x.lt(y), x.isNegative(), x.isZero()],
        x.valueOf(),
        JSON.stringify({ x }),
        String(x),
        D.isDecimal(x),
      ];
    };
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(results(B, a, b)).toEqual(results(A, a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('lit comme decimal.js les chaînes en base 2, 8 ou 16, exposant binaire compris (jusqu’à 2^53)', () => {
    const A = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
    const B = Pruned.clone({ precision: 40, rounding: Pruned.ROUND_HALF_UP });
    const same = (text: string) => expect(new B(text).toString(), text).toBe(new A(text).toString());
    for (const text of ['0x1p60', '0x1p-60', '-0x1.8p100', '0b101p77', '0o7.4p-1000', '0x1p53', '0xffp9007199254740991', '0x1p-9007199254740991', 'Infinity', '-NaN', '1_000.5', '0x1.fp3'])
      same(text);
    fc.assert(
      fc.property(fc.constantFrom('0x1', '0xA.8', '-0b1.1', '0o17'), fc.integer({ min: -5000, max: 5000 }), (m, p) => {
        same(`${m}p${p}`);
      }),
      { numRuns: 200 },
    );
    // Au-delà, decimal.js passerait par les logarithmes, que le paquet n'emporte pas : la chaîne est refusée.
    expect(() => new B('0x1p9007199254740993')).toThrow(/\[DecimalError\] Invalid argument/);
  });

  it('fait échouer la construction si decimal.js ne ressemble plus à ce qu’attend le greffon', () => {
    const source = readFileSync(DECIMAL_MJS, 'utf8');
    expect(() => pruneDecimalSource(source)).not.toThrow();
    expect(() => pruneDecimalSource(source.replace('P.plus = P.add = function', 'P.somme = function'))).toThrow(/méthodes introuvables dans decimal\.mjs : plus/);
    expect(() => pruneDecimalSource(source.replace('P.isZero = function () {', 'P.isZero = function () {\n  this.sqrt();'))).toThrow(/appelle des méthodes retirées : .*squareRoot|sqrt/);
    expect(() => pruneDecimalSource(source.replace('r = intPow(Ctor, x, k, pr);', 'r = intPow(Ctor, x, k, pr + 1);'))).toThrow(/branche entière de toPower/);
    expect(() => pruneDecimalSource(source.replace('P.isZero = function () {', 'P.isZero = function () {\n  getPi(this.constructor, 3);'))).toThrow(/constantes retirées : .*PI/);
  });
});

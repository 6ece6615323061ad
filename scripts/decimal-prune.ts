import { readFile } from 'node:fs/promises';
import { parse, type Comment, type Node } from 'acorn';
import type { Plugin } from 'esbuild';

/**
 * Le paquet autonome des tableurs n'emporte de decimal.js que ce que la bibliothèque appelle.
 *
 * decimal.js définit ses méthodes par des affectations (`P.plus = P.add = function…`) et ses
 * fonctions statiques dans `clone` (`Decimal.sqrt = sqrt;`) : aucun outil ne peut savoir qu'elles
 * ne servent pas, et la trigonométrie, les exponentielles, logarithmes, puissances, racines,
 * fractions et bases 2, 8 et 16 font plus de 40 % du module. Ce greffon retire, à la construction,
 * les méthodes absentes de {@link DECIMAL_METHODS} et les fonctions statiques absentes de
 * {@link DECIMAL_STATICS}, puis les constantes `LN10` et `PI` (mille chiffres chacune) que seules
 * les fonctions retirées lisent ; esbuild écarte ensuite les fonctions internes devenues inutiles.
 * Ce qui reste est le code de decimal.js, inchangé, sauf un appel de `parseOther` (voir `POW2`) :
 * les calculs gardés sont les mêmes.
 *
 * La construction échoue si le module ne ressemble plus à ce qu'attend le greffon : une méthode
 * gardée introuvable, une méthode retirée qu'appelle encore le code gardé, une constante retirée
 * qu'il lit encore. Le test `test/spreadsheet/decimal-prune.test.ts` vérifie que toute méthode de
 * `Decimal` que le code de `src/` appelle figure dans la liste.
 */

/**
 * Les méthodes des décimaux que garde le paquet (sous tous leurs noms) : celles qu'appelle la
 * bibliothèque, et celles qu'appellent, dans decimal.js, les méthodes gardées.
 */
export const DECIMAL_METHODS: readonly string[] = [
  // Appelées par la bibliothèque (voir le test).
  'ceil',
  'comparedTo',
  'decimalPlaces',
  'dividedBy',
  'equals',
  'greaterThan',
  'greaterThanOrEqualTo',
  'isNegative',
  'isZero',
  'lessThan',
  'minus',
  'plus',
  'times',
  'toDecimalPlaces',
  'toFixed',
  // Appelées sans être nommées (`String(d)`, `JSON.stringify`, `d + ''`).
  'toString',
  'valueOf',
  // Appelée par decimal.js lui-même (`finiteToString`, qu'emploient `toFixed` et `toString`).
  'isFinite',
];

/** Les fonctions statiques du constructeur que garde le paquet (`Decimal.clone`, `Decimal.isDecimal`…). */
export const DECIMAL_STATICS: readonly string[] = ['config', 'set', 'clone', 'isDecimal'];

/** Les constantes (mille chiffres chacune) que seules les fonctions retirées lisent. */
const CONSTANTS = ['LN10', 'PI', 'LN10_PRECISION', 'PI_PRECISION'];

/** Les fonctions de `Math` qui portent le nom d'une méthode de decimal.js (`Math.log`, `Math.ceil`…). */
const MATH_CALL = /\bMath\.[A-Za-z0-9]+\s*\(/g;

/** La branche de `P.toPower` qui s'exécute pour un exposant entier d'au plus 2^53 en valeur absolue. */
const TO_POWER_INTEGER_BRANCH = `if (e >= y.d.length - 1 && (k = yn < 0 ? -yn : yn) <= MAX_SAFE_INTEGER) {
    r = intPow(Ctor, x, k, pr);
    return y.s < 0 ? new Ctor(1).div(r) : finalise(r, pr, rm);
  }`;

/** `Decimal.pow(2, p)` pour un entier `p` : la branche ci-dessus, avec les mêmes appels dans le même ordre. */
const POW2 = `

function pow2(p) {
  var Ctor = Decimal, x, pr, rm, r;
  if (!(p === mathfloor(p) && (p < 0 ? -p : p) <= MAX_SAFE_INTEGER)) throw Error(invalidArgument + 'p' + p);
  x = new Ctor(new Ctor(2));
  pr = Ctor.precision;
  rm = Ctor.rounding;
  r = intPow(Ctor, x, p < 0 ? -p : p, pr);
  return p < 0 ? new Ctor(1).div(r) : finalise(r, pr, rm);
}
`;

type AnyNode = Node & Record<string, unknown>;

function fail(message: string): never {
  throw new Error(`decimal-elague : ${message} ; revoir scripts/decimal-prune.ts.`);
}

/** Les noms de `P.a = P.b = function…` (ou `undefined` si l'instruction n'a pas cette forme). */
function methodNames(statement: AnyNode): string[] | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined;
  let e = statement['expression'] as AnyNode;
  const names: string[] = [];
  while (e.type === 'AssignmentExpression') {
    const left = e['left'] as AnyNode;
    if (left.type !== 'MemberExpression' || left['computed'] || (left['object'] as AnyNode)['name'] !== 'P') return undefined;
    names.push((left['property'] as AnyNode)['name'] as string);
    e = e['right'] as AnyNode;
  }
  return names.length > 0 && e.type === 'FunctionExpression' ? names : undefined;
}

/** Le texte d'un morceau de source, sans ses commentaires. */
function withoutComments(source: string, start: number, end: number, comments: readonly { start: number; end: number }[]): string {
  let text = '';
  let at = start;
  for (const c of comments) {
    if (c.end <= start || c.start >= end) continue;
    text += source.slice(at, c.start);
    at = c.end;
  }
  return text + source.slice(at, end);
}

/**
 * Le source de `decimal.mjs` sans les méthodes, fonctions statiques et constantes que le paquet
 * n'emporte pas. Lève une erreur si le module n'a plus la forme attendue.
 */
export function pruneDecimalSource(source: string): string {
  const comments: Comment[] = [];
  const program = parse(source, { ecmaVersion: 'latest', sourceType: 'module', onComment: comments }) as unknown as AnyNode;
  const body = program['body'] as AnyNode[];
  const cuts: { start: number; end: number; text: string }[] = [];
  const functions = new Map<string, AnyNode>();
  const kept = new Set<string>();
  const removed = new Set<string>();
  let constantsLeft = 0;
  for (const s of body) {
    if (s.type === 'FunctionDeclaration') functions.set((s['id'] as AnyNode)['name'] as string, s);
    const names = methodNames(s);
    if (names) {
      if (names.some((n) => DECIMAL_METHODS.includes(n))) names.forEach((n) => kept.add(n));
      else {
        names.forEach((n) => removed.add(n));
        cuts.push({ start: s.start, end: s.end, text: '' });
      }
      continue;
    }
    // `LN10 = new Decimal(LN10);` et `PI = new Decimal(PI);`, à la fin du module.
    if (s.type === 'ExpressionStatement') {
      const e = s['expression'] as AnyNode;
      const target = e.type === 'AssignmentExpression' ? ((e['left'] as AnyNode)['name'] as string | undefined) : undefined;
      if ((target === 'LN10' || target === 'PI') && (e['right'] as AnyNode).type === 'NewExpression') {
        cuts.push({ start: s.start, end: s.end, text: '' });
        constantsLeft++;
        continue;
      }
    }
    // `var …, LN10 = '2.30…', PI = '3.14…', …` : les chiffres deviennent une chaîne vide.
    if (s.type === 'VariableDeclaration') {
      for (const d of s['declarations'] as AnyNode[]) {
        const name = (d['id'] as AnyNode)['name'];
        const init = d['init'] as AnyNode | null;
        if ((name === 'LN10' || name === 'PI') && init?.type === 'Literal' && typeof init['value'] === 'string' && /^\d\.\d{1000,}$/.test(init['value'])) {
          cuts.push({ start: init.start, end: init.end, text: "''" });
          constantsLeft++;
        }
      }
    }
  }
  const missing = DECIMAL_METHODS.filter((m) => !kept.has(m));
  if (missing.length > 0) fail(`méthodes introuvables dans decimal.mjs : ${missing.join(', ')}`);
  if (constantsLeft !== 4) fail(`les constantes LN10 et PI n'ont plus la forme attendue (${constantsLeft} sur 4 trouvées)`);

  // Les fonctions statiques de `clone` : `Decimal.sqrt = sqrt;`.
  const clone = functions.get('clone') ?? fail('fonction clone introuvable');
  const statics = new Set<string>();
  const walkClone = (n: AnyNode): void => {
    if (n.type === 'ExpressionStatement') {
      const e = n['expression'] as AnyNode;
      const left = e['left'] as AnyNode | undefined;
      const right = e['right'] as AnyNode | undefined;
      if (e.type === 'AssignmentExpression' && left?.type === 'MemberExpression' && (left['object'] as AnyNode)['name'] === 'Decimal' && right?.type === 'Identifier' && functions.has(right['name'] as string)) {
        const name = (left['property'] as AnyNode)['name'] as string;
        statics.add(name);
        if (!DECIMAL_STATICS.includes(name)) cuts.push({ start: n.start, end: n.end, text: '' });
      }
    }
    for (const v of Object.values(n)) {
      if (Array.isArray(v)) v.forEach((c) => c && typeof c.type === 'string' && walkClone(c as AnyNode));
      else if (v && typeof v === 'object' && typeof (v as AnyNode).type === 'string') walkClone(v as AnyNode);
    }
  };
  walkClone(clone);
  const missingStatics = DECIMAL_STATICS.filter((s) => s !== 'config' && s !== 'set' && !statics.has(s));
  if (missingStatics.length > 0 || statics.size < 30) fail(`fonctions statiques de clone introuvables : ${missingStatics.join(', ') || 'la liste a changé'}`);

  // `parseOther` (chaînes en base 2, 8 ou 16 : `'0x1p60'`) est la seule fonction gardée qui appelle
  // une méthode retirée : `Decimal.pow(2, p)`, pour un exposant binaire `p` d'au moins 54 en valeur
  // absolue. Elle appelle à la place `pow2`, la branche de `toPower` qui s'exécute pour 2 et un
  // exposant entier (l'exponentiation par carrés, `intPow`) ; au-delà de 2^53 (où `toPower` passerait
  // par les logarithmes), `pow2` refuse l'argument comme decimal.js refuse une chaîne illisible.
  // La bibliothèque ne donne jamais une telle chaîne à decimal.js (ses chaînes décimales sont
  // vérifiées par /^-?\d+(\.\d+)?$/) ; le test compare les deux modules sur ces chaînes.
  const parseOther = functions.get('parseOther') ?? fail('fonction parseOther introuvable');
  const toPower = body.find((s) => methodNames(s)?.includes('toPower')) ?? fail('méthode toPower introuvable');
  const toPowerText = source.slice(toPower.start, toPower.end).replace(/\r\n/g, '\n');
  if (!toPowerText.includes(TO_POWER_INTEGER_BRANCH)) fail("la branche entière de toPower n'a plus la forme attendue");
  const powCalls = [...source.slice(parseOther.start, parseOther.end).matchAll(/Decimal\.pow\(2, p\)/g)];
  if (powCalls.length !== 1) fail(`parseOther : ${powCalls.length} appels de Decimal.pow(2, p) au lieu d'un`);
  const at = parseOther.start + powCalls[0]!.index!;
  cuts.push({ start: at, end: at + 'Decimal.pow(2, p)'.length, text: 'pow2(p)' });
  cuts.push({ start: parseOther.end, end: parseOther.end, text: POW2 });

  cuts.sort((a, b) => b.start - a.start);
  let pruned = source;
  for (const c of cuts) pruned = pruned.slice(0, c.start) + c.text + pruned.slice(c.end);

  // Ce que le code gardé atteint : le module hors déclarations de fonctions, puis, de proche en
  // proche, les fonctions qu'il nomme (une approximation par excès : tout identifiant qui ne suit pas un point compte).
  const prunedProgram = parse(pruned, { ecmaVersion: 'latest', sourceType: 'module', onComment: (comments.length = 0, comments) }) as unknown as AnyNode;
  const texts = new Map<string, string>();
  let roots = '';
  for (const s of prunedProgram['body'] as AnyNode[]) {
    const text = withoutComments(pruned, s.start, s.end, comments);
    if (s.type === 'FunctionDeclaration') texts.set((s['id'] as AnyNode)['name'] as string, text);
    else if (s.type === 'VariableDeclaration') {
      for (const d of s['declarations'] as AnyNode[]) if (!CONSTANTS.includes((d['id'] as AnyNode)['name'] as string)) roots += withoutComments(pruned, d.start, d.end, comments) + '\n';
    } else roots += text + '\n';
  }
  const reached = new Set<string>();
  const queue = [roots];
  let reachable = '';
  while (queue.length > 0) {
    const text = queue.pop()!;
    reachable += text + '\n';
    for (const id of text.match(/(?<![.\w$])[A-Za-z_$][\w$]*/g) ?? []) {
      if (!reached.has(id) && texts.has(id)) {
        reached.add(id);
        queue.push(texts.get(id)!);
      }
    }
  }
  const calls = reachable.replace(MATH_CALL, '');
  const stillCalled = [...removed].filter((m) => new RegExp(`\\.${m}\\s*\\(`).test(calls));
  if (stillCalled.length > 0) fail(`le code gardé appelle des méthodes retirées : ${stillCalled.join(', ')}`);
  const stillRead = CONSTANTS.filter((c) => new RegExp(`\\b${c}\\b`).test(reachable));
  if (stillRead.length > 0) fail(`le code gardé lit des constantes retirées : ${stillRead.join(', ')}`);
  return pruned;
}

/** Le module ES de decimal.js, seul fichier du paquet decimal.js qu'une construction pour navigateur charge. */
const DECIMAL_MODULE = /[\\/]node_modules[\\/]decimal\.js[\\/]/;

/** Le greffon esbuild du paquet autonome : decimal.js réduit à ce que la bibliothèque appelle. */
export const pruneDecimal: Plugin = {
  name: 'decimal-elague',
  setup(build) {
    build.onLoad({ filter: DECIMAL_MODULE }, async (args) => {
      if (!/[\\/]decimal\.mjs$/.test(args.path)) fail(`fichier inattendu : ${args.path} (decimal.mjs attendu)`);
      return { contents: pruneDecimalSource(await readFile(args.path, 'utf8')), loader: 'js' };
    });
  },
};

import * as z from 'zod/mini';

/** Les codes de remarque que les schémas posent eux-mêmes (règles de forme des montants et des grilles). */
type SchemaLintCode = 'MONTANT_ILLISIBLE' | 'MONTANT_NEGATIF' | 'MONTANT_TROP_PRECIS' | 'GRILLE_INCOMPLETE';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Les motifs des chaînes décimales (montants, prix, coefficients), pour les schémas JSON : zod les
 * vérifie par une fonction, qu'un schéma JSON ne peut pas porter.
 *
 * @internal
 */
export const DECIMAL_PATTERNS = new WeakMap<object, string>();

function decimalString(what: 'Montant' | 'Prix' | 'Coefficient', maxDecimals: number, maxIntegerDigits: number) {
  const example = what === 'Montant' ? '574.88' : what === 'Prix' ? '0.045' : '0.9';
  const schema = z.custom<string>().check(
    z.superRefine((value, ctx) => {
      const fail = (lintCode: SchemaLintCode, message: string) =>
        ctx.addIssue({ code: 'custom', input: value, params: { lintCode }, message });
      if (typeof value !== 'string' || !DECIMAL.test(value)) {
        const shown = typeof value === 'string' ? `« ${value.slice(0, 40)} »` : typeof value === 'number' ? `le nombre ${String(value)}` : typeof value;
        return fail('MONTANT_ILLISIBLE', `${what} illisible : attendu une chaîne décimale (ex. « ${example} ») ; reçu ${shown}.`);
      }
      const [integer = '', decimals = ''] = value.replace('-', '').split('.');
      if (value.startsWith('-') && /[1-9]/.test(integer + decimals)) return fail('MONTANT_NEGATIF', `${what} négatif : ${value}.`);
      if (decimals.length > maxDecimals) {
        return fail('MONTANT_TROP_PRECIS', `${what} trop précis : ${value} a ${decimals.length} décimales ; au plus ${maxDecimals} sont admises.`);
      }
      if (integer.replace(/^0+(?=\d)/, '').length > maxIntegerDigits) {
        return fail('MONTANT_ILLISIBLE', `${what} trop grand : ${value.slice(0, 40)} (au plus ${maxIntegerDigits} chiffres avant la virgule).`);
      }
      if (value.startsWith('-') || (integer.length > 1 && integer.startsWith('0'))) {
        return fail('MONTANT_ILLISIBLE', `${what} mal écrit : « ${value.slice(0, 40)} » (écrivez ${value.startsWith('-') ? 'sans signe' : 'sans zéro initial'}).`);
      }
    }),
  );
  DECIMAL_PATTERNS.set(schema, `^(0|[1-9]\\d{0,${maxIntegerDigits - 1}})(\\.\\d{1,${maxDecimals}})?$`);
  return schema;
}

function build() {
  const montant = decimalString('Montant', 2, 9);
  const prix = decimalString('Prix', 4, 9);
  const coefficient = decimalString('Coefficient', 6, 4);
  const texte = z.string().check(z.minLength(1), z.maxLength(2000));
  const entier = z.int().check(z.minimum(0), z.maximum(1_000_000_000));
  const unite = z.strictObject({ un: texte, plusieurs: texte });
  const strates = z.array(z.strictObject({ de: entier, a: z.nullable(entier) })).check(z.minLength(1), z.maxLength(100));
  const quotasGo = z.array(z.int().check(z.minimum(1), z.maximum(1_000_000))).check(z.minLength(1), z.maxLength(100));
  const paliers = z.array(z.strictObject({ de: entier, a: z.nullable(entier), coefficient })).check(z.minLength(1), z.maxLength(100));
  const stratesForfait = z.array(z.strictObject({ de: entier, a: z.nullable(entier), montant })).check(z.minLength(1), z.maxLength(100));
  const montantsLibres = z.array(z.array(montant).check(z.maxLength(100))).check(z.maxLength(100));
  const grille = z.strictObject({ strates, quotasGo, montants: montantsLibres }).check(
    z.superRefine((g, ctx) => {
      if (!Array.isArray(g.strates) || !Array.isArray(g.quotasGo) || !Array.isArray(g.montants)) return;
      const incomplete = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, input: g, params: { lintCode: 'GRILLE_INCOMPLETE' satisfies SchemaLintCode }, message });
      if (g.montants.length !== g.strates.length) {
        incomplete(['montants'], `La grille doit avoir une ligne de montants par strate (${g.strates.length}), elle en a ${g.montants.length}.`);
      }
      g.montants.forEach((row, i) => {
        if (Array.isArray(row) && row.length !== g.quotasGo.length) {
          incomplete(['montants', i], `Chaque ligne de montants doit avoir un montant par quota (${g.quotasGo.length}), celle-ci en a ${row.length}.`);
        }
      });
    }),
  );
  const arrondi = z.enum(['aucun', 'entierSuperieur']);
  return { montant, prix, coefficient, texte, entier, unite, strates, quotasGo, paliers, stratesForfait, montantsLibres, grille, arrondi };
}

/**
 * Les pièces de schéma partagées par les modèles de prix.
 *
 * @internal
 */
export type Kit = ReturnType<typeof build>;

let built: Kit | undefined;

/**
 * Les pièces de schéma partagées par les modèles de prix (montants à 2 décimales, prix unitaires à
 * 4 décimales, coefficients, unités, paliers, strates, grilles), construites au premier usage.
 *
 * @internal
 */
export function kit(): Kit {
  return (built ??= build());
}

import * as z from 'zod/mini';
import { maxLength, minLength } from '../shared/lengths.js';
import { lintMessage, type LintFacts } from '../wording/lint.js';
import { issueMessage } from '../wording/issues.js';
import { controlCharacter } from '../shared/control.js';

/** Les codes de remarque que les schémas posent eux-mêmes (règles de forme des montants et des grilles). */
type SchemaLintCode = 'MONTANT_ILLISIBLE' | 'MONTANT_NEGATIF' | 'MONTANT_TROP_PRECIS' | 'GRILLE_INCOMPLETE';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Les motifs des chaînes décimales (montants, prix, coefficients) et des codes postaux, pour les schémas JSON : zod les
 * vérifie par une fonction, qu'un schéma JSON ne peut pas porter.
 *
 * @internal
 */
export const DECIMAL_PATTERNS = new WeakMap<object, string>();

function decimalString(quoi: 'Montant' | 'Prix' | 'Coefficient', maxDecimals: number, maxIntegerDigits: number) {
  const exemple = quoi === 'Montant' ? '574.88' : quoi === 'Prix' ? '0.045' : '0.9';
  const schema = z.custom<string>().check(
    z.superRefine((value, ctx) => {
      const fail = (lintCode: SchemaLintCode, chiffres: LintFacts) =>
        ctx.addIssue({ code: 'custom', input: value, params: { lintCode, chiffres }, message: lintMessage(lintCode, chiffres) });
      if (typeof value !== 'string' || !DECIMAL.test(value)) {
        const recu = typeof value === 'string' ? `« ${value.slice(0, 40)} »` : typeof value === 'number' ? `le nombre ${String(value)}` : typeof value;
        return fail('MONTANT_ILLISIBLE', { forme: 'illisible', quoi, exemple, recu });
      }
      const [integer = '', decimals = ''] = value.replace('-', '').split('.');
      const valeur = value.slice(0, 40);
      if (value.startsWith('-') && /[1-9]/.test(integer + decimals)) return fail('MONTANT_NEGATIF', { quoi, valeur });
      if (decimals.length > maxDecimals) return fail('MONTANT_TROP_PRECIS', { quoi, valeur, decimales: decimals.length, maximum: maxDecimals });
      if (integer.replace(/^0+(?=\d)/, '').length > maxIntegerDigits) return fail('MONTANT_ILLISIBLE', { forme: 'tropGrand', quoi, valeur, chiffres: maxIntegerDigits });
      if (value.startsWith('-') || (integer.length > 1 && integer.startsWith('0'))) {
        return fail('MONTANT_ILLISIBLE', { forme: 'malEcrit', quoi, valeur, signe: value.startsWith('-') });
      }
    }),
  );
  DECIMAL_PATTERNS.set(schema, `^(0|[1-9]\\d{0,${maxIntegerDigits - 1}})(\\.\\d{1,${maxDecimals}})?$`);
  return schema;
}

/**
 * Le refus des caractères de contrôle (`VALEUR_NON_ADMISE`, raison `caractereDeControle`), sauf le
 * saut de ligne avec `lignes` : un texte imprimé tel quel (nom, libellé, référence…) ne forge ni une
 * ligne d'un document ni une commande d'un terminal. Construit avec le schéma qui le porte (rien de
 * zod n'est construit à l'import).
 *
 * @internal
 */
export const noControl = (lignes = false) =>
  z.superRefine((text: string, ctx) => {
    const found = controlCharacter(text, lignes);
    if (found === undefined) return;
    const params = { raison: 'caractereDeControle', ...found } as const;
    ctx.addIssue({ code: 'custom', input: text, params: { code: 'VALEUR_NON_ADMISE', params }, message: issueMessage('VALEUR_NON_ADMISE', params) });
  });

/**
 * La longueur maximale d'un texte du catalogue (libellé, unité, référence d'une source).
 *
 * @internal
 */
export const TEXTE_MAX = 2000;

function build() {
  const montant = decimalString('Montant', 2, 9);
  const prix = decimalString('Prix', 4, 9);
  const coefficient = decimalString('Coefficient', 6, 4);
  const texte = z.string().check(minLength(1), maxLength(TEXTE_MAX), noControl());
  const entier = z.int().check(z.minimum(0), z.maximum(1_000_000_000));
  const unite = z.strictObject({ un: texte, plusieurs: texte });
  const strates = z.array(z.strictObject({ de: entier, a: z.nullable(entier) })).check(minLength(1), maxLength(100));
  const quotasGo = z.array(z.int().check(z.minimum(1), z.maximum(1_000_000))).check(minLength(1), maxLength(100));
  const paliers = z.array(z.strictObject({ de: entier, a: z.nullable(entier), coefficient })).check(minLength(1), maxLength(100));
  const stratesForfait = z.array(z.strictObject({ de: entier, a: z.nullable(entier), montant })).check(minLength(1), maxLength(100));
  const montantsLibres = z.array(z.array(montant).check(maxLength(100))).check(maxLength(100));
  const grille = z.strictObject({ strates, quotasGo, montants: montantsLibres }).check(
    z.superRefine((g, ctx) => {
      if (!Array.isArray(g.strates) || !Array.isArray(g.quotasGo) || !Array.isArray(g.montants)) return;
      const incomplete = (path: (string | number)[], chiffres: LintFacts) =>
        ctx.addIssue({ code: 'custom', path, input: g, params: { lintCode: 'GRILLE_INCOMPLETE' satisfies SchemaLintCode, chiffres }, message: lintMessage('GRILLE_INCOMPLETE', chiffres) });
      if (g.montants.length !== g.strates.length) incomplete(['montants'], { forme: 'lignes', attendu: g.strates.length, recu: g.montants.length });
      g.montants.forEach((row, i) => {
        if (Array.isArray(row) && row.length !== g.quotasGo.length) incomplete(['montants', i], { forme: 'colonnes', attendu: g.quotasGo.length, recu: row.length });
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

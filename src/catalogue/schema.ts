import * as z from 'zod/mini';
import type { Modele } from '../core/shapes.js';
import { PRESTATIONS } from '../prestations/registry.js';
import type { Catalogue } from './types.js';

/** Les codes de {@link lintCatalogue} que le schéma pose lui-même (règles de forme). */
type SchemaLintCode = 'MONTANT_ILLISIBLE' | 'MONTANT_NEGATIF' | 'MONTANT_TROP_PRECIS' | 'GRILLE_INCOMPLETE';

const DECIMAL = /^-?\d+(\.\d+)?$/;

function decimalString(what: 'Montant' | 'Coefficient', maxDecimals: number, maxIntegerDigits: number) {
  const example = what === 'Montant' ? '574.88' : '0.9';
  return z.custom<string>().check(
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
}

/**
 * Les motifs des chaînes décimales (montants, coefficients), pour les schémas JSON : zod les vérifie
 * par une fonction, qu'un schéma JSON ne peut pas porter.
 *
 * @internal
 */
export const DECIMAL_PATTERNS = new WeakMap<object, string>();

function build() {
  const texte = z.string().check(z.minLength(1), z.maxLength(2000));
  const montant = decimalString('Montant', 2, 9);
  const coefficient = decimalString('Coefficient', 6, 4);
  DECIMAL_PATTERNS.set(montant, '^(0|[1-9]\\d{0,8})(\\.\\d{1,2})?$');
  DECIMAL_PATTERNS.set(coefficient, '^(0|[1-9]\\d{0,3})(\\.\\d{1,6})?$');
  const entier = z.int().check(z.minimum(0), z.maximum(1_000_000_000));
  const source = z.strictObject({ origine: z.enum(['publie', 'complement', 'revision']), reference: texte, exemple: z.optional(z.literal(true)) });
  const unite = z.strictObject({ un: texte, plusieurs: texte });
  const commun = { libelle: texte, source, note: z.optional(texte) };

  const strates = z.array(z.strictObject({ de: entier, a: z.nullable(entier) })).check(z.minLength(1), z.maxLength(100));
  const quotasGo = z.array(z.int().check(z.minimum(1), z.maximum(1_000_000))).check(z.minLength(1), z.maxLength(100));
  const paliers = z.array(z.strictObject({ de: entier, a: z.nullable(entier), coefficient })).check(z.minLength(1), z.maxLength(100));
  const montantsLibres = z.array(z.array(montant).check(z.maxLength(100))).check(z.maxLength(100));
  const grille = z
    .strictObject({
      strates,
      quotasGo,
      montants: montantsLibres,
    })
    .check(
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

  const byModel = {
    forfait: z.strictObject({ ...commun, modele: z.literal('forfait'), montant: z.nullable(montant) }),
    unitaire: z.strictObject({
      ...commun,
      modele: z.literal('unitaire'),
      unite,
      prixUnitaire: z.nullable(montant),
      arrondiQuantite: z.enum(['aucun', 'entierSuperieur']),
    }),
    coefficientParPalier: z.strictObject({
      ...commun,
      modele: z.literal('coefficientParPalier'),
      unite,
      prixUnitaire: z.nullable(montant),
      paliers,
    }),
    grilleStrates: z.strictObject({ ...commun, modele: z.literal('grilleStrates'), grille: z.nullable(grille) }),
  } satisfies Record<Modele, z.ZodMiniType>;

  const prestations: Record<string, z.ZodMiniType> = {};
  for (const d of PRESTATIONS) {
    const composantes: Record<string, z.ZodMiniType> = {};
    for (const [cid, c] of Object.entries(d.composantes) as [string, { modele: Modele }][]) composantes[cid] = byModel[c.modele];
    prestations[d.id] = z.strictObject({
      id: z.literal(d.id),
      libelle: texte,
      description: texte,
      facturation: z.optional(z.enum(['adherent', 'siren'])),
      obligatoire: z.literal(d.obligatoire),
      composantes: z.strictObject(composantes),
    });
  }

  const catalogue = z.strictObject({
    $schema: z.optional(z.string().check(z.maxLength(500))),
    millesime: z.int().check(z.minimum(2000), z.maximum(2100)),
    libelle: texte,
    devise: z.literal('EUR'),
    prestations: z.strictObject(prestations),
  }) as unknown as z.ZodMiniType<Catalogue, unknown>;

  return { montant, grille, strates, quotasGo, paliers, montantsLibres, byModel, catalogue };
}

let built: ReturnType<typeof build> | undefined;

/**
 * Les schémas zod du catalogue, déduits des déclarations des prestations et construits au premier
 * usage seulement (un devis sur un catalogue déjà validé n'en a pas besoin). Ils sont les seuls
 * juges de la forme : montants (`MONTANT_ILLISIBLE`, `MONTANT_NEGATIF`, `MONTANT_TROP_PRECIS`) et
 * grilles complètes (`GRILLE_INCOMPLETE`) compris.
 *
 * @internal
 */
export function catalogueSchemas(): ReturnType<typeof build> {
  return (built ??= build());
}

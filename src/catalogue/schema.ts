import * as z from 'zod/mini';
import { COMPOSANTES, type Catalogue } from './types.js';

function build() {
  const texte = z.string().check(z.minLength(1), z.maxLength(2000));

  // Montant publié : chaîne décimale positive ou nulle, au plus deux décimales (`"574.88"`).
  const MontantSchema = z.string().check(
    z.refine((s) => /^(0|[1-9]\d{0,8})(\.\d{1,2})?$/.test(s), {
      error: (issue) => `Montant attendu sous forme de chaîne décimale positive, au plus 2 décimales (ex. « 574.88 ») ; reçu « ${String(issue.input).slice(0, 40)} ».`,
    }),
  );

  const montantOuNull = z.nullable(MontantSchema);

  const coefficient = z.string().check(
    z.refine((s) => /^(0|[1-9]\d{0,3})(\.\d{1,6})?$/.test(s), {
      error: (issue) => `Coefficient attendu sous forme de chaîne décimale positive, au plus 6 décimales (ex. « 0.9 ») ; reçu « ${String(issue.input).slice(0, 40)} ».`,
    }),
  );

  const entier = z.int().check(z.minimum(0), z.maximum(1_000_000_000));

  // D'où vient un montant : publié par le syndicat, ou fourni en complément par l'appelant.
  const SourceSchema = z.strictObject({
    origine: z.enum(['publie', 'complement']),
    reference: texte,
  });

  const unite = z.strictObject({ un: texte, plusieurs: texte });

  const commun = {
    libelle: texte,
    source: SourceSchema,
    note: z.optional(texte),
  };

  const forfait = z.strictObject({ ...commun, modele: z.literal('forfait'), montant: montantOuNull });

  const unitaire = z.strictObject({
    ...commun,
    modele: z.literal('unitaire'),
    unite,
    prixUnitaire: montantOuNull,
    arrondiQuantite: z.enum(['aucun', 'entierSuperieur']),
  });

  // Un palier d'un barème : de `de` à `a` unités (bornes comprises ; `a: null` = sans limite).
  const PalierSchema = z.strictObject({ de: entier, a: z.nullable(entier), coefficient });

  const coefficientParPalier = z.strictObject({
    ...commun,
    modele: z.literal('coefficientParPalier'),
    unite,
    prixUnitaire: montantOuNull,
    paliers: z.array(PalierSchema).check(z.minLength(1), z.maxLength(100)),
  });

  const strate = z.strictObject({ de: entier, a: z.nullable(entier) });

  // Grille d'une tarification par strate de population × quota (Go) : `montants[i][j]` est le
  // montant de la strate `i` pour le quota `j`.
  const GrilleSchema = z.strictObject({
    strates: z.array(strate).check(z.minLength(1), z.maxLength(100)),
    quotasGo: z.array(z.int().check(z.minimum(1), z.maximum(1_000_000))).check(z.minLength(1), z.maxLength(100)),
    montants: z.array(z.array(MontantSchema).check(z.maxLength(100))).check(z.maxLength(100)),
  }).check(
    z.superRefine((g, ctx) => {
      if (g.montants.length !== g.strates.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['montants'],
          message: `La grille doit avoir une ligne de montants par strate (${g.strates.length}), elle en a ${g.montants.length}.`,
        });
      }
      g.montants.forEach((row, i) => {
        if (row.length !== g.quotasGo.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['montants', i],
            message: `Chaque ligne de montants doit avoir un montant par quota (${g.quotasGo.length}), celle-ci en a ${row.length}.`,
          });
        }
      });
    }),
  );

  const grilleStrates = z.strictObject({
    ...commun,
    modele: z.literal('grilleStrates'),
    grille: z.nullable(GrilleSchema),
  });

  // Une composante de prix d'une prestation, selon l'un des quatre modèles partagés : `forfait`,
  // `unitaire`, `coefficientParPalier`, `grilleStrates`.
  const ComposanteSchema = z.discriminatedUnion('modele', [forfait, unitaire, coefficientParPalier, grilleStrates]);

  // La facturation et l'obligation sont des règles que le module de la prestation applique :
  // le catalogue les documente, il ne peut pas les changer.
  function prestation<const Id extends string, const K extends string, const F extends string, const O extends string>(
    id: Id,
    composantes: readonly K[],
    facturation: F,
    obligatoire: O,
  ) {
    const shape = {} as Record<K, typeof ComposanteSchema>;
    for (const k of composantes) shape[k] = ComposanteSchema;
    return z.strictObject({
      id: z.literal(id),
      libelle: texte,
      description: texte,
      facturation: z.literal(facturation),
      obligatoire: z.literal(obligatoire),
      composantes: z.strictObject(shape),
    });
  }

  const catalogueSchema = z.strictObject({
    millesime: z.int().check(z.minimum(2000), z.maximum(2100)),
    libelle: texte,
    devise: z.literal('EUR'),
    prestations: z.strictObject({
      maintenanceBase: prestation('maintenanceBase', COMPOSANTES.maintenanceBase, 'adherent', 'toujours'),
      sauvegarde: prestation('sauvegarde', COMPOSANTES.sauvegarde, 'adherent', 'non'),
      netEntreprises: prestation('netEntreprises', COMPOSANTES.netEntreprises, 'adherent', 'non'),
      packDemat: prestation('packDemat', COMPOSANTES.packDemat, 'siren', 'siParcTransfere'),
      saisineElectronique: prestation('saisineElectronique', COMPOSANTES.saisineElectronique, 'adherent', 'non'),
      marchesPublics: prestation('marchesPublics', COMPOSANTES.marchesPublics, 'adherent', 'non'),
      dpo: prestation('dpo', COMPOSANTES.dpo, 'adherent', 'non'),
      cabinetNumerique: prestation('cabinetNumerique', COMPOSANTES.cabinetNumerique, 'adherent', 'non'),
      comedec: prestation('comedec', COMPOSANTES.comedec, 'adherent', 'non'),
      secretariatMairie: prestation('secretariatMairie', COMPOSANTES.secretariatMairie, 'adherent', 'non'),
    }),
  });

  // Le schéma d'un catalogue annuel : les dix prestations, chacune avec ses composantes de prix.
  // Sert à valider un catalogue fourni par l'appelant.
  const CatalogueSchema: z.ZodMiniType<Catalogue, unknown> = catalogueSchema;

  return { MontantSchema, GrilleSchema, CatalogueSchema };
}

let built: ReturnType<typeof build> | undefined;

/**
 * Les schémas du catalogue (montant, grille, catalogue entier), construits au premier usage
 * seulement : un devis sur le catalogue embarqué n'en a pas besoin, et le démarrage en est plus court.
 *
 * @internal
 * @example
 * ```ts
 * catalogueSchemas().CatalogueSchema.safeParse(catalogue2026).success;
 * //=> true
 * ```
 */
export function catalogueSchemas(): ReturnType<typeof build> {
  return (built ??= build());
}

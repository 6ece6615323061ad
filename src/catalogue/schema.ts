import * as z from 'zod/mini';
import { maxLength } from '../shared/lengths.js';
import { FIELD_KINDS } from '../models/fields.js';
import { kit } from '../models/kit.js';
import type { Modele } from '../models/registry.js';
import type { Registry } from '../prestations/create-registry.js';
import { REGISTRY } from '../prestations/registry.js';
import type { Catalogue } from './types.js';

export { DECIMAL_PATTERNS } from '../models/kit.js';

function build(r: Registry) {
  const k = kit();
  const source = z.strictObject({ origine: z.enum(['publie', 'complement', 'revision']), reference: k.texte, exemple: z.optional(z.literal(true)) });
  const commun = { libelle: k.texte, source, note: z.optional(k.texte), remarque: z.optional(k.texte) };

  /** Le schéma d'un tarif de chaque modèle, déduit de ses champs. */
  const byModel = {} as Record<Modele, z.ZodMiniObject>;
  /** Le schéma de chaque champ de chaque modèle, valeur seule (sans `null` ni absence). */
  const fieldSchemas = {} as Record<Modele, Record<string, z.ZodMiniType>>;
  for (const m of r.modeles) {
    const shape: Record<string, z.ZodMiniType> = {};
    const fields: Record<string, z.ZodMiniType> = {};
    for (const [name, spec] of Object.entries(m.champs) as [string, { kind: keyof typeof FIELD_KINDS; nullable?: true; optional?: true }][]) {
      const value = FIELD_KINDS[spec.kind].schema(k);
      fields[name] = value;
      const nullable = spec.nullable ? z.nullable(value) : value;
      shape[name] = spec.optional ? z.optional(nullable) : nullable;
    }
    byModel[m.nom as Modele] = z.strictObject({ ...commun, modele: z.literal(m.nom), ...shape });
    fieldSchemas[m.nom as Modele] = fields;
  }

  /** Une composante qui admet plusieurs modèles : celui que nomme `modele`. */
  const choice = (modeles: readonly Modele[]): z.ZodMiniType =>
    modeles.length === 1 ? byModel[modeles[0]!] : z.discriminatedUnion('modele', modeles.map((m) => byModel[m]) as never);

  const prestations: Record<string, z.ZodMiniType> = {};
  for (const d of r.prestations) {
    const composantes: Record<string, z.ZodMiniType> = {};
    for (const [cid, c] of Object.entries(d.composantes)) composantes[cid] = choice(c.modeles as readonly Modele[]);
    prestations[d.id] = z.strictObject({
      id: z.literal(d.id),
      libelle: k.texte,
      description: k.texte,
      facturation: z.enum(['adherent', 'siren']),
      obligatoire: z.literal(d.obligatoire),
      composantes: z.strictObject(composantes),
    });
  }

  const catalogue = z.strictObject({
    $schema: z.optional(z.string().check(maxLength(500))),
    millesime: z.int().check(z.minimum(2000), z.maximum(2100)),
    libelle: k.texte,
    devise: z.literal('EUR'),
    prestations: z.strictObject(prestations),
  }) as unknown as z.ZodMiniType<Catalogue, unknown>;

  return { byModel, fieldSchemas, catalogue, source };
}

const BUILT = new WeakMap<Registry, ReturnType<typeof build>>();

/**
 * Les schémas zod du catalogue, déduits des déclarations des prestations et du registre des modèles,
 * construits au premier usage seulement (un devis sur un catalogue déjà validé n'en a pas besoin).
 * Ils sont les seuls juges de la forme : montants (`MONTANT_ILLISIBLE`, `MONTANT_NEGATIF`,
 * `MONTANT_TROP_PRECIS`) et grilles complètes (`GRILLE_INCOMPLETE`) compris. Le catalogue jugé est
 * d'abord complété par les déclarations (voir `withDeclarations`).
 *
 * @internal
 */
export function catalogueSchemas(r: Registry = REGISTRY): ReturnType<typeof build> {
  let built = BUILT.get(r);
  if (built === undefined) BUILT.set(r, (built = build(r)));
  return built;
}

import * as z from 'zod/mini';
import { maxLength } from '../shared/lengths.js';
import type { Adresse, Destinataire } from '../core/shapes.js';
import { deepFreeze } from '../shared/freeze.js';
import { issueMessage } from '../wording/issues.js';
import { ADRESSE_DECLARATION, COLLECTIVITE_TYPES, fieldSchema, siretCheck, type FieldDeclaration } from './fields.js';

/**
 * Un champ d'un destinataire de factures, en données : sa sorte (`siren` : 9 chiffres, clé de Luhn ;
 * `siret` : 14 chiffres commençant par le SIREN, clé de Luhn ; `texte` ; `choix` parmi des valeurs ;
 * `adresse` : une adresse postale, dont les champs sont {@link ADRESSE_FIELDS}), s'il est obligatoire,
 * la longueur maximale d'un texte et les valeurs admises d'un choix.
 *
 * @category Prestations
 * @example
 * ```ts
 * const champ: DestinataireField = { type: 'texte', requis: false, max: 100 };
 * ```
 */
export interface DestinataireField {
  /** La sorte du champ : `siren`, `siret`, `texte`, `choix` ou `adresse`. */
  readonly type: 'siren' | 'siret' | 'texte' | 'choix' | 'adresse';
  /** `true` : le champ est obligatoire. */
  readonly requis: boolean;
  /** `texte` : la longueur maximale. */
  readonly max?: number | undefined;
  /** `choix` : les valeurs admises. */
  readonly valeurs?: readonly string[] | undefined;
}

/**
 * Les champs d'un destinataire de factures, par nom : un par champ de {@link Destinataire}.
 *
 * @category Prestations
 * @example
 * ```ts
 * const champs: DestinataireFields = DESTINATAIRE_FIELDS;
 * ```
 */
export type DestinataireFields = { readonly [K in keyof Destinataire]-?: DestinataireField };

const DESTINATAIRE_DECLARATION = /* @__PURE__ */ deepFreeze({
  siren: { type: 'siren', requis: true },
  nom: { type: 'texte', requis: false, max: 200 },
  type: { type: 'choix', requis: false, valeurs: COLLECTIVITE_TYPES },
  siret: { type: 'siret', requis: false },
  codeService: { type: 'texte', requis: false, max: 100 },
  engagement: { type: 'texte', requis: false, max: 50 },
  adresse: { type: 'adresse', requis: false },
} as const satisfies DestinataireFields & Record<keyof Destinataire, FieldDeclaration>);

/**
 * Les champs d'un destinataire de factures (`Adhesion.destinataires`), en données gelées, dans
 * l'ordre où une adhésion les écrit : pour chacun, sa sorte (SIREN, SIRET, texte, choix ou adresse),
 * s'il est obligatoire, la longueur maximale d'un texte et les valeurs admises d'un choix. La
 * validation en est déduite (le SIREN et le SIRET ont leurs clés de contrôle) ; un formulaire ou un
 * tableur peut l'être aussi (le tableur en tire les champs `destinataires.1.siret`,
 * `destinataires.1.adresse.codePostal`…).
 *
 * @category Prestations
 * @example
 * ```ts
 * Object.keys(DESTINATAIRE_FIELDS);
 * //=> ['siren', 'nom', 'type', 'siret', 'codeService', 'engagement', 'adresse']
 * DESTINATAIRE_FIELDS.siret.type;
 * //=> 'siret'
 * ```
 */
export const DESTINATAIRE_FIELDS: DestinataireFields = DESTINATAIRE_DECLARATION;

/**
 * Un champ d'une adresse postale, en données : sa sorte (`texte`, ou `codePostal` : 5 chiffres),
 * s'il est obligatoire, et la longueur maximale d'un texte (38 caractères, la norme postale).
 *
 * @category Prestations
 * @example
 * ```ts
 * const champ: AdresseField = { type: 'texte', requis: true, max: 38 };
 * ```
 */
export interface AdresseField {
  /** La sorte du champ : `texte` ou `codePostal`. */
  readonly type: 'texte' | 'codePostal';
  /** `true` : le champ est obligatoire. */
  readonly requis: boolean;
  /** `texte` : la longueur maximale. */
  readonly max?: number | undefined;
}

/**
 * Les champs d'une adresse postale ({@link Adresse}), en données gelées, dans l'ordre où elle
 * s'écrit : complément de distribution, voie, lieu-dit, code postal, ville. Chaque texte compte au
 * plus 38 caractères, sans caractère de contrôle ; le code postal exactement 5 chiffres. La
 * validation de l'adresse d'une collectivité ou d'un destinataire en est déduite, et les champs d'un
 * tableur aussi (`collectivite.adresse.voie`, `destinataires.1.adresse.ville`…).
 *
 * @category Prestations
 * @example
 * ```ts
 * Object.keys(ADRESSE_FIELDS);
 * //=> ['complement', 'voie', 'lieuDit', 'codePostal', 'ville']
 * ADRESSE_FIELDS.voie.max;
 * //=> 38
 * ```
 */
export const ADRESSE_FIELDS: { readonly [K in keyof Adresse]-?: AdresseField } = ADRESSE_DECLARATION;

function build() {
  // Les champs d'un destinataire, déduits de leur déclaration ; le SIRET prolonge le SIREN.
  const fields = Object.fromEntries(Object.entries(DESTINATAIRE_DECLARATION).map(([name, f]) => [name, fieldSchema(f)]));
  const destinataire = z.strictObject(fields).check(siretCheck());
  const list = z.array(destinataire).check(
    maxLength(500),
    z.superRefine((items, ctx) => {
      const first = new Map<string, number>();
      items.forEach((d, i) => {
        const siren = d['siren'] as string;
        const seen = first.get(siren);
        if (seen === undefined) first.set(siren, i);
        else {
          const params = { siren, position: seen };
          ctx.addIssue({ code: 'custom', path: [i, 'siren'], input: siren, params: { code: 'SIREN_EN_DOUBLE', params }, message: issueMessage('SIREN_EN_DOUBLE', params) });
        }
      });
    }),
  );
  return { destinataire, list };
}

let built: ReturnType<typeof build> | undefined;

/**
 * Les schémas d'un destinataire de factures et de leur liste (sans SIREN en double), construits au
 * premier usage.
 *
 * @internal
 */
export function destinataireSchemas(): ReturnType<typeof build> {
  return (built ??= build());
}

/**
 * Les destinataires valides d'une liste lue : la liste entière si elle l'est, sinon chacun de ceux
 * qui le sont (pour titrer les factures même quand un autre champ de l'adhésion est faux).
 *
 * @internal
 */
export function validDestinataires(value: unknown): Destinataire[] {
  const { list, destinataire } = destinataireSchemas();
  const whole = list.safeParse(value);
  if (whole.success) return whole.data as unknown as Destinataire[];
  if (!Array.isArray(value)) return [];
  const out: Destinataire[] = [];
  for (const item of value) {
    const r = destinataire.safeParse(item);
    if (r.success && !out.some((d) => d.siren === r.data['siren'])) out.push(r.data as unknown as Destinataire);
  }
  return out;
}

import * as z from 'zod/mini';
import { maxLength } from '../shared/lengths.js';
import type { Destinataire } from '../core/shapes.js';
import { deepFreeze } from '../shared/freeze.js';
import { sirenSchema } from '../siren/schema.js';
import { siretProblem } from '../siren/siren.js';
import { issueMessage } from '../wording/issues.js';
import { fieldSchema } from './fields.js';

/**
 * Un champ d'un destinataire de factures, en données : sa sorte (`siren` : 9 chiffres, clé de Luhn ;
 * `siret` : 14 chiffres commençant par le SIREN, clé de Luhn ; `texte`), s'il est obligatoire, et la
 * longueur maximale d'un texte.
 *
 * @category Prestations
 * @example
 * ```ts
 * const champ: DestinataireField = { type: 'texte', requis: false, max: 100 };
 * ```
 */
export interface DestinataireField {
  /** La sorte du champ : `siren`, `siret` ou `texte`. */
  readonly type: 'siren' | 'siret' | 'texte';
  /** `true` : le champ est obligatoire. */
  readonly requis: boolean;
  /** `texte` : la longueur maximale. */
  readonly max?: number | undefined;
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
  siret: { type: 'siret', requis: false },
  codeService: { type: 'texte', requis: false, max: 100 },
  engagement: { type: 'texte', requis: false, max: 50 },
} as const satisfies DestinataireFields);

/**
 * Les champs d'un destinataire de factures (`Adhesion.destinataires`), en données gelées, dans
 * l'ordre où une adhésion les écrit : pour chacun, sa sorte (SIREN, SIRET ou texte), s'il est
 * obligatoire, et la longueur maximale d'un texte. La validation des textes en est déduite (le SIREN et le SIRET ont leurs clés de contrôle) ; un formulaire ou
 * un tableur peut l'être aussi (le tableur en tire les champs `destinataires.1.siret`…).
 *
 * @category Prestations
 * @example
 * ```ts
 * Object.keys(DESTINATAIRE_FIELDS);
 * //=> ['siren', 'nom', 'siret', 'codeService', 'engagement']
 * DESTINATAIRE_FIELDS.siret.type;
 * //=> 'siret'
 * ```
 */
export const DESTINATAIRE_FIELDS: DestinataireFields = DESTINATAIRE_DECLARATION;

function build() {
  // Les champs d'un destinataire, hors SIREN et SIRET, déduits de leur déclaration.
  const { nom: n, codeService: c, engagement: e } = DESTINATAIRE_DECLARATION;
  const [nom, codeService, engagement] = [n, c, e].map((f) => fieldSchema({ type: f.type, requis: f.requis, max: f.max }));
  const siret = z.string().check(maxLength(100), z.overwrite((s) => s.replace(/\s+/g, '')));
  const destinataire = z
    .strictObject({ siren: sirenSchema(), nom, siret: z.optional(siret), codeService, engagement })
    .check(
      z.superRefine((d, ctx) => {
        if (d.siret === undefined) return;
        const siren = typeof d.siren === 'string' && /^\d{9}$/.test(d.siren) ? d.siren : undefined;
        const raison = siretProblem(d.siret, siren);
        if (raison === undefined) return;
        const params = { raison, siret: d.siret, siren: siren ?? null };
        ctx.addIssue({ code: 'custom', path: ['siret'], input: d.siret, params: { code: 'SIRET_INVALIDE', params }, message: issueMessage('SIRET_INVALIDE', params) });
      }),
    );
  const list = z.array(destinataire).check(
    maxLength(500),
    z.superRefine((items, ctx) => {
      const first = new Map<string, number>();
      items.forEach((d, i) => {
        const seen = first.get(d.siren);
        if (seen === undefined) first.set(d.siren, i);
        else {
          const params = { siren: d.siren, position: seen };
          ctx.addIssue({ code: 'custom', path: [i, 'siren'], input: d.siren, params: { code: 'SIREN_EN_DOUBLE', params }, message: issueMessage('SIREN_EN_DOUBLE', params) });
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
  if (whole.success) return whole.data as Destinataire[];
  if (!Array.isArray(value)) return [];
  const out: Destinataire[] = [];
  for (const item of value) {
    const r = destinataire.safeParse(item);
    if (r.success && !out.some((d) => d.siren === r.data.siren)) out.push(r.data as Destinataire);
  }
  return out;
}

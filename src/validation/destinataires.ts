import * as z from 'zod/mini';
import { maxLength } from '../shared/lengths.js';
import type { Destinataire } from '../core/shapes.js';
import { sirenSchema } from '../siren/schema.js';
import { siretProblem } from '../siren/siren.js';
import { issueMessage } from '../wording/issues.js';
import { fieldSchema } from './fields.js';

function build() {
  // Les champs d'un destinataire, hors SIREN.
  const nom = fieldSchema({ type: 'texte', requis: false, max: 200 });
  const codeService = fieldSchema({ type: 'texte', requis: false, max: 100 });
  const engagement = fieldSchema({ type: 'texte', requis: false, max: 50 });
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

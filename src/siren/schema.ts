import * as z from 'zod/mini';
import { maxLength } from '../shared/lengths.js';
import { issueMessage } from '../wording/issues.js';
import { isValidSiren, normalizeSiren, sirenProblem } from './siren.js';

function build() {
  return z.string().check(
    maxLength(100),
    z.overwrite(normalizeSiren),
    z.superRefine((siren, ctx) => {
      if (!isValidSiren(siren)) {
        const params = { raison: sirenProblem(siren), siren } as const;
        ctx.addIssue({ code: 'custom', message: issueMessage('SIREN_INVALIDE', params), params: { code: 'SIREN_INVALIDE', params } });
      }
    }),
  );
}

let built: ReturnType<typeof build> | undefined;

/**
 * Schéma d'un SIREN saisi : une chaîne, espaces retirés, 9 chiffres et clé de Luhn valide. Construit
 * au premier usage (un devis valide ne le demande pas : la voie rapide suffit).
 *
 * @internal
 */
export function sirenSchema(): ReturnType<typeof build> {
  return (built ??= build());
}

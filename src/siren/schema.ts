import * as z from 'zod/mini';
import { maxLength } from '../shared/lengths.js';
import { issueMessage } from '../wording/issues.js';
import { isValidSiren, normalizeSiren, sirenProblem } from './siren.js';

/**
 * Schéma d'un SIREN saisi : une chaîne, espaces retirés, 9 chiffres et clé de Luhn valide.
 *
 * @internal
 */
export const SirenSchema = z.string().check(
  maxLength(100),
  z.overwrite(normalizeSiren),
  z.superRefine((siren, ctx) => {
    if (!isValidSiren(siren)) {
      const params = { raison: sirenProblem(siren), siren } as const;
      ctx.addIssue({ code: 'custom', message: issueMessage('SIREN_INVALIDE', params), params: { code: 'SIREN_INVALIDE', params } });
    }
  }),
);

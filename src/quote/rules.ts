import type { Catalogue, PrestationId } from '../catalogue/types.js';
import type { QuoteIssue } from '../errors/quote-error.js';
import { isRecord } from '../shared/is-record.js';

const MANDATORY = new WeakMap<Catalogue, [PrestationId, Catalogue['prestations'][PrestationId]][]>();

function mandatory(catalogue: Catalogue): [PrestationId, Catalogue['prestations'][PrestationId]][] {
  let list = MANDATORY.get(catalogue);
  if (!list) {
    list = (Object.entries(catalogue.prestations) as [PrestationId, Catalogue['prestations'][PrestationId]][]).filter(
      ([, p]) => p.obligatoire === 'toujours',
    );
    MANDATORY.set(catalogue, list);
  }
  return list;
}

/**
 * Règle des prestations obligatoires (`obligatoire: 'toujours'` au catalogue : la maintenance
 * de base). Elle lit l'entrée brute, pour être signalée en même temps que les erreurs de forme.
 *
 * @internal
 * @example
 * ```ts
 * checkMandatory({ collectivite: {}, prestations: {} }, catalogue2026)[0].code;
 * //=> 'MAINTENANCE_BASE_OBLIGATOIRE'
 * ```
 */
export function checkMandatory(input: unknown, catalogue: Catalogue): QuoteIssue[] {
  if (!isRecord(input)) return [];
  const prestations = input['prestations'];
  if (prestations !== undefined && !isRecord(prestations)) return [];
  const issues: QuoteIssue[] = [];
  for (const [id, prestation] of mandatory(catalogue)) {
    const ticked = prestations !== undefined && Object.prototype.hasOwnProperty.call(prestations, id) && prestations[id] !== undefined;
    if (!ticked) {
      issues.push({
        code: 'MAINTENANCE_BASE_OBLIGATOIRE',
        path: ['prestations', id],
        message: `La prestation « ${prestation.libelle} » est obligatoire pour tout adhérent : ajoutez-la (ex. « ${id}: { postes: 2 } »).`,
      });
    }
  }
  return issues;
}

/**
 * Règle du millésime : s'il est indiqué, il doit être celui du catalogue utilisé. Elle lit l'entrée
 * brute, pour être signalée avec les autres problèmes.
 *
 * @internal
 * @example
 * ```ts
 * checkMillesime({ millesime: 2025 }, catalogue2026)[0].code;
 * //=> 'MILLESIME_INCOHERENT'
 * ```
 */
export function checkMillesime(input: unknown, catalogue: Catalogue): QuoteIssue[] {
  const millesime = isRecord(input) ? input['millesime'] : undefined;
  if (!Number.isSafeInteger(millesime) || millesime === catalogue.millesime) return [];
  return [
    {
      code: 'MILLESIME_INCOHERENT',
      path: ['millesime'],
      message: `L'adhésion porte sur ${String(millesime)}, mais le catalogue utilisé est celui de ${catalogue.millesime}.`,
    },
  ];
}

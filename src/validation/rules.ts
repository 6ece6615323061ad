import type { QuoteIssue } from '../core/shapes.js';
import type { Catalogue } from '../catalogue/types.js';
import type { PrestationDeclaration } from '../prestations/define.js';
import { behaviourOf } from '../prestations/param-kinds.js';
import { registryOf } from '../catalogue/trust.js';
import type { Registry } from '../prestations/create-registry.js';
import { makeIssue } from '../wording/issues.js';
import { isRecord } from '../shared/is-record.js';

/** Un exemple de paramètres : chaque paramètre requis à sa plus petite valeur admise (`{ postes: 1 }`). */
function example(d: PrestationDeclaration): { champsExemple: string[]; valeursExemple: number[] } {
  const parts = Object.entries(d.parametres).flatMap(([name, p]) => {
    const exemple = p.requis ? behaviourOf(p).exemple?.(p) : undefined;
    return exemple === undefined ? [] : [[name, exemple] as const];
  });
  return { champsExemple: parts.map(([name]) => name), valeursExemple: parts.map(([, v]) => v) };
}

/** Les prestations obligatoires d'un registre, relevées une fois et gardées sur lui. */
const MANDATORY = new WeakMap<Registry, readonly Registry['prestations'][number][]>();

function mandatoryOf(r: Registry): readonly Registry['prestations'][number][] {
  let found = MANDATORY.get(r);
  if (found === undefined) MANDATORY.set(r, (found = r.prestations.filter((d) => d.obligatoire === 'toujours')));
  return found;
}

/**
 * Règle des prestations obligatoires (`obligatoire: 'toujours'` : la maintenance de base), jugée
 * sur l'entrée lue, pour être signalée en même temps que les erreurs de forme.
 *
 * @internal
 */
export function checkMandatory(input: unknown, catalogue: Catalogue): QuoteIssue[] {
  if (!isRecord(input)) return [];
  const prestations = input['prestations'];
  if (prestations !== undefined && !isRecord(prestations)) return [];
  const issues: QuoteIssue[] = [];
  for (const d of mandatoryOf(registryOf(catalogue))) {
    const ticked = prestations !== undefined && Object.prototype.hasOwnProperty.call(prestations, d.id) && prestations[d.id] !== undefined;
    if (!ticked) {
      issues.push(
        makeIssue('MAINTENANCE_BASE_OBLIGATOIRE', ['prestations', d.id], {
          prestation: d.id,
          libellePrestation: (catalogue.prestations as Readonly<Record<string, { libelle: string }>>)[d.id]!.libelle,
          ...example(d as unknown as PrestationDeclaration),
        }),
      );
    }
  }
  return issues;
}

/**
 * Règle du millésime : s'il est indiqué, il doit être celui du catalogue utilisé.
 *
 * @internal
 */
export function checkMillesime(input: unknown, catalogue: Catalogue): QuoteIssue[] {
  const millesime = isRecord(input) ? input['millesime'] : undefined;
  // Hors des bornes, la validation le signale déjà : un seul problème par champ.
  if (!Number.isSafeInteger(millesime) || millesime === catalogue.millesime || (millesime as number) < 2000 || (millesime as number) > 2100) return [];
  return [makeIssue('MILLESIME_INCOHERENT', ['millesime'], { raison: 'adhesion', millesime: millesime as number, millesimeCatalogue: catalogue.millesime })];
}

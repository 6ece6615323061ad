import { COMPOSANTES, type PrestationId } from '../prestations/registry.js';
import { describeValue } from '../errors/from-zod.js';
import type { QuoteIssue } from '../core/shapes.js';
import { checkbox, decimalText, isEmpty, quantity, sirenList, text, toRows } from './cells.js';
import { declarationOf } from '../prestations/registry.js';

const PRESTATION_IDS = Object.keys(COMPOSANTES) as PrestationId[];
const CHAMPS: readonly string[] = ['montant', 'prixUnitaire', 'grille'];
const COLLECTIVITE: Record<string, (v: unknown) => unknown> = {
  nom: (v) => text(v),
  siren: (v) => text(v, 9),
  type: (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  population: quantity,
  parcTransfere: (v) => checkbox(v) ?? v,
};

const FIELD = /^[A-Za-z][A-Za-z0-9]*$/;

/** Un nom de champ sûr : lettres et chiffres, et aucun nom réservé d'objet JavaScript. */
function safeField(name: string | undefined): name is string {
  return name !== undefined && FIELD.test(name) && name !== 'constructor' && name !== 'prototype';
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Ce que la lecture d'une plage a donné : l'objet lu et les problèmes de disposition
 * (ligne de la plage en cause).
 *
 * @internal
 */
export interface ReadRange {
  readonly value: Record<string, unknown>;
  readonly issues: QuoteIssue[];
}

function pairs(range: unknown): { row: number; key: string; value: unknown }[] {
  const out: { row: number; key: string; value: unknown }[] = [];
  toRows(range).forEach((cells, i) => {
    const key = cells[0];
    if (isEmpty(key)) return;
    const name = typeof key === 'string' || typeof key === 'number' ? String(key).trim() : describeValue(key);
    if (i === 0 && name.toLowerCase() === 'champ') return;
    out.push({ row: i + 1, key: name, value: cells[1] });
  });
  return out;
}

function unknownField(row: number, key: string, hint: string): QuoteIssue {
  return { code: 'CHAMP_INCONNU', path: ['plage', `ligne ${row}`], message: `Champ inconnu « ${key} » ; ${hint}` };
}

/**
 * Lit une adhésion disposée en deux colonnes « champ | valeur » :
 * `collectivite.nom`, `collectivite.siren`, `collectivite.type`, `collectivite.population`,
 * `collectivite.parcTransfere`, une prestation sans paramètre cochée (`dpo | oui`), ou un
 * paramètre (`maintenanceBase.postes | 4`, `packDemat.sirens | 200000172, 200000107`).
 *
 * @internal
 */
export function readAdhesion(range: unknown): ReadRange {
  const collectivite: Record<string, unknown> = {};
  const prestations: Record<string, Record<string, unknown>> = {};
  const value: Record<string, unknown> = { collectivite, prestations };
  const issues: QuoteIssue[] = [];
  for (const { row, key, value: cell } of pairs(range)) {
    const [head, field, ...rest] = key.split('.');
    if (head === 'millesime' && field === undefined) {
      if (!isEmpty(cell)) value['millesime'] = quantity(cell);
    } else if (head === 'collectivite' && field !== undefined && rest.length === 0 && own(COLLECTIVITE, field)) {
      if (!isEmpty(cell)) collectivite[field] = own(COLLECTIVITE, field)!(cell);
    } else if (PRESTATION_IDS.includes(head as PrestationId) && rest.length === 0 && (field === undefined || safeField(field))) {
      const id = head!;
      if (field === undefined) {
        const ticked = checkbox(cell);
        if (ticked === undefined) {
          issues.push({ code: 'ENTREE_INVALIDE', path: ['plage', `ligne ${row}`], message: `« ${key} » : écrivez oui ou non (reçu ${describeValue(cell)}).` });
        } else if (ticked) prestations[id] ??= {};
      } else if (!isEmpty(cell)) {
        (prestations[id] ??= {})[field] = declarationOf(id)?.parametres[field]?.type === 'sirens' ? sirenList(cell) : quantity(cell);
      }
    } else {
      issues.push(
        unknownField(row, key, 'champs admis : millesime, collectivite.nom|siren|type|population|parcTransfere, <prestation> ou <prestation>.<paramètre>.'),
      );
    }
  }
  return { value, issues };
}

/**
 * Lit des tarifs disposés en deux colonnes « champ | valeur » : `source`, `millesime` (2026 par
 * défaut), et un montant par ligne (`prestations.dpo.abonnement.montant | 400,00`). Une grille
 * de sauvegarde s'écrit en JSON dans sa cellule.
 *
 * @internal
 */
export function readTarifs(range: unknown, millesime: number): ReadRange {
  const prestations: Record<string, Record<string, Record<string, unknown>>> = {};
  const value: Record<string, unknown> = { millesime, prestations };
  const issues: QuoteIssue[] = [];
  for (const { row, key, value: cell } of pairs(range)) {
    const parts = key.split('.');
    if (key === 'source') value['source'] = text(cell);
    else if (key === 'millesime') value['millesime'] = quantity(cell);
    else if (
      parts.length === 4 &&
      parts[0] === 'prestations' &&
      PRESTATION_IDS.includes(parts[1] as PrestationId) &&
      (COMPOSANTES[parts[1] as PrestationId] as readonly string[]).includes(parts[2]!) &&
      CHAMPS.includes(parts[3]!)
    ) {
      if (isEmpty(cell)) continue;
      const [, id, composante, champ] = parts as [string, string, string, string];
      let amount: unknown = decimalText(cell) ?? cell;
      if (champ === 'grille' && typeof cell === 'string') {
        try {
          amount = JSON.parse(cell);
        } catch {
          issues.push({ code: 'JSON_INVALIDE', path: ['tarifs', `ligne ${row}`], message: `La grille « ${key} » doit être écrite en JSON.` });
          continue;
        }
      }
      ((prestations[id] ??= {})[composante] ??= {})[champ] = amount;
    } else {
      issues.push({
        code: 'CHAMP_INCONNU',
        path: ['tarifs', `ligne ${row}`],
        message: `Champ inconnu « ${key} » ; champs admis : source, millesime, prestations.<prestation>.<composante>.<montant|prixUnitaire|grille>.`,
      });
    }
  }
  return { value, issues };
}

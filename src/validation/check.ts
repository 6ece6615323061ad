import type { Collectivite, Destinataire, QuoteIssue } from '../core/shapes.js';
import { validDestinataires } from './destinataires.js';
import type { Catalogue } from '../catalogue/types.js';
import { fromZodIssues, REPORT, type RawIssue } from '../errors/from-zod.js';
import { withoutUnreadable, type Snapshot } from '../input/snapshot.js';
import type { PrestationDeclaration } from '../prestations/define.js';
import { prestationIn, type Registry } from '../prestations/create-registry.js';
import { registryOf } from '../catalogue/trust.js';
import { isRecord } from '../shared/is-record.js';
import { adhesionSchema, type ValidAdhesion } from './adhesion.js';
import { COLLECTIVITE_DECLARATION, collectiviteFields } from './collectivite.js';
import { paramsSchema } from './params.js';
import { checkMandatory, checkMillesime } from './rules.js';
import { contradictions, memberDescription } from './debtors.js';
import { makeIssue } from '../wording/issues.js';
import { formatPath } from '../errors/quote-error.js';

/**
 * Une prestation à chiffrer : sa déclaration et ses paramètres validés.
 *
 * @internal
 */
export interface CheckedPrestation {
  readonly declaration: PrestationDeclaration;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * Ce que la validation d'une adhésion donne, en une passe : les champs valides de la collectivité
 * (et ceux qui ne le sont pas), les prestations dont les paramètres sont valides, et tous les
 * problèmes de lecture, de forme et de règles.
 *
 * @internal
 */
export interface CheckedAdhesion {
  readonly collectivite: Partial<Collectivite>;
  readonly invalid: ReadonlySet<string>;
  readonly prestations: readonly CheckedPrestation[];
  /** Les destinataires valides (tous, si l'adhésion l'est). */
  readonly destinataires: readonly Destinataire[];
  readonly issues: readonly QuoteIssue[];
}

type CollectiviteField = keyof typeof COLLECTIVITE_DECLARATION;
const FIELDS = /* @__PURE__ */ Object.keys(COLLECTIVITE_DECLARATION) as CollectiviteField[];
const NO_INVALID: ReadonlySet<string> = new Set();
const NO_DESTINATAIRES: readonly Destinataire[] = /* @__PURE__ */ Object.freeze([]);

function withDOffice(collectivite: Partial<Collectivite>, ticked: (id: string) => boolean, list: CheckedPrestation[], r: Registry): CheckedPrestation[] {
  if (collectivite.parcTransfere !== true) return list;
  const out: CheckedPrestation[] = [];
  for (const d of r.prestations) {
    const found = list.find((p) => p.declaration === d);
    if (found) out.push(found);
    else if (d.obligatoire === 'siParcTransfere' && !ticked(d.id)) {
      out.push({ declaration: d, params: paramsSchema(d).parse({}) as Record<string, unknown> });
    }
  }
  return out;
}

function partialCollectivite(value: unknown): { collectivite: Partial<Collectivite>; invalid: Set<string> } {
  const collectivite: Record<string, unknown> = {};
  if (!isRecord(value)) return { collectivite: collectivite as Partial<Collectivite>, invalid: new Set(FIELDS) };
  const invalid = new Set<string>();
  const raw = value;
  for (const field of FIELDS) {
    const r = collectiviteFields()[field].safeParse(Object.prototype.hasOwnProperty.call(raw, field) ? raw[field] : undefined);
    if (r.success) {
      if (r.data !== undefined) collectivite[field] = r.data;
    } else invalid.add(field);
  }
  return { collectivite: collectivite as Partial<Collectivite>, invalid };
}

/**
 * La collectivité listée aussi dans ses destinataires, décrite autrement des deux côtés
 * (`DEBITEUR_CONTRADICTOIRE`) : sa facture n'aurait pas un seul débiteur.
 */
function ownContradiction(collectivite: Partial<Collectivite>, destinataires: readonly Destinataire[]): QuoteIssue[] {
  const own = destinataires.length === 0 ? undefined : memberDescription(collectivite);
  if (own === undefined) return [];
  const i = destinataires.findIndex((d) => d.siren === own.siren);
  if (i < 0) return [];
  const champs = contradictions(own, destinataires[i]!);
  if (champs.length === 0) return [];
  const path = ['destinataires', i];
  return [makeIssue('DEBITEUR_CONTRADICTOIRE', path, { raison: 'adhesion', siren: own.siren, champs, chemins: ['collectivite', formatPath(path)] })];
}

/**
 * Juge une adhésion déjà lue (voir `readAdhesion`), déjà validée par la voie rapide ou non, en une passe : forme (zod), prestations obligatoires,
 * millésime. Ne lève pas : tout problème est dans `issues`.
 *
 * @internal
 */
export function checkAdhesion(snap: Snapshot, catalogue: Catalogue, valid?: ValidAdhesion, fastList?: readonly CheckedPrestation[]): CheckedAdhesion {
  const value = snap.value;
  const r = registryOf(catalogue);
  const mandatory = checkMandatory(value, catalogue);
  const millesime = checkMillesime(value, catalogue);
  const rules = millesime.length === 0 ? mandatory : [...mandatory, ...millesime];
  const parsed = valid !== undefined ? ({ success: true, data: valid } as const) : adhesionSchema(r).safeParse(value, REPORT);
  if (parsed.success) {
    const { collectivite, prestations, destinataires } = parsed.data;
    let list: CheckedPrestation[] = [];
    // La voie rapide a déjà dressé la liste des prestations cochées, dans l'ordre des déclarations.
    if (valid !== undefined && fastList !== undefined) list = fastList as CheckedPrestation[];
    else if (valid !== undefined) {
      // La voie rapide rend les prestations dans l'ordre des déclarations : seules les cochées sont lues.
      for (const id of Object.keys(prestations)) {
        const params = prestations[id];
        if (params !== undefined) list.push({ declaration: prestationIn(r, id)!, params });
      }
    } else {
      for (const d of r.prestations) {
        const params = prestations[d.id];
        if (params !== undefined) list.push({ declaration: d, params });
      }
    }
    const contradiction = destinataires === undefined ? [] : ownContradiction(collectivite, destinataires);
    return {
      collectivite,
      invalid: NO_INVALID,
      prestations: withDOffice(collectivite, (id) => prestations[id] !== undefined, list, r),
      destinataires: destinataires ?? NO_DESTINATAIRES,
      issues: contradiction.length === 0 ? rules : [...contradiction, ...rules],
    };
  }
  const issues = [...snap.issues, ...withoutUnreadable(fromZodIssues(parsed.error.issues as readonly RawIssue[]), snap), ...rules];
  const root = isRecord(value) ? value : {};
  const { collectivite, invalid } = partialCollectivite(root['collectivite']);
  const ticked = isRecord(root['prestations']) ? (root['prestations'] as Record<string, unknown>) : {};
  const has = (id: string) => Object.prototype.hasOwnProperty.call(ticked, id) && ticked[id] !== undefined;
  const list: CheckedPrestation[] = [];
  for (const d of r.prestations) {
    if (!has(d.id)) continue;
    const r = paramsSchema(d).safeParse(ticked[d.id]);
    if (r.success) list.push({ declaration: d, params: r.data as Record<string, unknown> });
  }
  const destinataires = validDestinataires(root['destinataires']);
  const contradiction = ownContradiction(collectivite, destinataires);
  return { collectivite, invalid, prestations: withDOffice(collectivite, has, list, r), destinataires, issues: contradiction.length === 0 ? issues : [...issues, ...contradiction] };
}

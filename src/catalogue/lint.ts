import type { IssueParam, Path, QuoteIssue } from '../core/shapes.js';
import { lintMessage } from '../wording/lint.js';
import { fromZodIssues, REPORT, type RawIssue } from '../errors/from-zod.js';
import { guard } from '../errors/quote-error.js';
import { snapshot } from '../input/snapshot.js';
import type { Push } from '../models/bands.js';
import type { PricingModel } from '../models/define.js';
import { FIELD_KINDS } from '../models/fields.js';
import type { Modele } from '../models/registry.js';
import { modelIn, prestationIn, type Registry, type RegistryOptions } from '../prestations/create-registry.js';
import { REGISTRY } from '../prestations/registry.js';
import { isRecord } from '../shared/is-record.js';
import { withDeclarations } from './defaults.js';
import { catalogueSchemas } from './schema.js';
import { registryFrom } from './trust.js';
import type { Catalogue } from './types.js';

/**
 * Nature d'une remarque de {@link lintCatalogue}. `FORME_INVALIDE`, `MONTANT_ILLISIBLE`,
 * `MONTANT_NEGATIF`, `MONTANT_TROP_PRECIS` et `GRILLE_INCOMPLETE` viennent du schéma du catalogue
 * (la forme) ; les autres de la vérification de cohérence (bornes, quotas, seuils) ; `AUTRE_ANNEE`
 * signale un texte qui nomme une autre année que le millésime (un catalogue recopié de l'an passé).
 *
 * @category Catalogue
 * @example
 * ```ts
 * const code: LintCode = 'BAISSE_AU_SEUIL';
 * ```
 */
export type LintCode =
  | 'FORME_INVALIDE'
  | 'MONTANT_ILLISIBLE'
  | 'MONTANT_NEGATIF'
  | 'MONTANT_TROP_PRECIS'
  | 'GRILLE_INCOMPLETE'
  | 'CHEVAUCHEMENT'
  | 'LACUNE'
  | 'DEBUT_MANQUANT'
  | 'BORNES_INVERSEES'
  | 'QUOTA_EN_DOUBLE'
  | 'BAISSE_AU_SEUIL'
  | 'AUTRE_ANNEE';

/**
 * Une remarque sur un catalogue : une `erreur` rend le catalogue invalide ou incohérent (il est
 * refusé) ; un `avertissement` signale un effet du barème à connaître avant de le voter.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const f: LintFinding = {
 *   code: 'BAISSE_AU_SEUIL', niveau: 'avertissement', prestation: 'maintenanceBase', composante: 'postes',
 *   path: ['prestations', 'maintenanceBase', 'composantes', 'postes', 'paliers', 2],
 *   message: '6 postes coûtent moins que 5 postes : 2 414,50 € au lieu de 2 586,96 €.',
 *   chiffres: { avant: 5, apres: 6, montantAvant: '2586.96', montantApres: '2414.50' },
 * };
 * ```
 */
export interface LintFinding {
  /** La nature de la remarque. */
  readonly code: LintCode;
  /** `erreur` : catalogue refusé ; `avertissement` : à connaître. */
  readonly niveau: 'erreur' | 'avertissement';
  /** La prestation concernée, si la remarque porte sur une prestation. */
  readonly prestation: string | null;
  /** La composante de prix concernée, si la remarque porte sur une composante. */
  readonly composante: string | null;
  /** Le chemin de la donnée en cause dans le catalogue. */
  readonly path: Path;
  /** La remarque, en français. */
  readonly message: string;
  /**
   * Les chiffres qui la montrent (bornes, quantités, montants en chaînes décimales) et, quand un code
   * a plusieurs formes, laquelle (`objet`, `forme`) : le message en est rédigé.
   */
  readonly chiffres: Readonly<Record<string, IssueParam>>;
}

function where(path: Path): { prestation: string | null; composante: string | null } {
  const prestation = path[0] === 'prestations' && typeof path[1] === 'string' ? path[1] : null;
  const composante = prestation !== null && path[2] === 'composantes' && typeof path[3] === 'string' ? path[3] : null;
  return { prestation, composante };
}

/** Un modèle de prix que la composante n'admet pas (le schéma le dit « aucune forme admise »). */
function badModel(raw: RawIssue, r: Registry): LintFinding | undefined {
  const path = raw.path.filter((p): p is string | number => typeof p !== 'symbol');
  const [head, id, composantes, cid, field] = path;
  if (raw.code !== 'invalid_union' || head !== 'prestations' || composantes !== 'composantes' || field !== 'modele') return undefined;
  const declared = prestationIn(r, id)?.composantes[String(cid)];
  if (declared === undefined) return undefined;
  const value = isRecord(raw.input) ? raw.input['modele'] : raw.input;
  const chiffres = { forme: 'modele', modele: typeof value === 'string' ? value.slice(0, 40) : null, admis: declared.modeles };
  return { code: 'FORME_INVALIDE', niveau: 'erreur', ...where(path), path, message: lintMessage('FORME_INVALIDE', chiffres), chiffres };
}

/** Une remarque de forme tirée d'un problème : ses chiffres sont le code et les paramètres du problème. */
function fromIssue(i: QuoteIssue, code: LintCode = 'FORME_INVALIDE'): LintFinding {
  return { code, niveau: 'erreur', ...where(i.path), path: i.path, message: i.message, chiffres: { code: i.code, ...i.params } };
}

/** Les problèmes de forme trouvés par le schéma, en remarques. */
function shapeFindings(issues: readonly RawIssue[], r: Registry): LintFinding[] {
  return issues.flatMap((raw) => {
    const model = badModel(raw, r);
    if (model) return [model];
    const own = raw.params as { lintCode?: LintCode; chiffres?: LintFinding['chiffres'] } | undefined;
    return fromZodIssues([raw]).map((i) =>
      own?.lintCode !== undefined && own.chiffres !== undefined
        ? { code: own.lintCode, niveau: 'erreur' as const, ...where(i.path), path: i.path, message: lintMessage(own.lintCode, own.chiffres), chiffres: own.chiffres }
        : fromIssue(i),
    );
  });
}

/** Le modèle qu'une composante d'un brouillon (complété par les déclarations) suit, s'il est admis. */
function modelFor(modeles: readonly string[], raw: unknown, r: Registry): PricingModel | undefined {
  const nom = isRecord(raw) ? raw['modele'] : undefined;
  return typeof nom === 'string' && modeles.includes(nom) ? modelIn(r, nom) : undefined;
}

/**
 * La cohérence de chaque composante d'un brouillon complété par les déclarations : de forme valide,
 * celle de ses champs (bornes, quotas) et celle que son modèle vérifie (seuils) ; de forme fausse
 * ailleurs, celle de ses champs lisibles.
 *
 * @internal
 */
export function coherenceFindings(draft: unknown, r: Registry = REGISTRY): LintFinding[] {
  const findings: LintFinding[] = [];
  const prestations = isRecord(draft) ? draft['prestations'] : undefined;
  if (!isRecord(prestations)) return findings;
  const { byModel, fieldSchemas } = catalogueSchemas(r);
  for (const id of Object.keys(prestations)) {
    const declaration = prestationIn(r, id);
    const composantes = isRecord(prestations[id]) ? (prestations[id] as Record<string, unknown>)['composantes'] : undefined;
    if (!declaration || !isRecord(composantes)) continue;
    for (const [cid, declared] of Object.entries(declaration.composantes)) {
      if (!Object.prototype.hasOwnProperty.call(composantes, cid)) continue;
      const raw = composantes[cid];
      const model = modelFor(declared.modeles, raw, r);
      if (model === undefined || !isRecord(raw)) continue;
      const base: Path = ['prestations', id, 'composantes', cid];
      const push: Push = (f) => findings.push({ prestation: id, composante: cid, ...f });
      const parsed = byModel[model.nom as Modele].safeParse(raw);
      if (parsed.success) {
        for (const [name, spec] of Object.entries(model.champs)) {
          const value = (parsed.data as Record<string, unknown>)[name];
          if (value !== null && value !== undefined) FIELD_KINDS[spec.kind].check?.(value as never, [...base, name], push);
        }
        model.verifier?.(parsed.data as never, base, push);
        continue;
      }
      // Forme fausse ailleurs : les champs lisibles sont tout de même vérifiés, et les seuils si tous le sont.
      const readable: Record<string, unknown> = { ...raw };
      let all = true;
      for (const [name, spec] of Object.entries(model.champs)) {
        const kind = FIELD_KINDS[spec.kind];
        const value = raw[name];
        if (value === null || value === undefined) {
          if (value === null ? !spec.nullable : !spec.optional) all = false;
          continue;
        }
        const r = fieldSchemas[model.nom as Modele][name]!.safeParse(value);
        if (r.success) {
          kind.check?.(r.data as never, [...base, name], push);
          readable[name] = r.data;
        } else {
          kind.checkReadable?.(value, [...base, name], push);
          readable[name] = kind.lenient?.(value);
          if (readable[name] === undefined) all = false;
        }
      }
      if (all) model.verifier?.(readable as never, base, push);
    }
  }
  return findings;
}

const YEAR = /\b(?:19|20)\d{2}\b/g;

/** Un texte du catalogue (libellé, description, note) qui nomme une autre année que son millésime. */
function yearFindings(draft: unknown): LintFinding[] {
  const findings: LintFinding[] = [];
  if (!isRecord(draft) || typeof draft['millesime'] !== 'number') return findings;
  const millesime = String(draft['millesime']);
  const check = (value: unknown, path: Path) => {
    if (typeof value !== 'string') return;
    const other = [...new Set(value.match(YEAR) ?? [])].filter((y) => y !== millesime);
    if (other.length === 0) return;
    const chiffres = { millesime: Number(millesime), annee: Number(other[0]), annees: other.join(', '), extrait: value.length > 80 ? value.slice(0, 80) + '…' : value };
    findings.push({ code: 'AUTRE_ANNEE', niveau: 'avertissement', ...where(path), path, message: lintMessage('AUTRE_ANNEE', chiffres), chiffres });
  };
  check(draft['libelle'], ['libelle']);
  const prestations = draft['prestations'];
  if (!isRecord(prestations)) return findings;
  for (const [id, p] of Object.entries(prestations)) {
    if (!isRecord(p)) continue;
    check(p['libelle'], ['prestations', id, 'libelle']);
    check(p['description'], ['prestations', id, 'description']);
    const composantes = p['composantes'];
    if (!isRecord(composantes)) continue;
    for (const [cid, c] of Object.entries(composantes)) {
      if (!isRecord(c)) continue;
      check(c['libelle'], ['prestations', id, 'composantes', cid, 'libelle']);
      check(c['note'], ['prestations', id, 'composantes', cid, 'note']);
    }
  }
  return findings;
}

/**
 * Juge un catalogue lu (sans getter ni proxy) : sa forme par le schéma, sa cohérence par
 * composante de forme valide, et ce que `more` trouve de plus dans le brouillon (les années de
 * {@link lintCatalogue}, des avertissements qu'accepter un catalogue ne lit pas). Rend le catalogue
 * validé s'il n'y a aucune erreur.
 *
 * @internal
 */
export function judgeCatalogue(
  value: unknown,
  more?: (draft: unknown) => LintFinding[],
  r: Registry = REGISTRY,
): { findings: LintFinding[]; catalogue?: Catalogue } {
  const draft = withDeclarations(value, r);
  const parsed = catalogueSchemas(r).catalogue.safeParse(draft, REPORT);
  const findings = [...(parsed.success ? [] : shapeFindings(parsed.error.issues as readonly RawIssue[], r)), ...coherenceFindings(draft, r), ...(more?.(draft) ?? [])];
  const sorted = [...findings.filter((f) => f.niveau === 'erreur'), ...findings.filter((f) => f.niveau === 'avertissement')];
  const ok = parsed.success && !sorted.some((f) => f.niveau === 'erreur');
  if (!ok) return { findings: sorted };
  const { $schema: _schema, ...catalogue } = parsed.data as Catalogue & { $schema?: string };
  return { findings: sorted, catalogue };
}

/**
 * Vérifie un catalogue, ou un brouillon de catalogue, avant qu'il soit voté ou utilisé. Rapporte,
 * en une fois : les problèmes de forme (ceux que {@link parseCatalogue} refuse : champ manquant ou
 * inconnu, montant illisible, négatif ou trop précis, grille incomplète) ; les paliers et strates
 * qui se chevauchent, laissent une lacune ou ne commencent pas à la première unité (1 poste,
 * 0 habitant) ; les quotas en double ; et chaque seuil où une unité de plus coûte moins cher (le
 * barème est parcouru unité par unité, chaque baisse est rapportée avec les deux montants).
 * Accepte n'importe quelle valeur et ne lève jamais.
 *
 * @param catalogue - le catalogue ou le brouillon à vérifier
 * @param options - au besoin, le registre selon lequel lire un brouillon (`registry` ; par défaut celui du catalogue)
 * @returns les remarques, erreurs d'abord dans l'ordre du catalogue ; aucune si tout va bien
 * @category Catalogue
 * @example
 * ```ts
 * lintCatalogue(catalogue2026).map((f) => f.message);
 * //=> ['6 postes coûtent moins que 5 : 2 414,50 € au lieu de 2 586,96 €.',
 * //    '16 postes coûtent moins que 15 : 5 978,75 € au lieu de 6 036,24 €.']
 * ```
 */
export function lintCatalogue(catalogue: unknown, options?: RegistryOptions): LintFinding[] {
  const result = guard(() => {
    const snap = snapshot(catalogue);
    const read: LintFinding[] = snap.issues.map((i) => fromIssue(i));
    const judged = judgeCatalogue(snap.value, yearFindings, registryFrom(options, catalogue)).findings;
    const unreadable = (f: LintFinding) => f.code === 'FORME_INVALIDE' && snap.unreadable.has(JSON.stringify(f.path));
    return [...read, ...judged.filter((f) => !unreadable(f))];
  });
  if (result.success) return result.data;
  return result.issues.map((i) => fromIssue(i));
}

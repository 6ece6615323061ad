import type { Composante, Grille, Modele, Palier, Path, Strate } from '../core/shapes.js';
import { fromZodIssues, REPORT, type RawIssue } from '../errors/from-zod.js';
import { guard } from '../errors/quote-error.js';
import { snapshot } from '../input/snapshot.js';
import { Dec } from '../money/decimal.js';
import { formatEuros, formatNombre } from '../money/format.js';
import { findTier, priceTiered } from '../models/tiered.js';
import { declarationOf } from '../prestations/registry.js';
import { isRecord } from '../shared/is-record.js';
import { withDeclaredDefaults } from './defaults.js';
import { catalogueSchemas } from './schema.js';
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
  /** Les chiffres qui la montrent (bornes, quantités, montants en chaînes décimales). */
  readonly chiffres: Readonly<Record<string, string | number | null>>;
}

interface Where {
  readonly base: Path;
}

type Push = (f: Omit<LintFinding, 'prestation' | 'composante'>) => void;

function label(n: number | null): string {
  return n === null ? 'sans limite' : formatNombre(String(n));
}

interface Noun {
  readonly nom: string;
  readonly noms: string;
  readonly premier: string;
  readonly dernier: string;
  readonly aucun: string;
}

const PALIER: Noun = { nom: 'Palier', noms: 'Paliers', premier: 'Le premier palier', dernier: 'Le dernier palier', aucun: 'Aucun palier' };
const STRATE: Noun = { nom: 'Strate', noms: 'Strates', premier: 'La première strate', dernier: 'La dernière strate', aucun: 'Aucune strate' };

/** Bornes consécutives : début à `first`, ni chevauchement ni lacune, bornes dans l'ordre. */
function checkBounds(items: readonly (Palier | Strate)[], first: number, what: Noun, path: readonly (string | number)[], push: Push): void {
  items.forEach((item, i) => {
    if (item.a !== null && item.a < item.de) {
      push({
        code: 'BORNES_INVERSEES',
        niveau: 'erreur',
        path: [...path, i],
        message: `${what.nom} ${i + 1} va de ${label(item.de)} à ${label(item.a)} : la fin précède le début.`,
        chiffres: { de: item.de, a: item.a },
      });
    }
  });
  const sorted = items.map((item, i) => ({ item, i })).sort((x, y) => x.item.de - y.item.de);
  const start = sorted[0];
  if (start && start.item.de !== first) {
    push({
      code: 'DEBUT_MANQUANT',
      niveau: 'erreur',
      path: [...path, start.i],
      message: `${what.premier} commence à ${label(start.item.de)} au lieu de ${label(first)} : les valeurs de ${label(first)} à ${label(start.item.de - 1)} n'ont pas de tarif.`,
      chiffres: { attendu: first, de: start.item.de },
    });
  }
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    const end = prev.item.a;
    if (end === null || cur.item.de <= end) {
      push({
        code: 'CHEVAUCHEMENT',
        niveau: 'erreur',
        path: [...path, cur.i],
        message: `${what.noms} ${prev.i + 1} (${label(prev.item.de)} à ${label(end)}) et ${cur.i + 1} (${label(cur.item.de)} à ${label(cur.item.a)}) se chevauchent.`,
        chiffres: { finPrecedent: end, debut: cur.item.de },
      });
    } else if (cur.item.de > end + 1) {
      push({
        code: 'LACUNE',
        niveau: 'erreur',
        path: [...path, cur.i],
        message: `${what.aucun} ne couvre ${label(end + 1)} à ${label(cur.item.de - 1)}.`,
        chiffres: { de: end + 1, a: cur.item.de - 1 },
      });
    }
  }
  const last = sorted[sorted.length - 1];
  if (last && last.item.a !== null) {
    push({
      code: 'LACUNE',
      niveau: 'erreur',
      path: [...path, last.i],
      message: `${what.dernier} s'arrête à ${label(last.item.a)} : au-delà, aucun tarif.`,
      chiffres: { de: last.item.a + 1, a: null },
    });
  }
}


function lintTiered(c: Extract<Composante, { modele: 'coefficientParPalier' }>, w: Where, push: Push): void {
  checkBounds(c.paliers, 1, PALIER, [...w.base, 'paliers'], push);
  // Sans prix publié, le barème se compare en unités pondérées (unités × coefficient).
  const cost = (n: number): Dec | undefined => {
    const priced = priceTiered(c.prixUnitaire ?? '1', c.paliers, n, c.unite);
    return priced && (c.prixUnitaire === null ? priced.quantite : priced.montant);
  };
  const finite = c.paliers.flatMap((p) => (p.a === null ? [p.de] : [p.a, p.de]));
  const end = Math.min(Math.max(1, ...finite) + 1, 100_000);
  let previous = cost(1);
  for (let n = 2; n <= end; n++) {
    const current = cost(n);
    if (previous && current && current.lt(previous)) {
      const shown = (d: Dec) => (c.prixUnitaire === null ? `${formatNombre(d)} ${c.unite.plusieurs} pondérés` : formatEuros(d));
      push({
        code: 'BAISSE_AU_SEUIL',
        niveau: 'avertissement',
        path: [...w.base, 'paliers', c.paliers.indexOf(findTier(c.paliers, n)!)],
        message: `${n} ${c.unite.plusieurs} coûtent moins que ${n - 1} : ${shown(current)} au lieu de ${shown(previous)}.`,
        chiffres: { avant: n - 1, apres: n, montantAvant: previous.toFixed(2), montantApres: current.toFixed(2) },
      });
    }
    previous = current;
  }
}

function checkQuotas(quotasGo: readonly number[], base: Path, push: Push): void {
  quotasGo.forEach((q, j) => {
    if (quotasGo.indexOf(q) !== j) {
      push({ code: 'QUOTA_EN_DOUBLE', niveau: 'erreur', path: [...base, 'quotasGo', j], message: `Le quota de ${q} Go figure deux fois.`, chiffres: { quotaGo: q } });
    }
  });
}

function lintGrid(grille: Grille, w: Where, push: Push): void {
  const base = [...w.base, 'grille'];
  checkBounds(grille.strates, 0, STRATE, [...base, 'strates'], push);
  checkQuotas(grille.quotasGo, base, push);
  const amount = (i: number, j: number) => {
    const m = grille.montants[i]?.[j];
    return m === undefined ? undefined : new Dec(m);
  };
  const strates = grille.strates.map((s, i) => ({ s, i })).sort((x, y) => x.s.de - y.s.de);
  const quotas = grille.quotasGo.map((q, j) => ({ q, j })).sort((x, y) => x.q - y.q);
  for (const { q, j } of quotas) {
    for (let k = 1; k < strates.length; k++) {
      const lo = strates[k - 1]!;
      const hi = strates[k]!;
      const a = amount(lo.i, j);
      const b = amount(hi.i, j);
      if (a && b && b.lt(a)) {
        push({
          code: 'BAISSE_AU_SEUIL',
          niveau: 'avertissement',
          path: [...base, 'montants', hi.i, j],
          message: `Quota ${q} Go : ${label(hi.s.de)} habitants paient ${formatEuros(b)}, moins que ${label(hi.s.de - 1)} habitants (${formatEuros(a)}).`,
          chiffres: { quotaGo: q, avant: hi.s.de - 1, apres: hi.s.de, montantAvant: a.toFixed(2), montantApres: b.toFixed(2) },
        });
      }
    }
  }
  for (const { s, i } of strates) {
    for (let k = 1; k < quotas.length; k++) {
      const a = amount(i, quotas[k - 1]!.j);
      const b = amount(i, quotas[k]!.j);
      if (a && b && b.lt(a)) {
        push({
          code: 'BAISSE_AU_SEUIL',
          niveau: 'avertissement',
          path: [...base, 'montants', i, quotas[k]!.j],
          message: `Strate à partir de ${label(s.de)} habitants : ${quotas[k]!.q} Go coûtent ${formatEuros(b)}, moins que ${quotas[k - 1]!.q} Go (${formatEuros(a)}).`,
          chiffres: { de: s.de, quotaAvant: quotas[k - 1]!.q, quotaApres: quotas[k]!.q, montantAvant: a.toFixed(2), montantApres: b.toFixed(2) },
        });
      }
    }
  }
}

function where(path: Path): { prestation: string | null; composante: string | null } {
  const prestation = path[0] === 'prestations' && typeof path[1] === 'string' ? path[1] : null;
  const composante = prestation !== null && path[2] === 'composantes' && typeof path[3] === 'string' ? path[3] : null;
  return { prestation, composante };
}

/** Les problèmes de forme trouvés par le schéma, en remarques. */
function shapeFindings(issues: readonly RawIssue[]): LintFinding[] {
  return issues.flatMap((raw) =>
    fromZodIssues([raw]).map((i) => ({
      code: ((raw.params as { lintCode?: LintCode } | undefined)?.lintCode ?? 'FORME_INVALIDE') as LintCode,
      niveau: 'erreur' as const,
      ...where(i.path),
      path: i.path,
      message: i.message,
      chiffres: {},
    })),
  );
}

/**
 * La cohérence de chaque composante de forme valide (bornes, quotas, seuils) ; d'une composante de
 * forme fausse ailleurs, les bornes et quotas lisibles.
 *
 * @internal
 */
export function coherenceFindings(draft: unknown): LintFinding[] {
  const findings: LintFinding[] = [];
  const prestations = isRecord(draft) ? draft['prestations'] : undefined;
  if (!isRecord(prestations)) return findings;
  const { byModel } = catalogueSchemas();
  for (const id of Object.keys(prestations)) {
    const declaration = declarationOf(id);
    const composantes = isRecord(prestations[id]) ? (prestations[id] as Record<string, unknown>)['composantes'] : undefined;
    if (!declaration || !isRecord(composantes)) continue;
    for (const [cid, decl] of Object.entries(declaration.composantes) as [string, { modele: Modele }][]) {
      if (!Object.prototype.hasOwnProperty.call(composantes, cid)) continue;
      const raw = composantes[cid];
      const w: Where = { base: ['prestations', id, 'composantes', cid] };
      const push: Push = (f) => findings.push({ prestation: id, composante: cid, ...f });
      const parsed = byModel[decl.modele].safeParse(raw);
      if (parsed.success) {
        const c = parsed.data as Composante;
        if (c.modele === 'coefficientParPalier') lintTiered(c, w, push);
        else if (c.modele === 'grilleStrates' && c.grille) lintGrid(c.grille, w, push);
        continue;
      }
      // Forme fausse ailleurs dans la composante : les bornes lisibles sont tout de même vérifiées.
      const part = (schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown } }, value: unknown) => {
        const r = schema.safeParse(value);
        return r.success ? r.data : undefined;
      };
      const record = isRecord(raw) ? raw : {};
      if (decl.modele === 'coefficientParPalier') {
        const paliers = part(catalogueSchemas().paliers, record['paliers']) as Palier[] | undefined;
        if (paliers) checkBounds(paliers, 1, PALIER, [...w.base, 'paliers'], push);
      } else if (decl.modele === 'grilleStrates' && isRecord(record['grille'])) {
        const g = record['grille'] as Record<string, unknown>;
        const base = [...w.base, 'grille'];
        const strates = part(catalogueSchemas().strates, g['strates']) as Strate[] | undefined;
        const quotas = part(catalogueSchemas().quotasGo, g['quotasGo']) as number[] | undefined;
        const montants = part(catalogueSchemas().montantsLibres, g['montants']) as string[][] | undefined;
        if (strates && quotas && montants) lintGrid({ strates, quotasGo: quotas, montants }, w, push);
        else {
          if (strates) checkBounds(strates, 0, STRATE, [...base, 'strates'], push);
          if (quotas) checkQuotas(quotas, base, push);
        }
      }
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
    findings.push({
      code: 'AUTRE_ANNEE',
      niveau: 'avertissement',
      ...where(path),
      path,
      message: `Ce texte nomme ${other.join(', ')}, pas ${millesime} : « ${value.length > 80 ? value.slice(0, 80) + '…' : value} ».`,
      chiffres: { millesime: Number(millesime), annee: Number(other[0]) },
    });
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
 * composante de forme valide. Rend le catalogue validé s'il n'y a aucune erreur.
 *
 * @internal
 */
export function judgeCatalogue(draft: unknown): { findings: LintFinding[]; catalogue?: Catalogue } {
  const parsed = catalogueSchemas().catalogue.safeParse(draft, REPORT);
  const findings = [...(parsed.success ? [] : shapeFindings(parsed.error.issues as readonly RawIssue[])), ...coherenceFindings(draft), ...yearFindings(draft)];
  const sorted = [...findings.filter((f) => f.niveau === 'erreur'), ...findings.filter((f) => f.niveau === 'avertissement')];
  const ok = parsed.success && !sorted.some((f) => f.niveau === 'erreur');
  return ok ? { findings: sorted, catalogue: withDeclaredDefaults(parsed.data as never) } : { findings: sorted };
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
 * @returns les remarques, erreurs d'abord dans l'ordre du catalogue ; aucune si tout va bien
 * @category Catalogue
 * @example
 * ```ts
 * lintCatalogue(catalogue2026).map((f) => f.message);
 * //=> ['6 postes coûtent moins que 5 : 2 414,50 € au lieu de 2 586,96 €.',
 * //    '16 postes coûtent moins que 15 : 5 978,75 € au lieu de 6 036,24 €.']
 * ```
 */
export function lintCatalogue(catalogue: unknown): LintFinding[] {
  const result = guard(() => {
    const snap = snapshot(catalogue);
    const read: LintFinding[] = snap.issues.map((i) => ({ code: 'FORME_INVALIDE', niveau: 'erreur', ...where(i.path), path: i.path, message: i.message, chiffres: {} }));
    const judged = judgeCatalogue(snap.value).findings;
    const unreadable = (f: LintFinding) => f.code === 'FORME_INVALIDE' && snap.unreadable.has(JSON.stringify(f.path));
    return [...read, ...judged.filter((f) => !unreadable(f))];
  });
  if (result.success) return result.data;
  return result.issues.map((i) => ({ code: 'FORME_INVALIDE', niveau: 'erreur', prestation: null, composante: null, path: i.path, message: i.message, chiffres: {} }));
}

import { Dec } from '../money/decimal.js';
import { formatEuros, formatNombre } from '../money/format.js';
import { priceTiered } from '../models/tiered.js';
import { amountField } from './amounts.js';
import type { Catalogue, Composante, Grille, Palier, PrestationId, Strate } from './types.js';

/**
 * Nature d'une remarque de {@link lintCatalogue}.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const code: LintCode = 'BAISSE_AU_SEUIL';
 * ```
 */
export type LintCode =
  | 'CHEVAUCHEMENT'
  | 'LACUNE'
  | 'DEBUT_MANQUANT'
  | 'BORNES_INVERSEES'
  | 'QUOTA_EN_DOUBLE'
  | 'GRILLE_INCOMPLETE'
  | 'MONTANT_ILLISIBLE'
  | 'MONTANT_NEGATIF'
  | 'MONTANT_TROP_PRECIS'
  | 'BAISSE_AU_SEUIL';

/**
 * Une remarque sur un catalogue : une `erreur` rend le catalogue incohérent (il est refusé) ;
 * un `avertissement` signale un effet du barème à connaître avant de le voter.
 *
 * @category Catalogue
 * @example
 * ```ts
 * const f: LintFinding = {
 *   code: 'BAISSE_AU_SEUIL', niveau: 'avertissement', prestation: 'maintenanceBase', composante: 'postes',
 *   chemin: ['prestations', 'maintenanceBase', 'composantes', 'postes', 'paliers', 2],
 *   message: '6 postes coûtent moins que 5 postes : 2 414,50 € au lieu de 2 586,96 €.',
 *   chiffres: { avant: 5, apres: 6, montantAvant: '2586.96', montantApres: '2414.50' },
 * };
 * ```
 */
export interface LintFinding {
  /** La nature de la remarque. */
  readonly code: LintCode;
  /** `erreur` : catalogue incohérent ; `avertissement` : à connaître. */
  readonly niveau: 'erreur' | 'avertissement';
  /** La prestation concernée. */
  readonly prestation: PrestationId;
  /** La composante de prix concernée. */
  readonly composante: string;
  /** Le chemin de la donnée en cause dans le catalogue. */
  readonly chemin: readonly (string | number)[];
  /** La remarque, en français. */
  readonly message: string;
  /** Les chiffres qui la montrent (bornes, quantités, montants en chaînes décimales). */
  readonly chiffres: Readonly<Record<string, string | number | null>>;
}

const AMOUNT = /^-?\d+(\.\d+)?$/;

interface Where {
  readonly prestation: PrestationId;
  readonly composante: string;
  readonly base: readonly (string | number)[];
}

type Push = (f: Omit<LintFinding, 'prestation' | 'composante'>) => void;

function checkAmount(value: unknown, chemin: readonly (string | number)[], push: Push, maxDecimals = 2): void {
  if (value === null) return;
  const text = typeof value === 'string' ? value : String(value);
  if (typeof value !== 'string' || !AMOUNT.test(text)) {
    push({ code: 'MONTANT_ILLISIBLE', niveau: 'erreur', chemin, message: `Montant illisible : « ${text} » (chaîne décimale attendue).`, chiffres: { valeur: text } });
    return;
  }
  if (text.startsWith('-') && !new Dec(text).isZero()) {
    push({ code: 'MONTANT_NEGATIF', niveau: 'erreur', chemin, message: `Montant négatif : ${text}.`, chiffres: { valeur: text } });
  }
  const decimals = text.split('.')[1]?.length ?? 0;
  if (decimals > maxDecimals) {
    push({
      code: 'MONTANT_TROP_PRECIS',
      niveau: 'erreur',
      chemin,
      message: `${text} a ${decimals} décimales ; au plus ${maxDecimals} sont admises.`,
      chiffres: { valeur: text, decimales: decimals, maximum: maxDecimals },
    });
  }
}

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
function checkBounds(items: readonly (Palier | Strate)[], first: number, what: Noun, chemin: readonly (string | number)[], push: Push): void {
  items.forEach((item, i) => {
    if (item.a !== null && item.a < item.de) {
      push({
        code: 'BORNES_INVERSEES',
        niveau: 'erreur',
        chemin: [...chemin, i],
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
      chemin: [...chemin, start.i],
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
        chemin: [...chemin, cur.i],
        message: `${what.noms} ${prev.i + 1} (${label(prev.item.de)} à ${label(end)}) et ${cur.i + 1} (${label(cur.item.de)} à ${label(cur.item.a)}) se chevauchent.`,
        chiffres: { finPrecedent: end, debut: cur.item.de },
      });
    } else if (cur.item.de > end + 1) {
      push({
        code: 'LACUNE',
        niveau: 'erreur',
        chemin: [...chemin, cur.i],
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
      chemin: [...chemin, last.i],
      message: `${what.dernier} s'arrête à ${label(last.item.a)} : au-delà, aucun tarif.`,
      chiffres: { de: last.item.a + 1, a: null },
    });
  }
}


function lintTiered(c: Extract<Composante, { modele: 'coefficientParPalier' }>, w: Where, push: Push): void {
  checkAmount(c.prixUnitaire, [...w.base, 'prixUnitaire'], push);
  c.paliers.forEach((p, i) => checkAmount(p.coefficient, [...w.base, 'paliers', i, 'coefficient'], push, 6));
  checkBounds(c.paliers, 1, PALIER, [...w.base, 'paliers'], push);
  if (c.paliers.some((p) => !AMOUNT.test(p.coefficient)) || (c.prixUnitaire !== null && !AMOUNT.test(c.prixUnitaire))) return;
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
        chemin: [...w.base, 'paliers', c.paliers.findIndex((p) => n >= p.de && (p.a === null || n <= p.a))],
        message: `${n} ${c.unite.plusieurs} coûtent moins que ${n - 1} : ${shown(current)} au lieu de ${shown(previous)}.`,
        chiffres: { avant: n - 1, apres: n, montantAvant: previous.toFixed(2), montantApres: current.toFixed(2) },
      });
    }
    previous = current;
  }
}

function lintGrid(grille: Grille, w: Where, push: Push): void {
  const base = [...w.base, 'grille'];
  checkBounds(grille.strates, 0, STRATE, [...base, 'strates'], push);
  grille.quotasGo.forEach((q, j) => {
    if (grille.quotasGo.indexOf(q) !== j) {
      push({ code: 'QUOTA_EN_DOUBLE', niveau: 'erreur', chemin: [...base, 'quotasGo', j], message: `Le quota de ${q} Go figure deux fois.`, chiffres: { quotaGo: q } });
    }
  });
  grille.strates.forEach((_, i) => {
    const row = grille.montants[i];
    if (!row || row.length !== grille.quotasGo.length) {
      push({
        code: 'GRILLE_INCOMPLETE',
        niveau: 'erreur',
        chemin: [...base, 'montants', i],
        message: `La strate ${i + 1} doit avoir un montant par quota (${grille.quotasGo.length}).`,
        chiffres: { attendus: grille.quotasGo.length, trouves: row?.length ?? 0 },
      });
    }
    row?.forEach((m, j) => checkAmount(m, [...base, 'montants', i, j], push));
  });
  const amount = (i: number, j: number) => {
    const m = grille.montants[i]?.[j];
    return typeof m === 'string' && AMOUNT.test(m) ? new Dec(m) : undefined;
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
          chemin: [...base, 'montants', hi.i, j],
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
          chemin: [...base, 'montants', i, quotas[k]!.j],
          message: `Strate à partir de ${label(s.de)} habitants : ${quotas[k]!.q} Go coûtent ${formatEuros(b)}, moins que ${quotas[k - 1]!.q} Go (${formatEuros(a)}).`,
          chiffres: { de: s.de, quotaAvant: quotas[k - 1]!.q, quotaApres: quotas[k]!.q, montantAvant: a.toFixed(2), montantApres: b.toFixed(2) },
        });
      }
    }
  }
}

/**
 * Vérifie la cohérence d'un catalogue avant qu'il soit voté ou utilisé : paliers et strates qui se
 * chevauchent, laissent une lacune ou ne commencent pas à la première unité (1 poste, 0 habitant) ;
 * montants négatifs, illisibles ou trop précis ; quotas en double ; et chaque seuil où une unité
 * de plus coûte moins cher (le barème est parcouru unité par unité, chaque baisse est rapportée
 * avec les deux montants).
 *
 * @param catalogue - le catalogue à vérifier (de forme valide)
 * @returns les remarques, erreurs d'abord dans l'ordre du catalogue ; aucune si tout va bien
 * @category Catalogue
 * @example
 * ```ts
 * lintCatalogue(catalogue2026).map((f) => f.message);
 * //=> ['6 postes coûtent moins que 5 : 2 414,50 € au lieu de 2 586,96 €.',
 * //    '16 postes coûtent moins que 15 : 5 978,75 € au lieu de 6 036,24 €.']
 * ```
 */
export function lintCatalogue(catalogue: Catalogue): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const [id, prestation] of Object.entries(catalogue.prestations) as [PrestationId, Catalogue['prestations'][PrestationId]][]) {
    for (const [cid, c] of Object.entries(prestation.composantes) as [string, Composante][]) {
      const w: Where = { prestation: id, composante: cid, base: ['prestations', id, 'composantes', cid] };
      const push: Push = (f) => findings.push({ prestation: id, composante: cid, ...f });
      if (c.modele === 'coefficientParPalier') lintTiered(c, w, push);
      else if (c.modele === 'grilleStrates') {
        if (c.grille) lintGrid(c.grille, w, push);
      } else checkAmount((c as unknown as Record<string, unknown>)[amountField(c.modele)], [...w.base, amountField(c.modele)], push);
    }
  }
  return [...findings.filter((f) => f.niveau === 'erreur'), ...findings.filter((f) => f.niveau === 'avertissement')];
}

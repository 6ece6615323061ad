import type { Composante, Prestation } from '../catalogue/types.js';
import type { QuoteIssue } from '../errors/quote-error.js';
import { Dec } from '../money/decimal.js';
import { formatNombre } from '../money/format.js';
import { formatStrate, priceGrid } from './banded-grid.js';
import { priceFlat } from './flat.js';
import { priceUnit } from './per-unit.js';
import type { Priced } from './priced.js';
import { priceTiered } from './tiered.js';

/**
 * Ce que la prestation mesure pour une composante : un nombre d'unités (1 pour un abonnement),
 * et pour une grille la population et le quota.
 *
 * @internal
 * @example
 * ```ts
 * const m: Mesure = { unites: 4 };
 * ```
 */
export interface Mesure {
  readonly unites: number;
  readonly population?: number | undefined;
  readonly quotaGo?: number | undefined;
}

/**
 * Où se trouve la composante : sa prestation, son identifiant, le chemin de l'entrée qui la
 * demande (pour les messages) et le millésime.
 *
 * @internal
 * @example
 * ```ts
 * const t: Target = { prestation: catalogue2026.prestations.dpo, composanteId: 'abonnement', path: () => ['prestations', 'dpo'], millesime: 2026 };
 * ```
 */
export interface Target {
  readonly prestation: Prestation;
  readonly composanteId: string;
  /** Le chemin de l'entrée, calculé seulement s'il faut signaler un problème. */
  readonly path: () => readonly (string | number)[];
  readonly millesime: number;
}

/**
 * Le résultat du chiffrage d'une composante : la ligne chiffrée, ou les problèmes qui l'empêchent.
 *
 * @internal
 * @example
 * ```ts
 * const r: ComponentResult = { ok: false, issues: [] };
 * ```
 */
export type ComponentResult = { readonly ok: true; readonly priced: Priced } | { readonly ok: false; readonly issues: QuoteIssue[] };

function missing(t: Target, composante: Composante, field: string): QuoteIssue {
  return {
    code: 'TARIF_NON_PUBLIE',
    path: t.path(),
    message:
      `Le montant « ${composante.libelle} » de la prestation « ${t.prestation.libelle} » n'est pas publié pour ${t.millesime} ` +
      `(catalogue : prestations.${t.prestation.id}.composantes.${t.composanteId}.${field}). ` +
      'Fournissez-le dans un catalogue complété (completeCatalogue, ou --tarifs en ligne de commande).',
  };
}

function fail(...issues: QuoteIssue[]): ComponentResult {
  return { ok: false, issues };
}

function priceGridComponent(composante: Extract<Composante, { modele: 'grilleStrates' }>, m: Mesure, t: Target): ComponentResult {
  const issues: QuoteIssue[] = [];
  if (composante.grille === null) issues.push(missing(t, composante, 'grille'));
  if (m.population === undefined) {
    issues.push({
      code: 'POPULATION_REQUISE',
      path: ['collectivite', 'population'],
      message: `La prestation « ${t.prestation.libelle} » est calculée par strate de population : indiquez la population de la collectivité.`,
    });
  }
  if (m.quotaGo === undefined) {
    issues.push({
      code: 'CATALOGUE_INCOHERENT',
      path: t.path(),
      message: `La composante « ${composante.libelle} » suit une grille strate × quota, mais la prestation « ${t.prestation.libelle} » ne demande pas de quota : corrigez le modèle de prix du catalogue.`,
    });
  }
  if (composante.grille === null || m.population === undefined || m.quotaGo === undefined) return fail(...issues);
  const result = priceGrid(composante.grille, m.population, m.quotaGo);
  if ('detail' in result) return { ok: true, priced: result };
  if (result.strate) {
    issues.push({
      code: 'STRATE_INTROUVABLE',
      path: ['collectivite', 'population'],
      message: `Aucune strate de la grille « ${t.prestation.libelle} » ne contient ${formatNombre(String(m.population))} habitants (strates : ${composante.grille.strates.map(formatStrate).join(' ; ')}).`,
    });
  }
  if (result.quota) {
    issues.push({
      code: 'QUOTA_INCONNU',
      path: [...t.path(), 'quotaGo'],
      message: `Le quota de ${formatNombre(String(m.quotaGo))} Go n'est pas proposé ; quotas possibles : ${composante.grille.quotasGo.map((q) => `${q} Go`).join(', ')}.`,
    });
  }
  return fail(...issues);
}

/**
 * Chiffre une composante selon son modèle de prix. Un montant non publié (`null`) donne un
 * problème `TARIF_NON_PUBLIE` qui nomme la prestation et le montant manquant.
 *
 * @internal
 * @example
 * ```ts
 * const acces = catalogue2026.prestations.marchesPublics.composantes.acces;
 * const r = priceComponent(acces, { unites: 2 }, target);
 * r.ok && r.priced.montant.toFixed(2);
 * //=> '100.00'
 * ```
 */
export function priceComponent(composante: Composante, m: Mesure, t: Target): ComponentResult {
  let memo = PRICED.get(composante);
  if (memo === undefined) {
    memo = new Map();
    PRICED.set(composante, memo);
  }
  const key = `${m.unites}|${m.population ?? ''}|${m.quotaGo ?? ''}`;
  const known = memo.get(key);
  if (known !== undefined) return { ok: true, priced: known };
  const result = compute(composante, m, t);
  if (result.ok) {
    if (memo.size >= 1024) memo.clear();
    memo.set(key, result.priced);
  }
  return result;
}

/**
 * Les lignes chiffrées déjà calculées, par composante (objet gelé d'un catalogue validé) puis par
 * mesure : un chiffrage ne dépend que d'elles, et son résultat est immuable.
 */
const PRICED = new WeakMap<Composante, Map<string, Priced>>();

function compute(composante: Composante, m: Mesure, t: Target): ComponentResult {
  switch (composante.modele) {
    case 'forfait':
      return composante.montant === null ? fail(missing(t, composante, 'montant')) : { ok: true, priced: priceFlat(composante.montant) };
    case 'unitaire':
      if (composante.prixUnitaire === null) return fail(missing(t, composante, 'prixUnitaire'));
      return {
        ok: true,
        priced: priceUnit(composante.prixUnitaire, new Dec(m.unites), composante.unite, composante.arrondiQuantite),
      };
    case 'coefficientParPalier': {
      if (composante.prixUnitaire === null) return fail(missing(t, composante, 'prixUnitaire'));
      const priced = priceTiered(composante.prixUnitaire, composante.paliers, m.unites, composante.unite);
      if (priced) return { ok: true, priced };
      return fail({
        code: 'PALIER_INTROUVABLE',
        path: t.path(),
        message: `Aucun palier du barème « ${composante.libelle} » ne couvre ${formatNombre(String(m.unites))} ${composante.unite.plusieurs}.`,
      });
    }
    case 'grilleStrates':
      return priceGridComponent(composante, m, t);
  }
}

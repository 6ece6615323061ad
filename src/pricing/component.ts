import type { Composante, Path, QuoteIssue } from '../core/shapes.js';
import type { Dec } from '../money/decimal.js';
import { Dec as Decimal } from '../money/decimal.js';
import { formatNombre } from '../money/format.js';
import { findStrate, formatStrate, priceGrid } from '../models/banded-grid.js';
import { priceFlat } from '../models/flat.js';
import { priceUnit } from '../models/per-unit.js';
import type { Priced } from '../models/priced.js';
import { priceTiered } from '../models/tiered.js';

/**
 * Une composante chiffrée, prête à devenir des lignes : textes finis, montant en décimal.
 *
 * @internal
 */
export interface PricedComponent {
  readonly quantite: string;
  readonly unite: string;
  readonly prixUnitaire: string;
  readonly montant: Dec;
  readonly montantText: string;
  readonly detail: string;
}

/**
 * Ce qu'une composante demande : unités, quota, et la population de la collectivité (lue seulement
 * par le modèle « grille »), avec ce qu'il faut pour écrire les problèmes.
 *
 * @internal
 */
export interface ComponentRequest {
  readonly composante: Composante;
  readonly unites: number;
  readonly quotaGo: number | undefined;
  readonly population: number | undefined;
  /** La population est donnée mais invalide : la grille ne peut pas être chiffrée. */
  readonly populationInvalide: boolean;
  /** Le chemin du paramètre qui demande la composante. */
  readonly path: Path;
  /** Le chemin de la prestation dans l'adhésion. */
  readonly prestationPath: Path;
  readonly prestationLibelle: string;
  /** Où se trouve le montant dans le catalogue : `prestations.dpo.composantes.abonnement`. */
  readonly cataloguePath: string;
  readonly millesime: number;
}

/**
 * Le chiffrage d'une composante : ses textes et son montant, ou les problèmes qui l'empêchent.
 *
 * @internal
 */
export type ComponentOutcome = { readonly ok: true; readonly priced: PricedComponent } | { readonly ok: false; readonly issues: QuoteIssue[] };

function finish(p: Priced): PricedComponent {
  return {
    quantite: p.quantite.toFixed(),
    unite: p.unite,
    prixUnitaire: p.prixUnitaire.toFixed(2),
    montant: p.montant,
    montantText: p.montantText,
    detail: p.detail,
  };
}

function missing(r: ComponentRequest, field: string): QuoteIssue {
  return {
    code: 'TARIF_NON_PUBLIE',
    path: r.path,
    message:
      `Le montant « ${r.composante.libelle} » de la prestation « ${r.prestationLibelle} » n'est pas publié pour ${r.millesime} ` +
      `(catalogue : ${r.cataloguePath}.${field}). ` +
      'Fournissez-le dans un catalogue complété (completeCatalogue, ou --tarifs en ligne de commande).',
  };
}

/**
 * Les chiffrages déjà faits, par composante (objet gelé d'un catalogue validé), puis par ce que
 * son modèle lit : rien pour un forfait, les unités pour un prix unitaire ou un barème, la strate
 * et le quota pour une grille.
 */
const MEMO = new WeakMap<Composante, Map<string | number, PricedComponent>>();
const MEMO_LIMIT = 1024;

function memoized(composante: Composante, key: string | number, compute: () => Priced | undefined): PricedComponent | undefined {
  let byKey = MEMO.get(composante);
  if (byKey === undefined) MEMO.set(composante, (byKey = new Map()));
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const priced = compute();
  if (priced === undefined) return undefined;
  const done = finish(priced);
  if (byKey.size >= MEMO_LIMIT) byKey.clear();
  byKey.set(key, done);
  return done;
}

function priceGridRequest(c: Extract<Composante, { modele: 'grilleStrates' }>, r: ComponentRequest): ComponentOutcome {
  const issues: QuoteIssue[] = [];
  if (c.grille === null) issues.push(missing(r, 'grille'));
  if (r.populationInvalide) {
    issues.push({
      code: 'POPULATION_REQUISE',
      path: r.prestationPath,
      message: `La prestation « ${r.prestationLibelle} » ne peut pas être chiffrée : elle dépend de la population de la collectivité, qui n'est pas valide.`,
    });
  } else if (r.population === undefined) {
    issues.push({
      code: 'POPULATION_REQUISE',
      path: ['collectivite', 'population'],
      message: `La prestation « ${r.prestationLibelle} » est calculée par strate de population : indiquez la population de la collectivité.`,
    });
  }
  const grille = c.grille;
  if (grille === null || r.quotaGo === undefined) return { ok: false, issues };
  const quotaGo = r.quotaGo;
  if (!grille.quotasGo.includes(quotaGo)) {
    issues.push({
      code: 'QUOTA_INCONNU',
      path: r.path,
      message: `Le quota de ${formatNombre(String(quotaGo))} Go n'est pas proposé ; quotas possibles : ${grille.quotasGo.map((q) => `${q} Go`).join(', ')}.`,
    });
  }
  const population = r.population;
  const strate = population === undefined ? -1 : findStrate(grille.strates, population);
  if (population !== undefined && strate < 0) {
    issues.push({
      code: 'STRATE_INTROUVABLE',
      path: ['collectivite', 'population'],
      message: `Aucune strate de la grille « ${r.prestationLibelle} » ne contient ${formatNombre(String(population))} habitants (strates : ${grille.strates.map(formatStrate).join(' ; ')}).`,
    });
  }
  if (issues.length > 0 || population === undefined) return { ok: false, issues };
  const priced = memoized(c, `${strate}|${quotaGo}`, () => {
    const p = priceGrid(grille, population, quotaGo);
    return 'detail' in p ? p : undefined;
  });
  return priced ? { ok: true, priced } : { ok: false, issues };
}

/**
 * Chiffre une composante du catalogue selon son modèle de prix (l'adaptateur entre le catalogue et
 * les modèles). Un montant non publié (`null`) donne `TARIF_NON_PUBLIE`, qui nomme la prestation et
 * le montant manquant ; tous les problèmes de la composante sont rendus ensemble.
 *
 * @internal
 */
export function priceComponent(r: ComponentRequest): ComponentOutcome {
  const c = r.composante;
  switch (c.modele) {
    case 'forfait': {
      const montant = c.montant;
      if (montant === null) return { ok: false, issues: [missing(r, 'montant')] };
      return { ok: true, priced: memoized(c, '', () => priceFlat(montant))! };
    }
    case 'unitaire': {
      const prix = c.prixUnitaire;
      if (prix === null) return { ok: false, issues: [missing(r, 'prixUnitaire')] };
      return { ok: true, priced: memoized(c, r.unites, () => priceUnit(prix, new Decimal(r.unites), c.unite, c.arrondiQuantite))! };
    }
    case 'coefficientParPalier': {
      const prix = c.prixUnitaire;
      if (prix === null) return { ok: false, issues: [missing(r, 'prixUnitaire')] };
      const priced = memoized(c, r.unites, () => priceTiered(prix, c.paliers, r.unites, c.unite));
      if (priced) return { ok: true, priced };
      return {
        ok: false,
        issues: [
          {
            code: 'PALIER_INTROUVABLE',
            path: r.path,
            message: `Aucun palier du barème « ${c.libelle} » ne couvre ${formatNombre(String(r.unites))} ${c.unite.plusieurs}.`,
          },
        ],
      };
    }
    case 'grilleStrates':
      return priceGridRequest(c, r);
  }
}

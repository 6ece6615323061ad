import type { Collectivite, Manquant, Path, QuoteIssue, QuoteLine, QuoteWarning, Source } from '../core/shapes.js';
import type { MeasureName, Measures } from '../models/define.js';
import type { Composante } from '../models/registry.js';
import { makeIssue, makePlainWarning, type PlainWarningCode } from '../wording/issues.js';
import { describeLine, formatBand } from '../wording/terms.js';
import type { Catalogue, Prestation } from '../catalogue/types.js';
import { registryOf } from '../catalogue/trust.js';
import type { Registry } from '../prestations/create-registry.js';
import type { PricingContext, PrestationDeclaration } from '../prestations/define.js';
import type { PrestationId } from '../prestations/registry.js';
import type { CheckedPrestation } from '../validation/check.js';
import { prepareComponent, pricePrepared, type PreparedComponent, type Problem } from './component.js';
import { SumCache } from '../money/round.js';
import { deepFreeze } from '../shared/freeze.js';

/**
 * Les lignes d'un ensemble de prestations, les avertissements, et les problèmes de chiffrage de
 * chaque prestation.
 *
 * @internal
 */
export interface PricedLines {
  readonly lignes: QuoteLine<PrestationId>[];
  readonly avertissements: QuoteWarning[];
  readonly issues: QuoteIssue[];
  /** Les parts dues mais non chiffrées faute d'une donnée. */
  readonly manquants: Manquant<PrestationId>[];
}

const POPULATION: ReadonlySet<MeasureName> = new Set(['population']);
const NONE: ReadonlySet<MeasureName> = new Set();

const NO_MISSING: { composante: string; path: Path }[] = [];

/** Le nom du paramètre « liste de SIREN » d'une prestation (une liste de SIREN saisie), s'il en a un. */
function sirensParam(declaration: PrestationDeclaration): string | undefined {
  return Object.entries(declaration.parametres).find(([, p]) => p.type === 'sirens')?.[0];
}

/**
 * Les SIREN d'une prestation facturée par SIREN : sa liste de SIREN, sinon celui de la collectivité.
 * Incluse d'office (parc transféré), elle est toujours facturée au SIREN de la collectivité, d'abord,
 * et les SIREN listés s'y ajoutent.
 */
function billedSirens(name: string | undefined, params: Readonly<Record<string, unknown>>, siren: string, offered: boolean): readonly string[] {
  const value = name === undefined ? undefined : params[name];
  const listed = Array.isArray(value) ? (value as string[]) : [];
  if (offered) return [siren, ...listed.filter((s) => s !== siren)];
  return listed.length > 0 ? listed : [siren];
}

interface Where {
  readonly id: string;
  readonly entry: Prestation;
  readonly composante: Composante;
  readonly composanteId: string;
  readonly path: Path | undefined;
  readonly millesime: number;
}

/** Le problème d'une composante, en données, au chemin de l'entrée qui la demande. */
function issueOf(problem: Problem, w: Where): QuoteIssue {
  const base: Path = ['prestations', w.id];
  const path = w.path ? [...base, ...w.path] : base;
  switch (problem.kind) {
    case 'tarif':
      return makeIssue('TARIF_NON_PUBLIE', path, {
        prestation: w.id,
        composante: w.composanteId,
        champ: problem.field,
        libelle: w.composante.libelle,
        libellePrestation: w.entry.libelle,
        millesime: w.millesime,
      });
    case 'mesure':
      return problem.invalide
        ? makeIssue('POPULATION_REQUISE', base, { raison: 'invalide', libellePrestation: w.entry.libelle })
        : makeIssue('POPULATION_REQUISE', ['collectivite', 'population'], { raison: 'manquante', libellePrestation: w.entry.libelle });
    case 'quota':
      return makeIssue('QUOTA_INCONNU', path, { quotaGo: problem.quotaGo, quotasGo: problem.quotasGo });
    case 'strate':
      return makeIssue('CATALOGUE_INCOHERENT', ['collectivite', 'population'], {
        raison: 'strate',
        libellePrestation: w.entry.libelle,
        population: problem.population,
        strates: problem.strates.map((s) => formatBand(s)),
      });
    case 'palier':
      return makeIssue('CATALOGUE_INCOHERENT', path, {
        raison: 'palier',
        libelle: w.composante.libelle,
        unites: problem.unites,
        nomUnites: 'unite' in w.composante ? w.composante.unite.plusieurs : 'unités',
      });
  }
}

/**
 * Une composante d'une prestation du catalogue, préparée : son modèle et ses chiffrages déjà faits, si
 * sa déclaration la dit ponctuelle, et la source que portent ses lignes (gelée : partagée par toutes
 * les lignes de tous les devis).
 */
interface ComposantePlan {
  readonly composante: Composante;
  readonly prepared: PreparedComponent;
  readonly ponctuelle: boolean;
  readonly source: Source;
}

function lineSource(source: Composante['source']): Source {
  return Object.freeze(source.exemple ? { origine: source.origine, reference: source.reference, exemple: true as const } : { origine: source.origine, reference: source.reference });
}

/** Ce qu'une prestation d'un catalogue validé permet de savoir une fois pour toutes. */
interface PrestationPlan {
  readonly entry: Prestation;
  readonly sirensParam: string | undefined;
  readonly composantes: ReadonlyMap<string, ComposantePlan>;
}

/**
 * Le chiffreur d'un catalogue validé, préparé une fois et gardé sur lui : le plan de chaque prestation
 * (ses composantes préparées), les sommes de montants déjà faites pour ses devis, et leurs
 * avertissements sans paramètre.
 * Un devis ne cherche plus rien par catalogue ni par composante : il suit le chiffreur.
 *
 * @internal
 */
export interface Pricer {
  readonly sums: SumCache;
  /** Le plan d'une prestation (préparé à sa première demande). */
  readonly plan: (declaration: PrestationDeclaration) => PrestationPlan;
  /**
   * L'avertissement sans paramètre d'une prestation à un chemin : le même pour tous les devis, il est
   * rédigé une fois, gelé en profondeur et partagé.
   */
  readonly warning: (prestation: string, code: PlainWarningCode, path: Path) => QuoteWarning;
  /** Un avertissement partagé rédigé pour l'adhérent (la remarque d'un devis), gelé et partagé de même. */
  readonly remark: (warning: QuoteWarning, reword: (w: QuoteWarning) => QuoteWarning) => QuoteWarning;
}

/** Au-delà, les avertissements ne sont plus gardés (leurs chemins viennent des déclarations : il y en a peu). */
const SHARED_LIMIT = 512;

function samePath(a: Path, b: Path): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Les chiffreurs, par catalogue (objet gelé). */
const PRICERS = new WeakMap<Catalogue, Pricer>();

/**
 * Le chiffreur d'un catalogue validé (voir {@link Pricer}).
 *
 * @internal
 */
export function pricerOf(catalogue: Catalogue): Pricer {
  let pricer = PRICERS.get(catalogue);
  if (pricer === undefined) {
    const registry = registryOf(catalogue);
    const plans = new Map<PrestationDeclaration, PrestationPlan>();
    const plan = (declaration: PrestationDeclaration): PrestationPlan => {
      let found = plans.get(declaration);
      if (found === undefined) plans.set(declaration, (found = planFor(catalogue, registry, declaration)));
      return found;
    };
    // Par prestation, puis par code : les avertissements déjà rédigés, chacun avec son chemin.
    const warnings = new Map<string, Map<string, { readonly path: Path; readonly warning: QuoteWarning }[]>>();
    let kept = 0;
    const warning = (prestation: string, code: PlainWarningCode, path: Path): QuoteWarning => {
      let byCode = warnings.get(prestation);
      if (byCode === undefined) warnings.set(prestation, (byCode = new Map()));
      let known = byCode.get(code);
      if (known === undefined) byCode.set(code, (known = []));
      for (const k of known) if (samePath(k.path, path)) return k.warning;
      const found = deepFreeze(makePlainWarning(code, ['prestations', prestation, ...path]));
      if (kept++ < SHARED_LIMIT) known.push({ path: [...path], warning: found });
      return found;
    };
    const remarks = new WeakMap<QuoteWarning, QuoteWarning>();
    const remark = (w: QuoteWarning, reword: (w: QuoteWarning) => QuoteWarning): QuoteWarning => {
      if (!Object.isFrozen(w)) return reword(w);
      let found = remarks.get(w);
      if (found === undefined) remarks.set(w, (found = deepFreeze(reword(w))));
      return found;
    };
    PRICERS.set(catalogue, (pricer = { sums: new SumCache(), plan, warning, remark }));
  }
  return pricer;
}

function planFor(catalogue: Catalogue, registry: Registry, declaration: PrestationDeclaration): PrestationPlan {
  const entry = catalogue.prestations[declaration.id as PrestationId] as Prestation;
  const declared = declaration.composantes as Readonly<Record<string, { readonly ponctuelle?: true }>>;
  const composantes = new Map<string, ComposantePlan>();
  for (const [name, composante] of Object.entries(entry.composantes as Readonly<Record<string, Composante>>)) {
    composantes.set(name, { composante, prepared: prepareComponent(composante, registry), ponctuelle: declared[name]?.ponctuelle === true, source: lineSource(composante.source) });
  }
  return { entry, sirensParam: sirensParam(declaration), composantes };
}

/**
 * Chiffre les prestations validées d'une adhésion : chaque module dit ce qu'il faut chiffrer, chaque
 * composante est chiffrée une fois selon son modèle, puis donne une ligne par SIREN facturé (une
 * seule, au SIREN de la collectivité, si le catalogue facture la prestation par adhérent). Tous les
 * problèmes de toutes les prestations sont rendus ensemble.
 *
 * @internal
 */
export function priceLines(
  prestations: readonly CheckedPrestation[],
  collectivite: Partial<Collectivite>,
  invalid: ReadonlySet<string>,
  catalogue: Catalogue,
  pricer: Pricer = pricerOf(catalogue),
): PricedLines {
  const out: PricedLines = { lignes: [], avertissements: [], issues: [], manquants: [] };
  const siren = collectivite.siren ?? '';
  let id = '' as PrestationId;
  let missing: { composante: string; path: Path }[] = NO_MISSING;
  const ctx: PricingContext = {
    collectivite,
    warn: (code, path) => out.avertissements.push(pricer.warning(id, code, path)),
    manque: (composante, path) => {
      if (missing === NO_MISSING) missing = [];
      missing.push({ composante, path });
    },
  };
  const invalidPopulation = invalid.has('population');
  for (const { declaration, params } of prestations) {
    id = declaration.id as PrestationId;
    const plan = pricer.plan(declaration);
    const entry = plan.entry;
    missing = NO_MISSING;
    const demands = declaration.chiffrer(params as never, ctx);
    // Incluse d'office (parc transféré) : facturée au SIREN de la collectivité quoi que l'adhésion coche.
    const offered = collectivite.parcTransfere === true && declaration.obligatoire === 'siParcTransfere';
    const sirens = entry.facturation === 'siren' ? billedSirens(plan.sirensParam, params, siren, offered) : undefined;
    for (const m of missing) {
      const libelle = plan.composantes.get(m.composante)!.composante.libelle;
      for (const billed of sirens ?? [siren]) out.manquants.push({ prestation: id, composante: m.composante, libelle, siren: billed, path: ['prestations', id, ...m.path] });
    }
    if (sirens === undefined) {
      const listed = plan.sirensParam;
      if (listed !== undefined && params[listed] !== undefined) {
        out.issues.push(
          makeIssue('VALEUR_NON_ADMISE', ['prestations', id, listed], { raison: 'sirensSurAdherent', libellePrestation: entry.libelle, millesime: catalogue.millesime }),
        );
        continue;
      }
    }
    for (let d = 0; d < demands.length; d++) {
      const demand = demands[d]!;
      const cp = plan.composantes.get(demand.composante)!;
      const composante = cp.composante;
      const m = demand.mesures;
      const mesures: Measures =
        m === undefined ? { quantite: 1, population: collectivite.population } : { quantite: 'quantite' in m ? m.quantite : 1, quotaGo: m.quotaGo, population: collectivite.population };
      const r = pricePrepared(cp.prepared, composante, mesures, invalidPopulation ? POPULATION : NONE);
      if (Array.isArray(r)) {
        for (const problem of r) {
          out.issues.push(issueOf(problem, { id, entry, composante, composanteId: demand.composante, path: demand.path, millesime: catalogue.millesime }));
        }
        continue;
      }
      const p = r;
      // Le détail d'une ligne ordinaire est celui du chiffrage mémorisé ; incluse d'office ou
      // intervention, il est précédé de ce qui la distingue.
      const count = sirens === undefined ? 1 : sirens.length;
      for (let k = 0; k < count; k++) {
        const billed = sirens === undefined ? siren : sirens[k]!;
        const dOffice = offered && billed === siren;
        const detail = dOffice || demand.intervention ? describeLine(p.calcul, dOffice, demand.intervention, undefined, p.detail) : p.detail;
        const remarque = composante.remarque;
        let ligne: Record<string, unknown>;
        // Chaque ligne écrite d'un coup, champs facultatifs compris (un objet complété champ à champ en
        // alloue un second) ; les champs dans l'ordre de la sortie. Une journée de secrétariat porte
        // sa remarque et se dit ponctuelle ; les autres cas, rares, sont complétés.
        if (!dOffice && remarque !== undefined && cp.ponctuelle) {
          const { intervention } = demand;
          ligne =
            intervention === undefined
              ? { prestation: id, composante: demand.composante, libelle: composante.libelle, siren: billed, quantite: p.quantite, unite: p.unite, prixUnitaire: p.prixUnitaire, montant: p.montantText, detail, calcul: p.calcul, source: cp.source, remarque, ponctuelle: true }
              : {
                  prestation: id,
                  composante: demand.composante,
                  libelle: composante.libelle,
                  siren: billed,
                  quantite: p.quantite,
                  unite: p.unite,
                  prixUnitaire: p.prixUnitaire,
                  montant: p.montantText,
                  detail,
                  calcul: p.calcul,
                  source: cp.source,
                  intervention: { rang: intervention.rang, sur: intervention.sur },
                  remarque,
                  ponctuelle: true,
                };
        } else {
          ligne = { prestation: id, composante: demand.composante, libelle: composante.libelle, siren: billed, quantite: p.quantite, unite: p.unite, prixUnitaire: p.prixUnitaire, montant: p.montantText, detail, calcul: p.calcul, source: cp.source };
          if (dOffice) ligne['inclusDOffice'] = true;
          if (demand.intervention) ligne['intervention'] = { rang: demand.intervention.rang, sur: demand.intervention.sur };
          if (remarque !== undefined) ligne['remarque'] = remarque;
          if (cp.ponctuelle) ligne['ponctuelle'] = true;
        }
        out.lignes.push(ligne as unknown as QuoteLine<PrestationId>);
      }
    }
  }
  return out;
}

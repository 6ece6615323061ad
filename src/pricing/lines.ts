import type { Calcul, Collectivite, Path, QuoteIssue, QuoteLine, QuoteWarning } from '../core/shapes.js';
import type { MeasureName } from '../models/define.js';
import type { Composante } from '../models/registry.js';
import { describeCalcul, formatStrate } from '../wording/terms.js';
import type { Catalogue, Prestation } from '../catalogue/types.js';
import type { PricingContext, PrestationDeclaration } from '../prestations/define.js';
import type { PrestationId } from '../prestations/registry.js';
import type { CheckedPrestation } from '../validation/check.js';
import { formatNombre } from '../money/format.js';
import { priceComponent, type Problem } from './component.js';

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
}

/** Une copie du calcul mémorisé : chaque devis rendu est à lui seul. */
function copyCalcul(c: Calcul): Calcul {
  const out: Record<string, unknown> = { ...c };
  for (const key in out) {
    const v = out[key];
    if (typeof v === 'object' && v !== null) out[key] = { ...v };
  }
  return out as unknown as Calcul;
}

const POPULATION: ReadonlySet<MeasureName> = new Set(['population']);
const NONE: ReadonlySet<MeasureName> = new Set();

const D_OFFICE = "Inclus d'office (parc informatique transféré au syndicat). ";

const SIRENS_PARAM = new Map<PrestationDeclaration, string | undefined>();

/** Le nom du paramètre « liste de SIREN » d'une prestation, s'il en a un. */
function sirensParam(declaration: PrestationDeclaration): string | undefined {
  if (!SIRENS_PARAM.has(declaration)) SIRENS_PARAM.set(declaration, Object.entries(declaration.parametres).find(([, p]) => p.type === 'sirens')?.[0]);
  return SIRENS_PARAM.get(declaration);
}

/** Les SIREN d'une prestation facturée par SIREN : sa liste de SIREN, sinon celui de la collectivité. */
function billedSirens(declaration: PrestationDeclaration, params: Readonly<Record<string, unknown>>, siren: string): readonly string[] {
  const name = sirensParam(declaration);
  const value = name === undefined ? undefined : params[name];
  return Array.isArray(value) && value.length > 0 ? (value as string[]) : [siren];
}

interface Where {
  readonly id: string;
  readonly entry: Prestation;
  readonly composante: Composante;
  readonly composanteId: string;
  readonly path: Path | undefined;
  readonly millesime: number;
}

/** Le problème d'une composante, écrit pour l'utilisateur, au chemin de l'entrée qui la demande. */
function issueOf(problem: Problem, w: Where): QuoteIssue {
  const base: Path = ['prestations', w.id];
  const path = w.path ? [...base, ...w.path] : base;
  switch (problem.kind) {
    case 'tarif':
      return {
        code: 'TARIF_NON_PUBLIE',
        path,
        message:
          `Le montant « ${w.composante.libelle} » de la prestation « ${w.entry.libelle} » n'est pas publié pour ${w.millesime} ` +
          `(catalogue : prestations.${w.id}.composantes.${w.composanteId}.${problem.field}). ` +
          'Fournissez-le dans un catalogue complété (completeCatalogue, ou --tarifs en ligne de commande).',
      };
    case 'mesure':
      if (problem.invalide) {
        return {
          code: 'POPULATION_REQUISE',
          path: base,
          message: `La prestation « ${w.entry.libelle} » ne peut pas être chiffrée : elle dépend de la population de la collectivité, qui n'est pas valide.`,
        };
      }
      return {
        code: 'POPULATION_REQUISE',
        path: ['collectivite', 'population'],
        message: `La prestation « ${w.entry.libelle} » est calculée selon la population : indiquez la population de la collectivité.`,
      };
    case 'quota':
      return {
        code: 'QUOTA_INCONNU',
        path,
        message: `Le quota de ${formatNombre(String(problem.quotaGo))} Go n'est pas proposé ; quotas possibles : ${problem.quotasGo.map((q) => `${q} Go`).join(', ')}.`,
      };
    case 'strate':
      return {
        code: 'CATALOGUE_INCOHERENT',
        path: ['collectivite', 'population'],
        message: `Aucune strate de la grille « ${w.entry.libelle} » ne contient ${formatNombre(String(problem.population))} habitants (strates : ${problem.strates.map(formatStrate).join(' ; ')}).`,
      };
    case 'palier':
      return {
        code: 'CATALOGUE_INCOHERENT',
        path,
        message: `Aucun palier du barème « ${w.composante.libelle} » ne couvre ${formatNombre(String(problem.unites))} ${'unite' in w.composante ? w.composante.unite.plusieurs : 'unités'}.`,
      };
  }
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
): PricedLines {
  const out: PricedLines = { lignes: [], avertissements: [], issues: [] };
  const siren = collectivite.siren ?? '';
  let id = '' as PrestationId;
  const ctx: PricingContext = {
    collectivite,
    warn: (code, path, message) => out.avertissements.push({ code, path: ['prestations', id, ...path], message }),
  };
  for (const { declaration, params, dOffice } of prestations) {
    id = declaration.id as PrestationId;
    const entry = catalogue.prestations[id] as Prestation;
    const demands = declaration.chiffrer(params as never, ctx);
    const sirens = entry.facturation === 'siren' ? billedSirens(declaration, params, siren) : undefined;
    if (sirens === undefined) {
      const listed = sirensParam(declaration);
      if (listed !== undefined && params[listed] !== undefined) {
        out.issues.push({
          code: 'VALEUR_NON_ADMISE',
          path: ['prestations', id, listed],
          message: `La prestation « ${entry.libelle} » est facturée par adhérent au catalogue ${catalogue.millesime} : la liste de SIREN facturés ne s'applique pas ; retirez-la.`,
        });
        continue;
      }
    }
    for (const demand of demands) {
      const composante = (entry.composantes as Readonly<Record<string, Composante>>)[demand.composante]!;
      const r = priceComponent(composante, { quantite: 1, ...demand.mesures, population: collectivite.population }, invalid.has('population') ? POPULATION : NONE);
      if (Array.isArray(r)) {
        for (const problem of r) {
          out.issues.push(issueOf(problem, { id, entry, composante, composanteId: demand.composante, path: demand.path, millesime: catalogue.millesime }));
        }
        continue;
      }
      const p = r;
      const text = describeCalcul(p.calcul);
      const detail = dOffice ? D_OFFICE + text : text;
      const count = sirens === undefined ? 1 : sirens.length;
      for (let k = 0; k < count; k++) {
        out.lignes.push({
          prestation: id,
          composante: demand.composante,
          libelle: composante.libelle,
          siren: sirens === undefined ? siren : sirens[k]!,
          quantite: p.quantite,
          unite: p.unite,
          prixUnitaire: p.prixUnitaire,
          montant: p.montantText,
          detail,
          calcul: copyCalcul(p.calcul),
          source: composante.source.exemple ? { origine: composante.source.origine, reference: composante.source.reference, exemple: true } : { origine: composante.source.origine, reference: composante.source.reference },
        });
      }
    }
  }
  return out;
}

import type { Collectivite, Composante, Path, QuoteIssue, QuoteLine, QuoteWarning } from '../core/shapes.js';
import type { Catalogue, Prestation } from '../catalogue/types.js';
import type { Dec } from '../money/decimal.js';
import type { PricingContext, PrestationDeclaration } from '../prestations/define.js';
import type { PrestationId } from '../prestations/registry.js';
import type { CheckedPrestation } from '../validation/check.js';
import { priceComponent } from './component.js';

/**
 * Les lignes d'un ensemble de prestations, leurs montants en décimaux (pour les totaux), les
 * avertissements, et les problèmes de chiffrage de chaque prestation.
 *
 * @internal
 */
export interface PricedLines {
  readonly lignes: QuoteLine<PrestationId>[];
  readonly montants: Dec[];
  readonly avertissements: QuoteWarning[];
  readonly issues: QuoteIssue[];
}

const D_OFFICE = "Inclus d'office (parc informatique transféré au syndicat). ";

/** Les SIREN d'une prestation facturée par SIREN : sa liste de SIREN, sinon celui de la collectivité. */
function billedSirens(declaration: PrestationDeclaration, params: Readonly<Record<string, unknown>>, siren: string): readonly string[] {
  for (const [name, p] of Object.entries(declaration.parametres)) {
    const value = params[name];
    if (p.type === 'sirens' && Array.isArray(value) && value.length > 0) return value as string[];
  }
  return [siren];
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
  const out: PricedLines = { lignes: [], montants: [], avertissements: [], issues: [] };
  const siren = collectivite.siren ?? '';
  for (const { declaration, params, dOffice } of prestations) {
    const id = declaration.id as PrestationId;
    const entry = catalogue.prestations[id] as Prestation;
    const base: Path = ['prestations', id];
    const ctx: PricingContext = {
      collectivite,
      warn: (code, path, message) => out.avertissements.push({ code, path: [...base, ...path], message }),
    };
    const demands = declaration.chiffrer(params as never, ctx);
    const sirens = entry.facturation === 'siren' ? billedSirens(declaration, params, siren) : [siren];
    for (const demand of demands) {
      const composante = (entry.composantes as Readonly<Record<string, Composante>>)[demand.composante]!;
      const r = priceComponent({
        composante,
        unites: demand.unites ?? 1,
        quotaGo: demand.quotaGo,
        population: collectivite.population,
        populationInvalide: invalid.has('population'),
        path: demand.path ? [...base, ...demand.path] : base,
        prestationPath: base,
        prestationLibelle: entry.libelle,
        cataloguePath: `prestations.${id}.composantes.${demand.composante}`,
        millesime: catalogue.millesime,
      });
      if (!r.ok) {
        out.issues.push(...r.issues);
        continue;
      }
      const p = r.priced;
      const detail = dOffice ? D_OFFICE + p.detail : p.detail;
      for (const s of sirens) {
        out.montants.push(p.montant);
        out.lignes.push({
          prestation: id,
          composante: demand.composante,
          libelle: composante.libelle,
          siren: s,
          quantite: p.quantite,
          unite: p.unite,
          prixUnitaire: p.prixUnitaire,
          montant: p.montantText,
          detail,
          source: { origine: composante.source.origine, reference: composante.source.reference },
        });
      }
    }
  }
  return out;
}

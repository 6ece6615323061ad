import { declarationOf } from '../prestations/registry.js';
import type { Catalogue, Prestation } from './types.js';

/** Un catalogue dont les prestations peuvent omettre leur facturation (celle de leur déclaration). */
type CatalogueData = Omit<Catalogue, 'prestations'> & {
  readonly prestations: { readonly [Id in keyof Catalogue['prestations']]: Omit<Prestation<Id>, 'facturation'> & { readonly facturation?: Prestation['facturation'] } };
};

/**
 * Complète un catalogue par les valeurs par défaut de ses prestations : une prestation qui ne dit pas
 * comment elle est facturée l'est comme sa déclaration le prévoit. Le catalogue rendu dit tout.
 *
 * @internal
 */
export function withDeclaredDefaults(data: CatalogueData): Catalogue {
  const prestations: Record<string, unknown> = {};
  for (const [id, p] of Object.entries(data.prestations) as [string, { facturation?: string }][]) {
    prestations[id] = p.facturation === undefined ? { ...p, facturation: declarationOf(id)?.facturation ?? 'adherent' } : p;
  }
  const { $schema: _schema, ...rest } = data as CatalogueData & { $schema?: string };
  return { ...rest, prestations } as unknown as Catalogue;
}

import { describe, expectTypeOf, it } from 'vitest';
import { quote, type Adhesion, type PrestationId, type Quote } from '../src/index.js';
import { commune } from './helpers.js';

// Ces vérifications sont faites par `tsc` (lancé par `npm test`) : une erreur de type ici fait échouer les tests.
describe('types publics', () => {
  it('une prestation inconnue ou un paramètre mal formé ne compile pas', () => {
    const ok: Adhesion = { collectivite: commune, prestations: { maintenanceBase: { postes: 2 } } };
    // @ts-expect-error prestation inconnue
    const inconnue: Adhesion = { collectivite: commune, prestations: { maintenanceBase: { postes: 2 }, dpoo: {} } };
    // @ts-expect-error postes doit être un nombre
    const malForme: Adhesion = { collectivite: commune, prestations: { maintenanceBase: { postes: '2' } } };
    // @ts-expect-error maintenance de base obligatoire
    const sansBase: Adhesion = { collectivite: commune, prestations: { dpo: {} } };
    // @ts-expect-error une prestation sans paramètre se coche avec {}
    const parametre: Adhesion = { collectivite: commune, prestations: { maintenanceBase: { postes: 2 }, dpo: { oui: true } } };
    // @ts-expect-error type de collectivité inconnu
    const type: Adhesion = { collectivite: { ...commune, type: 'mairie' }, prestations: { maintenanceBase: { postes: 2 } } };
    expectTypeOf(ok).toEqualTypeOf<Adhesion>();
    void [inconnue, malForme, type, sansBase, parametre];
  });

  it('les montants sont des chaînes, pas des nombres', () => {
    expectTypeOf<Quote['total']>().toEqualTypeOf<string>();
    expectTypeOf<Quote['lignes'][number]['montant']>().toEqualTypeOf<string>();
    expectTypeOf<ReturnType<typeof quote>['lignes'][number]['prestation']>().toEqualTypeOf<PrestationId>();
    expectTypeOf(quote).returns.toEqualTypeOf<Quote<PrestationId>>();
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import {
  catalogue2026,
  quote,
  type Adhesion,
  type Catalogue,
  type Catalogue2026,
  type ComposanteCoefficientParPalier,
  type ComposanteDe,
  type ComposanteForfait,
  type ComposanteForfaitParStrate,
  type ComposanteGrilleStrates,
  type ComposanteParHabitant,
  type DefaultComposantes,
  type ComposanteUnitaire,
  type ParamDeclarationOf,
  type ParamKinds,
  type ParamsDe,
  type PrestationId,
  type Quote,
} from '../src/index.js';
import { commune } from './helpers.js';
import type { DefaultComposantesOf } from '../src/catalogue/types.js';
import type { DeclarationOf } from '../src/prestations/registry.js';

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

  it('le catalogue embarqué a le type de ses données : chaque composante dans le modèle qu’elle a en 2026', () => {
    // Ces types ne dépendent que du modèle de chaque composante : ajouter un modèle à une famille
    // (qui élargit ComposanteDe, ce qu'un catalogue quelconque peut contenir) ne les change pas.
    expectTypeOf(catalogue2026).toEqualTypeOf<Catalogue2026>();
    expectTypeOf(catalogue2026.prestations.marchesPublics.composantes.acces).toEqualTypeOf<ComposanteUnitaire>();
    expectTypeOf(catalogue2026.prestations.marchesPublics.composantes.acces.arrondiQuantite).toEqualTypeOf<'aucun' | 'entierSuperieur'>();
    expectTypeOf(catalogue2026.prestations.maintenanceBase.composantes.postes).toEqualTypeOf<ComposanteCoefficientParPalier>();
    expectTypeOf(catalogue2026.prestations.sauvegarde.composantes.grille).toEqualTypeOf<ComposanteGrilleStrates>();
    expectTypeOf<DefaultComposantes<'dpo'>>().toEqualTypeOf<{ readonly abonnement: ComposanteForfait }>();
    // La famille du DPO admet trois modèles : un catalogue quelconque peut en prendre un autre, le catalogue 2026 non.
    expectTypeOf<ComposanteDe<'dpo', 'abonnement'>>().toEqualTypeOf<ComposanteForfait | ComposanteParHabitant | ComposanteForfaitParStrate>();
    expectTypeOf(catalogue2026.prestations.dpo.composantes.abonnement.montant).toEqualTypeOf<string | null>();
    // Et il se passe partout où un catalogue est attendu.
    expectTypeOf<Catalogue2026>().toMatchTypeOf<Catalogue>();
  });

  it('le type d’un paramètre vient de la table des sortes de paramètre', () => {
    expectTypeOf<ParamsDe<'secretariatMairie'>['interventions']>().toEqualTypeOf<ParamKinds['durees'] | undefined>();
    expectTypeOf<ParamsDe<'packDemat'>['sirens']>().toEqualTypeOf<ParamKinds['sirens'] | undefined>();
    expectTypeOf<ParamsDe<'marchesPublics'>['acces']>().toEqualTypeOf<ParamKinds['entier']>();
    expectTypeOf<ParamDeclarationOf<'durees'>['maxDuree']>().toEqualTypeOf<number>();
  });

  it('ajouter un modèle à la fin d’une famille ne change pas le type des composantes du catalogue embarqué', () => {
    // La déclaration du DPO, si sa famille admettait un modèle de plus (ici « unitaire », pour l'essai).
    type Dpo = DeclarationOf<'dpo'>['composantes'];
    type DpoElargi = { readonly abonnement: Omit<Dpo['abonnement'], 'modeles'> & { readonly modeles: readonly [...Dpo['abonnement']['modeles'], 'unitaire'] } };
    expectTypeOf<DefaultComposantesOf<DpoElargi>>().toEqualTypeOf<DefaultComposantes<'dpo'>>();
    expectTypeOf<DefaultComposantesOf<Dpo>>().toEqualTypeOf<DefaultComposantes<'dpo'>>();
  });
});

import { definePrestation, type PrestationDeclaration } from './define.js';

/**
 * Une prestation sans paramètre, cochée avec `{}` : une ligne par adhérent (ou par SIREN, si le
 * catalogue la facture ainsi) pour sa seule composante, un forfait annuel.
 *
 * @internal
 */
export function subscriptionPrestation<const Id extends string, const C extends string>(
  id: Id,
  composante: C,
  libelle: string,
): PrestationDeclaration<Id, { readonly [K in C]: { readonly modele: 'forfait' } }, {}, 'non'> {
  const demandes = Object.freeze([Object.freeze({ composante })]);
  return definePrestation({
    id,
    libelle,
    facturation: 'adherent',
    obligatoire: 'non',
    composantes: { [composante]: { modele: 'forfait' } } as { readonly [K in C]: { readonly modele: 'forfait' } },
    parametres: {},
    chiffrer: () => demandes,
  });
}

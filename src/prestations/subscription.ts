import { FAMILIES } from '../models/registry.js';
import { definePrestation, type PrestationDeclaration } from './define.js';

/**
 * Une prestation sans paramètre, cochée avec `{}` : une ligne par adhérent (ou par SIREN, si le
 * catalogue la facture ainsi) pour sa seule composante, un montant annuel : un forfait, ou, si le
 * catalogue le choisit, un montant selon la population de l'adhérent (famille `forfaitAdherent`).
 *
 * @internal
 */
export function subscriptionPrestation<const Id extends string, const C extends string>(
  id: Id,
  composante: C,
  libelle: string,
  libelleLigne: string,
  description: string,
): PrestationDeclaration<Id, { readonly [K in C]: { readonly modeles: typeof FAMILIES.forfaitAdherent; readonly libelle: string } }, {}, 'non'> {
  const demandes = Object.freeze([Object.freeze({ composante })]);
  return definePrestation({
    id,
    libelle,
    description,
    facturation: 'adherent',
    obligatoire: 'non',
    composantes: { [composante]: { modeles: FAMILIES.forfaitAdherent, libelle: libelleLigne } } as {
      readonly [K in C]: { readonly modeles: typeof FAMILIES.forfaitAdherent; readonly libelle: string };
    },
    parametres: {},
    chiffrer: () => demandes,
  });
}

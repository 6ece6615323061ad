/**
 * Le catalogue 2026 des prestations « à la carte » du service informatique de Territoire
 * d'énergie 90, embarqué : des données (`2026.json`), de la même forme que le catalogue de toute
 * autre année (ses montants, leurs sources et ce qu'elles disent ; libellés, obligation, facturation
 * par défaut, modèles de prix et unités viennent des déclarations des prestations). Un test vérifie
 * que `parseCatalogue` le lit et rend ce catalogue-ci.
 *
 * Sources :
 * - page « Les prestations « à la carte » 2026 et leur tarification » (territoiredenergie90.fr) ;
 * - page « calcul-cotisation-info-epci » (cotisation de maintenance des établissements publics).
 *
 * Un montant que ces pages ne publient pas vaut `null` : il n'est jamais deviné.
 * Il se fournit avec {@link completeCatalogue}.
 */
import data from './2026.json' with { type: 'json' };
import { embedCatalogue } from './embed.js';
import type { Catalogue2026 } from './types.js';

/**
 * Le catalogue 2026 embarqué, gelé. Les montants non publiés valent `null`. Son type,
 * {@link Catalogue2026}, est celui de ses données : chaque composante suit le modèle de prix qu'elle
 * a en 2026, et ce type ne change pas quand un modèle de prix ou une prestation s'ajoute.
 *
 * @category Catalogue
 * @example
 * ```ts
 * catalogue2026.prestations.marchesPublics.composantes.acces;
 * //=> { modele: 'unitaire', prixUnitaire: '50.00', … }
 * catalogue2026.prestations.marchesPublics.composantes.acces.arrondiQuantite;
 * //=> 'aucun'
 * catalogue2026.prestations.dpo.composantes.abonnement;
 * //=> { modele: 'forfait', montant: null, … }
 * ```
 */
export const catalogue2026: Catalogue2026 = /* @__PURE__ */ embedCatalogue<Catalogue2026>(data);

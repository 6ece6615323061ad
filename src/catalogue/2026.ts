/**
 * Catalogue 2026 des prestations « à la carte » du service informatique de Territoire d'énergie 90 :
 * les montants publiés, leurs sources et ce qu'elles disent. Tout le reste (libellés, obligation,
 * facturation par défaut, modèles de prix, unités) vient des déclarations des prestations.
 *
 * Sources :
 * - page « Les prestations « à la carte » 2026 et leur tarification » (territoiredenergie90.fr) ;
 * - page « calcul-cotisation-info-epci » (cotisation de maintenance des établissements publics).
 *
 * Un montant que ces pages ne publient pas vaut `null` : il n'est jamais deviné.
 * Il se fournit avec {@link completeCatalogue}.
 */
import { deepFreeze } from '../shared/freeze.js';
import type { Catalogue } from './types.js';
import { SOURCE_COTISATION_EPCI, SOURCE_PAGE_2026 } from './sources.js';
import { trust } from './trust.js';
import { withDeclarations } from './defaults.js';

const STRUCTURE_NON_PUBLIEE =
  'Ni le montant ni le mode de calcul ne sont publiés : modélisé comme un forfait annuel par adhérent, dont le montant doit être fourni.';

/** Un forfait annuel dont ni le montant ni le mode de calcul ne sont publiés. */
const NON_PUBLIE = { montant: null, source: SOURCE_PAGE_2026, note: STRUCTURE_NON_PUBLIEE } as const;

/**
 * Le catalogue 2026 embarqué, gelé. Les montants non publiés valent `null`.
 *
 * @category Catalogue
 * @example
 * ```ts
 * catalogue2026.prestations.marchesPublics.composantes.acces;
 * //=> { modele: 'unitaire', prixUnitaire: '50.00', … }
 * catalogue2026.prestations.dpo.composantes.abonnement;
 * //=> { modele: 'forfait', montant: null, … }
 * ```
 */
export const catalogue2026: Catalogue = /* @__PURE__ */ (() => trust(
  deepFreeze(
    withDeclarations({
      millesime: 2026,
      libelle: "Prestations « à la carte » 2026 du service informatique de Territoire d'énergie 90",
      devise: 'EUR',
      prestations: {
        /** Socle obligatoire ; barème publié pour les établissements publics. */
        maintenanceBase: {
          composantes: {
            postes: {
              prixUnitaire: '574.88',
              paliers: [
                { de: 1, a: 2, coefficient: '1' },
                { de: 3, a: 5, coefficient: '0.9' },
                { de: 6, a: 15, coefficient: '0.7' },
                { de: 16, a: null, coefficient: '0.65' },
              ],
              source: SOURCE_COTISATION_EPCI,
              note: "Le coefficient du palier s'applique à tous les postes. Un en-tête de colonne de la page affiche encore un ancien prix unitaire (541,41 €) ; les lignes du barème utilisent 574,88 €.",
            },
            licenceBL: {
              prixUnitaire: null,
              source: SOURCE_COTISATION_EPCI,
              note: 'Ne compte que les postes maintenus par TE90 qui portent une licence Berger Levrault. Montant non publié.',
            },
          },
        },
        /** Grille strates de population × quota : rien n'en est publié. */
        sauvegarde: {
          composantes: {
            grille: {
              grille: null,
              source: SOURCE_PAGE_2026,
              note: 'Calculée selon des strates de population et des Go octroyés ; ni les strates, ni les quotas, ni les montants ne sont publiés.',
            },
          },
        },
        netEntreprises: { composantes: { abonnement: NON_PUBLIE } },
        /** Facturé par SIREN ; inclus d'office pour un parc transféré. */
        packDemat: {
          composantes: {
            parSiren: {
              montant: null,
              source: SOURCE_PAGE_2026,
              note: "Facturé par n° SIREN ; inclus d'office (et facturé de la même façon) pour les collectivités ayant transféré tout leur parc informatique au syndicat. Montant non publié.",
            },
          },
        },
        saisineElectronique: { composantes: { abonnement: NON_PUBLIE } },
        /** 50 € par accès, 32 € par mise en ligne assistée : publiés. */
        marchesPublics: {
          composantes: {
            acces: { prixUnitaire: '50.00', source: SOURCE_PAGE_2026 },
            miseEnLigneAssistee: { prixUnitaire: '32.00', source: SOURCE_PAGE_2026 },
          },
        },
        dpo: { composantes: { abonnement: NON_PUBLIE } },
        cabinetNumerique: { composantes: { abonnement: NON_PUBLIE } },
        comedec: {
          composantes: {
            raccordement: {
              montant: null,
              source: SOURCE_PAGE_2026,
              note:
                "Pas de tiers de télétransmission payant, cartes et lecteurs gratuits (ANTS) ; le prix éventuel de l'accompagnement du syndicat n'est pas publié. " +
                STRUCTURE_NON_PUBLIEE,
            },
          },
        },
        /** 300 € la journée incompressible : publié. */
        secretariatMairie: {
          composantes: {
            journee: {
              prixUnitaire: '300.00',
              source: SOURCE_PAGE_2026,
              note: 'Toute journée commencée est facturée entière.',
              remarque:
                "Prestation exceptionnelle, qui n'a pas vocation à perdurer : elle pallie généralement l'absence d'un agent chargé de ces missions (page des prestations 2026 du syndicat).",
            },
          },
        },
      },
    }),
  ),
))(); // Dans une fonction pure : une note « … » + STRUCTURE_NON_PUBLIEE empêcherait l'outil d'une application d'écarter ce catalogue inutilisé.

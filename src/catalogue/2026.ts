/**
 * Catalogue 2026 des prestations « à la carte » du service informatique de Territoire d'énergie 90.
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
import { withDeclaredDefaults } from './defaults.js';

const poste = { un: 'poste', plusieurs: 'postes' } as const;
const STRUCTURE_NON_PUBLIEE =
  'Ni le montant ni le mode de calcul ne sont publiés : modélisé comme un forfait annuel par adhérent, dont le montant doit être fourni.';

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
export const catalogue2026: Catalogue = trust(deepFreeze(withDeclaredDefaults({
  millesime: 2026,
  libelle: "Prestations « à la carte » 2026 du service informatique de Territoire d'énergie 90",
  devise: 'EUR',
  prestations: {
    /** Socle obligatoire ; barème publié pour les établissements publics. */
    maintenanceBase: {
      id: 'maintenanceBase',
      libelle: 'Maintenance de base des logiciels métier (Berger Levrault)',
      description:
        "Socle obligatoire de l'adhésion : assistance à la maintenance des logiciels métier Berger Levrault (comptabilité, état civil, élections…).",
      obligatoire: 'toujours',
      composantes: {
        postes: {
          modele: 'coefficientParPalier',
          libelle: 'Maintenance de base — part 1 : postes maintenus par TE90',
          unite: poste,
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
          modele: 'unitaire',
          libelle: 'Maintenance de base — part 2 : postes sous licence Berger Levrault',
          unite: poste,
          prixUnitaire: null,
          arrondiQuantite: 'aucun',
          source: SOURCE_COTISATION_EPCI,
          note: "Ne compte que les postes maintenus par TE90 qui portent une licence Berger Levrault. Montant non publié.",
        },
      },
    },
    /** Grille strates de population × quota : rien n'en est publié. */
    sauvegarde: {
      id: 'sauvegarde',
      libelle: 'Prestation sauvegarde des données informatiques',
      description:
        'Sauvegarde sur un serveur externalisé en salle blanche, restitution des données en cas de problème, selon le quota de Go retenu.',
      obligatoire: 'non',
      composantes: {
        grille: {
          modele: 'grilleStrates',
          libelle: 'Sauvegarde externalisée (strate de population × quota)',
          grille: null,
          source: SOURCE_PAGE_2026,
          note: 'Calculée selon des strates de population et des Go octroyés ; ni les strates, ni les quotas, ni les montants ne sont publiés.',
        },
      },
    },
    netEntreprises: {
      id: 'netEntreprises',
      libelle: 'Connecteur Net-Entreprises (prélèvement à la source)',
      description:
        'Connecteur Berger Levrault en mode API avec la plateforme Net-Entreprises : fichiers nominatifs, déclaratifs et de contrôle du prélèvement à la source.',
      obligatoire: 'non',
      composantes: {
        abonnement: {
          modele: 'forfait',
          libelle: 'Connecteur Net-Entreprises',
          montant: null,
          source: SOURCE_PAGE_2026,
          note: STRUCTURE_NON_PUBLIEE,
        },
      },
    },
    /** Facturé par SIREN ; inclus d'office pour un parc transféré. */
    packDemat: {
      id: 'packDemat',
      libelle: 'Pack dématérialisation',
      description:
        "i-parapheur, TdT Hélios, TdT ACTES et connecteur Chorus (BLES) : logiciel gratuit à l'achat, maintenance et hébergement facturés par SIREN.",
      obligatoire: 'siParcTransfere',
      composantes: {
        parSiren: {
          modele: 'forfait',
          libelle: 'Pack dématérialisation — maintenance et hébergement',
          montant: null,
          source: SOURCE_PAGE_2026,
          note: 'Facturé par n° SIREN ; inclus d\'office (et facturé de la même façon) pour les collectivités ayant transféré tout leur parc informatique au syndicat. Montant non publié.',
        },
      },
    },
    saisineElectronique: {
      id: 'saisineElectronique',
      libelle: 'Saisine par voie électronique',
      description:
        'Guichet unique mutualisé de saisine des collectivités par les usagers : accusés de réception, suivi, acheminement, intégration à la gamme e.magnus.',
      obligatoire: 'non',
      composantes: {
        abonnement: {
          modele: 'forfait',
          libelle: 'Saisine par voie électronique',
          montant: null,
          source: SOURCE_PAGE_2026,
          note: STRUCTURE_NON_PUBLIEE,
        },
      },
    },
    /** 50 € par accès, 32 € par mise en ligne assistée : publiés. */
    marchesPublics: {
      id: 'marchesPublics',
      libelle: 'Plateforme mutualisée de dématérialisation des marchés publics',
      description:
        "Profil acheteur mutualisé (solution AWS) : publicité, DCE, réception sécurisée des offres, échanges, signature électronique.",
      obligatoire: 'non',
      composantes: {
        acces: {
          modele: 'unitaire',
          libelle: 'Accès à la plateforme des marchés publics',
          unite: { un: 'accès', plusieurs: 'accès' },
          prixUnitaire: '50.00',
          arrondiQuantite: 'aucun',
          source: SOURCE_PAGE_2026,
        },
        miseEnLigneAssistee: {
          modele: 'unitaire',
          libelle: "Aide du syndicat à la mise en ligne d'un marché",
          unite: { un: 'mise en ligne assistée', plusieurs: 'mises en ligne assistées' },
          prixUnitaire: '32.00',
          arrondiQuantite: 'aucun',
          source: SOURCE_PAGE_2026,
        },
      },
    },
    dpo: {
      id: 'dpo',
      libelle: 'Délégué à la protection des données (DPO mutualisé)',
      description: 'Le syndicat est le délégué à la protection des données mutualisé de la collectivité (RGPD).',
      obligatoire: 'non',
      composantes: {
        abonnement: {
          modele: 'forfait',
          libelle: 'DPO mutualisé',
          montant: null,
          source: SOURCE_PAGE_2026,
          note: STRUCTURE_NON_PUBLIEE,
        },
      },
    },
    cabinetNumerique: {
      id: 'cabinetNumerique',
      libelle: 'Le cabinet numérique',
      description:
        'Plate-forme de convocation dématérialisée des élus : preuve d\'envoi, horodatage, documents joints, envoi en nombre, RGPD.',
      obligatoire: 'non',
      composantes: {
        abonnement: {
          modele: 'forfait',
          libelle: 'Cabinet numérique',
          montant: null,
          source: SOURCE_PAGE_2026,
          note: STRUCTURE_NON_PUBLIEE,
        },
      },
    },
    comedec: {
      id: 'comedec',
      libelle: 'Raccordement au projet COMEDEC',
      description:
        "Échange électronique des données d'état civil (ANTS, ministère de la Justice) ; cartes à puce et lecteurs fournis gratuitement par l'ANTS.",
      obligatoire: 'non',
      composantes: {
        raccordement: {
          modele: 'forfait',
          libelle: 'Raccordement COMEDEC',
          montant: null,
          source: SOURCE_PAGE_2026,
          note: "Pas de tiers de télétransmission payant, cartes et lecteurs gratuits (ANTS) ; le prix éventuel de l'accompagnement du syndicat n'est pas publié. " +
            STRUCTURE_NON_PUBLIEE,
        },
      },
    },
    /** 300 € la journée incompressible : publié. */
    secretariatMairie: {
      id: 'secretariatMairie',
      libelle: 'Prestation de secrétariat de mairie',
      description:
        "Prestation exceptionnelle pour pallier l'absence d'un agent : paies, déclarations, mandats et titres, listes électorales, état civil…",
      obligatoire: 'non',
      composantes: {
        journee: {
          modele: 'unitaire',
          libelle: 'Secrétariat de mairie, à la journée incompressible',
          unite: { un: 'journée', plusieurs: 'journées' },
          prixUnitaire: '300.00',
          arrondiQuantite: 'entierSuperieur',
          source: SOURCE_PAGE_2026,
          note: 'Toute journée commencée est facturée entière.',
        },
      },
    },
  },
})));

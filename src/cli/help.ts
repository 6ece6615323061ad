const CATALOGUE_OPTIONS = `  --catalogue <fichier.json>  un catalogue complet (par ex. celui de l'année prochaine, voir « reviser »)
  --millesime <année>         un catalogue embarqué (2026) ; refusé s'il n'existe pas
  --tarifs <fichier.json>     les montants fournis par le syndicat, qui complètent le catalogue`;

/** Le pied commun à toutes les aides : court, le détail est dans l'aide générale et la documentation. */
const FOOTER = `Fichiers des exemples : te90-tarifs exemples (les écrit dans exemples/). Aide : te90-tarifs help [commande].
Codes de sortie : 0 succès, 1 entrée refusée, 2 mauvais usage, 3 erreur interne, 4 écriture impossible.
Documentation : docs/ligne-de-commande.md du paquet (installé : node_modules/@te90/tarifs/docs/).`;

/** Le détail des codes de sortie, dans l'aide générale. */
const EXIT_CODES = `Codes de sortie, en détail : 0 succès ; 1 entrée refusée (chaque problème est affiché avec son chemin) ;
2 mauvais usage (commande, option ou fichier introuvable) ; 3 erreur interne (un défaut de
te90-tarifs : merci de la signaler avec la commande et l'entrée qui la provoquent) ; 4 écriture
impossible sur la sortie standard (disque plein, fichier en lecture seule…). Une sortie fermée par
le lecteur (par exemple « … | head -1 ») termine sans message, avec le code 0.`;

/**
 * Les textes d'aide : `general` (te90-tarifs --help) et un par commande.
 *
 * @internal
 */
export const HELP: Readonly<Record<string, string>> = {
  general: `te90-tarifs — devis des prestations « à la carte » de Territoire d'énergie 90

Usage :
  te90-tarifs devis <adhesion.json|-> [--catalogue …|--millesime …] [--tarifs …] [--format texte|json|csv|html]
  te90-tarifs lot <fichier.json|fichier.jsonl|dossier|-> [--catalogue …|--millesime …] [--tarifs …] [--format texte|json|csv]
  te90-tarifs facturation <fichier.json|fichier.jsonl|dossier|-> [--catalogue …|--millesime …] [--tarifs …] [--format texte|json|csv|pes] [--parametres parametres.json]
  te90-tarifs catalogue [--catalogue …|--millesime …] [--tarifs …] [--format texte|json]
  te90-tarifs verifier [--catalogue …|--millesime …] [--tarifs …] [--format texte|json]
  te90-tarifs reviser <catalogue.json|2026> <revision.json>
  te90-tarifs comparer --avant <catalogue.json|2026> --apres <catalogue.json|2026> <lot|-> [--tarifs-avant …] [--tarifs-apres …] [--format texte|json|csv|html]
  te90-tarifs manifeste --url <https://…/>
  te90-tarifs exemples [dossier]
  te90-tarifs help [commande]

Commandes :
  devis       le devis détaillé d'une adhésion, une facture par SIREN
  lot         les devis de nombreuses adhésions et la synthèse par prestation
  facturation le rôle de facturation d'un lot : une facture par SIREN débiteur, toutes adhésions confondues
  catalogue   les prestations, leurs règles, leurs montants et ceux qui ne sont pas publiés
  verifier    la cohérence d'un catalogue (paliers, strates, montants, seuils où une unité de plus coûte moins)
  reviser     le catalogue d'un nouveau millésime, à partir du précédent et d'une révision votée
  comparer    ce que chaque adhérent paie sous deux catalogues, et la synthèse
  manifeste   le manifeste du complément Excel (manifest.xml), complet pour l'adresse où sont servis ses fichiers
  exemples    écrit les fichiers des exemples de l'aide (adhésions, lots, tarifs et catalogues d'exemple)
  help        l'aide d'une commande (comme te90-tarifs <commande> --help)

Options :
${CATALOGUE_OPTIONS}
  --format   texte (défaut ; aussi : text), json ou csv (séparateur « ; », virgule décimale, UTF-8
             avec BOM), en minuscules ou en majuscules ;
             pour devis, aussi html (un devis imprimable : --numero, --date, --validite, --emetteur) ;
             pour comparer, aussi html (le rapport imprimable du comité syndical) ;
             pour facturation, aussi pes (le flux PES V2 des titres de recettes : --parametres)
  -h, --help    cette aide (aussi : te90-tarifs help <commande>, te90-tarifs <commande> --help)
  -v, --version la version

Fichiers : en UTF-8 (un fichier en Latin-1 ou Windows-1252 est refusé). « - » lit l'entrée standard.

Les exemples lisent les fichiers qu'écrit la première ligne dans le dossier exemples/ ; leurs
montants (tarifs-exemple.json, territoire-de-belfort/) sont des montants d'exemple, inventés.
Exemples :
  te90-tarifs exemples
  te90-tarifs devis exemples/commune.json
  te90-tarifs devis exemples/epci-pack-demat.json --tarifs exemples/tarifs-exemple.json
  te90-tarifs lot exemples/lot-adherents.jsonl --tarifs exemples/tarifs-exemple.json   # sortie 1 : adhésions refusées exprès
  te90-tarifs facturation exemples/territoire-de-belfort/adhesions.json \\
    --catalogue exemples/territoire-de-belfort/catalogue-2026.json --format csv > role-2026.csv   # sortie 1 : un SIREN facturé deux fois, exprès
  te90-tarifs catalogue --tarifs exemples/tarifs-exemple.json
  te90-tarifs verifier --catalogue exemples/territoire-de-belfort/catalogue-2027.json
  te90-tarifs reviser 2026 exemples/territoire-de-belfort/revision-2027.json > catalogue-2027.json
  te90-tarifs comparer --avant 2026 --apres exemples/territoire-de-belfort/catalogue-2027.json exemples/commune.json
  te90-tarifs manifeste --url https://serveur-du-syndicat/te90-tarifs/ > manifest.xml
  te90-tarifs help devis

${EXIT_CODES}

${FOOTER}`,
  devis: `te90-tarifs devis <adhesion.json|-> [--catalogue …|--millesime …] [--tarifs …] [--format texte|json|csv|html] [--verifications] [--numero N] [--date AAAA-MM-JJ] [--validite JOURS] [--emetteur emetteur.json]

Établit le devis d'une adhésion (fichier JSON en UTF-8, ou « - » pour l'entrée standard) sur le
catalogue choisi (2026 embarqué par défaut).
${CATALOGUE_OPTIONS}
  texte : un bloc par SIREN facturé (abonnements annuels et prestations ponctuelles à part), montants
          à la française (2 069,57 €), origine de chaque montant, remarques pour l'adhérent ;
          --verifications ajoute les vérifications pour le personnel du syndicat
  json  : le devis complet, tel que le rend la bibliothèque (avertissements, remarques, totalPartiel,
          manquants)
  csv   : une ligne par ligne de devis (« ; », UTF-8 avec BOM) ; quantités, prix et montants lus
          comme des nombres par le tableur ; origine, référence et exemple de chaque montant
  html  : un devis imprimable (A4), autonome : numéro (--numero ; par défaut l'année, le SIREN,
          la date et une empreinte du devis), date (--date, aujourd'hui par défaut), validité en
          jours (--validite ; 30 par défaut, jamais au-delà du 31 décembre de l'année des tarifs :
          une validité plus longue est refusée) et émetteur (--emetteur, un fichier JSON : nom,
          adresse, siret, contact, signataire, mentionFiscale, convention, conditions ; schéma
          @te90/tarifs/schemas/emetteur.schema.json). Sans émetteur ou sans mention fiscale, le
          devis porte un bandeau « document de travail » qui dit ce qui manque.
Sortie 1 si l'adhésion est refusée : chaque problème est affiché avec son chemin.

Exemples :
  te90-tarifs devis exemples/commune.json
  te90-tarifs devis exemples/epci-pack-demat.json --tarifs exemples/tarifs-exemple.json --format csv > devis.csv
  te90-tarifs devis - --format json < exemples/commune.json
  te90-tarifs devis exemples/commune.json --format html --numero D-2026-0042 --date 2026-11-29 --validite 30 \\
    --emetteur exemples/emetteur-exemple.json > devis.html

${FOOTER}`,
  lot: `te90-tarifs lot <fichier.json|fichier.jsonl|dossier|-> [--catalogue …|--millesime …] [--tarifs …] [--format texte|json|csv]

Établit le devis de chaque adhésion : liste JSON, fichier JSONL (une adhésion par ligne) ou
dossier de fichiers .json. Ne s'arrête pas à la première refusée.
Un fichier (ou « - », l'entrée standard ; un tube ou <(…) conviennent aussi) est lu une seule fois,
et reconnu par son contenu : un document JSON (une liste d'adhésions, ou une seule), sinon du JSONL.
Dans un dossier, une entrée illisible (un dossier nommé x.json, un lien cassé, un fichier qui n'est
pas du JSON ou pas en UTF-8) est une adhésion refusée qui nomme son fichier.
Chaque résultat nomme son fichier : « lot.json », « lot.jsonl:3 » (la ligne), « dossier/a.json »,
« (entrée standard):3 ». Les résultats sont écrits au fur et à mesure (mémoire bornée).
${CATALOGUE_OPTIONS}
  texte : une ligne par adhésion, les refus avec leurs problèmes, puis la synthèse par prestation
  json  : les résultats et la synthèse, tels que les rend la bibliothèque, chaque résultat avec son
          « fichier »
  csv   : une ligne par ligne de facture de chaque adhésion acceptée (dernière colonne : fichier) ;
          sur la sortie d'erreur : le nombre d'adhésions du lot, les refus et la synthèse
Sortie 1 si au moins une adhésion est refusée.

Exemples :
  te90-tarifs lot exemples/lot-adherents.jsonl --tarifs exemples/tarifs-exemple.json   # sortie 1 : adhésions refusées exprès
  te90-tarifs lot exemples/lot-adherents.json --tarifs exemples/tarifs-exemple.json --format json > lot.json   # sortie 1 : idem
  cat exemples/lot-adherents.jsonl | te90-tarifs lot - --tarifs exemples/tarifs-exemple.json --format csv > devis.csv   # sortie 1 : idem

${FOOTER}`,
  facturation: `te90-tarifs facturation <fichier.json|fichier.jsonl|dossier|-> [--catalogue …|--millesime …] [--tarifs …] [--format texte|json|csv|pes] [--parametres parametres.json]

Établit le rôle de facturation d'un lot d'adhésions : chaque adhésion est chiffrée comme par « lot »,
puis chaque ligne des devis acceptés va à la pièce de son SIREN débiteur, toutes adhésions
confondues (le pack démat d'un CCAS listé par sa commune va à la pièce du CCAS). Chaque pièce
porte le nom, le SIRET, le code service et l'engagement que les « destinataires » des adhésions
donnent à son SIREN ; chaque ligne nomme l'adhésion (sa position dans le lot) d'où elle vient.
Le lot se lit comme pour « lot » : liste JSON, fichier JSONL, dossier de fichiers .json, ou « - »
(l'entrée standard). Les factures regroupant tout le lot, le rôle est écrit une fois le lot lu.
${CATALOGUE_OPTIONS}
  texte : une pièce du rôle par SIREN débiteur (son numéro dans le rôle, qui n'est pas un numéro
          de facture), ses lignes par adhésion d'origine avec leur calcul, marquées « ponctuelle »,
          « montant d'exemple » ou « facturé deux fois au même SIREN : à trancher », son total, le
          millésime et sa périodicité ; le fichier source dit une fois, en tête ; puis le total du
          rôle, les refus, ce qui serait facturé deux fois et les données Chorus Pro manquantes
  json  : le rôle tel que le rend la bibliothèque (factures, total, refus, conflits), chaque ligne et
          chaque refus avec son « fichier »
  csv   : une ligne par ligne de facture, puis une ligne « Total de la pièce n° … » par pièce ;
          en-têtes en mots (Pièce du rôle n°, Millésime, SIREN débiteur, Débiteur, SIRET, Code
          service, Engagement, Données Chorus Pro manquantes, …, Périodicité, …, À trancher) ;
          SIREN, SIRET, code service et engagement écrits ="00012", lus en texte par le tableur
          avec leurs zéros de tête ; montants, quantités et prix avec une virgule décimale, lus
          comme des nombres ; sur la sortie d'erreur : le total, les refus, les SIREN facturés deux
          fois et les données Chorus Pro manquantes
  pes   : le flux PES V2 (PES_Aller, en ISO-8859-1) des titres de recettes du rôle, pour le
          comptable public : un bordereau, un titre par débiteur et par nature (abonnements,
          prestations ponctuelles), une ligne par ligne du rôle ; les débiteurs publics avec un
          SIRET vont sur Chorus Pro (Edition 02). Il demande --parametres, le fichier des
          paramètres comptables du syndicat (poste comptable, budget, numéros, imputations ; son
          schéma : @te90/tarifs/schemas/parametres-pes.schema.json). Un rôle à trancher
          (conflits, adhésions refusées) ou un débiteur sans adresse ni nature n'est pas émis :
          rien sur la sortie standard, tous les problèmes sur la sortie d'erreur, sortie 1. Le flux
          n'est ni signé ni envoyé : c'est l'affaire du logiciel financier du syndicat
Il manque à un débiteur, pour une facture déposée sur Chorus Pro, son SIRET (« SIRET manquant ») ;
son code service et son engagement ne sont exigés que s'il les demande : « à vérifier » s'ils
manquent. Chaque format le dit, débiteur par débiteur.
Sortie 1 si au moins une adhésion est refusée, ou si un SIREN serait facturé deux fois (à trancher
avant de facturer) ; ces lignes sont tout de même au rôle.

Exemples :
  te90-tarifs facturation exemples/lot-adherents.jsonl --tarifs exemples/tarifs-exemple.json   # sortie 1 : adhésions refusées exprès
  te90-tarifs facturation exemples/territoire-de-belfort/adhesions.json \\
    --catalogue exemples/territoire-de-belfort/catalogue-2026.json --format csv > role-2026.csv   # sortie 1 : un SIREN facturé deux fois, exprès
  te90-tarifs facturation exemples/epci-pack-demat.json --tarifs exemples/tarifs-exemple.json --format json > role.json
  te90-tarifs facturation exemples/territoire-de-belfort/adhesions-tranchees.json \\
    --catalogue exemples/territoire-de-belfort/catalogue-2026.json \\
    --format pes --parametres exemples/parametres-pes-exemple.json > titres-2026.xml

${FOOTER}`,
  catalogue: `te90-tarifs catalogue [--catalogue …|--millesime …] [--tarifs …] [--format texte|json]

Affiche les prestations du catalogue, leur facturation, leurs règles et leurs montants, et liste
les montants qui ne sont pas publiés (à fournir avec --tarifs).
${CATALOGUE_OPTIONS}

Exemples :
  te90-tarifs catalogue
  te90-tarifs catalogue --tarifs exemples/tarifs-exemple.json
  te90-tarifs catalogue --millesime 2026 --format json > catalogue-2026.json

${FOOTER}`,
  verifier: `te90-tarifs verifier [--catalogue …|--millesime …] [--tarifs …] [--format texte|json]

Vérifie un catalogue (2026 embarqué par défaut, ou --catalogue, même incomplet) : forme, paliers et
strates qui se chevauchent, laissent une lacune ou ne commencent pas à la première unité, montants
mal écrits (erreurs) ; chaque seuil où une unité de plus coûte moins cher, et les textes qui nomment
une autre année (avertissements).
${CATALOGUE_OPTIONS}
Sortie 0 sans erreur (même avec des avertissements) ; 1 si le catalogue ou le fichier de tarifs est
refusé.

Exemples :
  te90-tarifs verifier --tarifs exemples/tarifs-exemple.json
  te90-tarifs verifier --catalogue exemples/territoire-de-belfort/catalogue-2027.json --format json

${FOOTER}`,
  reviser: `te90-tarifs reviser <catalogue.json|2026> <revision.json>

Établit le catalogue d'un nouveau millésime : le catalogue de base (un fichier, ou le millésime d'un
catalogue embarqué) et une révision votée (millesime, libelle, source, indexation, montants
changés). Écrit le nouveau catalogue en JSON sur la sortie standard, et ses remarques
(vérification) sur la sortie d'erreur. Sortie 1 si la révision est refusée.

Exemples :
  te90-tarifs reviser exemples/territoire-de-belfort/catalogue-2026.json \\
    exemples/territoire-de-belfort/revision-2027.json > catalogue-2027.json
  te90-tarifs reviser 2026 exemples/territoire-de-belfort/revision-2027.json > catalogue-2027.json

${FOOTER}`,
  comparer: `te90-tarifs comparer --avant <catalogue.json|2026> --apres <catalogue.json|2026> <lot|-> [--tarifs-avant …] [--tarifs-apres …] [--format texte|json|csv|html]

Chiffre chaque adhésion du lot sous les deux catalogues : l'écart par adhérent (en euros et en %),
les adhésions refusées d'un côté seulement et pourquoi, la recette par prestation avant et après,
les plus fortes hausses. --tarifs-avant et --tarifs-apres complètent chacun des deux catalogues.
Le lot se lit comme pour « lot » : fichier JSON ou JSONL, dossier, ou « - » (l'entrée standard).
  json : la comparaison telle que la rend la bibliothèque, chaque adhérent avec son « fichier »
  csv  : une ligne par adhérent ; totaux, écarts et pourcentages lus comme des nombres par le tableur
  html : le rapport imprimable (A4) du comité syndical : recette avant et après (au total et par
         prestation), répartition des écarts, plus fortes hausses et baisses, chaque adhérent, refus ;
         graphiques dessinés dans la page (SVG, sans script)

Exemples :
  te90-tarifs comparer --avant 2026 --apres exemples/territoire-de-belfort/catalogue-2027.json \\
    exemples/lot-adherents.jsonl --tarifs-avant exemples/tarifs-exemple.json   # sortie 1 : adhésions refusées exprès
  te90-tarifs comparer --avant exemples/territoire-de-belfort/catalogue-2026.json --apres exemples/territoire-de-belfort/catalogue-2027.json \\
    - --format csv < exemples/lot-adherents.jsonl > comparaison.csv   # sortie 1 : adhésions refusées exprès
  te90-tarifs comparer --avant exemples/territoire-de-belfort/catalogue-2026.json --apres exemples/territoire-de-belfort/catalogue-2027.json \\
    exemples/territoire-de-belfort/adhesions.json --format html > rapport.html   # sortie 1 : un SIREN facturé deux fois, exprès

${FOOTER}`,
  manifeste: `te90-tarifs manifeste --url <https://serveur/dossier/>

Écrit sur la sortie standard le manifeste du complément Excel (manifest.xml), complet : chaque
adresse désigne un fichier de dist/tableur/excel/ (functions.js, functions.json, functions.html,
icônes) sous l'adresse donnée, qu'il ne reste qu'à déployer. Les fichiers doivent y être servis
tels quels.
  --url   l'adresse HTTPS du dossier où sont servis ces fichiers (https:// seulement, sans « ? » ni
          « # » ; le « / » final est facultatif)
Sortie 2 si l'adresse manque ou est refusée (http://, adresse incomplète…).

Exemples :
  te90-tarifs manifeste --url https://serveur-du-syndicat/te90-tarifs/ > manifest.xml

${FOOTER}`,
  exemples: `te90-tarifs exemples [dossier]

Écrit dans un dossier (exemples/ par défaut, créé s'il le faut) les fichiers que lisent les exemples
de chaque aide : adhésions (commune.json, epci-pack-demat.json), lots (lot-adherents.json et .jsonl,
où des adhésions sont refusées exprès), montants et émetteur d'exemple (tarifs-exemple.json,
emetteur-exemple.json) et, dans territoire-de-belfort/, les 104 adhésions du Territoire de Belfort,
ses catalogues 2026 et 2027 et la révision qui mène de l'un à l'autre. Les montants d'exemple sont
inventés pour la démonstration : ni publiés ni votés par le syndicat ; chaque fichier qui en porte le
dit (« exemple »: true). Un fichier déjà présent est gardé tel quel, jamais écrasé.

Exemples :
  te90-tarifs exemples
  te90-tarifs exemples mes-exemples

${FOOTER}`,
  help: `te90-tarifs help [commande]

Affiche l'aide générale, ou celle d'une commande (la même que te90-tarifs <commande> --help).

Exemples :
  te90-tarifs help
  te90-tarifs help devis

${FOOTER}`,
};

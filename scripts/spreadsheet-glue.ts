import { EXCEL_FILES } from '../src/spreadsheet/manifest.js';
import { NOT_PRICED } from '../src/spreadsheet/partial.js';
import { CUSTOM_FUNCTIONS, NAMESPACE, SHEETS_PREFIX, sheetsName, type CustomFunctionSpec } from '../src/spreadsheet/registry.js';

/**
 * Les fichiers d'installation des fonctions de tableur, produits à la construction (`tsup.config.ts`)
 * à partir de la table des fonctions (`src/spreadsheet/registry.ts`) : pour Google Sheets, le fichier
 * Apps Script des fonctions et le manifeste du projet ; pour Excel, le script autonome, ses métadonnées
 * et sa page. Le manifeste du complément Excel, que la ligne de commande écrit aussi, est dans
 * `src/spreadsheet/manifest.ts` ; les icônes, dans `scripts/png-icon.ts`.
 */

const GLOBAL = 'TE90Tarifs';

/** Le message d'une erreur reconnu dans une cellule rendue par le paquet (voir functions.ts). */
const MESSAGE = '/^Erreur( interne)? : /';

/** Le montant d'une part non chiffrée dans un devis (voir `NOT_PRICED`, partial.ts) : `#N/A` dans Excel. */
const NOT_PRICED_CELL = `/^${NOT_PRICED} : /`;

function args(f: CustomFunctionSpec): string {
  return f.parameters.map((p) => p.name).join(', ');
}

function call(f: CustomFunctionSpec): string {
  return `${GLOBAL}.${f.target}(${args(f)})`;
}

/**
 * Produit le fichier Apps Script des fonctions personnalisées : une fonction de premier niveau
 * par entrée de la table, avec sa JSDoc `@customfunction`, qui appelle le global `TE90Tarifs`.
 * Une fonction qui rend un nombre ou un devis lève son message d'erreur (Google Sheets affiche
 * `#ERROR!` et le message dans la note de la cellule) ; une plage de résultats (un tableau, des
 * montants) le rend cellule par cellule (Google Sheets ne met pas d'erreur dans une cellule d'une plage).
 *
 * @internal
 */
export function appsScriptGlue(): string {
  const header = `// Fonctions personnalisées ${SHEETS_PREFIX} pour Google Sheets. Fichier produit par « npm run build » : ne pas modifier.
// Il s'appuie sur le paquet autonome (dist/tableur/te90-tarifs.js), à copier dans le même projet Apps Script sous le nom TE90Tarifs.
`;
  const functions = CUSTOM_FUNCTIONS.map((f) => {
    const params = f.parameters.map((p) => ` * @param {${p.example}} ${p.name} ${p.details ?? p.description}`).join('\n');
    const body = f.result.errors === 'lignes' ? call(f) : `te90Valeur_(${call(f)})`;
    return `
/**
 * ${f.description}
 *
${params}
 * @return ${f.result.description}
 * @customfunction
 */
function ${sheetsName(f)}(${args(f)}) {
  return ${body};
}
`;
  }).join('');
  const helper = `
/**
 * Rend le nombre ou le devis calculé, ou lève le message d'erreur (un texte à la place d'un nombre,
 * ou la cellule seule d'un devis refusé) : Google Sheets affiche #ERROR! dans la cellule et le
 * message dans sa note. Fonction privée (son nom finit par « _ »).
 */
function te90Valeur_(resultat) {
  var message = typeof resultat === 'string' ? resultat : te90Refus_(resultat);
  if (message !== undefined) throw new Error(message.replace(/^Erreur : /, ''));
  return resultat;
}

/** Le message d'un devis refusé : une seule cellule, qui commence par « Erreur ». Fonction privée. */
function te90Refus_(resultat) {
  if (!Array.isArray(resultat) || resultat.length !== 1 || !Array.isArray(resultat[0]) || resultat[0].length !== 1) return undefined;
  var cellule = resultat[0][0];
  return typeof cellule === 'string' && ${MESSAGE}.test(cellule) ? cellule : undefined;
}
`;
  return header + functions + helper;
}

/**
 * Produit le manifeste du projet Apps Script (`appsscript.json`) : le paquet demande le moteur V8
 * (l'ancien moteur Rhino ne lit pas sa syntaxe ES2019), le fuseau du syndicat, et les exceptions
 * journalisées dans Cloud Logging.
 *
 * @internal
 */
export function appsScriptManifest(): string {
  return JSON.stringify({ timeZone: 'Europe/Paris', dependencies: {}, exceptionLogging: 'STACKDRIVER', runtimeVersion: 'V8' }, null, 2) + '\n';
}

/**
 * Produit le script du complément Excel, autonome : le paquet (global `TE90Tarifs`) suivi de
 * l'enregistrement des fonctions (`CustomFunctions.associate`), sans autre global. Une fonction
 * qui rend un nombre ou un devis lève `CustomFunctions.Error` (`#VALEUR!`, le message dans
 * l'info-bulle de la cellule) ; une plage de résultats (un tableau, des montants) rend une telle
 * erreur dans chaque cellule refusée, et l'erreur `#N/A` pour le montant d'une part non chiffrée.
 *
 * @param bundle - le paquet autonome (`dist/tableur/te90-tarifs.js`)
 * @internal
 */
export function excelScript(bundle: string): string {
  const associations = CUSTOM_FUNCTIONS.map((f) => {
    const matrix = f.result.dimensionality === 'matrix';
    // Une plage de résultats (`table`) est rendue comme une fonction à exceptions : `valeur` lève le
    // refus entier, et met chaque cellule en erreur dans une plage.
    const body = f.result.errors === 'lignes' ? `lignes(${call(f)})` : `valeur(${call(f)}, ${String(matrix)})`;
    return `  CustomFunctions.associate(${JSON.stringify(f.name)}, function (${args(f)}) {
    return ${body};
  });
`;
  }).join('');
  return `// Fonctions personnalisées ${NAMESPACE} pour Excel. Fichier produit par « npm run build » : ne pas modifier.
// Autonome : le paquet (global ${GLOBAL}) puis l'enregistrement des fonctions ; aucun autre fichier n'est chargé.
${bundle.trimEnd()}
(function () {
  'use strict';
  function erreur(message) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message.replace(/^Erreur : /, ''));
  }
  function refus(resultat) {
    if (!Array.isArray(resultat) || resultat.length !== 1 || !Array.isArray(resultat[0]) || resultat[0].length !== 1) return undefined;
    var cellule = resultat[0][0];
    return typeof cellule === 'string' && ${MESSAGE}.test(cellule) ? cellule : undefined;
  }
  function valeur(resultat, matrice) {
    var message = typeof resultat === 'string' ? resultat : refus(resultat);
    if (message !== undefined) throw erreur(message);
    if (!Array.isArray(resultat)) return matrice ? [[resultat]] : resultat;
    return lignes(resultat);
  }
  function lignes(resultat) {
    return resultat.map(function (ligne) {
      return ligne.map(function (cellule) {
        if (typeof cellule !== 'string') return cellule;
        if (${MESSAGE}.test(cellule)) return erreur(cellule);
        if (${NOT_PRICED_CELL}.test(cellule)) return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, cellule);
        return cellule;
      });
    });
  }
${associations}})();
`;
}

/**
 * Produit les métadonnées JSON des fonctions personnalisées Excel (`functions.json`), avec leur
 * schéma : identifiants sans préfixe (l'espace de noms `TETARIFS` du manifeste les précède).
 *
 * @internal
 */
export function excelMetadata(): string {
  const functions = CUSTOM_FUNCTIONS.map((f) => ({
    id: f.name,
    name: f.name,
    description: f.description,
    parameters: f.parameters.map((p) => ({
      name: p.name,
      description: p.description,
      type: p.type,
      dimensionality: p.dimensionality,
      ...(p.optional ? { optional: true } : {}),
    })),
    result: { type: f.result.type, dimensionality: f.result.dimensionality },
  }));
  return JSON.stringify({ $schema: 'https://developer.microsoft.com/json-schemas/office-js/custom-functions.schema.json', functions }, null, 2) + '\n';
}

/**
 * Produit la page des fonctions personnalisées Excel (`functions.html`), que le manifeste
 * désigne : Excel sur le web l'ouvre pour charger le script, Excel de bureau charge le script seul.
 *
 * @internal
 */
export function excelPage(): string {
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <title>Fonctions ${NAMESPACE}</title>
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js"></script>
    <script src="${EXCEL_FILES.script}"></script>
  </head>
  <body></body>
</html>
`;
}


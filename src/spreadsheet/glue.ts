import { CUSTOM_FUNCTIONS, type CustomFunctionSpec } from './registry.js';

const GLOBAL = 'TE90Tarifs';

function args(f: CustomFunctionSpec): string {
  return f.parameters.map((p) => p.name).join(', ');
}

/**
 * Produit le fichier Apps Script des fonctions personnalisées : une fonction de premier niveau
 * par entrée de la table, avec sa JSDoc `@customfunction`, qui appelle le global `TE90Tarifs`.
 *
 * @internal
 */
export function appsScriptGlue(): string {
  const header = `// Fonctions personnalisées TE90 pour Google Sheets. Fichier produit par « npm run build » : ne pas modifier.
// Il s'appuie sur le fichier TE90Tarifs.gs (le paquet autonome), à copier dans le même projet Apps Script.
`;
  return (
    header +
    CUSTOM_FUNCTIONS.map((f) => {
      const params = f.parameters.map((p) => ` * @param {${p.example}} ${p.name} ${p.description}`).join('\n');
      return `
/**
 * ${f.description}
 *
${params}
 * @return ${f.result.description}
 * @customfunction
 */
function ${f.name}(${args(f)}) {
  return ${GLOBAL}.${f.target}(${args(f)});
}
`;
    }).join('')
  );
}

/**
 * Produit l'enregistrement Excel des fonctions personnalisées (`CustomFunctions.associate`).
 *
 * @internal
 */
export function excelGlue(): string {
  return (
    `// Enregistrement des fonctions personnalisées TE90 pour Excel. Fichier produit par « npm run build ».
// À charger après te90-tarifs.js (voir functions.html).
` +
    CUSTOM_FUNCTIONS.map(
      (f) => `CustomFunctions.associate(${JSON.stringify(f.name)}, function (${args(f)}) {
  return ${GLOBAL}.${f.target}(${args(f)});
});
`,
    ).join('')
  );
}

/**
 * Produit les métadonnées JSON des fonctions personnalisées Excel (`functions.json`).
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
  return JSON.stringify({ functions }, null, 2) + '\n';
}

/**
 * Produit la page Excel qui charge le paquet puis l'enregistrement (`functions.html`).
 *
 * @internal
 */
export function excelPage(): string {
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <title>Fonctions TE90</title>
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js"></script>
    <script src="te90-tarifs.js"></script>
    <script src="functions.js"></script>
  </head>
  <body></body>
</html>
`;
}

import { CUSTOM_FUNCTIONS, NAMESPACE, SHEETS_PREFIX, sheetsName, type CustomFunctionSpec } from './registry.js';

const GLOBAL = 'TE90Tarifs';

/**
 * L'adresse où le syndicat héberge les fichiers du complément Excel : à remplacer dans
 * `manifest.xml` (voir docs/tableur.md). Aucune adresse réelle n'est inventée ici.
 *
 * @internal
 */
export const BASE_URL_PLACEHOLDER = '{{URL_DE_BASE}}';

/**
 * Les fichiers du complément Excel, servis ensemble sous l'adresse de base.
 *
 * @internal
 */
export const EXCEL_FILES = {
  script: 'functions.js',
  metadata: 'functions.json',
  page: 'functions.html',
  icon: 'icon-32.png',
  iconHighResolution: 'icon-64.png',
} as const;

/** Le message d'une erreur reconnu dans une cellule rendue par le paquet (voir functions.ts). */
const MESSAGE = '/^Erreur( interne)? : /';

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
 * `#ERROR!` et le message dans la note de la cellule) ; un tableau le rend ligne par ligne.
 *
 * @internal
 */
export function appsScriptGlue(): string {
  const header = `// Fonctions personnalisées ${SHEETS_PREFIX} pour Google Sheets. Fichier produit par « npm run build » : ne pas modifier.
// Il s'appuie sur le paquet autonome (dist/tableur/te90-tarifs.js), à copier dans le même projet Apps Script sous le nom TE90Tarifs.
`;
  const functions = CUSTOM_FUNCTIONS.map((f) => {
    const params = f.parameters.map((p) => ` * @param {${p.example}} ${p.name} ${p.details ?? p.description}`).join('\n');
    const body = f.result.errors === 'exception' ? `te90Valeur_(${call(f)})` : call(f);
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
 * l'info-bulle de la cellule) ; un tableau rend une telle erreur sur chaque ligne refusée.
 *
 * @param bundle - le paquet autonome (`dist/tableur/te90-tarifs.js`)
 * @internal
 */
export function excelScript(bundle: string): string {
  const associations = CUSTOM_FUNCTIONS.map((f) => {
    const body = f.result.errors === 'exception' ? `valeur(${call(f)})` : f.result.errors === 'lignes' ? `lignes(${call(f)})` : call(f);
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
  function valeur(resultat) {
    var message = typeof resultat === 'string' ? resultat : refus(resultat);
    if (message !== undefined) throw erreur(message);
    return resultat;
  }
  function lignes(resultat) {
    return resultat.map(function (ligne) {
      return ligne.map(function (cellule) {
        return typeof cellule === 'string' && ${MESSAGE}.test(cellule) ? erreur(cellule) : cellule;
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

/** L'identifiant du complément : fixe, pour qu'une nouvelle version remplace l'ancienne. */
const ADD_IN_ID = '233380e9-fa71-4168-b175-1f4c2d76409d';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Lit l'adresse de base où sont servis les fichiers du complément Excel : une adresse HTTPS absolue,
 * sans identifiant, ni requête (`?`), ni fragment (`#`). Rend l'adresse sans « / » final, ou ce qui
 * ne va pas (en français, pour un message d'usage).
 *
 * @internal
 */
export function readBaseUrl(text: string): { ok: true; url: string } | { ok: false; raison: string } {
  let parsed: URL;
  try {
    parsed = new URL(text.trim());
  } catch {
    return { ok: false, raison: `« ${text} » n'est pas une adresse complète (il faut https://serveur/dossier/)` };
  }
  if (parsed.protocol !== 'https:') return { ok: false, raison: `l'adresse doit commencer par https:// (Office ne charge un complément qu'en HTTPS ; reçu : ${parsed.protocol}//…)` };
  if (parsed.username !== '' || parsed.password !== '') return { ok: false, raison: "l'adresse ne doit pas contenir d'identifiant ni de mot de passe" };
  if (parsed.search !== '' || parsed.hash !== '' || /[?#]/.test(text.trim())) return { ok: false, raison: "l'adresse du dossier ne doit contenir ni « ? » ni « # »" };
  return { ok: true, url: parsed.href.replace(/\/+$/, '') };
}

/**
 * Produit le manifeste du complément Excel (`manifest.xml`, « add-in only ») : les fonctions seules,
 * espace de noms `TETARIFS`, fichiers sous l'adresse de base donnée (lue par {@link readBaseUrl}) ;
 * sans elle, sous `{{URL_DE_BASE}}` (le manifeste construit dans `dist/tableur/excel/`, que la commande
 * `te90-tarifs manifeste --url …` complète).
 *
 * @param version - la version du paquet (`0.1.0`)
 * @param baseUrl - l'adresse de base, sans « / » final
 * @internal
 */
export function excelManifest(version: string, baseUrl?: string): string {
  const numbers = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!numbers) throw new Error(`Version illisible pour le manifeste : ${version}`);
  const base = baseUrl === undefined ? BASE_URL_PLACEHOLDER : xml(baseUrl);
  const url = (file: string) => `${base}/${file}`;
  const functions = CUSTOM_FUNCTIONS.map((f) => `=${NAMESPACE}.${f.name}`).join(', ');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
${
    baseUrl === undefined
      ? `<!-- Manifeste du complément Excel ${NAMESPACE}. Fichier produit par « npm run build ».
     Ne pas le modifier à la main : la commande « te90-tarifs manifeste », avec l'adresse HTTPS où
     sont servis ${EXCEL_FILES.script}, ${EXCEL_FILES.metadata}, ${EXCEL_FILES.page} et les icônes,
     écrit le manifeste complet (ici, l'adresse est ${BASE_URL_PLACEHOLDER} ; voir docs/tableur.md). -->`
      : `<!-- Manifeste du complément Excel ${NAMESPACE}, produit par la commande « te90-tarifs manifeste ». -->`
  }
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
  xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="TaskPaneApp">
  <Id>${ADD_IN_ID}</Id>
  <Version>${numbers[1]}.${numbers[2]}.${numbers[3]}.0</Version>
  <ProviderName>Territoire d'énergie 90</ProviderName>
  <DefaultLocale>fr-FR</DefaultLocale>
  <DisplayName DefaultValue="Tarifs TE90" />
  <Description DefaultValue="${xml(`Devis des prestations à la carte de TE90 : ${functions}.`)}" />
  <IconUrl DefaultValue="${url(EXCEL_FILES.icon)}" />
  <HighResolutionIconUrl DefaultValue="${url(EXCEL_FILES.iconHighResolution)}" />
  <Hosts>
    <Host Name="Workbook" />
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="CustomFunctionsRuntime" MinVersion="1.2" />
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${url(EXCEL_FILES.page)}" />
  </DefaultSettings>
  <Permissions>Restricted</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <AllFormFactors>
          <ExtensionPoint xsi:type="CustomFunctions">
            <Script>
              <SourceLocation resid="Functions.Script.Url" />
            </Script>
            <Page>
              <SourceLocation resid="Functions.Page.Url" />
            </Page>
            <Metadata>
              <SourceLocation resid="Functions.Metadata.Url" />
            </Metadata>
            <Namespace resid="Functions.Namespace" />
          </ExtensionPoint>
        </AllFormFactors>
      </Host>
    </Hosts>
    <Resources>
      <bt:Urls>
        <bt:Url id="Functions.Script.Url" DefaultValue="${url(EXCEL_FILES.script)}" />
        <bt:Url id="Functions.Metadata.Url" DefaultValue="${url(EXCEL_FILES.metadata)}" />
        <bt:Url id="Functions.Page.Url" DefaultValue="${url(EXCEL_FILES.page)}" />
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="Functions.Namespace" DefaultValue="${NAMESPACE}" />
      </bt:ShortStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: readonly number[]): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function chunk(type: string, data: readonly number[]): number[] {
  const body = [...Array.from(type, (ch) => ch.charCodeAt(0)), ...data];
  return [...u32(data.length), ...body, ...u32(crc32(body))];
}

/**
 * Produit l'icône du complément Excel (PNG carré, `size` pixels) : un carré bleu bordé de blanc.
 * Écrite sans dépendance : données zlib en blocs non compressés.
 *
 * @internal
 */
export function excelIcon(size: number): Uint8Array {
  const border = Math.max(1, Math.round(size / 8));
  const raw: number[] = [];
  for (let y = 0; y < size; y++) {
    raw.push(0);
    for (let x = 0; x < size; x++) {
      const edge = x < border || y < border || x >= size - border || y >= size - border;
      const ring = !edge && (x < 2 * border || y < 2 * border || x >= size - 2 * border || y >= size - 2 * border);
      raw.push(...(edge ? [0x1f, 0x4e, 0x79] : ring ? [0xff, 0xff, 0xff] : [0x1f, 0x4e, 0x79]));
    }
  }
  const zlib: number[] = [0x78, 0x01];
  for (let i = 0; i < raw.length || i === 0; i += 0xffff) {
    const block = raw.slice(i, i + 0xffff);
    const last = i + 0xffff >= raw.length ? 1 : 0;
    zlib.push(last, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff);
    for (const byte of block) zlib.push(byte);
  }
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  zlib.push(...u32(((b << 16) | a) >>> 0));
  const header = [...u32(size), ...u32(size), 8, 2, 0, 0, 0];
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', header), ...chunk('IDAT', zlib), ...chunk('IEND', [])]);
}

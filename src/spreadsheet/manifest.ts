/**
 * Le manifeste du complément Excel (`manifest.xml`) : il nomme les fichiers du complément et
 * l'adresse où le syndicat les sert. La construction l'écrit dans `dist/tableur/excel/` avec une
 * adresse à remplacer ; la commande `te90-tarifs manifeste --url …` l'écrit complet.
 */
import { describeValue, QuoteError } from '@te90/tarifs';
import { CUSTOM_FUNCTIONS, NAMESPACE } from './registry.js';

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

/** L'identifiant du complément : fixe, pour qu'une nouvelle version remplace l'ancienne. */
const ADD_IN_ID = '233380e9-fa71-4168-b175-1f4c2d76409d';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Ce que {@link readBaseUrl} a lu : l'adresse de base, ou ce qui ne va pas.
 *
 * @category Tableur
 * @example
 * ```ts
 * const lue: BaseUrlResult = readBaseUrl('https://serveur-du-syndicat/te90-tarifs/');
 * const adresse = lue.ok ? lue.url : undefined;
 * ```
 */
export type BaseUrlResult =
  | {
      /** `true` : l'adresse est lue. */
      readonly ok: true;
      /** L'adresse, sans « / » final. */
      readonly url: string;
    }
  | {
      /** `false` : l'adresse est refusée. */
      readonly ok: false;
      /** Ce qui ne va pas, en français, pour un message d'usage. */
      readonly raison: string;
    };

/**
 * Lit l'adresse de base où sont servis les fichiers du complément Excel : une adresse HTTPS absolue,
 * sans identifiant, ni requête (`?`), ni fragment (`#`). Rend l'adresse sans « / » final, ou ce qui
 * ne va pas (en français, pour un message d'usage). Ne lève jamais.
 *
 * @param text - l'adresse saisie (`https://serveur-du-syndicat/te90-tarifs/`)
 * @returns `{ ok: true, url }`, ou `{ ok: false, raison }`
 * @category Tableur
 * @example
 * ```ts
 * readBaseUrl('https://serveur-du-syndicat/te90-tarifs/');
 * //=> { ok: true, url: 'https://serveur-du-syndicat/te90-tarifs' }
 * readBaseUrl('http://serveur-du-syndicat/');
 * //=> { ok: false, raison: "l'adresse doit commencer par https:// (…)" }
 * ```
 */
export function readBaseUrl(text: string): BaseUrlResult {
  if (typeof text !== 'string') return { ok: false, raison: `attendu : une adresse https://serveur/dossier/ ; reçu : ${describeValue(text)}` };
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
 * @param version - la version du paquet (`0.1.0`), qui devient celle du complément (`0.1.0.0`)
 * @param baseUrl - l'adresse de base, sans « / » final
 * @returns le manifeste, en XML
 * @throws {@link "@te90/tarifs"!QuoteError} si `version` ne commence pas par trois nombres (`1.2.3`), ou si `baseUrl` n’est pas un texte
 * @category Tableur
 * @example
 * ```ts
 * const base = readBaseUrl('https://serveur-du-syndicat/te90-tarifs/');
 * if (base.ok) excelManifest('0.1.0', base.url);
 * //=> '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n…'
 * ```
 */
export function excelManifest(version: string, baseUrl?: string): string {
  const numbers = typeof version === 'string' ? /^(\d+)\.(\d+)\.(\d+)/.exec(version) : null;
  if (!numbers) {
    const params = { raison: 'type', attendu: 'une version « 1.2.3 »', recu: describeValue(version) };
    throw new QuoteError([{ code: 'ENTREE_INVALIDE', path: ['version'], message: `Version illisible pour le manifeste : attendu ${params.attendu} ; reçu : ${params.recu}.`, params }]);
  }
  if (baseUrl !== undefined && typeof baseUrl !== 'string') {
    const params = { raison: 'type', attendu: 'string', recu: describeValue(baseUrl) };
    throw new QuoteError([{ code: 'ENTREE_INVALIDE', path: ['baseUrl'], message: `L'adresse du complément doit être un texte ; reçu : ${params.recu}.`, params }]);
  }
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


import { PRESTATIONS } from '../src/index.js';
import { argumentMeanings, describeMeaning, QUANTITY_ARGUMENTS } from '../src/spreadsheet/mapping.js';
import { CUSTOM_FUNCTIONS, NAMESPACE, sheetsName, type CustomFunctionSpec } from '../src/spreadsheet/registry.js';

/**
 * Les tables de `docs/tableur.md` qui décrivent les fonctions de tableur, produites à partir de la
 * même table que l'aide des tableurs (`src/spreadsheet/registry.ts`) et des déclarations des
 * prestations : la documentation et l'aide disent la même chose. Chaque table est entre deux
 * marques `<!-- tableur:NOM -->` et `<!-- /tableur:NOM -->` ; un test vérifie qu'elle est à jour
 * (`test/spreadsheet/docs-tableur.test.ts` compare la page aux tables produites ici).
 */

/** Le texte d'une cellule de table Markdown : ses « | » échappés. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function signature(f: CustomFunctionSpec, name: string): string {
  return `=${name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join('; ')})`;
}

/** Les fonctions : leur nom dans chaque tableur, leurs paramètres, ce qu'elles rendent. */
function functionsTable(): string {
  const rows = CUSTOM_FUNCTIONS.map((f) => `| \`${signature(f, sheetsName(f))}\` | \`${signature(f, `${NAMESPACE}.${f.name}`)}\` | ${cell(f.result.description)} |`);
  return ['| Google Sheets | Excel | Ce qu\'elle rend |', '|---|---|---|', ...rows].join('\n');
}

/** Les paramètres de chaque fonction, avec l'aide que le tableur affiche pendant la saisie. */
function parametersTable(): string {
  const rows = CUSTOM_FUNCTIONS.flatMap((f) => f.parameters.map((p) => `| \`${f.name}\` | \`${p.name}\` | ${cell(p.details ?? p.description)} |`));
  return ['| Fonction | Paramètre | Aide affichée par le tableur |', '|---|---|---|', ...rows].join('\n');
}

/** Le sens des quantités de `PRESTATION`, prestation par prestation, tiré des déclarations. */
function quantitiesTable(): string {
  const rows = PRESTATIONS.map((d) => {
    const meanings = argumentMeanings(d);
    const cells = QUANTITY_ARGUMENTS.map((_, i) => {
      const m = meanings[i];
      return m === undefined ? '—' : `\`${m.name}\` : ${cell(describeMeaning(m))}`;
    });
    return `| \`${d.id}\` | ${cells.join(' | ')} |`;
  });
  return [`| prestation | ${QUANTITY_ARGUMENTS.join(' | ')} |`, `|---|${QUANTITY_ARGUMENTS.map(() => '---').join('|')}|`, ...rows].join('\n');
}

/**
 * Les tables produites, par nom de marque.
 *
 * @internal
 */
export function spreadsheetDocsTables(): Record<string, string> {
  return { fonctions: functionsTable(), parametres: parametersTable(), quantites: quantitiesTable() };
}

/**
 * Réécrit les tables d'un texte de documentation entre leurs marques ; rend le texte réécrit.
 *
 * @internal
 */
export function withSpreadsheetTables(doc: string): string {
  let out = doc;
  for (const [name, table] of Object.entries(spreadsheetDocsTables())) {
    const re = new RegExp(`(<!-- tableur:${name} -->\\n)[\\s\\S]*?(<!-- /tableur:${name} -->)`);
    out = out.replace(re, (_m, open: string, close: string) => `${open}${table}\n${close}`);
  }
  return out;
}

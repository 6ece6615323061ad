// @ts-check
/**
 * Greffon TypeDoc : dans chaque catégorie de la documentation de l'API, les fonctions d'abord, puis
 * les classes, les constantes et les types ; et, à sorte égale, l'ordre où le point d'entrée
 * (`src/index.ts`) les exporte. Le point d'entrée se lit donc comme la table des matières de l'API :
 * `quote` y est exportée avant `pricePrestation`, elle vient en tête de « Devis ».
 *
 * (Le tri `source-order` de TypeDoc suit le fichier où chaque export est déclaré, pas le point
 * d'entrée ; aucun de ses tris ne met la fonction principale en tête de sa catégorie.)
 */
import { readFileSync } from 'node:fs';
import { Converter, ReflectionKind } from 'typedoc';
import ts from 'typescript';

/**
 * Les sortes, dans l'ordre de lecture : les pages, ce qu'on appelle, les constantes, puis les types
 * (interfaces et alias ensemble : pour un lecteur, ce sont des types).
 */
const KINDS = [
  ReflectionKind.Document,
  ReflectionKind.Function,
  ReflectionKind.Class,
  ReflectionKind.Variable,
  ReflectionKind.Interface | ReflectionKind.TypeAlias,
];

/**
 * Les noms exportés par un point d'entrée, dans l'ordre du fichier.
 *
 * @param {string} file
 * @returns {string[]}
 */
export function exportOrder(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  /** @type {string[]} */
  const names = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.push(element.name.text);
    } else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
      } else {
        const name = /** @type {ts.DeclarationStatement} */ (statement).name;
        if (name && ts.isIdentifier(name)) names.push(name.text);
      }
    }
  }
  return names;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    (context) => {
      /** @type {string[]} */
      const entries = app.options.getValue('entryPoints');
      /** @param {import('typedoc').Reflection} r */
      const kindRank = (r) => {
        const i = KINDS.findIndex((k) => r.kindOf(k));
        return i === -1 ? KINDS.length : i;
      };
      /**
       * Trie chaque catégorie d'une page : par sorte, puis dans l'ordre des exports de son point d'entrée.
       * Tri stable : des pages ou des exports de même rang gardent l'ordre que TypeDoc leur donne.
       *
       * @param {import('typedoc').ContainerReflection} container
       * @param {Map<string, number>} position
       */
      const sortCategories = (container, position) => {
        /** @param {import('typedoc').Reflection} r */
        const rank = (r) => position.get(r.name) ?? Number.MAX_SAFE_INTEGER;
        for (const category of container.categories ?? []) category.children.sort((a, b) => kindRank(a) - kindRank(b) || rank(a) - rank(b));
      };
      const modules = (context.project.children ?? []).filter((r) => r.kindOf(ReflectionKind.Module));
      if (modules.length === 0) {
        // Un seul point d'entrée : ses exports sont les enfants du projet.
        sortCategories(context.project, new Map(entries.flatMap(exportOrder).map((name, i) => [name, i])));
        return;
      }
      // Plusieurs points d'entrée (le noyau, puis ses clients) : les modules dans l'ordre des points
      // d'entrée, et dans chacun, ses exports dans l'ordre de son fichier.
      sortCategories(context.project, new Map(modules.map((m, i) => [m.name, i])));
      modules.forEach((m, i) => {
        const entry = entries[i];
        if (entry !== undefined) sortCategories(m, new Map(exportOrder(entry).map((name, j) => [name, j])));
      });
    },
    // Après le classement en catégories (priorité -200 dans TypeDoc).
    -300,
  );
}

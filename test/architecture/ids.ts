import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Les identifiants et les textes littéraux d'un fichier source : son code, sans ses commentaires. */
export function codeOf(file: string): string {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const parts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) parts.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return parts.join('\n');
}

/** Les fichiers .ts d'un dossier, récursivement. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Pour chaque identifiant, les fichiers (relatifs à `root`) dont le code le nomme. */
export function filesNaming(ids: readonly string[], root: string): Record<string, string[]> {
  const files = sourceFiles(root).map((f) => ({ f: relative(root, f), code: codeOf(f) }));
  return Object.fromEntries(ids.map((id) => [id, files.filter(({ code }) => new RegExp(`\\b${id}\\b`).test(code)).map(({ f }) => f)]));
}

/** Le nom de fichier d'un module, déduit de son nom : `forfaitParStrate` → `forfait-par-strate`. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Pour chaque nom, les fichiers (relatifs à `root`) dont le code le nomme exactement : un
 * identifiant ou un texte littéral égal au nom, ou un chemin d'import vers son module. Un mot de
 * la langue (« forfait » dans une phrase) ne compte pas : seul le nom, comme le code l'écrit.
 */
export function filesNamingExactly(names: readonly string[], root: string): Record<string, string[]> {
  const files = sourceFiles(root).map((f) => ({ f: relative(root, f), tokens: new Set(codeOf(f).split('\n')) }));
  return Object.fromEntries(
    names.map((name) => [
      name,
      files
        .filter(({ tokens }) => tokens.has(name) || [...tokens].some((t) => t.endsWith(`/${kebab(name)}.js`)))
        .map(({ f }) => f),
    ]),
  );
}

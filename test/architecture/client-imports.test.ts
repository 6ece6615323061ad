import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './ids.js';

const SRC = join(__dirname, '..', '..', 'src');

/** Les clients de la bibliothèque, chacun dans son dossier de src/, et ce qu'ils peuvent importer hors de leur dossier. */
const CLIENTS: Record<string, { readonly builtins: boolean }> = {
  documents: { builtins: false },
  spreadsheet: { builtins: false },
  simulator: { builtins: false },
  titres: { builtins: false },
  cli: { builtins: true },
};

/** Les points d'entrée publics, tels qu'un tiers les importe. */
const PUBLIC_ENTRIES = new Set(['@te90/tarifs', '@te90/tarifs/documents', '@te90/tarifs/tableur', '@te90/tarifs/titres']);

/** Chaque spécificateur importé ou réexporté par un texte source (import, export … from, import(), import type). */
function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) found.push(node.arguments[0].text);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal.text);
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) found.push(node.moduleReference.expression.text);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Ce qu'un fichier d'un client importe qu'il n'a pas le droit d'importer. */
function forbidden(client: string, file: string, text?: string): string[] {
  const own = join(SRC, client) + sep;
  return importsOf(file, text).filter((spec) => {
    if (spec.startsWith('.')) return !resolve(dirname(file), spec).startsWith(own);
    if (PUBLIC_ENTRIES.has(spec)) return false;
    return !(CLIENTS[client]!.builtins && spec.startsWith('node:'));
  });
}

describe('les clients ne passent que par l’API publique', () => {
  it('chaque fichier d’un client n’importe que les points d’entrée publics, son propre dossier et, pour la ligne de commande, les modules de Node', () => {
    const wrong = Object.keys(CLIENTS).flatMap((client) =>
      sourceFiles(join(SRC, client)).flatMap((file) => forbidden(client, file).map((spec) => `${relative(SRC, file)} → ${spec}`)),
    );
    expect(wrong).toEqual([]);
  });

  it('le noyau n’importe aucun client, ni lui-même par son nom', () => {
    const clients = Object.keys(CLIENTS).map((c) => join(SRC, c) + sep);
    const wrong = sourceFiles(SRC)
      .filter((file) => !clients.some((dir) => file.startsWith(dir)))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec.startsWith('@te90/') || (spec.startsWith('.') && clients.some((dir) => resolve(dirname(file), spec).startsWith(dir))))
          .map((spec) => `${relative(SRC, file)} → ${spec}`),
      );
    expect(wrong).toEqual([]);
  });

  it('le contrôle voit les imports interdits, y compris de types, réexportés ou dynamiques', () => {
    const probe = join(SRC, 'documents', 'sonde.ts');
    const text = [
      "import { quote } from '@te90/tarifs';",
      "import type { Catalogue } from '../catalogue/types.js';",
      "export { makeIssue } from '../wording/issues.js';",
      "const z = import('zod/mini');",
      "type T = import('../core/shapes.js').Quote;",
      "import { x } from './voisin.js';",
      "import y = require('../money/round.js');",
      "const w = require('decimal.js');",
    ].join('\n');
    expect(forbidden('documents', probe, text)).toEqual(['../catalogue/types.js', '../wording/issues.js', 'zod/mini', '../core/shapes.js', '../money/round.js', 'decimal.js']);
    expect(forbidden('cli', join(SRC, 'cli', 'sonde.ts'), "import { readFile } from 'node:fs';\nimport { y } from '../documents/index.js';")).toEqual(['../documents/index.js']);
  });
});

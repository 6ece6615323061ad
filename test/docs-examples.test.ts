import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const INDEX = join(ROOT, 'src', 'index.ts');
const TABLEUR = join(ROOT, 'src', 'spreadsheet', 'index.ts');
const DOCUMENTS = join(ROOT, 'src', 'documents', 'index.ts');
const TITRES = join(ROOT, 'src', 'titres', 'index.ts');
const OUT = join(ROOT, 'node_modules', '.cache', 'te90-exemples');

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
  lib: ['lib.es2022.d.ts'],
  // Les clients importent la bibliothèque par son nom, comme un tiers (voir tsconfig.json).
  paths: { '@te90/tarifs': [INDEX], '@te90/tarifs/documents': [DOCUMENTS], '@te90/tarifs/tableur': [TABLEUR], '@te90/tarifs/titres': [TITRES] },
};

/** Variables que les @example de la TSDoc utilisent sans les définir (jamais le README ni le guide). */
const FIXTURES = `
declare const adhesion: Adhesion;
declare const adhesions: Adhesion[];
declare const adhesionA: Adhesion;
declare const adhesionB: Adhesion;
declare const adhesionCommune: Adhesion;
declare const adhesionAvecPackDemat: Adhesion;
declare const collectivite: Collectivite;
declare const c: Collectivite;
declare const catalogue: Catalogue;
declare const complet: Catalogue;
declare const tarifs: Tarifs;
declare const source: Source;
declare const texte: string;
declare const emetteur: Emetteur;
declare const role: BillingRoll;
declare const parametres: ParametresPes;
declare function writeFileSync(file: string, data: Uint8Array): void;
`;

interface Example {
  readonly name: string;
  readonly code: string;
}

function exportsOfIndex(program: ts.Program, entry = INDEX): { names: string[]; examples: Example[]; missing: string[] } {
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(entry)!;
  const symbols = checker.getExportsOfModule(checker.getSymbolAtLocation(index)!);
  const examples: Example[] = [];
  const missing: string[] = [];
  for (const symbol of symbols) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.[0];
    if (!declaration) continue;
    const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
    const tags = ts.getJSDocTags(node).filter((t) => t.tagName.text === 'example');
    if (tags.length === 0) missing.push(symbol.name);
    for (const tag of tags) {
      const comment = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? '';
      const code = /```ts\n([\s\S]*?)```/.exec(comment)?.[1];
      if (code) examples.push({ name: symbol.name, code });
    }
  }
  return { names: symbols.map((s) => s.name), examples, missing };
}

function typecheck(examples: readonly Example[], names: readonly string[], documents: readonly string[], tableurNames: readonly string[], titresNames: readonly string[]): string[] {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const files = examples.map((example, i) => {
    const file = join(OUT, `exemple-${i}.ts`);
    const body = example.code
      .split('\n')
      .filter((line) => !/^\s*import\s/.test(line))
      .join('\n');
    const importPath = './' + relative(OUT, INDEX).replace(/\\/g, '/').replace(/\.ts$/, '.js');
    writeFileSync(
      file,
      `// ${example.name}\nimport { ${names.join(', ')} } from '${importPath}';\nimport { ${documents.join(', ')} } from '${importPath.replace('index.js', 'documents/index.js')}';\nimport { ${tableurNames.join(', ')} } from '${importPath.replace('index.js', 'spreadsheet/index.js')}';\nimport { ${titresNames.join(', ')} } from '${importPath.replace('index.js', 'titres/index.js')}';\n${FIXTURES}\nexport {};\n{\n${body}\n}\n`,
    );
    return file;
  });
  const program = ts.createProgram(files, OPTIONS);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(d.file.fileName) && d.code !== 6133)
    .map((d) => {
      const where = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${d.file!.text.split('\n')[0]} (ligne ${where.line - 8}) : ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

describe('documentation', () => {
  const program = ts.createProgram([INDEX, TABLEUR, DOCUMENTS, TITRES], OPTIONS);
  const { names, examples, missing } = exportsOfIndex(program);
  const tableur = exportsOfIndex(program, TABLEUR);
  const documents = exportsOfIndex(program, DOCUMENTS);
  const titres = exportsOfIndex(program, TITRES);

  it('chaque export public a un @example', () => {
    expect(names.length).toBeGreaterThan(40);
    expect(documents.names.length).toBeGreaterThan(20);
    expect(titres.names.length).toBeGreaterThan(3);
    expect([...missing, ...tableur.missing, ...documents.missing, ...titres.missing]).toEqual([]);
  });

  // Les exemples du README et du guide, eux, s'exécutent tels quels : test/readme-samples.test.ts.
  it('chaque @example des exports publics (bibliothèque, documents, tableur, titres) compile', () => {
    const all = [...examples, ...documents.examples, ...tableur.examples, ...titres.examples];
    expect(all.length).toBeGreaterThan(40);
    expect(typecheck(all, names, documents.names, tableur.names, titres.names)).toEqual([]);
  }, 60_000);
});

describe('guide', () => {
  it('les exemples « Ajouter une prestation » et « Ajouter un modèle de prix » compilent contre le code de la bibliothèque', () => {
    const guide = readFileSync(join(ROOT, 'docs', 'guide.md'), 'utf8');
    const blocks = [...guide.matchAll(/```typescript\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^ {3}/gm, ''));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const dir = join(OUT, 'guide');
    mkdirSync(dir, { recursive: true });
    const files = blocks.map((code, i) => {
      // Chaque exemple dit où il vit (« // src/models/….ts ») : ses imports relatifs y sont résolus.
      const home = /^\/\/ (src\/[\w-]+)\//.exec(code)?.[1];
      expect(home, `exemple ${i} : première ligne « // src/<dossier>/<fichier>.ts »`).toBeDefined();
      const file = join(dir, `exemple-${i}.ts`);
      const rewritten = code.replace(/from '(\.{1,2}\/[^']+)'/g, (_, spec: string) => {
        const target = './' + relative(dir, join(ROOT, home!, spec)).replace(/\\/g, '/');
        return `from '${target}'`;
      });
      writeFileSync(file, rewritten);
      return file;
    });
    const program = ts.createProgram(files, OPTIONS);
    const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.includes(d.file.fileName));
    expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  }, 60_000);

  it('documente chaque code d’erreur', async () => {
    const { ISSUE_CODES } = await import('../src/index.js');
    const guide = readFileSync(join(ROOT, 'docs', 'guide.md'), 'utf8');
    for (const code of Object.keys(ISSUE_CODES)) expect(guide).toContain(`| \`${code}\` |`);
  });
});

describe('TSDoc des modules internes', () => {
  it('chaque déclaration exportée de src/ est documentée ; seuls les exports publics portent un @example', () => {
    const program = ts.createProgram([INDEX, TABLEUR, DOCUMENTS, TITRES], OPTIONS);
    const checker = program.getTypeChecker();
    const publicDeclarations = new Set<ts.Node>();
    const entries = [INDEX, TABLEUR, DOCUMENTS, TITRES].flatMap((f) => checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(f)!)!));
    for (const symbol of entries) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      for (const d of target.declarations ?? []) publicDeclarations.add(ts.isVariableDeclaration(d) ? d.parent.parent : d);
    }
    const files = ts.sys.readDirectory(join(ROOT, 'src'), ['.ts']);
    const undocumented: string[] = [];
    const internalExamples: string[] = [];
    for (const file of files) {
      const source = program.getSourceFile(file) ?? ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      for (const statement of source.statements) {
        const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
        if (!exported || ts.isExportDeclaration(statement)) continue;
        const name = ts.isVariableStatement(statement)
          ? statement.declarationList.declarations.map((d) => d.name.getText(source)).join(',')
          : ((statement as ts.DeclarationStatement).name?.getText(source) ?? '?');
        const node = ts.isVariableStatement(statement) ? statement.declarationList.declarations[0]! : statement;
        if (ts.getJSDocCommentsAndTags(node).length === 0 && ts.getJSDocCommentsAndTags(statement).length === 0) undocumented.push(`${relative(ROOT, file)} : ${name}`);
        const hasExample = ts.getJSDocTags(node).some((t) => t.tagName.text === 'example');
        if (hasExample && !publicDeclarations.has(statement)) internalExamples.push(`${relative(ROOT, file)} : ${name}`);
      }
    }
    expect(undocumented).toEqual([]);
    expect(internalExamples).toEqual([]);
  });
});

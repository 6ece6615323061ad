/**
 * Le HTML des documents ne s'écrit qu'à un endroit : le gabarit étiqueté `html` de
 * src/documents/html.ts, qui échappe toute valeur insérée. Ce test lit le code des documents et du
 * simulateur : aucune balise hors d'un gabarit `html`…`` (ni chaîne, ni gabarit ordinaire, ni
 * concaténation), aucune autre fonction d'échappement, `html` jamais appelé comme une fonction, et
 * le simulateur n'écrit que le document de `renderQuoteHtml`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const DOSSIERS = ['src/documents', 'src/simulator'];
/** Le seul fichier qui fabrique du HTML à partir d'un texte. */
const ECHAPPEMENT = 'src/documents/html.ts';

/** Une balise (ouvrante, fermante, doctype ou commentaire) dans un texte. */
const BALISE = /<[A-Za-z!/]/;

function fichiers(): string[] {
  return DOSSIERS.flatMap((d) =>
    readdirSync(join(ROOT, d), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(d, f)),
  );
}

/** Ce qu'un texte source fait de HTML hors du gabarit `html` : une ligne par écart, `fichier:ligne : raison`. */
function ecarts(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const at = (node: ts.Node, why: string) => out.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} : ${why}`);
  const isHtmlTag = (node: ts.Node) => ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html';
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const texte = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('') : node.text;
      const parent = node.parent;
      const dansHtml = parent !== undefined && isHtmlTag(parent) && (parent as ts.TaggedTemplateExpression).template === node;
      const importe = parent !== undefined && (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent));
      if (BALISE.test(texte) && !dansHtml && !importe) at(node, `balise hors d'un gabarit html\`…\` : ${JSON.stringify(texte.slice(0, 60))}`);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'html') at(node, 'html appelé comme une fonction (gabarit étiqueté seulement)');
    if ((ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node)) && node.name !== undefined && ts.isIdentifier(node.name) && /escape(Html|Text)?$/i.test(node.name.text) && file !== ECHAPPEMENT) {
      at(node, `fonction d'échappement « ${node.name.text} » hors de ${ECHAPPEMENT}`);
    }
    if (ts.isPropertyAccessExpression(node) && ['innerHTML', 'outerHTML', 'insertAdjacentHTML'].includes(node.name.text)) at(node, `${node.name.text} : du HTML écrit d'un texte`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('échappement HTML à un seul endroit', () => {
  it('aucune balise hors du gabarit html`…` dans les documents et le simulateur', () => {
    const found = fichiers()
      .filter((f) => f !== ECHAPPEMENT)
      .flatMap((f) => ecarts(relative(ROOT, join(ROOT, f)), readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('le simulateur n’écrit dans une fenêtre que le document de renderQuoteHtml', () => {
    const text = readFileSync(join(ROOT, 'src/simulator/simulator.ts'), 'utf8');
    const writes = [...text.matchAll(/document\.write\(([^)]*)\)/g)].map((m) => m[1]);
    expect(writes).toEqual(['rendu.data']);
  });

  it('le contrôle voit les contournements : chaîne, gabarit ordinaire, concaténation, appel direct, autre échappement, innerHTML', () => {
    const piege = [
      "const a = '<td>' + siren + '</td>';",
      'const b = `<td>${siren}</td>`;',
      "const c = html(['<td>'] as any);",
      'function escape(t: string) { return t; }',
      'el.innerHTML = siren;',
      'const ok = html`<td>${siren}</td>`;',
    ].join('\n');
    const found = ecarts('piege.ts', piege);
    expect(found.map((l) => l.split(' : ')[0])).toEqual(['piege.ts:1', 'piege.ts:1', 'piege.ts:2', 'piege.ts:3', 'piege.ts:3', 'piege.ts:4', 'piege.ts:5']);
  });
});

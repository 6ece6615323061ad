import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
let out: string;
const page = (file: string) => readFileSync(join(out, file), 'utf8');

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'te90-api-'));
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'typedoc'), ['--out', out, '--logLevel', 'Warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`typedoc : sortie ${r.status}\n${r.stdout}\n${r.stderr}`);
}, 120_000);

describe('documentation de l’API (TypeDoc)', () => {
  it('en français : titres « Exemple » et « Lève », et le type de l’exception lié', () => {
    const quote = page('functions/_te90_tarifs.quote.html');
    expect(quote).toMatch(/>Exemple</);
    expect(quote).toMatch(/>Lève</);
    expect(quote).not.toMatch(/>(Example|Throws)</);
    expect(quote).toMatch(/href="[^"]*QuoteError\.html"/);
  });

  it('la version est affichée, et aucun module « index » parasite', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(page('index.html')).toContain(`v${version}`);
    expect(existsSync(join(out, 'modules', 'index.html'))).toBe(false);
    expect(page('functions/_te90_tarifs.quote.html')).not.toMatch(/>index</);
  });

  it('les exports sont rangés par catégorie, dans un ordre sensé', () => {
    const sections = [...page('modules/_te90_tarifs.html').matchAll(/data-key="section-([^"]+)"/g)].map((m) => m[1]);
    expect(sections.slice(0, 4)).toEqual(['Devis', 'Lot', 'Catalogue', 'Prestations']);
    // Les fonctions de tableur ont leur module, @te90/tarifs/tableur, et la bibliothèque n'a pas de catégorie « Tableur » vide.
    expect(sections).not.toContain('Tableur');
    expect([...page('modules/_te90_tarifs_tableur.html').matchAll(/data-key="section-([^"]+)"/g)].map((m) => m[1])).toContain('Tableur');
  });

  it('les documents ont leur module, @te90/tarifs/documents, rangé par catégorie', () => {
    const sections = [...page('modules/_te90_tarifs_documents.html').matchAll(/data-key="section-([^"]+)"/g)].map((m) => m[1]);
    expect(sections.slice(0, 4)).toEqual(['Devis', 'Lot', 'Catalogue', "Au fil de l'eau"]);
    expect(page('functions/_te90_tarifs_documents.renderQuoteHtml.html')).toMatch(/href="[^"]*QuoteError\.html"/);
  });

  it('chaque document a un titre', () => {
    for (const file of ['documents/Guide.html', 'documents/Tableurs.html']) expect(page(file)).toMatch(/<title>[A-Z][^<|]+ \|/);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
let out: string;
const page = (file: string) => readFileSync(join(out, file), 'utf8');

/** Les sortes de TypeDoc (`ReflectionKind`) que la documentation range. */
const KIND = { Variable: 32, Function: 64, Class: 128, Interface: 256, TypeAlias: 2_097_152, Document: 8_388_608 } as const;

interface JsonReflection {
  readonly id: number;
  readonly name: string;
  readonly kind: number;
  readonly children?: readonly JsonReflection[];
  readonly documents?: readonly JsonReflection[];
  readonly categories?: readonly { readonly title: string; readonly children: readonly number[] }[];
}
let project: JsonReflection;

/** Chaque catégorie d'une page (le projet, ou l'un de ses modules), ses entrées dans l'ordre de la documentation. */
function categories(of: JsonReflection = project): { title: string; entries: JsonReflection[] }[] {
  const byId = new Map([...(of.children ?? []), ...(of.documents ?? [])].map((r) => [r.id, r]));
  return (of.categories ?? []).map((c) => ({ title: c.title, entries: c.children.map((id) => byId.get(id)!) }));
}

/** Les modules du paquet (le noyau et ses clients), dans l'ordre de la documentation. */
const modules = (): JsonReflection[] => [...(project.children ?? [])];
const moduleNamed = (name: string): JsonReflection => modules().find((m) => m.name === name)!;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'te90-api-'));
  const json = join(out, 'api.json');
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'typedoc'), ['--out', out, '--json', json, '--logLevel', 'Warn'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`typedoc : sortie ${r.status}\n${r.stdout}\n${r.stderr}`);
  project = JSON.parse(readFileSync(json, 'utf8')) as JsonReflection;
}, 200_000);

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
    for (const file of ['documents/Guide.html', 'documents/Ligne_de_commande.html', 'documents/Tableurs.html', 'documents/Performances.html']) {
      expect(page(file)).toMatch(/<title>[A-Z][^<|]+ \|/);
    }
  });

  it('la page d’accueil est une courte présentation qui mène aux fonctions principales, pas le README', () => {
    const accueil = page('index.html');
    expect(accueil).toContain('Par où commencer');
    for (const f of ['quote', 'completeCatalogue', 'quoteAll', 'billingRoll']) expect(accueil).toMatch(new RegExp(`href="[^"]*functions/_te90_tarifs\\.${f}\\.html"`));
    expect(accueil).not.toContain('npm ci &amp;&amp; npm run exemple');
    const config = JSON.parse(readFileSync(join(ROOT, 'typedoc.json'), 'utf8')) as { readme: string };
    expect(readFileSync(join(ROOT, config.readme), 'utf8').split('\n').length).toBeLessThanOrEqual(60);
  });

  it('les guides sont des pages, rangées en tête sous « Guides », puis les modules, le noyau d’abord ; aucun export sans catégorie (« Autres »)', () => {
    const [guides, mods, ...rest] = categories();
    expect(guides!.title).toBe('Guides');
    expect(guides!.entries.map((e) => [e.name, e.kind])).toEqual(['Guide', 'Ligne de commande', 'Tableurs', 'Performances'].map((n) => [n, KIND.Document]));
    expect(mods!.title).toBe('Modules');
    expect(mods!.entries.map((e) => e.name)).toEqual(['@te90/tarifs', '@te90/tarifs/documents', '@te90/tarifs/tableur', '@te90/tarifs/titres']);
    expect(rest).toEqual([]);
    for (const m of modules()) expect(categories(m).map((c) => c.title), m.name).not.toContain('Autres');
  });

  it('dans chaque catégorie, la fonction principale en tête, puis les fonctions, les constantes et les types', () => {
    const first = Object.fromEntries(categories(moduleNamed('@te90/tarifs')).map((c) => [c.title, c.entries[0]!.name]));
    expect(first).toMatchObject({ Devis: 'quote', Lot: 'quoteAll', Catalogue: 'completeCatalogue' });
    const rank = (kind: number) => [KIND.Document, KIND.Function, KIND.Class, KIND.Variable, KIND.Interface | KIND.TypeAlias].findIndex((k) => (k & kind) !== 0);
    for (const m of modules()) {
      for (const c of categories(m)) {
        const ranks = c.entries.map((e) => rank(e.kind));
        expect(ranks, `${m.name} › ${c.title}`).toEqual([...ranks].sort((a, b) => a - b));
      }
    }
  });

  it('aucune catégorie vide : chacune de categoryOrder a des entrées, et toute catégorie y est nommée, dans cet ordre', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'typedoc.json'), 'utf8')) as { categoryOrder: string[] };
    const declared = config.categoryOrder.filter((c) => c !== '*');
    const used = new Set(categories().map((c) => c.title));
    for (const m of modules()) {
      const found = categories(m);
      for (const c of found) expect(c.entries.length, `${m.name} › ${c.title}`).toBeGreaterThan(0);
      expect(found.map((c) => c.title), m.name).toEqual(declared.filter((c) => found.some((f) => f.title === c)));
      for (const c of found) used.add(c.title);
    }
    expect(declared.filter((c) => !used.has(c))).toEqual([]);
    expect([...used].filter((c) => !declared.includes(c))).toEqual([]);
  });

  it('des signatures lisibles : des types nommés, jamais les dix identifiants de prestation dépliés', () => {
    expect(page('functions/_te90_tarifs.quote.html')).toMatch(/<span class="tsd-signature-symbol">:<\/span> <a href="[^"]*AdhesionQuote\.html"/);
    const pages = ['functions', 'interfaces', 'types', 'classes', 'variables'].flatMap((dir) => readdirSync(join(out, dir)).map((f) => `${dir}/${f}`));
    expect(pages.filter((f) => /&quot;cabinetNumerique&quot;/.test(page(f)))).toEqual([]);
  });
});

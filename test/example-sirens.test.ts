/**
 * Les SIREN des exemples livrés (fichiers d'exemple, README, guides, `@example` des sources, aides de
 * la ligne de commande) : un SIREN de commune ou d'EPCI des données de l'État
 * (`@etalab/decoupage-administratif`) y porte le nom de cette collectivité, et sa population quand elle
 * est donnée. Un exemple ne prête pas le SIREN d'une vraie collectivité à une collectivité inventée.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const require = createRequire(import.meta.url);

interface Body {
  readonly nom: string;
  readonly population: number | undefined;
}

/** Les communes et les EPCI des données, par SIREN (population des EPCI : population totale). */
const BODIES: ReadonlyMap<string, Body> = (() => {
  const bodies = new Map<string, Body>();
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as { nom: string; type: string; siren?: string; population?: number }[];
  for (const c of communes) if (c.type === 'commune-actuelle' && c.siren) bodies.set(c.siren, { nom: c.nom, population: c.population });
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as { code: string; nom: string; populationTotale: number }[];
  for (const e of epcis) bodies.set(e.code, { nom: e.nom, population: e.populationTotale });
  return bodies;
})();

const digits = (siren: string) => siren.replace(/[\s\u00a0\u202f]/g, '');

interface Named {
  readonly siren: string;
  readonly nom: string;
  readonly population?: unknown;
}

/** Ce qui ne va pas dans un couple (SIREN, nom) : le nom ou la population d'une autre collectivité. */
function mismatch(named: Named): string | undefined {
  const body = BODIES.get(digits(named.siren));
  if (!body) return undefined;
  if (named.nom !== body.nom) return `SIREN ${named.siren} nommé « ${named.nom} » : c'est celui de ${body.nom}`;
  if (named.population !== undefined && named.population !== body.population) return `${body.nom} : population ${String(named.population)} au lieu de ${String(body.population)}`;
  return undefined;
}

/** Les problèmes des adhésions d'un fichier d'exemple (JSON ou JSONL). */
function adhesionProblems(adhesions: readonly unknown[]): string[] {
  const problems: string[] = [];
  for (const a of adhesions) {
    const adhesion = a as { collectivite?: Named; destinataires?: Named[]; prestations?: { packDemat?: { sirens?: string[] } } };
    const named = [...(adhesion.collectivite ? [adhesion.collectivite] : []), ...(adhesion.destinataires ?? [])];
    for (const n of named) {
      const problem = mismatch(n);
      if (problem) problems.push(problem);
    }
    // Un SIREN de collectivité réelle facturé sans nom : le devis le porterait sans dire à qui il est.
    const nommes = new Set(named.map((n) => digits(n.siren)));
    for (const siren of adhesion.prestations?.packDemat?.sirens ?? []) {
      const body = BODIES.get(digits(siren));
      if (body && !nommes.has(digits(siren))) problems.push(`SIREN ${siren} (${body.nom}) dans un pack démat, sans son nom`);
    }
  }
  return problems;
}

/** Les problèmes d'un texte (Markdown ou source) : couples écrits dans un même objet, puis SIREN nus. */
function textProblems(text: string, blocks: readonly string[]): string[] {
  const problems: string[] = [];
  // Les couples d'un même objet littéral (TypeScript ou JSON) : { nom: '…', siren: '…', population: … }.
  for (const object of text.match(/\{[^{}]*\}/g) ?? []) {
    const field = (name: string) => new RegExp(`["']?${name}["']?\\s*:\\s*(?:'([^']*)'|"([^"]*)"|(\\d+))`).exec(object);
    const nom = field('nom');
    const siren = field('siren');
    if (!nom || !siren) continue;
    const population = field('population');
    const problem = mismatch({
      nom: (nom[1] ?? nom[2])!,
      siren: (siren[1] ?? siren[2] ?? siren[3])!,
      ...(population?.[3] ? { population: Number(population[3]) } : {}),
    });
    if (problem) problems.push(problem);
  }
  // Tout SIREN de collectivité réelle : son nom sur la même ligne, ou dans le même bloc.
  for (const block of blocks) {
    for (const line of block.split('\n')) {
      for (const m of line.matchAll(/(?<![\d.,])\d{3}[ \u00a0\u202f]?\d{3}[ \u00a0\u202f]?\d{3}(?![\d.,]\d)/g)) {
        const body = BODIES.get(digits(m[0]));
        if (body && !line.includes(body.nom) && !block.includes(body.nom)) problems.push(`SIREN ${m[0]} (${body.nom}) sans son nom : « ${line.trim()} »`);
      }
    }
  }
  return problems;
}

/** Les blocs d'un Markdown : chaque bloc de code, et chaque paragraphe (tableaux compris) hors code. */
function markdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const [k, part] of text.split(/^```.*$/m).entries()) {
    if (k % 2 === 1) blocks.push(part);
    else blocks.push(...part.split(/\n\s*\n/));
  }
  return blocks;
}

/** Les blocs d'une source : ses commentaires de documentation, et chaque ligne hors commentaire. */
function sourceBlocks(text: string): string[] {
  const comments = text.match(/\/\*\*[\s\S]*?\*\//g) ?? [];
  const rest = text.replace(/\/\*\*[\s\S]*?\*\//g, '').split('\n');
  return [...comments, ...rest];
}

function walk(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? walk(path, keep) : keep(path) ? [path] : [];
  });
}

const rel = (path: string) => relative(ROOT, path);
const exampleFiles = walk(join(ROOT, 'examples'), (p) => /\.jsonl?$/.test(p));
const markdownFiles = [join(ROOT, 'README.md'), ...walk(join(ROOT, 'docs'), (p) => p.endsWith('.md') && !rel(p).startsWith('docs/api')), ...walk(join(ROOT, 'examples'), (p) => p.endsWith('.md'))];
const sourceFiles = [...walk(join(ROOT, 'src'), (p) => p.endsWith('.ts')), join(ROOT, 'examples', 'api.ts'), ...walk(join(ROOT, 'examples', 'simulateur'), () => true)];

function readAdhesions(path: string): unknown[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.jsonl')) return text.trim().split('\n').map((line) => JSON.parse(line) as unknown);
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) ? value : [value];
}

describe('les SIREN des exemples appartiennent aux collectivités qu’ils nomment', () => {
  it('les données de l’État sont là (sinon ce test ne vérifierait rien)', () => {
    expect(BODIES.get('219000494')).toEqual({ nom: 'Foussemagne', population: 869 });
    expect(BODIES.get('200069060')?.nom).toBe('CC des Vosges du Sud');
    expect(exampleFiles.map(rel)).toEqual(expect.arrayContaining(['examples/commune.json', 'examples/lot-adherents.jsonl', 'examples/territoire-de-belfort/adhesions.json']));
  });

  it.each(exampleFiles.map(rel))('%s', (file) => {
    expect(adhesionProblems(readAdhesions(join(ROOT, file)))).toEqual([]);
  });

  it.each([...markdownFiles, ...sourceFiles].map(rel))('%s', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(textProblems(text, file.endsWith('.md') ? markdownBlocks(text) : sourceBlocks(text))).toEqual([]);
  });

  it('refuse un SIREN réel prêté à une collectivité inventée (les anciens exemples)', () => {
    expect(adhesionProblems([{ collectivite: { nom: 'Commune exemple', siren: '219 000 106', type: 'commune', population: 850 } }])).toEqual([
      'SIREN 219 000 106 nommé « Commune exemple » : c\'est celui de Belfort',
    ]);
    expect(adhesionProblems([{ collectivite: { nom: 'Foussemagne', siren: '219000494', type: 'commune', population: 850 } }])).toEqual([
      'Foussemagne : population 850 au lieu de 869',
    ]);
    expect(adhesionProblems([{ collectivite: { nom: 'X', siren: '200000339', type: 'ccas' }, prestations: { packDemat: { sirens: ['200000339', '200 000 172'] } } }])).toEqual([
      'SIREN 200 000 172 (CC Faucigny - Glières) dans un pack démat, sans son nom',
    ]);
    const ligne = "  collectivite: { nom: 'Commune exemple', siren: '219 000 106', type: 'commune', population: 850 },";
    expect(textProblems(ligne, [ligne])).toHaveLength(2);
    expect(textProblems('| 3 | Communauté B | 200000172 | epci |', ['| 3 | Communauté B | 200000172 | epci |'])).toHaveLength(1);
    const juste = "{ nom: 'Foussemagne', siren: '219 000 494', type: 'commune', population: 869 }";
    expect(textProblems(juste, [juste])).toEqual([]);
  });
});

/**
 * `comparer` écrit au fil des adhérents : la sortie est celle de la bibliothèque,
 * la mémoire ne dépend pas de la taille du lot, les fichiers temporaires sont effacés.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  compareCatalogues,
  parseCatalogue,
  type Adhesion,
  type Catalogue,
} from '../src/index.js';
import { renderComparisonCsv, renderComparisonHtml, renderComparisonText } from '@te90/tarifs/documents';
import { runCli } from '../src/cli/main.js';
import { decodeUtf8 } from '../src/cli/decode.js';
import { batchFromText, type BatchSource } from '../src/cli/sources.js';
import { jsonPieces } from '../src/cli/json-stream.js';
import { Spool } from '../src/cli/spool.js';
import fc from 'fast-check';
import { memoryIo } from './cli-helpers.js';

const ROOT = join(__dirname, '..');
const B = join(ROOT, 'examples', 'territoire-de-belfort');
const CLI = join(ROOT, 'dist', 'cli.js');
const SPAWN_TIMEOUT = 60_000;
const AVANT = join(B, 'catalogue-2026.json');
const APRES = join(B, 'catalogue-2027.json');
const adhesions = JSON.parse(readFileSync(join(B, 'adhesions.json'), 'utf8')) as Adhesion[];
const catalogues = { avant: parseCatalogue(JSON.parse(readFileSync(AVANT, 'utf8'))) as Catalogue, apres: parseCatalogue(JSON.parse(readFileSync(APRES, 'utf8'))) as Catalogue };
const dossier = () => mkdtempSync(join(tmpdir(), 'te90-cmp-'));

/** Les communes du Territoire de Belfort (aucune n'est refusée, aucune n'est facturée deux fois). */
const communes = adhesions.filter((a) => a.collectivite.type === 'commune').slice(0, 40);

async function comparer(lot: string, format: string, env: { tmp?: string } = {}) {
  const m = memoryIo();
  const saved = process.env['TMPDIR'];
  if (env.tmp !== undefined) process.env['TMPDIR'] = env.tmp;
  try {
    const code = await runCli(['comparer', lot, '--avant', AVANT, '--apres', APRES, '--format', format], m.io);
    return { code, out: m.out(), err: m.err(), writes: m.writes };
  } finally {
    if (env.tmp !== undefined) {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  }
}

describe('comparer écrit au fil des adhérents, la sortie de la bibliothèque', () => {
  const d = dossier();
  const lot = join(d, 'communes.json');
  writeFileSync(lot, JSON.stringify(communes));
  const attendu = compareCatalogues(communes, catalogues);

  it('texte, CSV et HTML : exactement le rendu de compareCatalogues', async () => {
    expect(attendu.synthese.conflits.avant).toEqual([]);
    expect((await comparer(lot, 'texte')).out).toBe(renderComparisonText(attendu, ['2026', '2027']) + '\n');
    expect((await comparer(lot, 'csv')).out).toBe(renderComparisonCsv(attendu));
    expect((await comparer(lot, 'html')).out).toBe(renderComparisonHtml(attendu, catalogues));
  });

  it('CSV et HTML : les conflits, sur la sortie d’erreur, disent le millésime de chaque catalogue, jamais « en avant » ni « en après »', async () => {
    const belfort = join(B, 'adhesions.json');
    for (const format of ['csv', 'html', 'texte']) {
      const r = await comparer(belfort, format);
      expect(r.code).toBe(1);
      const conflits = format === 'texte' ? r.out : r.err;
      expect(conflits).toContain('Facturé deux fois au même SIREN en 2026 (1)');
      expect(conflits).toContain('Facturé deux fois au même SIREN en 2027 (1)');
      expect(r.out + r.err).not.toMatch(/en avant|en après|adhésion\(s\)/);
    }
  });

  it('JSON : les adhérents de compareCatalogues, chacun avec son fichier, puis la synthèse', async () => {
    const r = await comparer(lot, 'json');
    expect(r.code).toBe(0);
    const lu = JSON.parse(r.out) as { adherents: { fichier: string }[]; synthese: unknown };
    expect(Object.keys(lu)).toEqual(['adherents', 'synthese']);
    expect(lu.adherents.map(({ fichier, ...rest }) => rest)).toEqual(JSON.parse(JSON.stringify(attendu.adherents)));
    expect(lu.adherents.every((a) => a.fichier === lot)).toBe(true);
    expect(lu.synthese).toEqual(JSON.parse(JSON.stringify(attendu.synthese)));
    // Écrit au fil de l'eau : une écriture par adhérent, pas un seul bloc.
    expect(r.writes.length).toBeGreaterThan(communes.length);
  });

  it('une ligne illisible dans un JSONL : les positions des plus fortes hausses sont celles du fichier', async () => {
    const jsonl = join(d, 'lot.jsonl');
    const lignes = communes.slice(0, 12).map((a) => JSON.stringify(a));
    lignes.splice(2, 0, '{"collectivite": ');
    writeFileSync(jsonl, lignes.join('\n') + '\n');
    const r = await comparer(jsonl, 'json');
    const lu = JSON.parse(r.out) as { adherents: { index: number; nom: string | null; fichier: string; refus: { avant?: { code: string }[] } }[]; synthese: { hausses: { index: number; nom: string }[] } };
    expect(lu.adherents[2]).toMatchObject({ index: 2, nom: null, fichier: `${jsonl}:3`, refus: { avant: [{ code: 'JSON_INVALIDE' }] } });
    expect(lu.synthese.hausses.length).toBeGreaterThan(0);
    for (const h of lu.synthese.hausses) expect(lu.adherents[h.index]!.nom).toBe(h.nom);
  });

  it("le rapport HTML : à écart égal, les plus fortes hausses et baisses dans l'ordre du lot", () => {
    const html = renderComparisonHtml(attendu, catalogues);
    const section = html.slice(html.indexOf('id="hausses"'), html.indexOf('id="baisses"'));
    const noms = [...section.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]);
    const attendus = attendu.adherents
      .filter((a) => a.ecart !== null && new Decimal(a.ecart).gt(0))
      .sort((a, b) => new Decimal(b.ecart!).comparedTo(a.ecart!) || a.index - b.index)
      .slice(0, 10)
      .map((a) => a.nom);
    expect(noms).toEqual(attendus);
  });

  it('les fichiers temporaires du rapport sont effacés, et un dossier temporaire inutilisable est dit clairement (sortie 4)', async () => {
    const tmp = dossier();
    for (const format of ['texte', 'html']) {
      expect((await comparer(lot, format, { tmp })).code).toBe(0);
      expect(readdirSync(tmp)).toEqual([]);
    }
    const r = await comparer(lot, 'html', { tmp: join(tmp, 'absent') });
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/^Écriture impossible d'un fichier temporaire dans .*absent : introuvable \(ENOENT\)\. Le dossier temporaire se choisit par la variable d'environnement TMPDIR\.\n$/);
  });
});

describe('Spool : un texte en attente sur le disque', () => {
  it('rend exactement ce qui a été écrit (accents, blocs de plus de 1 Mio), sans rien laisser dans le dossier temporaire', async () => {
    const tmp = dossier();
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = tmp;
    try {
      const spool = new Spool();
      // Effacé dès l'ouverture : une commande interrompue ne laisse rien derrière elle.
      expect(readdirSync(tmp)).toEqual([]);
      const morceaux = ['é'.repeat(700_000), 'ligne\n', '€'.repeat(400_000), 'fin'];
      for (const m of morceaux) spool.write(m);
      const lus: string[] = [];
      await spool.replay((t) => {
        lus.push(t);
      });
      spool.close();
      expect(lus.join('')).toBe(morceaux.join(''));
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });
});

describe('comparer : une mémoire bornée, quelle que soit la taille du lot', () => {
  // 20 800 adhésions (les 104 du Territoire de Belfort, 200 fois) dans un tas limité à 64 Mo :
  // la comparaison entière en mémoire (texte JSON compris) n'y tient pas ; écrite au fil des
  // adhérents, si. Chaque collectivité y est présente 200 fois : les conflits sont rapportés.
  const d = dossier();
  const lot = join(d, 'gros.jsonl');
  const ligne = adhesions.map((a) => JSON.stringify(a)).join('\n');
  writeFileSync(lot, Array.from({ length: 200 }, () => ligne).join('\n') + '\n');

  it.each(['json', 'html', 'texte'])('--format %s, tas de 64 Mo', { timeout: SPAWN_TIMEOUT * 2 }, (format) => {
    const tmp = dossier();
    const r = spawnSync(process.execPath, ['--max-old-space-size=64', CLI, 'comparer', lot, '--avant', AVANT, '--apres', APRES, '--format', format], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: SPAWN_TIMEOUT,
      env: { ...process.env, TMPDIR: tmp },
    });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(readdirSync(tmp)).toEqual([]);
    if (format === 'json') {
      const lu = JSON.parse(r.stdout) as { adherents: unknown[]; synthese: { conflits: { avant: unknown[] } } };
      expect(lu.adherents).toHaveLength(20_800);
      expect(lu.synthese.conflits.avant.length).toBeGreaterThan(0);
    } else {
      expect(r.stdout).toContain(format === 'html' ? '20\u00a0800\u00a0adhésions' : '20800 adhésions');
    }
  });
});

describe('écrire sans tout garder : la synthèse JSON par morceaux, un JSONL décodé ligne à ligne', () => {
  it('jsonPieces : exactement le texte de JSON.stringify(valeur, null, 2), chaque saut de ligne suivi de la marge', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('', '  ', '    '), (valeur, marge) => {
        expect([...jsonPieces(valeur, marge)].join('')).toBe(JSON.stringify(valeur, null, 2).replace(/\n/g, `\n${marge}`));
      }),
      { numRuns: 200 },
    );
    expect([...jsonPieces({ a: undefined, b: [undefined, 1], c: {} }, '')].join('')).toBe(JSON.stringify({ a: undefined, b: [undefined, 1], c: {} }, null, 2));
  });

  it('un JSONL lu de ses octets donne les mêmes entrées que son texte (BOM, CRLF, lignes vides, accents, ligne illisible)', () => {
    const ligne = fc.oneof(
      fc.constant(''),
      fc.constant('  '),
      fc.constant('{"collectivite": '),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }).map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(fc.array(ligne, { minLength: 2, maxLength: 8 }), fc.boolean(), fc.constantFrom('\n', '\r\n'), (lignes, bom, fin) => {
        const text = (bom ? '\uFEFF' : '') + lignes.join(fin);
        const bytes = new TextEncoder().encode(text);
        const lu = (source: BatchSource) => ({ count: source.count, entries: [...source.entries()] });
        let attendu: unknown;
        try {
          attendu = lu(batchFromText(decodeUtf8(bytes, 'lot.jsonl'), 'lot.jsonl'));
        } catch (error) {
          attendu = error;
        }
        let obtenu: unknown;
        try {
          obtenu = lu(batchFromText(decodeUtf8(bytes, 'lot.jsonl'), 'lot.jsonl', bytes));
        } catch (error) {
          obtenu = error;
        }
        expect(obtenu).toEqual(attendu);
      }),
      { numRuns: 150 },
    );
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { catalogue2026, compareCatalogues, completeCatalogue, formatEuros, parseCatalogue, quote, type Adhesion, type Tarifs } from '../../src/index.js';
import { renderComparisonHtml, renderQuoteHtml, renderQuoteText, type Emetteur } from '@te90/tarifs/documents';
import { devis as devisTableur, total as totalTableur } from '../../src/spreadsheet/functions.js';
import { chromiumPath, INSTALL_HINT, launch, serve } from './chromium.js';
import { pdfPages } from './pdf-text.js';

const ROOT = join(__dirname, '..', '..');
const SORTIE = join(ROOT, 'test-output');
const IN_CI = process.env['CI'] === 'true' || process.env['CI'] === '1';
const available = chromiumPath() !== undefined;
if (!available && !IN_CI) console.warn(INSTALL_HINT);

const TARIFS = JSON.parse(JSON.stringify((await import('../../examples/tarifs-exemple.json', { with: { type: 'json' } })).default)) as Tarifs;
const ADHESIONS: Adhesion[] = [
  { collectivite: { nom: 'Commune', siren: '219000106', type: 'commune', population: 850 }, prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, marchesPublics: { acces: 2, misesEnLigneAssistees: 1 }, secretariatMairie: { jours: 2.5 } } },
  { collectivite: { nom: 'Communauté', siren: '200000172', type: 'epci', population: 12_500 }, prestations: { maintenanceBase: { postes: 18, postesLicenceBL: 3 }, packDemat: { sirens: ['200000172', '200000107'] }, sauvegarde: { quotaGo: 100 }, dpo: {} } },
];

const PAGE_ESM = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Essai ESM</title>
<script type="importmap">{ "imports": { "decimal.js": "/node_modules/decimal.js/decimal.mjs", "@te90/tarifs": "/dist/index.js" } }</script>
<script type="module">import * as lib from '/dist/index.js'; import * as documents from '/dist/documents.js'; window.lib = lib; window.documents = documents; window.pret = true;</script></head><body></body></html>`;
const PAGE_AUTONOME = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Essai autonome</title>
<script src="/dist/tableur/te90-tarifs.js"></script></head><body></body></html>`;

function range(a: Adhesion): (string | number)[][] {
  const c = a.collectivite;
  const rows: (string | number)[][] = [['collectivite.nom', c.nom], ['collectivite.siren', c.siren], ['collectivite.type', c.type]];
  if (c.population !== undefined) rows.push(['collectivite.population', c.population]);
  for (const [id, params] of Object.entries(a.prestations)) {
    const entries = Object.entries(params as Record<string, unknown>);
    if (entries.length === 0) rows.push([id, 'oui']);
    for (const [k, v] of entries) rows.push([`${id}.${k}`, Array.isArray(v) ? v.join(', ') : (v as number)]);
  }
  return rows;
}

function tarifsRange(t: Tarifs): (string | number)[][] {
  const rows: (string | number)[][] = [['source', t.source]];
  for (const [id, composantes] of Object.entries(t.prestations)) {
    for (const [cid, champs] of Object.entries(composantes as Record<string, Record<string, unknown>>)) {
      for (const [champ, v] of Object.entries(champs)) rows.push([`prestations.${id}.${cid}.${champ}`, typeof v === 'string' ? v : JSON.stringify(v)]);
    }
  }
  return rows;
}

async function typeInto(page: Page, path: string, text: string): Promise<void> {
  const id = '#champ-' + path.replace(/[^A-Za-z0-9]+/g, '-');
  await page.click(id, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(id, text);
}

(available || IN_CI ? describe : describe.skip)('dans un vrai navigateur (Chromium, sans tête)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  const complet = completeCatalogue(catalogue2026, TARIFS);

  beforeAll(async () => {
    mkdirSync(SORTIE, { recursive: true });
    browser = await launch();
    server = await serve(ROOT, { '/essai-esm.html': PAGE_ESM, '/essai-autonome.html': PAGE_AUTONOME });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('le build ESM importé par une page (import map pour decimal.js) donne les mêmes devis que Node, et ses documents les mêmes textes', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/essai-esm.html`);
    await page.waitForFunction('window.pret === true', { timeout: 20_000 });
    const dansLeNavigateur = await page.evaluate(
      (adhesions, tarifs) => {
        const lib = (window as unknown as { lib: typeof import('../../src/index.js') }).lib;
        const c = lib.completeCatalogue(lib.catalogue2026, tarifs);
        return adhesions.map((a) => JSON.stringify(lib.quote(a, { catalogue: c })));
      },
      ADHESIONS,
      TARIFS,
    );
    expect(dansLeNavigateur).toEqual(ADHESIONS.map((a) => JSON.stringify(quote(a, { catalogue: complet }))));
    // Les documents importent la bibliothèque par son nom (ici par la carte d'imports), sans la recopier.
    const textes = await page.evaluate((adhesions) => {
      const w = window as unknown as { lib: typeof import('../../src/index.js'); documents: typeof import('../../src/documents/index.js') };
      return adhesions.map((a) => w.documents.renderQuoteText(w.lib.quote(a)));
    }, ADHESIONS.slice(0, 1));
    expect(textes).toEqual([renderQuoteText(quote(ADHESIONS[0]!))]);
    await page.close();
  }, 60_000);

  it('le paquet autonome (tableurs) donne les mêmes devis que Node, tarifs compris', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/essai-autonome.html`);
    const plageTarifs = tarifsRange(TARIFS);
    const dansLeNavigateur = await page.evaluate(
      (plages, tarifs) => {
        const t = (window as unknown as { TE90Tarifs: { devis: (r: unknown, t: unknown) => unknown; total: (r: unknown, t: unknown) => unknown } }).TE90Tarifs;
        return plages.map((p) => ({ devis: t.devis(p, tarifs), total: t.total(p, tarifs) }));
      },
      ADHESIONS.map(range),
      plageTarifs,
    );
    expect(dansLeNavigateur).toEqual(ADHESIONS.map((a) => ({ devis: devisTableur(range(a), plageTarifs), total: totalTableur(range(a), plageTarifs) })));
    expect(dansLeNavigateur.map((r) => r.total)).toEqual(ADHESIONS.map((a) => Number(quote(a, { catalogue: complet }).total)));
    await page.close();
  }, 60_000);

  it('le devis imprimable, avec l’émetteur d’exemple et un total partiel : bandeaux, sections, totaux alignés, pas de bon pour accord ; un PDF A4', async () => {
    const emetteur = JSON.parse(readFileSync(join(ROOT, 'examples', 'emetteur-exemple.json'), 'utf8')) as Emetteur;
    const devis = quote(
      { collectivite: { nom: 'Foussemagne', siren: '219000494', type: 'commune', population: 869 }, prestations: { maintenanceBase: { postes: 4 }, marchesPublics: { acces: 2, misesEnLigneAssistees: 1 }, secretariatMairie: { jours: 2.5 }, packDemat: { sirens: ['219000494', '200000107'] } } },
      { catalogue: complet },
    );
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 1200 });
    await page.setContent(renderQuoteHtml(devis, { numero: 'D-2026-0042', date: '2026-11-29', validiteJours: 30, emetteur }));
    const texte = await page.evaluate(() => document.body.innerText);
    expect(texte).toContain('Document de travail');
    expect(texte).toContain("Montants d'exemple");
    expect(texte).toContain('Total partiel du devis');
    // Un total partiel ne se signe pas : pas de bon pour accord.
    expect(texte).toContain('Pas de bon pour accord');
    expect(await page.$$eval('section.accord', (s) => s.length)).toBe(0);
    expect(texte).not.toMatch(/Facture/);
    // Chaque montant tient dans son tableau, sur une ligne.
    const debordements = await page.$$eval('td.montant', (cells) =>
      cells.filter((c) => {
        const table = c.closest('table')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(c);
        const lignes = range.getClientRects();
        return lignes.length !== 1 || lignes[0]!.right > table.right + 0.5;
      }).length,
    );
    expect(debordements).toBe(0);
    expect(await page.$$eval('table.ponctuelle tbody tr:not(.sous-total)', (rows) => rows.length)).toBe(2);
    writeFileSync(join(SORTIE, 'devis-document.png'), await page.screenshot({ fullPage: true }));
    writeFileSync(join(SORTIE, 'devis-document.jpg'), await page.screenshot({ type: 'jpeg', quality: 70 }));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(SORTIE, 'devis-document.pdf'), pdf);
    await page.close();
  }, 60_000);

  it('le rapport de comparaison du comité : graphiques SVG dessinés sans script, tableaux, un PDF A4', async () => {
    const B = join(ROOT, 'examples', 'territoire-de-belfort');
    const avant = parseCatalogue(JSON.parse(readFileSync(join(B, 'catalogue-2026.json'), 'utf8')));
    const apres = parseCatalogue(JSON.parse(readFileSync(join(B, 'catalogue-2027.json'), 'utf8')));
    const c = compareCatalogues(JSON.parse(readFileSync(join(B, 'adhesions.json'), 'utf8')) as Adhesion[], { avant, apres });
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setViewport({ width: 900, height: 1200 });
    await page.setContent(renderComparisonHtml(c, { avant, apres }));
    // Sans script, les graphiques sont là : des barres de largeur non nulle.
    const barres = await page.$$eval('svg.graphique rect.apres, svg.graphique rect.hausse', (rects) => rects.filter((r) => r.getBoundingClientRect().width > 1).length);
    expect(barres).toBeGreaterThan(3);
    const texte = await page.evaluate(() => document.body.innerText);
    expect(texte).toContain('Recette du syndicat');
    expect(texte).toContain('Répartition des écarts des adhérents');
    expect(texte).toContain("Montants d'exemple");
    expect(await page.$$eval('#adherents ~ table tbody tr, section[aria-labelledby="adherents"] tbody tr', (rows) => rows.length)).toBe(c.adherents.length);
    writeFileSync(join(SORTIE, 'rapport-comparaison.png'), await page.screenshot({ fullPage: true }));
    writeFileSync(join(SORTIE, 'rapport-comparaison.jpg'), await page.screenshot({ type: 'jpeg', quality: 70 }));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(SORTIE, 'rapport-comparaison.pdf'), pdf);
    await page.close();
  }, 60_000);

  describe('le rapport du comité, imprimé en PDF par Chromium (A4), lu page par page', () => {
    let pages: string[];
    let titres: string[];

    beforeAll(async () => {
      const B = join(ROOT, 'examples', 'territoire-de-belfort');
      const avant = parseCatalogue(JSON.parse(readFileSync(join(B, 'catalogue-2026.json'), 'utf8')));
      const apres = parseCatalogue(JSON.parse(readFileSync(join(B, 'catalogue-2027.json'), 'utf8')));
      const c = compareCatalogues(JSON.parse(readFileSync(join(B, 'adhesions.json'), 'utf8')) as Adhesion[], { avant, apres });
      const html = renderComparisonHtml(c, { avant, apres });
      titres = [...html.matchAll(/<h[23][^>]*>([^<]+)<\/h[23]>/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setContent(html);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(SORTIE, 'rapport-comparaison-pages.pdf'), pdf);
      await page.close();
      pages = pdfPages(pdf);
    }, 60_000);

    /** Les lignes non vides d'une page, marges (en-tête et pied de page) comprises. */
    const lignes = (p: string) => p.split('\n').map((l) => l.trim()).filter((l) => l !== '');

    it('« page N / M », le titre du rapport et le bandeau des montants d’exemple sur chaque page', () => {
      expect(pages.length).toBeGreaterThan(3);
      pages.forEach((p, i) => {
        expect(p).toContain(`page ${i + 1} / ${pages.length}`);
        expect(lignes(p)[0]).toMatch(/^Comparaison des tarifs 2026 et 2027\s+Montants d'exemple : catalogues 2026 et 2027/);
      });
    });

    it('la page 1 est la synthèse pour le vote : recette, tarifs votés, conflit nommé, refus ; le « Total » n’y est pas répété', () => {
      const p1 = pages[0]!.replace(/[\u00a0\u202f]/g, ' ');
      expect(p1).toContain('Synthèse pour le vote');
      expect(p1).toMatch(/DPO mutualisé\s+300,00 €\s+320,00 €\s+\+20,00 €\s+\+6,67 %/);
      expect(p1).toMatch(/Secrétariat de mairie, à la journée incompressible — par\s+300,00 €\s+320,00 €/);
      expect(p1).toContain('serait facturé deux fois à Belfort (SIREN');
      expect(p1).toContain('Adhésions refusées');
      expect(p1).not.toMatch(/^\s*Total\b/m);
      expect(p1).not.toContain('SIREN_FACTURE_DEUX_FOIS');
      expect(p1).not.toContain('adhesions.json');
      expect(pages[1]).not.toContain('Synthèse pour le vote');
    });

    it('chaque ligne « Total » une seule fois, après les lignes des prestations qu’elle somme', () => {
      const totaux = pages.flatMap((p, n) => lignes(p).flatMap((l, i) => (/^Total\b/.test(l) ? [{ n, i }] : [])));
      expect(totaux.map((t) => lignes(pages[t.n]!)[t.i]!.replace(/\s{2,}.*/, ''))).toEqual(['Total, double facturation comprise', 'Total sans double facturation']);
      for (const t of totaux) {
        const l = lignes(pages[t.n]!);
        const derniere = l.map((x) => x.startsWith('Prestation de secrétariat de mairie')).lastIndexOf(true);
        expect(derniere).toBeGreaterThan(-1);
        expect(t.i).toBeGreaterThan(derniere);
      }
    });

    it('chaque graphique sur la page de son titre, ses axes titrés', () => {
      for (const [titre, axe] of [
        ['Recette du syndicat, par prestation', 'Recette de la prestation, en euros'],
        ['Répartition des écarts des adhérents', "Écart du total de l'adhérent, en pour cent"],
      ]) {
        const page = pages.findIndex((p) => lignes(p).includes(titre!));
        expect(page, titre).toBeGreaterThan(-1);
        expect(pages[page], `${titre} : son graphique est sur une autre page`).toContain(axe);
      }
    });

    it('aucun titre seul en bas de page : chacun a sous lui, sur sa page, de son contenu (un en-tête de tableau et au moins une ligne)', () => {
      expect(titres.length).toBeGreaterThan(6);
      for (const p of pages) {
        const l = lignes(p).slice(1, -1);
        l.forEach((ligne, i) => {
          if (!titres.includes(ligne)) return;
          const dessous = l.length - 1 - i;
          expect(dessous, `« ${ligne} » en bas de page`).toBeGreaterThanOrEqual(1);
          if (/^(N°|Prestation|Adhérent|Tarif)\s/.test(l[i + 1]!)) expect(dessous, `« ${ligne} » et l'en-tête de son tableau en bas de page`).toBeGreaterThanOrEqual(2);
        });
      }
    });
  });

  describe('le simulateur (dist/simulateur/index.html, ouvert hors ligne)', () => {
    let page: Page;

    beforeAll(async () => {
      page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 1000 });
      await page.goto(`file://${join(ROOT, 'dist', 'simulateur', 'index.html')}`);
      await page.waitForSelector('#champ-collectivite-nom');
    }, 60_000);

    it('rempli comme un utilisateur, il affiche le devis que rend quote()', async () => {
      await typeInto(page, 'collectivite.nom', 'Foussemagne');
      await typeInto(page, 'collectivite.siren', '219 000 494');
      await page.select('#champ-collectivite-type', 'commune');
      await typeInto(page, 'prestations.maintenanceBase.postes', '4');
      await typeInto(page, 'prestations.maintenanceBase.postesLicenceBL', '0');
      await page.click('#champ-prestations-marchesPublics');
      await typeInto(page, 'prestations.marchesPublics.acces', '2');
      await page.click('#champ-prestations-secretariatMairie');
      await typeInto(page, 'prestations.secretariatMairie.jours', '2,5');
      const attendu = quote({
        collectivite: { nom: 'Foussemagne', siren: '219000494', type: 'commune' },
        prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, marchesPublics: { acces: 2 }, secretariatMairie: { jours: 2.5 } },
      });
      expect(await page.$eval('#total', (e) => e.textContent)).toBe(`Total : ${formatEuros(attendu.total)}`);
      const montants = await page.$$eval('#lignes td.montant', (cells) => cells.map((c) => c.textContent));
      expect(montants).toEqual(attendu.lignes.map((l) => formatEuros(l.montant)));
      await page.evaluate(() => window.scrollTo(0, 0));
      writeFileSync(join(SORTIE, 'simulateur.png'), await page.screenshot({ fullPage: true }));
      // La capture du README (docs/images) : l'écran visible, en JPEG.
      writeFileSync(join(SORTIE, 'simulateur.jpg'), await page.screenshot({ type: 'jpeg', quality: 70 }));
    }, 60_000);

    it('chaque erreur s’affiche à côté de son champ', async () => {
      await typeInto(page, 'collectivite.siren', '219 000 495');
      await page.click('#champ-prestations-sauvegarde');
      await typeInto(page, 'prestations.sauvegarde.quotaGo', '50');
      const erreurSiren = await page.$eval('#champ-collectivite-siren-erreur', (e) => e.textContent);
      expect(erreurSiren).toMatch(/clé de contrôle du SIREN/);
      expect(await page.$eval('#champ-collectivite-siren', (e) => e.getAttribute('aria-invalid'))).toBe('true');
      // La grille de sauvegarde n'est pas publiée : le problème est au champ du quota.
      expect(await page.$eval('#champ-prestations-sauvegarde-quotaGo-erreur', (e) => e.textContent)).toMatch(/n'est pas publié .* Chargez un fichier de tarifs/);
      expect(await page.$eval('#total', (e) => e.textContent)).toMatch(/Devis incomplet/);
      expect(await page.$eval('#imprimer', (e) => (e as HTMLButtonElement).disabled)).toBe(true);
      writeFileSync(join(SORTIE, 'simulateur-erreurs.png'), await page.screenshot({ fullPage: true }));
      await page.click('#champ-prestations-sauvegarde');
      await typeInto(page, 'collectivite.siren', '219000494');
      expect(await page.$eval('#champ-collectivite-siren-erreur', (e) => e.textContent)).toBe('');
    }, 60_000);

    it('un fichier de tarifs se charge, et « Imprimer » ouvre le devis imprimable', async () => {
      const input = (await page.$('#champ-tarifs')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(join(ROOT, 'examples', 'tarifs-exemple.json'));
      await page.waitForFunction(() => document.querySelector('.etat')?.textContent?.includes('complété'), { timeout: 10_000 });
      await page.click('#champ-prestations-dpo');
      expect(await page.$eval('#lignes', (e) => e.textContent)).toContain('Forfait : 300,00 €');
      const popup = new Promise<Page>((resolve) => browser.once('targetcreated', async (t) => resolve((await t.page())!)));
      await page.click('#imprimer');
      const devis = await popup;
      await devis.waitForFunction(() => document.title.startsWith('Devis'), { timeout: 10_000 });
      const texte = await devis.evaluate(() => document.body.textContent ?? '');
      expect(texte).toContain('Devis n°');
      expect(texte).toContain("Montants d'exemple");
      expect(await devis.evaluate(() => document.documentElement.lang)).toBe('fr');
      await devis.setViewport({ width: 900, height: 1200 });
      writeFileSync(join(SORTIE, 'devis-imprimable.png'), await devis.screenshot({ fullPage: true }));
      writeFileSync(join(SORTIE, 'devis-imprimable.jpg'), await devis.screenshot({ fullPage: true, type: 'jpeg', quality: 70 }));
      // L'impression demandée par « Imprimer » occupe la fenêtre : le PDF se tire d'une copie du document.
      const copie = await browser.newPage();
      await copie.setContent(await devis.content());
      const pdf = await copie.pdf({ format: 'A4', printBackground: true });
      expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      writeFileSync(join(SORTIE, 'devis-imprimable.pdf'), pdf);
      await copie.close();
      await devis.close();
    }, 60_000);

    afterAll(async () => {
      await page?.close();
    });
  });
});

/**
 * Un texte venu des données ne s'exécute jamais dans un document HTML : un script glissé dans un
 * SIREN (d'une adhésion refusée, d'un devis enregistré puis relu ou modifié) reste du texte, dans
 * Chromium. Le document est ouvert tel qu'un navigateur l'ouvrirait, scripts permis.
 */
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue2026, compareCatalogues, completeCatalogue, quote, type Adhesion, type Quote, type Tarifs } from '../../src/index.js';
import { renderComparisonHtml, renderQuoteHtml } from '@te90/tarifs/documents';
import { chromiumPath, INSTALL_HINT, launch } from './chromium.js';

const IN_CI = process.env['CI'] === 'true' || process.env['CI'] === '1';
const available = chromiumPath() !== undefined;
if (!available && !IN_CI) console.warn(INSTALL_HINT);

const TARIFS = JSON.parse(JSON.stringify((await import('../../examples/tarifs-exemple.json', { with: { type: 'json' } })).default)) as Tarifs;
const CATALOGUE = completeCatalogue(catalogue2026, TARIFS);
const PIEGE = "<script>document.title='PWNED'</script>";
const ATTRIBUT = '"><img/src=x/onerror=document.title=\'PWNED\'>';

const COMMUNE: Adhesion = {
  collectivite: { nom: 'Commune', siren: '219000106', type: 'commune', population: 850 },
  prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, packDemat: { sirens: ['219000106', '200000107'] } },
};

/** Un devis enregistré (JSON), relu puis modifié : les SIREN de la collectivité et des factures remplacés par `piege`. */
function devisModifie(piege: string): Quote {
  const stocke = JSON.parse(JSON.stringify(quote(COMMUNE, { catalogue: CATALOGUE }))) as { collectivite: { siren: string }; factures: { siren: string; lignes: { siren: string }[] }[] };
  stocke.collectivite.siren = piege;
  for (const f of stocke.factures) {
    f.siren = piege;
    for (const l of f.lignes) l.siren = piege;
  }
  return stocke as unknown as Quote;
}

(available || IN_CI ? describe : describe.skip)('injection de script dans les documents HTML (Chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Ouvre le document, scripts permis ; rend son titre, le nombre d'éléments `<script>` et `<img>`, et son texte. */
  async function ouvrir(html: string): Promise<{ titre: string; scripts: number; images: number; texte: string }> {
    const page = await browser.newPage();
    try {
      await page.setJavaScriptEnabled(true);
      await page.setContent(html, { waitUntil: 'load', timeout: 20_000 });
      return await page.evaluate(() => ({
        titre: document.title,
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        texte: document.body.innerText,
      }));
    } finally {
      await page.close();
    }
  }

  for (const piege of [PIEGE, ATTRIBUT]) {
    it(`le SIREN d'une adhésion refusée, dans le rapport du comité, reste du texte : ${piege}`, async () => {
      const refusee: Adhesion = { collectivite: { nom: 'Refusée', siren: piege, type: 'commune' }, prestations: { maintenanceBase: { postes: 1 } } };
      const c = compareCatalogues([COMMUNE, refusee], { avant: catalogue2026, apres: catalogue2026 });
      expect(c.adherents[1]!.siren).toBe(piege);
      const vu = await ouvrir(renderComparisonHtml(c, { avant: catalogue2026, apres: catalogue2026 }));
      expect(vu.titre).not.toBe('PWNED');
      expect(vu.scripts).toBe(0);
      expect(vu.images).toBe(0);
      expect(vu.texte).toContain(piege);
    }, 60_000);

    it(`collectivite.siren et factures[].siren d'un devis enregistré restent du texte : ${piege}`, async () => {
      const vu = await ouvrir(renderQuoteHtml(devisModifie(piege), { numero: 'D-2026-0001', date: '2026-03-01' }));
      expect(vu.titre).not.toBe('PWNED');
      expect(vu.scripts).toBe(0);
      expect(vu.images).toBe(0);
      expect(vu.texte).toContain(piege);
    }, 60_000);
  }
});

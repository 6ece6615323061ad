import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCatalogue, catalogue2026, quote, type Adhesion, type Quote } from '../../src/index.js';
import { renderQuoteHtml, type Emetteur, type HtmlOptions } from '@te90/tarifs/documents';
import { chromiumPath, INSTALL_HINT, launch } from './chromium.js';
import { TARIFS_TEST } from '../helpers.js';
import { IN_CI } from '../calc.js';
import { pdfPages } from './pdf-text.js';

const available = chromiumPath() !== undefined;
if (!available && !IN_CI) console.warn(INSTALL_HINT);

const SORTIE = join(__dirname, '..', '..', 'test-output');
const catalogue = completeCatalogue(catalogue2026, TARIFS_TEST);
/** Un émetteur complet, inventé pour les tests : le devis n'est pas un document de travail. */
const EMETTEUR: Emetteur = {
  nom: 'Émetteur de test',
  adresse: '1 rue du Test\n90000 Testville',
  siret: '999 999 999 00009',
  signataire: { nom: 'Signataire de test', qualite: 'Président de test' },
  mentionFiscale: 'Mention fiscale de test.',
};
const OPTIONS: HtmlOptions = { numero: 'D-2026-0042', date: '2026-11-29', validiteJours: 30, emetteur: EMETTEUR };

/** Une commune, quatre lignes. */
const COMMUNE: Adhesion = {
  collectivite: { nom: 'Commune de test', siren: '219000106', type: 'commune', population: 850 },
  prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 1 }, marchesPublics: { acces: 2, misesEnLigneAssistees: 1 } },
};

/** Des SIREN valides (clé de Luhn), distincts, pour un pack facturé à beaucoup de SIREN. */
function sirens(n: number): string[] {
  const out: string[] = [];
  for (let base = 20000010; out.length < n; base++) {
    for (let k = 0; k < 10; k++) {
      const s = `${base}${k}`;
      const sum = [...s].reverse().reduce((acc, d, i) => acc + (i % 2 === 1 ? ((2 * Number(d)) % 10) + Math.floor((2 * Number(d)) / 10) : Number(d)), 0);
      if (sum % 10 === 0) {
        out.push(s);
        break;
      }
    }
  }
  return out;
}

/** Un EPCI qui paie le pack de dix SIREN, avec des prestations ponctuelles : un devis de plusieurs pages. */
function epciLong(): Adhesion {
  const autres = sirens(10);
  return {
    collectivite: { nom: 'Communauté de test', siren: autres[0]!, type: 'epci', population: 12_000 },
    prestations: {
      maintenanceBase: { postes: 18, postesLicenceBL: 3 },
      sauvegarde: { quotaGo: 100 },
      packDemat: { sirens: autres },
      marchesPublics: { acces: 3, misesEnLigneAssistees: 4 },
      secretariatMairie: { jours: 3 },
      dpo: {},
      cabinetNumerique: {},
      saisineElectronique: {},
      netEntreprises: {},
      comedec: {},
    },
    destinataires: autres.slice(1, 4).map((siren, i) => ({ siren, nom: `Organisme de test ${i + 1}` })),
  } as Adhesion;
}

/** Le texte de chaque page du PDF (gardé dans test-output pour le relire). */
function pagesOf(pdf: Uint8Array, name: string): string[] {
  mkdirSync(SORTIE, { recursive: true });
  writeFileSync(join(SORTIE, `${name}.pdf`), pdf);
  return pdfPages(pdf);
}

/** Tous les espaces (insécables compris) réduits à un : le texte d'un PDF se compare sans eux. */
const plain = (t: string) => t.replace(/[\s\u00a0\u202f]+/g, ' ');

(available || IN_CI ? describe : describe.skip)('le devis imprimé par Chromium (A4, texte de chaque page du PDF)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function print(devis: Quote, options: HtmlOptions, name: string): Promise<string[]> {
    const page = await browser.newPage();
    await page.setContent(renderQuoteHtml(devis, options));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.close();
    return pagesOf(pdf, name).map(plain);
  }

  it('une commune de quatre lignes : une ou deux pages ; chaque page porte le numéro du devis et « page N / M »', async () => {
    const devis = quote(COMMUNE, { catalogue });
    expect(devis.lignes).toHaveLength(4);
    const pages = await print(devis, OPTIONS, 'devis-commune');
    expect(pages.length).toBeLessThanOrEqual(2);
    pages.forEach((p, i) => {
      expect(p).toContain('Devis n° D-2026-0042');
      expect(p).toContain(`page ${i + 1} / ${pages.length}`);
    });
    // Le total, les conditions et le bon pour accord sur la même page.
    const fin = pages.find((p) => p.includes('Bon pour accord'))!;
    expect(fin).toContain('Total du devis');
    expect(fin).toContain('Conditions');
    // Document de travail, remarques comprises : une ou deux pages aussi.
    expect((await print(devis, { ...OPTIONS, emetteur: undefined }, 'devis-commune-travail')).length).toBeLessThanOrEqual(2);
  }, 60_000);

  it('un devis de plusieurs pages : chaque sous-total une fois, après ses lignes ; la fin tient ensemble ; aucun titre seul en bas de page', async () => {
    const devis = quote(epciLong(), { catalogue });
    const pages = await print(devis, OPTIONS, 'devis-long');
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    const sections = devis.factures.flatMap((f) => [f.lignes.some((l) => l.ponctuelle !== true), f.lignes.some((l) => l.ponctuelle === true)]).filter(Boolean).length;
    expect(all.match(/Sous-total des /g)).toHaveLength(sections);
    // Le sous-total des prestations ponctuelles suit la dernière d'entre elles.
    const lastPonctuelle = all.lastIndexOf('Secrétariat de mairie');
    expect(all.indexOf('Sous-total des prestations ponctuelles')).toBeGreaterThan(lastPonctuelle);
    pages.forEach((p, i) => {
      expect(p).toContain('Devis n° D-2026-0042');
      expect(p).toContain(`page ${i + 1} / ${pages.length}`);
      // Un titre de SIREN a sur sa page le début de son tableau.
      for (const m of p.matchAll(/Montants facturés au SIREN/g)) expect(p.slice(m.index)).toMatch(/^Montants facturés au SIREN .*?(Abonnements annuels|Prestations ponctuelles) —/);
    });
    // Le total, les conditions et le bon pour accord de l'adhérent sur une même page.
    const fin = pages.find((p) => p.includes('Total du devis'))!;
    for (const attendu of ['Total du devis', 'Conditions', 'Bon pour accord', 'Cachet de la collectivité']) expect(fin).toContain(attendu);
  }, 60_000);

  it('un document de travail porte son bandeau sur chaque page', async () => {
    const devis = quote(epciLong(), { catalogue });
    const pages = await print(devis, { ...OPTIONS, emetteur: undefined }, 'devis-travail');
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toContain('Document de travail — ne pas signer');
    const complet = await print(devis, OPTIONS, 'devis-complet');
    for (const p of complet) expect(p).not.toContain('Document de travail');
  }, 60_000);
});

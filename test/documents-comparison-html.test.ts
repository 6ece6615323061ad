import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue2026, compareCatalogues, completeCatalogue, parseCatalogue, type Adhesion } from '../src/index.js';
import { renderComparisonHtml } from '@te90/tarifs/documents';
import { adhesion, catalogueTest, epci, TARIFS_TEST } from './helpers.js';
import { distribution } from '../src/documents/comparison-html.js';

const B = join(__dirname, '..', 'examples', 'territoire-de-belfort');
const json = (name: string) => JSON.parse(readFileSync(join(B, name), 'utf8')) as unknown;
const avant = parseCatalogue(json('catalogue-2026.json'));
const apres = parseCatalogue(json('catalogue-2027.json'));
const adhesions = json('adhesions.json') as Adhesion[];
const comparaison = compareCatalogues(adhesions, { avant, apres });
const NB = '\u00a0';

describe('renderComparisonHtml : le rapport du comité syndical', () => {
  const html = renderComparisonHtml(comparaison, { avant, apres });

  it('un document autonome et imprimable, graphiques en SVG, sans script ni ressource externe', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<script|\b(src|href)=/);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('la recette avant et après, au total et par prestation', () => {
    const s = comparaison.synthese;
    const total = (v: string) => v.replace(/\B(?=(\d{3})+(?!\d)\.)/g, NB).replace('.', ',');
    expect(html).toContain(`Total 2026<strong>${total(s.avant)}${NB}€</strong>`);
    expect(html).toContain(`Total 2027<strong>${total(s.apres)}${NB}€</strong>`);
    for (const p of s.parPrestation) expect(html).toContain(`<th scope="row">${p.libelle.replace(/'/g, '&#39;')}</th>`);
  });

  it('chaque adhérent a sa ligne ; hausses, baisses et refus ont leur section', () => {
    const lignes = html.slice(html.indexOf('id="adherents"'), html.indexOf('id="refus"'));
    expect(lignes.match(/<tr><td>/g)).toHaveLength(comparaison.adherents.length);
    for (const id of ['hausses', 'baisses', 'repartition', 'recette', 'refus']) expect(html).toContain(`id="${id}"`);
  });

  it('l’histogramme compte chaque adhérent accepté des deux côtés une fois', () => {
    const d = distribution(comparaison.adherents);
    const acceptes = comparaison.adherents.filter((a) => a.ecart !== null).length;
    expect(d.classes.reduce((n, c) => n + c.nombre, 0) + d.sansAvant).toBe(acceptes);
  });

  it('les plus fortes baisses : catalogues inversés, chaque hausse devient une baisse', () => {
    const inverse = compareCatalogues(adhesions, { avant: apres, apres: avant });
    const h = renderComparisonHtml(inverse, { avant: apres, apres: avant });
    const baisses = h.slice(h.indexOf('id="baisses"'), h.indexOf('id="adherents"'));
    expect(baisses).not.toContain('<p>Aucune.</p>');
    expect(baisses).toContain('−');
  });

  it('le bandeau « montants d’exemple » dès qu’un des deux catalogues en porte', () => {
    // Les catalogues de Belfort sont des exemples : le rapport le dit.
    expect(html).toContain('<p class="exemple" role="note">Montants d\'exemple');
    const lot = [adhesion({ dpo: {} }, epci)];
    const reel = renderComparisonHtml(compareCatalogues(lot, { avant: catalogueTest, apres: catalogueTest }), { avant: catalogueTest, apres: catalogueTest });
    expect(reel).not.toContain('class="exemple"');
    const exemple = completeCatalogue(catalogue2026, { ...TARIFS_TEST, exemple: true });
    const h = renderComparisonHtml(compareCatalogues(lot, { avant: catalogueTest, apres: exemple }), { avant: catalogueTest, apres: exemple });
    expect(h).toContain('<p class="exemple" role="note">Montants d\'exemple');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue2026, compareCatalogues, completeCatalogue, parseCatalogue, sumAmounts, type AdherentCompare, type Adhesion } from '../src/index.js';
import { renderComparisonHtml, renderComparisonText } from '@te90/tarifs/documents';
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
    expect(html).toContain(`<tr class="total"><th scope="row">Total, double facturation comprise</th><td class="n">${total(s.avant)}${NB}€</td><td class="n">${total(s.apres)}${NB}€</td>`);
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

  it('le bandeau dit « les deux catalogues » quand les deux portent des montants d’exemple, et lequel sinon', () => {
    expect(html).toContain('les deux catalogues comparés portent des montants inventés');
    expect(html).not.toContain('un des deux catalogues');
    const lot = [adhesion({ dpo: {} }, epci)];
    const exemple = completeCatalogue(catalogue2026, { ...TARIFS_TEST, exemple: true });
    const h = renderComparisonHtml(compareCatalogues(lot, { avant: catalogueTest, apres: exemple }), { avant: catalogueTest, apres: exemple });
    expect(h).toContain('le catalogue 2026 porte des montants inventés');
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

/** Le texte lisible d'un morceau de HTML : balises ôtées, entités et espaces insécables rendus. */
function lisible(fragment: string): string {
  return fragment
    .replace(/<br>/g, ' ')
    .replace(/<\/?(strong|em|span)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('renderComparisonHtml : une page de synthèse pour le vote', () => {
  const html = renderComparisonHtml(comparaison, { avant, apres });
  const main = html.slice(html.indexOf('<main>'));
  const synthese = main.slice(main.indexOf('<section'), main.indexOf('</section>'));
  const texte = lisible(synthese);

  it('le rapport s’ouvre sur la synthèse : la première section, avant les graphiques et les adhérents', () => {
    expect(synthese).toContain('id="synthese"');
    expect(main.indexOf('id="synthese"')).toBeLessThan(main.indexOf('id="recette"'));
    expect(synthese).not.toContain('<svg');
  });

  it('chaque tarif voté, avant → après en euros et en pour cent, tiré des deux catalogues', () => {
    expect(texte).toContain('Secrétariat de mairie, à la journée incompressible — par journée 300,00 € 320,00 € +20,00 € +6,67 %');
    expect(texte).toContain('DPO mutualisé 300,00 € 320,00 € +20,00 € +6,67 %');
    expect(texte).toContain('Maintenance de base — part 1 : postes maintenus par TE90 — par poste 574,88 € 586,38 € +11,50 € +2 %');
    // Les douze cases de la grille de sauvegarde, qui changent toutes de 2 %, en une ligne ; leur détail plus loin.
    expect(texte).toContain('12 montants, chacun +2 %');
    expect(lisible(main)).toContain('de 2 000 à 9 999 habitants, 250 Go 400,00 € 408,00 € +8,00 € +2 %');
    // Un tarif inchangé (les marchés publics) n'est pas soumis au vote.
    expect(texte).not.toContain('Accès à la plateforme');
  });

  it('la recette du titre ne compte pas deux fois le SIREN facturé deux fois : le montant en double est montré à part', () => {
    const s = comparaison.synthese;
    expect(s.factureDeuxFois).toEqual({ avant: '200.00', apres: '204.00' });
    const net = (total: string, double: string) => sumAmounts([total, `-${double}`]);
    const euros = (v: string) => `${v.replace('.', ',').replace(/\B(?=(\d{3})+,)/g, ' ')} €`;
    expect(texte).toContain(`Recette 2026 ${euros(net(s.avant, s.factureDeuxFois.avant))}`);
    expect(texte).toContain(`Recette 2027 ${euros(net(s.apres, s.factureDeuxFois.apres))}`);
    expect(texte).toContain('non compris dans ces recettes : 200,00 € en 2026, 204,00 € en 2027');
    expect(texte).not.toContain(`Recette 2026 ${euros(s.avant)}`);
  });

  it('les conflits nommés par les collectivités : ni code entre crochets, ni chemin de fichier, ni SIREN nu', () => {
    expect(texte).toContain('En 2026 et en 2027 : « Pack dématérialisation » serait facturé deux fois à Belfort (SIREN 219 000 106), par Belfort et CA Grand Belfort');
    for (const t of [lisible(html), texte]) {
      expect(t).not.toMatch(/\[[A-Z_]+\]/);
      expect(t).not.toContain('adhesions.json');
      expect(t).not.toContain('SIREN 219000106');
      expect(t).not.toMatch(/adhésions? n° \d/);
    }
  });

  it('les refus nommés dans la synthèse, sans code', () => {
    const refusee = { ...adhesions[0]!, prestations: { ...adhesions[0]!.prestations, sauvegarde: { quotaGo: 7 } } } as Adhesion;
    const c = compareCatalogues([refusee, ...adhesions.slice(1, 3)], { avant, apres });
    const h = renderComparisonHtml(c, { avant, apres });
    const s = lisible(h.slice(h.indexOf('id="synthese"'), h.indexOf('id="recette"')));
    expect(s).toContain(`${refusee.collectivite.nom} (SIREN ${refusee.collectivite.siren.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3')}) : refusée en 2026 et en 2027`);
    expect(lisible(h)).not.toMatch(/\[[A-Z_]+\]/);
  });

  it('ni « adhésion(s) » ni « en avant » : le singulier et le pluriel, le millésime', () => {
    expect(html).toContain(`104${NB}adhésions ;`);
    expect(html).not.toContain('(s)');
    const une = renderComparisonHtml(compareCatalogues(adhesions.slice(0, 1), { avant, apres }), { avant, apres });
    expect(une).toContain(`<p>1${NB}adhésion ;`);
    const t = renderComparisonText(comparaison);
    expect(t).toContain('104 adhésions');
    expect(t).not.toContain('(s)');
    expect(t).not.toMatch(/en avant|en après/);
    expect(t).toContain('Facturé deux fois au même SIREN avant (1)');
    expect(t).toContain('dont facturé deux fois au même SIREN, à trancher : 200,00 € avant ; 204,00 € après');
  });

  it('le titre répété dans les marges de chaque page imprimée est une chaîne CSS sûre', () => {
    const h = renderComparisonHtml(comparaison, { avant, apres, titre: 'Rapport "spécial" \\ </style><script>alert(1)</script>' });
    const style = h.slice(h.indexOf('<style>'), h.indexOf('</style>'));
    expect(style).toContain('@top-left { content: "Rapport \\22 spécial\\22  \\5c  \\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e ";');
    expect(style).toContain('@bottom-right { content: "page " counter(page) " / " counter(pages);');
    expect(h).not.toMatch(/<script/);
  });

  it('« Plus fortes hausses » dit qu’elles sont classées en euros', () => {
    expect(html).toContain('<h2 id="hausses">Plus fortes hausses, en euros</h2>');
    expect(lisible(html.slice(html.indexOf('id="hausses"'), html.indexOf('id="baisses"')))).toContain("Classées selon l'écart en euros");
    expect(renderComparisonText(comparaison, ['2026', '2027'])).toContain('Plus fortes hausses, classées en euros :');
  });
});

describe('renderComparisonHtml : des graphiques lisibles', () => {
  const html = renderComparisonHtml(comparaison, { avant, apres });
  const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
  const recette = svgs.find((s) => s.includes('par prestation'))!;
  const histogramme = svgs.find((s) => s.includes('Répartition'))!;

  it('le total n’est pas une barre parmi les prestations (il n’a pas leur ordre de grandeur) ; l’axe des euros est gradué', () => {
    expect(recette).not.toMatch(/>Total</);
    expect(recette).toContain('Recette de la prestation, en euros');
    expect(recette).toMatch(/>50[\u00a0\u202f]000</);
  });

  it('aucun libellé de prestation coupé : chacun se lit en entier, sur une ou plusieurs lignes', () => {
    expect(recette).not.toContain('…');
    const labels = [...recette.matchAll(/<text [^>]*text-anchor="end">((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g)].map((m) => lisible(m[1]!));
    expect(labels).toEqual(comparaison.synthese.parPrestation.map((p) => p.libelle));
  });

  it('l’histogramme : chaque nombre au-dessus de sa colonne tient dans le dessin, un axe vertical gradué et titré', () => {
    const valeurs = [...histogramme.matchAll(/<text x="[\d.]+" y="([\d.-]+)" text-anchor="middle" class="valeur">/g)].map((m) => Number(m[1]));
    expect(valeurs).toHaveLength(8);
    // 10 px : la hauteur du texte, au-dessus de sa ligne de base.
    for (const y of valeurs) expect(y).toBeGreaterThanOrEqual(10);
    expect(histogramme).toContain("Nombre d'adhérents");
    expect(histogramme.match(/text-anchor="end" class="valeur"/g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('des classes aux bornes dites : un adhérent à +2 % exactement n’est pas dans la classe qui commence à +2 %', () => {
    const a = (ecartPourcent: string, ecart = '1.00') => ({ ecart, ecartPourcent }) as AdherentCompare;
    const d = distribution([a('2.00'), a('2.01'), a('5.00'), a('-5.00', '-1.00'), a('0.00', '0.00'), a('10.00'), a('10.01')]);
    const par = Object.fromEntries(d.classes.map((c) => [c.libelle, c.nombre]));
    expect(par).toMatchObject({
      'de 0 % (exclu) à +2 % (inclus)': 1,
      'de +2 % (exclu) à +5 % (inclus)': 2,
      'de +5 % (exclu) à +10 % (inclus)': 1,
      'plus de +10 %': 1,
      'de −5 % (inclus) à 0 % (exclu)': 1,
      'stable (écart nul)': 1,
    });
    expect(histogramme).toContain('de 0 % (exclu)');
    expect(histogramme).toContain('à +2 % (inclus)');
    expect(histogramme).not.toContain('2 à 5 %');
  });
});

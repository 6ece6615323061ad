/**
 * Aucun texte des données n'ajoute de balise aux documents HTML : quel que soit le texte mis dans
 * chaque champ texte d'un devis enregistré ou d'une comparaison (noms, SIREN, SIRET, libellés,
 * unités, références, messages), le document compte autant de `<` qu'avec un texte anodin, et le
 * texte s'y lit tel quel une fois les entités décodées.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue2026, compareCatalogues, completeCatalogue, quote, type Comparaison, type Quote } from '../src/index.js';
import { renderComparisonHtml, renderQuoteHtml } from '@te90/tarifs/documents';
import { TARIFS_TEST } from './helpers.js';

const CATALOGUE = completeCatalogue(catalogue2026, TARIFS_TEST);
const COMMUNE = {
  collectivite: { nom: 'Commune', siren: '219000106', type: 'commune' as const, population: 850, siret: '21900010600019', codeService: 'S1', engagement: 'E1' },
  prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, packDemat: { sirens: ['219000106', '200000107'] }, marchesPublics: { acces: 2 } },
};

/** Les champs texte d'un devis ou d'une comparaison : ce qu'une personne lit, identifiants compris (pas les montants). */
const TEXTES = new Set(['nom', 'siren', 'siret', 'codeService', 'engagement', 'libelle', 'unite', 'detail', 'remarque', 'reference', 'message']);

/** Une copie JSON de `value` dont chaque champ texte vaut `texte`. */
function remplace<T>(value: T, texte: string): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && TEXTES.has(k) ? texte : walk(x)]));
  };
  return walk(JSON.parse(JSON.stringify(value))) as T;
}

const chevrons = (html: string) => html.split('<').length - 1;
/** Un texte hostile : des caractères qui ont un sens en HTML, parmi d'autres (sans espace : un libellé long va à la ligne, et compte alors plus de balises). */
const hostile = fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', 'a', 's', '-', '!', '`'), minLength: 1, maxLength: 30 });

describe('les documents HTML échappent tout texte des données', () => {
  const devis = quote(COMMUNE, { catalogue: CATALOGUE });
  const options = { numero: 'D-2026-0001', date: '2026-03-01' };
  const refusee = { collectivite: { nom: 'Refusée', siren: 'x', type: 'commune' as const }, prestations: { maintenanceBase: { postes: 1 } } };
  const comparaison = compareCatalogues([COMMUNE, COMMUNE, refusee], { avant: CATALOGUE, apres: CATALOGUE });
  const cats = { avant: CATALOGUE, apres: CATALOGUE };

  it('un devis enregistré : chaque champ texte, SIREN compris, reste du texte', () => {
    const base = chevrons(renderQuoteHtml(remplace(devis, 'texte'), options));
    fc.assert(
      fc.property(hostile, (texte) => {
        const html = renderQuoteHtml(remplace<Quote>(devis, texte), options);
        expect(chevrons(html)).toBe(base);
      }),
      { numRuns: 60 },
    );
  });

  it('une comparaison : noms, SIREN (refusés compris), libellés et raisons restent du texte', () => {
    const base = chevrons(renderComparisonHtml(remplace(comparaison, 'texte'), cats));
    fc.assert(
      fc.property(hostile, (texte) => {
        const html = renderComparisonHtml(remplace<Comparaison>(comparaison, texte), cats);
        expect(chevrons(html)).toBe(base);
      }),
      { numRuns: 40 },
    );
  });

  it('le texte s’y lit tel quel, une seule fois échappé (jamais « &amp;#60; »)', () => {
    const piege = "<script>document.title='PWNED'</script> & \"x\"";
    const html = renderComparisonHtml(remplace<Comparaison>(comparaison, piege), cats);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('&#38;#');
    expect(html).toContain('&#60;script&#62;document.title=&#39;PWNED&#39;&#60;/script&#62; &#38; &#34;x&#34;');
  });
});

import { describe, expect, it } from 'vitest';
import { catalogue2026, completeCatalogue, isQuoteError, quote, renderQuoteHtml } from '../src/index.js';
import { adhesion, epci, TARIFS_TEST } from './helpers.js';

const OPTIONS = { numero: 'D-2026-0042', date: '2026-11-29', validiteJours: 30 };

describe('renderQuoteHtml', () => {
  const devis = quote(adhesion({ marchesPublics: { acces: 2 } }, epci));
  const html = renderQuoteHtml(devis, OPTIONS);

  it('un document autonome, en français, sans ressource externe', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('@page { size: A4;');
  });

  it('le numéro, la date et la validité donnés par l’appelant ; la collectivité, les lignes, les totaux', () => {
    expect(html).toContain('Devis n° <strong>D-2026-0042</strong>');
    expect(html).toContain('Date : 29 novembre 2026');
    expect(html).toContain("Valable 30 jours, jusqu'au 29 décembre 2026");
    expect(html).toContain('SIREN 200 000 172');
    expect(html).toContain('<th scope="col">Prestation</th>');
    expect(html).toContain('<th scope="row">Accès à la plateforme des marchés publics');
    expect(html).toContain('2 accès × 50,00 € = 100,00 €');
    expect(html).toContain('Total général : 1 249,76 €');
    expect(html).not.toContain("Montants d'exemple");
  });

  it('une section par facture (SIREN), et les avertissements', () => {
    const complet = completeCatalogue(catalogue2026, TARIFS_TEST);
    const d = quote(adhesion({ packDemat: { sirens: ['200000172', '200000107'] } }, { ...epci, type: 'commune' }), { catalogue: complet });
    const h = renderQuoteHtml(d, OPTIONS);
    expect(h.match(/<section aria-labelledby="facture-/g)).toHaveLength(2);
    expect(h).toContain('Facture — SIREN 200 000 107');
    expect(h).toContain('<h2 id="avertissements">Avertissements</h2>');
  });

  it('un bandeau visible dès qu’un montant est un montant d’exemple', () => {
    const exemple = completeCatalogue(catalogue2026, { ...TARIFS_TEST, exemple: true });
    const h = renderQuoteHtml(quote(adhesion({ dpo: {} }, epci), { catalogue: exemple }), OPTIONS);
    expect(h).toContain('<p class="exemple" role="note">Montants d\'exemple');
    expect(h).toContain('(montant d&#39;exemple)');
  });

  it('échappe les textes (un nom de collectivité ne peut pas injecter de HTML)', () => {
    const d = quote(adhesion({}, { ...epci, nom: '<script>alert(1)</script> & Cie' }));
    const h = renderQuoteHtml(d, OPTIONS);
    expect(h).not.toContain('<script>');
    expect(h).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; Cie');
  });

  it('refuse des options fausses, tous les problèmes à la fois', () => {
    let caught: unknown;
    try {
      renderQuoteHtml(devis, { numero: '', date: '2026-02-30', validiteJours: 0 });
    } catch (error) {
      caught = error;
    }
    expect(isQuoteError(caught)).toBe(true);
    expect(isQuoteError(caught) && caught.issues.map((i) => i.path.join('.'))).toEqual(['options.numero', 'options.date', 'options.validiteJours']);
  });
});

import { describe, expect, it } from 'vitest';
import { formatSiren, quote, renderIssuesText, renderQuoteText, safeQuote } from '../src/index.js';
import { adhesion, catalogueTest, epci } from './helpers.js';

describe('affichage texte', () => {
  it('un bloc par facture, montants à la française, total général', () => {
    const devis = quote(adhesion({ packDemat: { sirens: ['200000172', '200000107'] } }, epci), { catalogue: catalogueTest });
    const text = renderQuoteText(devis);
    expect(text).toContain('Devis 2026 — Communauté de test (EPCI), SIREN 200 000 172');
    expect(text).toContain('Facture SIREN 200 000 172');
    expect(text).toContain('Facture SIREN 200 000 107');
    expect(text).toContain('1 149,76 €');
    expect(text).toContain('Montant fourni : Montants de test');
    expect(text).toMatch(/Total général : 1 650,26 €$/m);
  });

  it('liste les problèmes avec leur chemin et leur code', () => {
    const r = safeQuote(adhesion({}, { ...epci, siren: '123' }));
    expect(!r.success && renderIssuesText(r.issues)).toBe(
      '  - collectivite.siren : Le SIREN « 123 » doit compter exactement 9 chiffres. [SIREN_INVALIDE]',
    );
  });

  it('écrit le SIREN par groupes de trois', () => {
    expect(formatSiren('219000106')).toBe('219 000 106');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue2026, completeCatalogue, formatSiren, parseCatalogue, quote, safeQuote } from '../src/index.js';
import { renderIssuesText, renderQuoteText } from '@te90/tarifs/documents';
import { adhesion, catalogueTest, epci, TARIFS_TEST } from './helpers.js';

describe('affichage texte', () => {
  it('un bloc par SIREN facturé, montants à la française (espaces insécables), total du devis', () => {
    const devis = quote(adhesion({ packDemat: { sirens: ['200000172', '200000107'] } }, epci), { catalogue: catalogueTest });
    const text = renderQuoteText(devis);
    expect(text).toContain('Devis 2026 — Communauté de test (EPCI), SIREN 200 000 172');
    expect(text).toContain('Montants facturés au SIREN 200 000 172 — Communauté de test');
    expect(text).toContain("Montants facturés au SIREN 200 000 107 — nom non indiqué dans l'adhésion");
    expect(text).not.toMatch(/Facture/);
    expect(text).toContain('1\u00a0149,76\u00a0€');
    expect(text).toContain('Montant fourni : Montants de test');
    expect(text).toMatch(/^Total du devis : 1\u00a0650,26\u00a0€$/m);
    expect(text.replace(/\s+/g, ' ')).toContain("Arrondi (règle de calcul de l'outil, par défaut) : chaque ligne est arrondie au centime");
    // L'exemplaire de l'adhérent ne s'adresse qu'à lui : pas d'option de ligne de commande, pas de fonction.
    expect(text).not.toMatch(/--format|--emetteur|renderQuoteHtml|ligne de commande/);
  });

  it('dit d’où vient chaque montant, et marque chaque montant d’exemple', () => {
    const exemple = completeCatalogue(catalogue2026, { ...TARIFS_TEST, exemple: true });
    const text = renderQuoteText(quote(adhesion({ dpo: {} }, epci), { catalogue: exemple }));
    expect(text).toMatch(/^MONTANTS D'EXEMPLE : /m);
    // Chaque ligne chiffrée avec un montant d'exemple le dit (la marque ne se coupe pas).
    const dpo = text.slice(text.indexOf('DPO')).split('\n').slice(0, 6).join(' ');
    expect(dpo).toMatch(/Montant fourni : .*\(montant\u00a0d'exemple\)/);
    expect(text).toContain('Montant publié : ');
    // Sans montant d'exemple, ni bandeau ni marque.
    expect(renderQuoteText(quote(adhesion({}, epci)))).not.toMatch(/exemple/i);
  });

  it('abonnements annuels et prestations ponctuelles à part, avec leur période et leur sous-total', () => {
    const text = renderQuoteText(quote(adhesion({ marchesPublics: { acces: 2 }, secretariatMairie: { jours: 2.5 } }, epci)));
    expect(text).toMatch(/^  Abonnements annuels \(tarifs 2026 ; période supposée par l'outil/m);
    expect(text).toMatch(/^  Prestations ponctuelles \(à l'acte/m);
    expect(text).toMatch(/Sous-total des abonnements annuels +1\u00a0249,76\u00a0€/);
    expect(text).toMatch(/Sous-total des prestations ponctuelles +900,00\u00a0€/);
    expect(text).toContain('Total des prestations ponctuelles : 900,00\u00a0€');
    const ponctuelles = text.slice(text.indexOf('Prestations ponctuelles'));
    expect(ponctuelles).toContain('Secrétariat de mairie');
    expect(ponctuelles).not.toContain('Accès à la plateforme');
  });

  it('un total qui omet une part non chiffrée est un « total partiel » ; remarques pour l’adhérent, vérifications sur demande', () => {
    const devis = quote(adhesion({ maintenanceBase: { postes: 4 } }, { ...epci, type: 'commune' }));
    const text = renderQuoteText(devis);
    expect(text).toMatch(/^  Total partiel pour ce SIREN/m);
    expect(text).toMatch(/^Total partiel du devis : 2\u00a0069,57\u00a0€$/m);
    expect(text).toContain('À noter :');
    expect(text).not.toContain('postesLicenceBL');
    expect(text).not.toContain('vérifiez');
    const staff = renderQuoteText(devis, { verifications: true });
    expect(staff).toContain('Vérifications pour le syndicat :');
    expect(staff).toContain('postesLicenceBL');
    expect(staff).toContain('[BAREME_ETABLISSEMENTS_PUBLICS]');
  });

  it('un libellé long passe à la ligne ; les montants restent alignés', () => {
    const text = renderQuoteText(quote(adhesion({ secretariatMairie: { jours: 1 } }, epci)));
    const montants = text.split('\n').filter((l) => /\d,\d\d\u00a0€$/.test(l) && l.startsWith('    ') && !l.startsWith('     '));
    expect(montants.length).toBeGreaterThanOrEqual(3);
    expect(new Set(montants.map((l) => [...l].length)).size).toBe(1);
    expect(text).toMatch(/^    Secrétariat de mairie, à la journée +300,00\u00a0€\n      incompressible$/m);
    for (const l of text.split('\n')) expect([...l].length, l).toBeLessThanOrEqual(72);
  });

  it('« Total pour ce SIREN » aligne son montant sur ceux des lignes et des sous-totaux', () => {
    const text = renderQuoteText(quote(adhesion({ packDemat: { sirens: ['200000172', '200000107'] }, secretariatMairie: { jours: 1 } }, epci), { catalogue: catalogueTest }));
    const montants = text.split('\n').filter((l) => /^ {2}\S|^ {4}\S/.test(l) && /\d,\d\d\u00a0€$/.test(l));
    expect(montants.filter((l) => l.includes('Total pour ce SIREN'))).toHaveLength(2);
    expect(new Set(montants.map((l) => [...l].length))).toEqual(new Set([[...montants[0]!].length]));
  });

  it('le barème des établissements publics appliqué à une commune : hypothèse du syndicat, pas « montant publié »', () => {
    const commune = renderQuoteText(quote(adhesion({}, { ...epci, type: 'commune' }))).replace(/\s+/g, ' ');
    expect(commune).toContain('Hypothèse du syndicat : barème publié pour les établissements publics (EPCI)');
    expect(commune).not.toContain('Montant publié');
    expect(commune).toContain('ce montant est une hypothèse du syndicat');
    const pourEpci = renderQuoteText(quote(adhesion({}, epci))).replace(/\s+/g, ' ');
    expect(pourEpci).toContain('Montant publié : ');
    expect(pourEpci).not.toContain('Hypothèse');
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

describe('un barème appliqué au-delà de sa source reste une hypothèse, quelle que soit son origine', () => {
  const revise = parseCatalogue(JSON.parse(readFileSync(join(__dirname, '..', 'examples', 'territoire-de-belfort', 'catalogue-2027.json'), 'utf8')));
  const commune = { nom: 'Foussemagne', siren: '219000494', type: 'commune', population: 869 } as const;

  it('catalogue révisé : « Montant révisé (hypothèse du syndicat : … » pour une commune, « Montant révisé » seul pour un EPCI', () => {
    const devis = quote({ collectivite: commune, prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 } } }, { catalogue: revise });
    expect(devis.lignes[0]!.source.origine).toBe('revision');
    expect(renderQuoteText(devis).replace(/\s+/g, ' ')).toMatch(/Montant révisé \(hypothèse du syndicat : barème publié pour les établissements publics \(EPCI\)/);
    const epciDevis = quote({ collectivite: { nom: 'CC des Vosges du Sud', siren: '200069060', type: 'epci' }, prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 } } }, { catalogue: revise });
    expect(renderQuoteText(epciDevis)).not.toMatch(/hypothèse du syndicat/);
  });
});

import { describe, expect, it } from 'vitest';
import { catalogue2026, isQuoteError, quote, quoteAll, QuoteError, safeQuote, type Adhesion } from '../src/index.js';
import { adhesion, catalogueTest, commune, epci, SIREN_COMMUNE, sum } from './helpers.js';

const codes = (input: unknown, options?: object) => {
  const r = safeQuote(input as Adhesion, options);
  return r.success ? [] : r.issues.map((i) => i.code);
};

describe('quote : règles', () => {
  it('refuse une adhésion sans maintenance de base', () => {
    const r = safeQuote({ collectivite: commune, prestations: { marchesPublics: { acces: 1 } } } as never);
    expect(!r.success && r.issues).toEqual([
      expect.objectContaining({ code: 'MAINTENANCE_BASE_OBLIGATOIRE', path: ['prestations', 'maintenanceBase'] }),
    ]);
  });

  it('signale tous les problèmes à la fois, pas seulement le premier', () => {
    const r = safeQuote({
      collectivite: { nom: '', siren: '123', type: 'mairie', population: -3, extra: true },
      prestations: { marchesPublics: { acces: 0 }, secretariatMairie: { jours: 'deux' }, inconnue: {} },
    } as unknown as Adhesion);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => `${i.code}@${i.path.join('.')}`).sort()).toEqual(
      [
        'VALEUR_HORS_LIMITES@collectivite.nom',
        'SIREN_INVALIDE@collectivite.siren',
        'VALEUR_NON_ADMISE@collectivite.type',
        'VALEUR_HORS_LIMITES@collectivite.population',
        'CHAMP_INCONNU@collectivite.extra',
        'VALEUR_HORS_LIMITES@prestations.marchesPublics.acces',
        'ENTREE_INVALIDE@prestations.secretariatMairie.jours',
        'CHAMP_INCONNU@prestations.inconnue',
        'MAINTENANCE_BASE_OBLIGATOIRE@prestations.maintenanceBase',
      ].sort(),
    );
    for (const issue of r.issues) expect(issue.message.length).toBeGreaterThan(10);
  });

  it('quote lève une QuoteError qui porte les problèmes', () => {
    let caught: unknown;
    try {
      quote({ collectivite: commune, prestations: {} } as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(QuoteError);
    expect(isQuoteError(caught) && caught.issues.map((i) => i.code)).toEqual(['MAINTENANCE_BASE_OBLIGATOIRE']);
    expect(isQuoteError(caught) && caught.message).toContain('prestations.maintenanceBase');
  });

  it('accepte un SIREN avec espaces et le rend sans espaces', () => {
    const devis = quote(adhesion({}, { ...commune, siren: ' 219 000 106 ' }));
    expect(devis.collectivite.siren).toBe(SIREN_COMMUNE);
    expect(devis.lignes.every((l) => l.siren === SIREN_COMMUNE)).toBe(true);
  });

  it('refuse un SIREN à la clé fausse, ou donné en nombre', () => {
    expect(codes(adhesion({}, { ...commune, siren: '219000107' }))).toEqual(['SIREN_INVALIDE']);
    expect(codes(adhesion({}, { ...commune, siren: 219000106 }))).toEqual(['ENTREE_INVALIDE']);
  });

  it('refuse un millésime qui n’est pas celui du catalogue, même si d’autres champs sont faux', () => {
    expect(codes({ ...adhesion(), millesime: 2025 })).toEqual(['MILLESIME_INCOHERENT']);
    expect(codes({ ...adhesion({}, { ...commune, siren: '1' }), millesime: 2025 })).toEqual(['SIREN_INVALIDE', 'MILLESIME_INCOHERENT']);
    expect(quote({ ...adhesion(), millesime: 2026 }).millesime).toBe(2026);
  });

  it('refuse une entrée qui n’est pas un objet', () => {
    for (const input of [null, undefined, 42, 'x', [], true]) {
      expect(codes(input).length).toBeGreaterThan(0);
    }
  });

  it('refuse un catalogue mal formé, avec le chemin dans le catalogue', () => {
    const r = safeQuote(adhesion(), { catalogue: { ...catalogue2026, devise: 'USD' } as never });
    expect(!r.success && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['CATALOGUE_INVALIDE', 'catalogue.devise']]);
  });

  it('accepte un catalogue complet non gelé passé tel quel (validé)', () => {
    const copie = JSON.parse(JSON.stringify(catalogueTest));
    expect(quote(adhesion({ dpo: {} }), { catalogue: copie }).total).toBe(quote(adhesion({ dpo: {} }), { catalogue: catalogueTest }).total);
  });
});

describe('quote : devis', () => {
  it('lignes dans l’ordre du catalogue, quel que soit l’ordre de l’entrée', () => {
    const devis = quote(
      {
        collectivite: epci,
        prestations: { secretariatMairie: { jours: 1 }, dpo: {}, marchesPublics: { acces: 1 }, maintenanceBase: { postes: 1, postesLicenceBL: 0 } },
      },
      { catalogue: catalogueTest },
    );
    expect(devis.lignes.map((l) => l.prestation)).toEqual(['maintenanceBase', 'marchesPublics', 'dpo', 'secretariatMairie']);
  });

  it('total = somme des lignes = somme des factures ; devise EUR', () => {
    const devis = quote(
      adhesion({ marchesPublics: { acces: 2, misesEnLigneAssistees: 3 }, secretariatMairie: { jours: 1.5 } }, epci),
    );
    expect(devis.total).toBe('1945.76');
    expect(sum(devis.lignes.map((l) => l.montant))).toBe(devis.total);
    expect(sum(devis.factures.map((f) => f.total))).toBe(devis.total);
    expect(devis.devise).toBe('EUR');
  });

  it('le total est la somme des lignes arrondies, pas l’arrondi de la somme', () => {
    // 574,88 × 2,7 = 1 552,176 → 1 552,18 par devis ; deux devis : 3 104,36 (la somme brute, 3 104,352, donnerait 3 104,35).
    const lot = quoteAll([adhesion({ maintenanceBase: { postes: 3, postesLicenceBL: 0 } }, epci), adhesion({ maintenanceBase: { postes: 3, postesLicenceBL: 0 } }, epci)]);
    expect(lot.resultats.map((r) => r.success && r.data.total)).toEqual(['1552.18', '1552.18']);
    expect(lot.synthese.total).toBe('3104.36');
  });

  it('même entrée, même devis', () => {
    const input = adhesion({ marchesPublics: { acces: 2 }, packDemat: {} }, epci);
    expect(quote(input, { catalogue: catalogueTest })).toEqual(quote(input, { catalogue: catalogueTest }));
  });

  it('ne modifie pas l’entrée', () => {
    const input = adhesion({ packDemat: { sirens: ['200 000 172'] } }, { ...epci, siren: '200 000 172' });
    const before = JSON.stringify(input);
    quote(input, { catalogue: catalogueTest });
    expect(JSON.stringify(input)).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { quote, safeQuote } from '../../src/index.js';
import { adhesion, catalogueTest, epci, SIREN_CCAS, SIREN_EPCI, SIREN_SYNDICAT } from '../helpers.js';

describe('pack dématérialisation', () => {
  it('une ligne et une facture par SIREN listé', () => {
    const devis = quote(adhesion({ packDemat: { sirens: [SIREN_EPCI, '200 000 107', SIREN_SYNDICAT] } }, epci), {
      catalogue: catalogueTest,
    });
    const pack = devis.lignes.filter((l) => l.prestation === 'packDemat');
    expect(pack.map((l) => [l.siren, l.montant])).toEqual([
      [SIREN_EPCI, '250.25'],
      [SIREN_CCAS, '250.25'],
      [SIREN_SYNDICAT, '250.25'],
    ]);
    expect(devis.factures.map((f) => [f.siren, f.total])).toEqual([
      [SIREN_EPCI, '1400.01'],
      [SIREN_CCAS, '250.25'],
      [SIREN_SYNDICAT, '250.25'],
    ]);
  });

  it('par défaut, le SIREN de la collectivité', () => {
    const devis = quote(adhesion({ packDemat: {} }, epci), { catalogue: catalogueTest });
    expect(devis.lignes.filter((l) => l.prestation === 'packDemat').map((l) => l.siren)).toEqual([SIREN_EPCI]);
    expect(devis.factures).toHaveLength(1);
  });

  it('inclus d’office si le parc est transféré, et la ligne dit pourquoi', () => {
    const devis = quote(adhesion({}, { ...epci, parcTransfere: true }), { catalogue: catalogueTest });
    const pack = devis.lignes.filter((l) => l.prestation === 'packDemat');
    expect(pack).toHaveLength(1);
    expect(pack[0]!.detail).toMatch(/^Inclus d'office \(parc informatique transféré/);
  });

  it('pas inclus d’office sans parc transféré', () => {
    const devis = quote(adhesion({}, { ...epci, parcTransfere: false }), { catalogue: catalogueTest });
    expect(devis.lignes.some((l) => l.prestation === 'packDemat')).toBe(false);
  });

  it('inclus d’office mais non publié : TARIF_NON_PUBLIE sur le catalogue embarqué', () => {
    const r = safeQuote(adhesion({}, { ...epci, parcTransfere: true }));
    expect(!r.success && r.issues.map((i) => i.code)).toEqual(['TARIF_NON_PUBLIE']);
  });

  it('refuse un SIREN en double (même avec des espaces)', () => {
    const r = safeQuote(adhesion({ packDemat: { sirens: [SIREN_EPCI, '200 000 172'] } }, epci), { catalogue: catalogueTest });
    expect(!r.success && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['SIREN_EN_DOUBLE', 'prestations.packDemat.sirens.1'],
    ]);
  });

  it('refuse un SIREN invalide dans la liste, et une liste vide', () => {
    const r = safeQuote(adhesion({ packDemat: { sirens: [SIREN_EPCI, '200000173'] } }, epci), { catalogue: catalogueTest });
    expect(!r.success && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['SIREN_INVALIDE', 'prestations.packDemat.sirens.1'],
    ]);
    const v = safeQuote(adhesion({ packDemat: { sirens: [] } }, epci), { catalogue: catalogueTest });
    expect(!v.success && v.issues.map((i) => i.code)).toEqual(['VALEUR_HORS_LIMITES']);
  });
});

import { describe, expect, it } from 'vitest';
import { quote, safeQuote } from '../../src/index.js';
import { adhesion, catalogueTest, commune, epci } from '../helpers.js';

describe('maintenance de base', () => {
  it('part 1 : 574,88 € × (postes × coefficient du palier)', () => {
    const devis = quote(adhesion({ maintenanceBase: { postes: 4, postesLicenceBL: 0 } }, epci));
    expect(devis.lignes).toHaveLength(1);
    expect(devis.lignes[0]).toMatchObject({
      prestation: 'maintenanceBase',
      composante: 'postes',
      quantite: '3.6',
      prixUnitaire: '574.88',
      montant: '2069.57',
      detail: '574,88 € × (4 postes × 0,9) = 2 069,57 €',
      source: { origine: 'publie' },
    });
    expect(devis.avertissements).toEqual([]);
  });

  it('part 2 non publiée : refusée avec TARIF_NON_PUBLIE dès qu’un poste porte une licence', () => {
    const r = safeQuote(adhesion({ maintenanceBase: { postes: 4, postesLicenceBL: 3 } }, epci));
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'TARIF_NON_PUBLIE', path: ['prestations', 'maintenanceBase', 'postesLicenceBL'] });
    expect(r.issues[0]!.message).toContain('part 2');
    expect(r.issues[0]!.message).toContain('licenceBL.prixUnitaire');
  });

  it('part 2 fournie par un catalogue complété : une seconde ligne', () => {
    const devis = quote(adhesion({ maintenanceBase: { postes: 4, postesLicenceBL: 3 } }, epci), { catalogue: catalogueTest });
    expect(devis.lignes.map((l) => [l.composante, l.montant])).toEqual([
      ['postes', '2069.57'],
      ['licenceBL', '286.50'],
    ]);
    expect(devis.lignes[1]!.source.origine).toBe('complement');
    expect(devis.total).toBe('2356.07');
  });

  it('part 2 non renseignée : seule la part 1, avec un avertissement', () => {
    const devis = quote(adhesion({ maintenanceBase: { postes: 2 } }, epci));
    expect(devis.lignes).toHaveLength(1);
    expect(devis.avertissements.map((w) => w.code)).toEqual(['PART2_NON_RENSEIGNEE']);
  });

  it('avertit qu’aucune formule propre aux communes n’est publiée', () => {
    const devis = quote(adhesion({}, commune));
    expect(devis.avertissements.map((w) => w.code)).toEqual(['BAREME_ETABLISSEMENTS_PUBLICS']);
  });

  it('refuse plus de postes sous licence que de postes maintenus', () => {
    const r = safeQuote(adhesion({ maintenanceBase: { postes: 2, postesLicenceBL: 3 } }));
    expect(!r.success && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['POSTES_LICENCE_SUPERIEURS', 'prestations.maintenanceBase.postesLicenceBL'],
    ]);
  });

  it.each([0, -1, 1.5, 100_001])('refuse %s poste(s)', (postes) => {
    const r = safeQuote(adhesion({ maintenanceBase: { postes, postesLicenceBL: 0 } }));
    expect(!r.success && r.issues[0]!.path).toEqual(['prestations', 'maintenanceBase', 'postes']);
  });
});

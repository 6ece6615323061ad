import { describe, expect, it } from 'vitest';
import { quote, WARNING_CODES } from '../src/index.js';
import { WARNING_AUDIENCES } from '../src/core/codes.js';
import { adhesion, epci } from './helpers.js';

describe('remarques pour l’adhérent, vérifications pour le syndicat, total partiel', () => {
  it('chaque code d’avertissement déclare à qui il s’adresse', () => {
    expect(Object.keys(WARNING_AUDIENCES).sort()).toEqual(Object.keys(WARNING_CODES).sort());
  });

  it('part 2 non renseignée : une vérification (nomme le champ), une remarque en mots simples (mêmes code et paramètres), un total partiel', () => {
    const d = quote(adhesion({ maintenanceBase: { postes: 4 } }, { ...epci, type: 'commune' }));
    expect(d.avertissements.map((w) => w.code)).toEqual(['PART2_NON_RENSEIGNEE', 'BAREME_ETABLISSEMENTS_PUBLICS']);
    expect(d.avertissements[0]!.message).toContain('postesLicenceBL');
    expect(d.remarques.map((r) => r.code)).toEqual(['PART2_NON_RENSEIGNEE', 'BAREME_ETABLISSEMENTS_PUBLICS']);
    const r = d.remarques[0]!;
    expect([r.code, r.path, r.params]).toEqual([d.avertissements[0]!.code, d.avertissements[0]!.path, d.avertissements[0]!.params]);
    expect(r.message).not.toMatch(/postesLicenceBL|[a-z][A-Z]/);
    expect(d.totalPartiel).toBe(true);
    expect(d.manquants).toEqual([
      {
        prestation: 'maintenanceBase',
        composante: 'licenceBL',
        libelle: 'Maintenance de base — part 2 : postes sous licence Berger Levrault',
        siren: epci.siren,
        path: ['prestations', 'maintenanceBase', 'postesLicenceBL'],
      },
    ]);
    expect(d.factures[0]!.totalPartiel).toBe(true);
  });

  it('tout renseigné, pour un EPCI : ni remarque, ni vérification, ni total partiel', () => {
    const d = quote(adhesion({}, epci));
    expect(d.totalPartiel).toBe(false);
    expect(d.manquants).toEqual([]);
    expect(d.remarques).toEqual([]);
    expect(d.avertissements).toEqual([]);
    expect(d.factures[0]!.totalPartiel).toBeUndefined();
  });

  it.each(['commune', 'ccas', 'syndicat', 'autre'] as const)('%s : le barème des établissements publics, appliqué par hypothèse, est dit au syndicat et à l’adhérent, de la même façon', (type) => {
    const d = quote(adhesion({}, { ...epci, type }));
    expect(d.avertissements.map((w) => [w.code, w.path])).toEqual([['BAREME_ETABLISSEMENTS_PUBLICS', ['prestations', 'maintenanceBase']]]);
    expect(d.remarques.map((w) => w.code)).toEqual(['BAREME_ETABLISSEMENTS_PUBLICS']);
    expect(d.remarques[0]!.message).toMatch(/hypothèse du syndicat/);
    expect(d.remarques[0]!.message).toBe(quote(adhesion({}, { ...epci, type: 'commune' })).remarques[0]!.message);
  });

  it('une journée de secrétariat et une mise en ligne assistée sont ponctuelles ; un accès, un abonnement annuel', () => {
    const d = quote(adhesion({ marchesPublics: { acces: 1, misesEnLigneAssistees: 1 }, secretariatMairie: { jours: 1 } }, epci));
    expect(Object.fromEntries(d.lignes.map((l) => [l.composante, l.ponctuelle === true]))).toEqual({
      postes: false,
      acces: false,
      miseEnLigneAssistee: true,
      journee: true,
    });
  });
});

describe('le lot en texte marque un total partiel', () => {
  it('« (total partiel) » sur la ligne d’une adhésion dont une part n’est pas chiffrée, et seulement elle', async () => {
    const { quoteAll } = await import('../src/index.js');
    const { renderBatchText } = await import('@te90/tarifs/documents');
    const text = renderBatchText(quoteAll([adhesion({ maintenanceBase: { postes: 4 } }, epci), adhesion({}, epci)]));
    const lignes = text.split('\n').filter((l) => /^ {2}#\d/.test(l));
    expect(lignes).toHaveLength(2);
    expect(lignes[0]).toMatch(/\(total partiel\)$/);
    expect(lignes[1]).not.toContain('total partiel');
  });
});

import { describe, expect, it } from 'vitest';
import {
  catalogue2026,
  compareCatalogues,
  completeCatalogue,
  missingAmounts,
  parseCatalogue,
  quote,
  reviseCatalogue,
  safeCompleteCatalogue,
  safeParseCatalogue,
  safeQuote,
  safeReviseCatalogue,
  type Adhesion,
  type Catalogue,
  type Tarifs,
} from '../src/index.js';
import { tarifsFromRange } from '../src/spreadsheet/layout.js';
import { adhesion, catalogueTest, commune } from './helpers.js';

const DPO_PAR_HABITANT: Tarifs = {
  millesime: 2026,
  source: 'Montants de test (inventés pour les tests, non publiés)',
  prestations: { dpo: { abonnement: { modele: 'parHabitant', prixParHabitant: '0.045', plancher: '50.00', plafond: '800.00' } } },
};

const avecDpo = (population?: number): Adhesion =>
  adhesion({ maintenanceBase: { postes: 1, postesLicenceBL: 0 }, dpo: {} }, population === undefined ? { ...commune, population: undefined } : { ...commune, population });

const ligneDpo = (a: Adhesion, catalogue: Catalogue) => quote(a, { catalogue }).lignes.find((l) => l.prestation === 'dpo')!;

function issues(r: { success: boolean; issues?: readonly { code: string; path: readonly (string | number)[]; params: unknown }[] }) {
  expect(r.success).toBe(false);
  return r.issues!.map((i) => ({ code: i.code, path: i.path.join('.'), params: i.params }));
}

describe('un fichier de tarifs choisit un modèle de prix', () => {
  it('le DPO au prix par habitant : plancher, calcul, plafond, selon la population', () => {
    const c = completeCatalogue(catalogue2026, DPO_PAR_HABITANT);
    expect(c.prestations.dpo.composantes.abonnement).toMatchObject({ modele: 'parHabitant', libelle: 'DPO mutualisé', prixParHabitant: '0.045', source: { origine: 'complement' } });
    const petite = ligneDpo(avecDpo(850), c);
    expect([petite.montant, petite.detail]).toEqual(['50.00', '850 habitants × 0,045 € = 38,25 €, relevé au plancher de 50,00 €']);
    expect(petite.calcul).toEqual({ type: 'proportionnel', population: 850, prixParHabitant: '0.045', brut: '38.25', plancher: '50.00', plafond: '800.00', retenu: 'plancher', montant: '50.00' });
    expect(ligneDpo(avecDpo(3001), c).montant).toBe('135.05'); // 135,045 → 135,05 au demi supérieur
    expect(ligneDpo(avecDpo(20000), c).detail).toBe('20 000 habitants × 0,045 € = 900,00 €, ramené au plafond de 800,00 €');
  });

  it('sans population, le DPO au prix par habitant est refusé, avec les autres problèmes', () => {
    const c = completeCatalogue(catalogue2026, DPO_PAR_HABITANT);
    const r = safeQuote({ ...avecDpo(), collectivite: { ...commune, siren: '123', population: undefined } }, { catalogue: c });
    expect(issues(r).map((i) => [i.code, i.path])).toEqual([
      ['SIREN_INVALIDE', 'collectivite.siren'],
      ['POPULATION_REQUISE', 'collectivite.population'],
    ]);
  });

  it('un modèle que la composante n’admet pas est refusé, en disant ceux qu’elle admet', () => {
    const r = safeCompleteCatalogue(catalogue2026, {
      ...DPO_PAR_HABITANT,
      prestations: { packDemat: { parSiren: { modele: 'parHabitant', prixParHabitant: '0.01' } } },
    });
    expect(issues(r)).toEqual([
      { code: 'VALEUR_NON_ADMISE', path: 'tarifs.prestations.packDemat.parSiren.modele', params: { raison: 'modeleNonAdmis', modele: 'parHabitant', admis: ['forfait'] } },
    ]);
  });

  it('un champ d’un autre modèle est refusé, en disant ceux du modèle suivi', () => {
    const r = safeCompleteCatalogue(catalogue2026, { ...DPO_PAR_HABITANT, prestations: { dpo: { abonnement: { prixParHabitant: '0.05' } } } });
    expect(issues(r)).toEqual([
      {
        code: 'VALEUR_NON_ADMISE',
        path: 'tarifs.prestations.dpo.abonnement.prixParHabitant',
        params: { raison: 'champDuModele', modele: 'forfait', attendus: ['montant'], recu: 'prixParHabitant', operation: 'complete' },
      },
    ]);
  });

  it('le modèle d’un montant déjà fourni ne se change pas par un fichier de tarifs', () => {
    const r = safeCompleteCatalogue(catalogueTest, DPO_PAR_HABITANT);
    expect(issues(r)).toEqual([{ code: 'TARIF_DEJA_PUBLIE', path: 'tarifs.prestations.dpo.abonnement.modele', params: { champ: 'modele', valeur: 'forfait' } }]);
  });

  it('un plafond sous le plancher rend le catalogue incohérent', () => {
    const r = safeCompleteCatalogue(catalogue2026, {
      ...DPO_PAR_HABITANT,
      prestations: { dpo: { abonnement: { modele: 'parHabitant', prixParHabitant: '0.045', plancher: '500.00', plafond: '100.00' } } },
    });
    expect(issues(r).map((i) => [i.code, i.path])).toEqual([['CATALOGUE_INCOHERENT', 'tarifs.prestations.dpo.abonnement.plafond']]);
  });

  it('dans un tableur, le modèle et chaque montant ont leur cellule', () => {
    const r = tarifsFromRange(
      [
        ['source', 'Délibération'],
        ['prestations.dpo.abonnement.modele', 'parHabitant'],
        ['prestations.dpo.abonnement.prixParHabitant', '0,045'],
        ['prestations.dpo.abonnement.plancher', 50],
        ['prestations.dpo.abonnement.plafond', '800'],
      ],
      2026,
    );
    expect(r.issues).toEqual([]);
    expect(r.value['prestations']).toEqual({ dpo: { abonnement: { modele: 'parHabitant', prixParHabitant: '0.045', plancher: '50', plafond: '800' } } });
    expect(completeCatalogue(catalogue2026, r.value as never).prestations.dpo.composantes.abonnement.modele).toBe('parHabitant');
  });
});

describe('une révision change le modèle d’une composante', () => {
  const revision = {
    millesime: 2027,
    libelle: 'Catalogue 2027 de test',
    source: 'Délibération de test',
    indexation: { pourcentage: '10' },
    prestations: { dpo: { abonnement: { modele: 'forfaitParStrate' as const, strates: [{ de: 0, a: 999, montant: '150.00' }, { de: 1000, a: null, montant: '300.00' }] } } },
  };

  it('le nouveau modèle est pris tel que voté, sans indexation ; les autres montants sont indexés', () => {
    const c2027 = reviseCatalogue(catalogueTest, revision);
    expect(c2027.prestations.dpo.composantes.abonnement).toMatchObject({ modele: 'forfaitParStrate', strates: revision.prestations.dpo.abonnement.strates, source: { origine: 'revision' } });
    expect(c2027.prestations.cabinetNumerique.composantes.abonnement).toMatchObject({ modele: 'forfait', montant: '146.66' });
    expect(ligneDpo(avecDpo(850), c2027).detail).toBe('Strate de 0 à 999 habitants (850 habitants) : 150,00 €');
  });

  it('compareCatalogues compare un adhérent d’un modèle à l’autre', () => {
    const c2027 = reviseCatalogue(catalogueTest, revision);
    const r = compareCatalogues([avecDpo(850), avecDpo(5000)], { avant: catalogueTest, apres: c2027 });
    const dpo = r.adherents.map((a) => a.lignes.find((l) => l.prestation === 'dpo'));
    // Aucun montant d'exemple ici : aucun côté n'est marqué.
    expect(r.adherents.map((a) => [a.avant?.exemple, a.apres?.exemple])).toEqual([[undefined, undefined], [undefined, undefined]]);
    expect(dpo.map((l) => [l?.avant, l?.apres, l?.ecart])).toEqual([
      ['400.00', '150.00', '-250.00'],
      ['400.00', '300.00', '-100.00'],
    ]);
  });

  it('un modèle non admis est refusé au chemin de la révision', () => {
    const r = safeReviseCatalogue(catalogueTest, { ...revision, prestations: { marchesPublics: { acces: { modele: 'forfait', montant: '10.00' } } } });
    expect(issues(r).map((i) => [i.code, i.path])).toEqual([['VALEUR_NON_ADMISE', 'revision.prestations.marchesPublics.acces.modele']]);
  });

  it('un prix unitaire a jusqu’à quatre décimales ; la ligne reste arrondie au centime', () => {
    const c2027 = reviseCatalogue(catalogue2026, { ...revision, indexation: undefined, prestations: { marchesPublics: { acces: { prixUnitaire: '50.1234' } } } });
    const devis = quote(adhesion({ maintenanceBase: { postes: 1, postesLicenceBL: 0 }, marchesPublics: { acces: 2 } }), { catalogue: c2027 });
    const acces = devis.lignes.find((l) => l.composante === 'acces')!;
    expect([acces.prixUnitaire, acces.montant, acces.detail]).toEqual(['50.1234', '100.25', '2 accès × 50,1234 € = 100,25 €']);
    const trop = safeReviseCatalogue(catalogue2026, { ...revision, indexation: undefined, prestations: { marchesPublics: { acces: { prixUnitaire: '50.12345' } } } });
    expect(trop.success).toBe(false);
  });
});

describe('un catalogue écrit en JSON', () => {
  /** Le catalogue 2026, sans ce que les déclarations disent déjà : ses montants et sources seulement. */
  function dataOnly(): Record<string, unknown> {
    const c = JSON.parse(JSON.stringify(catalogue2026)) as { prestations: Record<string, Record<string, unknown> & { composantes: Record<string, Record<string, unknown>> }> };
    for (const p of Object.values(c.prestations)) {
      for (const key of ['id', 'libelle', 'description', 'facturation', 'obligatoire']) delete p[key];
      for (const comp of Object.values(p.composantes)) for (const key of ['modele', 'libelle', 'unite', 'arrondiQuantite']) delete comp[key];
    }
    return c;
  }

  it('n’a besoin que de ses montants et de leurs sources : le reste vient des déclarations', () => {
    expect(parseCatalogue(dataOnly())).toEqual(catalogue2026);
  });

  it('un modèle mal écrit est refusé, en disant les modèles admis', () => {
    const c = dataOnly() as { prestations: { dpo: { composantes: { abonnement: Record<string, unknown> } } } };
    c.prestations.dpo.composantes.abonnement['modele'] = 'parhabitant';
    const r = safeParseCatalogue(c);
    const found = issues(r);
    expect(found.map((i) => [i.code, i.path])).toEqual([['CATALOGUE_INVALIDE', 'prestations.dpo.composantes.abonnement.modele']]);
    expect(r.success === false && r.issues[0]!.message).toBe(
      'Modèle de prix non admis pour cette composante : « parhabitant » ; modèles admis : « forfait », « parHabitant », « forfaitParStrate ».',
    );
  });

  it('une obligation autre que celle de la déclaration est refusée', () => {
    const c = dataOnly() as { prestations: { dpo: Record<string, unknown> } };
    c.prestations.dpo['obligatoire'] = 'toujours';
    expect(issues(safeParseCatalogue(c)).map((i) => [i.code, i.path])).toEqual([['CATALOGUE_INVALIDE', 'prestations.dpo.obligatoire']]);
  });

  it('les montants manquants disent leur modèle et leur champ', () => {
    const c = dataOnly() as { prestations: { dpo: { composantes: { abonnement: Record<string, unknown> } } } };
    c.prestations.dpo.composantes.abonnement = { modele: 'parHabitant', prixParHabitant: null, source: { origine: 'publie', reference: 'x' } };
    const dpo = missingAmounts(parseCatalogue(c)).filter((m) => m.prestation === 'dpo');
    expect(dpo).toEqual([{ prestation: 'dpo', composante: 'abonnement', champ: 'prixParHabitant', modele: 'parHabitant', libelle: 'DPO mutualisé', cheminTarifs: 'prestations.dpo.abonnement.prixParHabitant' }]);
  });
});

describe('une borne de strate hors limites : un seul problème, une seule limite', () => {
  const strates = (f: 'de' | 'a', v: number) => {
    const s: { de: number; a: number | null; montant: string }[] = [
      { de: 0, a: 499, montant: '100.00' },
      { de: 500, a: null, montant: '200.00' },
    ];
    s[f === 'de' ? 1 : 0]![f] = v;
    return s;
  };
  const CAS: ['de' | 'a', number, string][] = [
    ['de', -1, 'strates.1.de'],
    ['a', -5, 'strates.0.a'],
    ['a', 2e9, 'strates.0.a'],
    ['de', 2e9, 'strates.1.de'],
  ];

  it.each(CAS)('forfaitParStrate, %s = %s : seul VALEUR_HORS_LIMITES, dans un fichier de tarifs, un catalogue et une révision', (f, v, chemin) => {
    const tarifs = { millesime: 2026, source: 'x', prestations: { dpo: { abonnement: { modele: 'forfaitParStrate', strates: strates(f, v) } } } };
    const c = JSON.parse(JSON.stringify(catalogue2026)) as { prestations: { dpo: { composantes: { abonnement: Record<string, unknown> } } } };
    c.prestations.dpo.composantes.abonnement = { modele: 'forfaitParStrate', libelle: 'DPO', source: c.prestations.dpo.composantes.abonnement['source'], strates: strates(f, v) };
    const revision = { millesime: 2027, libelle: 'x', source: 'y', prestations: { dpo: { abonnement: { modele: 'forfaitParStrate', strates: strates(f, v) } } } };
    for (const [r, debut] of [
      [safeCompleteCatalogue(catalogue2026, tarifs as never), 'tarifs.prestations.dpo.abonnement'],
      [safeParseCatalogue(c), 'prestations.dpo.composantes.abonnement'],
      [safeReviseCatalogue(catalogue2026, revision as never), 'revision.prestations.dpo.abonnement'],
    ] as const) {
      expect(r.success).toBe(false);
      if (r.success) continue;
      expect(r.issues.map((i) => i.path.join('.'))).toEqual([`${debut}.${chemin}`]);
      expect(r.issues[0]!.params).toMatchObject({ limite: v < 0 ? 0 : 1_000_000_000 });
    }
  });
});

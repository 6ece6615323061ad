import { describe, expect, it } from 'vitest';
import {
  catalogue2026,
  completeCatalogue,
  COMPOSANTES,
  parseCatalogue,
  quote,
  safeCompleteCatalogue,
  safeParseCatalogue,
  safeQuote,
  type Composante,
  type Tarifs,
} from '../src/index.js';
import { adhesion, catalogueTest, epci, TARIFS_TEST } from './helpers.js';

function amounts(catalogue: typeof catalogue2026) {
  const out: Record<string, unknown> = {};
  for (const [id, p] of Object.entries(catalogue.prestations)) {
    for (const [cid, c] of Object.entries(p.composantes) as [string, Composante][]) {
      out[`${id}.${cid}`] =
        c.modele === 'forfait' ? c.montant : c.modele === 'grilleStrates' ? c.grille : 'prixUnitaire' in c ? c.prixUnitaire : undefined;
    }
  }
  return out;
}

describe('catalogue 2026', () => {
  it('respecte son schéma', () => {
    expect(safeParseCatalogue(JSON.parse(JSON.stringify(catalogue2026))).success).toBe(true);
  });

  it('parseCatalogue valide un catalogue écrit en JSON et le gèle ; refuse un catalogue mal formé', () => {
    const copie = parseCatalogue(JSON.parse(JSON.stringify(catalogue2026)));
    expect(copie).toEqual(catalogue2026);
    expect(Object.isFrozen(copie.prestations.dpo)).toBe(true);
    const r = safeParseCatalogue({ ...catalogue2026, millesime: 2027.5, prestations: { ...catalogue2026.prestations, dpo: undefined } });
    expect(!r.success && r.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'CATALOGUE_INVALIDE@millesime',
      'CATALOGUE_INVALIDE@prestations.dpo',
    ]);
    expect(safeParseCatalogue(undefined).success).toBe(false);
  });

  it('ne porte que les montants publiés ; tous les autres sont null', () => {
    expect(amounts(catalogue2026)).toEqual({
      'maintenanceBase.postes': '574.88',
      'maintenanceBase.licenceBL': null,
      'sauvegarde.grille': null,
      'netEntreprises.abonnement': null,
      'packDemat.parSiren': null,
      'saisineElectronique.abonnement': null,
      'marchesPublics.acces': '50.00',
      'marchesPublics.miseEnLigneAssistee': '32.00',
      'dpo.abonnement': null,
      'cabinetNumerique.abonnement': null,
      'comedec.raccordement': null,
      'secretariatMairie.journee': '300.00',
    });
  });

  it('porte le barème publié de la part 1', () => {
    const c = catalogue2026.prestations.maintenanceBase.composantes.postes;
    expect(c.modele === 'coefficientParPalier' && c.paliers).toEqual([
      { de: 1, a: 2, coefficient: '1' },
      { de: 3, a: 5, coefficient: '0.9' },
      { de: 6, a: 15, coefficient: '0.7' },
      { de: 16, a: null, coefficient: '0.65' },
    ]);
  });

  it('dix prestations ; règles de facturation et d’obligation publiées', () => {
    const p = catalogue2026.prestations;
    expect(Object.keys(p)).toEqual(Object.keys(COMPOSANTES));
    expect(p.maintenanceBase.obligatoire).toBe('toujours');
    expect(p.packDemat.facturation).toBe('siren');
    expect(p.packDemat.obligatoire).toBe('siParcTransfere');
    const journee = p.secretariatMairie.composantes.journee;
    expect(journee.modele === 'unitaire' && journee.arrondiQuantite).toBe('entierSuperieur');
  });

  it('chaque composante cite sa source publiée', () => {
    for (const p of Object.values(catalogue2026.prestations)) {
      for (const c of Object.values(p.composantes) as Composante[]) {
        expect(c.source.origine).toBe('publie');
        expect(c.source.reference).toContain("Territoire d'énergie 90");
      }
    }
  });

  it('est gelé en profondeur', () => {
    expect(Object.isFrozen(catalogue2026)).toBe(true);
    expect(Object.isFrozen(catalogue2026.prestations.maintenanceBase.composantes.postes)).toBe(true);
    const c = catalogue2026.prestations.maintenanceBase.composantes.postes;
    expect(c.modele === 'coefficientParPalier' && Object.isFrozen(c.paliers[0])).toBe(true);
  });
});

describe('completeCatalogue', () => {
  it('remplit les montants non publiés et marque leur source', () => {
    const complet = completeCatalogue(catalogue2026, TARIFS_TEST);
    const dpo = complet.prestations.dpo.composantes.abonnement;
    expect(dpo.modele === 'forfait' && dpo.montant).toBe('400.00');
    expect(dpo.source).toEqual({ origine: 'complement', reference: TARIFS_TEST.source });
    const acces = complet.prestations.marchesPublics.composantes.acces;
    expect(acces.source.origine).toBe('publie');
    expect(Object.isFrozen(complet.prestations.dpo)).toBe(true);
  });

  it('ne modifie pas le catalogue de base', () => {
    completeCatalogue(catalogue2026, TARIFS_TEST);
    const dpo = catalogue2026.prestations.dpo.composantes.abonnement;
    expect(dpo.modele === 'forfait' && dpo.montant).toBeNull();
  });

  it('refuse de remplacer un montant publié, et signale tous les problèmes', () => {
    const r = safeCompleteCatalogue(catalogue2026, {
      millesime: 2025,
      source: 'x',
      prestations: {
        marchesPublics: { acces: { prixUnitaire: '60.00' } },
        dpo: { abonnement: { prixUnitaire: '10.00' } },
        comedec: { raccordement: { montant: '12.345' } },
      },
    });
    expect(!r.success && r.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'ENTREE_INVALIDE@tarifs.prestations.comedec.raccordement.montant',
      'MILLESIME_INCOHERENT@tarifs.millesime',
      'TARIF_DEJA_PUBLIE@tarifs.prestations.marchesPublics.acces.prixUnitaire',
      'VALEUR_NON_ADMISE@tarifs.prestations.dpo.abonnement.prixUnitaire',
    ]);
    expect(!r.success && r.issues[0]!.message).toBe('Montant trop précis : 12.345 a 3 décimales ; au plus 2 sont admises.');
    const s = safeCompleteCatalogue(catalogue2026, {
      millesime: 2025,
      source: 'x',
      prestations: { marchesPublics: { acces: { prixUnitaire: '60.00' } }, dpo: { abonnement: { prixUnitaire: '10.00' } } },
    });
    expect(!s.success && s.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'MILLESIME_INCOHERENT@tarifs.millesime',
      'TARIF_DEJA_PUBLIE@tarifs.prestations.marchesPublics.acces.prixUnitaire',
      'VALEUR_NON_ADMISE@tarifs.prestations.dpo.abonnement.prixUnitaire',
    ]);
  });

  it('refuse une prestation ou une composante inconnue, et une grille incohérente', () => {
    const r = safeCompleteCatalogue(catalogue2026, {
      millesime: 2026,
      source: 'x',
      prestations: {
        foo: {},
        dpo: { abonement: { montant: '1.00' } },
        sauvegarde: { grille: { grille: { strates: [{ de: 0, a: null }], quotasGo: [50, 100], montants: [['1.00']] } } },
      },
    } as unknown as Tarifs);
    expect(!r.success && r.issues.map((i) => `${i.code}@${i.path.join('.')}`).sort()).toEqual(
      [
        'CHAMP_INCONNU@tarifs.prestations.foo',
        'CHAMP_INCONNU@tarifs.prestations.dpo.abonement',
        'ENTREE_INVALIDE@tarifs.prestations.sauvegarde.grille.grille.montants.0',
      ].sort(),
    );
  });

  it('l’obligation est celle des modules ; la facturation est une donnée du catalogue, qui décide', () => {
    const c = JSON.parse(JSON.stringify(catalogueTest));
    c.prestations.dpo.obligatoire = 'toujours';
    c.prestations.marchesPublics.obligatoire = 'siParcTransfere';
    const r = safeParseCatalogue(c);
    expect(!r.success && r.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'CATALOGUE_INVALIDE@prestations.marchesPublics.obligatoire',
      'CATALOGUE_INVALIDE@prestations.dpo.obligatoire',
    ]);
    const parSiren = adhesion({ packDemat: { sirens: ['200000172', '200000107'] } }, epci);
    expect(quote(parSiren, { catalogue: catalogueTest }).factures.map((f) => f.siren)).toEqual(['200000172', '200000107']);
    const autre = JSON.parse(JSON.stringify(catalogueTest));
    autre.prestations.packDemat.facturation = 'adherent';
    const parAdherent = parseCatalogue(autre);
    // Facturée par adhérent : une ligne au SIREN de la collectivité ; une liste de SIREN est refusée, pas ignorée.
    const sansListe = quote(adhesion({ packDemat: {} }, { ...epci, siren: '200000107' }), { catalogue: parAdherent });
    expect(sansListe.lignes.filter((l) => l.prestation === 'packDemat').map((l) => l.siren)).toEqual(['200000107']);
    const r2 = safeQuote(parSiren, { catalogue: parAdherent });
    expect(!r2.success && r2.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual(['VALEUR_NON_ADMISE@prestations.packDemat.sirens']);
    // Un catalogue qui omet la facturation prend celle que la prestation déclare.
    const sansFacturation = JSON.parse(JSON.stringify(catalogueTest));
    delete sansFacturation.prestations.packDemat.facturation;
    expect(parseCatalogue(sansFacturation).prestations.packDemat.facturation).toBe('siren');
  });

  it('un modèle de prix autre que celui que la prestation déclare est refusé par le schéma', () => {
    const c = JSON.parse(JSON.stringify(catalogue2026));
    c.prestations.dpo.composantes.abonnement = {
      modele: 'grilleStrates',
      libelle: 'DPO par strate',
      source: { origine: 'complement', reference: 'essai' },
      grille: { strates: [{ de: 0, a: null }], quotasGo: [1], montants: [['10.00']] },
    };
    const r = safeQuote(adhesion({ dpo: {} }), { catalogue: c });
    expect(!r.success && r.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toContain('CATALOGUE_INVALIDE@catalogue.prestations.dpo.composantes.abonnement.modele');
  });

  it('un catalogue complété chiffre ce qui était refusé', () => {
    const complet = completeCatalogue(catalogue2026, TARIFS_TEST);
    expect(quote(adhesion({ cabinetNumerique: {} }), { catalogue: complet }).total).toBe('1283.09');
  });
});

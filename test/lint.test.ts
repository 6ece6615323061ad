import { describe, expect, it } from 'vitest';
import { catalogue2026, completeCatalogue, lintCatalogue, parseCatalogue, safeCompleteCatalogue, safeParseCatalogue, type Tarifs } from '../src/index.js';

const clone = () => JSON.parse(JSON.stringify(catalogue2026));
const codes = (c: unknown) => lintCatalogue(c as never).map((f) => `${f.niveau}:${f.code}@${f.path.slice(4).join('.')}`);

function withGrille(grille: unknown): Tarifs {
  return { millesime: 2026, source: 'Montants de test', prestations: { sauvegarde: { grille: { grille: grille as never } } } };
}

describe('lintCatalogue', () => {
  it('sur le catalogue 2026 publié : deux baisses au seuil du barème, aucune erreur', () => {
    const findings = lintCatalogue(catalogue2026);
    expect(findings.map((f) => [f.niveau, f.code, f.chiffres])).toEqual([
      ['avertissement', 'BAISSE_AU_SEUIL', { avant: 5, apres: 6, montantAvant: '2586.96', montantApres: '2414.50', forme: 'bareme', unites: 'postes', mesure: 'euros' }],
      ['avertissement', 'BAISSE_AU_SEUIL', { avant: 15, apres: 16, montantAvant: '6036.24', montantApres: '5978.75', forme: 'bareme', unites: 'postes', mesure: 'euros' }],
    ]);
    expect(findings[0]!.message).toBe('6 postes coûtent moins que 5 : 2 414,50 € au lieu de 2 586,96 €.');
  });

  it('paliers : chevauchement, lacune, début manquant, bornes inversées, dernier palier borné', () => {
    const c = clone();
    c.prestations.maintenanceBase.composantes.postes.paliers = [
      { de: 2, a: 4, coefficient: '1' },
      { de: 4, a: 3, coefficient: '0.9' },
      { de: 8, a: 10, coefficient: '0.7' },
    ];
    expect(codes(c).filter((x) => x.startsWith('erreur'))).toEqual([
      'erreur:BORNES_INVERSEES@paliers.1',
      'erreur:DEBUT_MANQUANT@paliers.0',
      'erreur:CHEVAUCHEMENT@paliers.1',
      'erreur:LACUNE@paliers.2',
      'erreur:LACUNE@paliers.2',
    ]);
  });

  it('baisse au seuil sans prix publié : comparée en postes pondérés', () => {
    const c = clone();
    c.prestations.maintenanceBase.composantes.postes.prixUnitaire = null;
    const f = lintCatalogue(c).filter((x) => x.code === 'BAISSE_AU_SEUIL');
    expect(f.map((x) => x.message)).toEqual([
      '6 postes coûtent moins que 5 : 4,2 postes pondérés au lieu de 4,5 postes pondérés.',
      '16 postes coûtent moins que 15 : 10,4 postes pondérés au lieu de 10,5 postes pondérés.',
    ]);
  });

  it('un barème sans baisse ne donne aucun avertissement', () => {
    const c = clone();
    c.prestations.maintenanceBase.composantes.postes.paliers = [
      { de: 1, a: 5, coefficient: '1' },
      { de: 6, a: null, coefficient: '0.84' },
    ];
    expect(lintCatalogue(c)).toEqual([]);
  });

  it('montants négatifs, trop précis ou illisibles', () => {
    const c = clone();
    c.prestations.dpo.composantes.abonnement.montant = '-5.00';
    c.prestations.comedec.composantes.raccordement.montant = '1.005';
    c.prestations.marchesPublics.composantes.acces.prixUnitaire = 'cinquante';
    expect(codes(c)).toEqual(
      expect.arrayContaining(['erreur:MONTANT_NEGATIF@montant', 'erreur:MONTANT_TROP_PRECIS@montant', 'erreur:MONTANT_ILLISIBLE@prixUnitaire']),
    );
  });

  it('grille : strates incohérentes, quota en double, grille incomplète, baisses entre strates et entre quotas', () => {
    const c = clone();
    c.prestations.sauvegarde.composantes.grille.grille = {
      strates: [
        { de: 0, a: 999 },
        { de: 900, a: 4999 },
        { de: 6000, a: null },
      ],
      quotasGo: [50, 100, 50],
      montants: [
        ['100.00', '90.00', '100.00'],
        ['80.00', '150.00', '1.00'],
        ['300.00', '350.00'],
      ],
    };
    const found = codes(c);
    expect(found).toEqual(
      expect.arrayContaining([
        'erreur:CHEVAUCHEMENT@grille.strates.1',
        'erreur:LACUNE@grille.strates.2',
        'erreur:QUOTA_EN_DOUBLE@grille.quotasGo.2',
        'erreur:GRILLE_INCOMPLETE@grille.montants.2',
        'avertissement:BAISSE_AU_SEUIL@grille.montants.1.0',
        'avertissement:BAISSE_AU_SEUIL@grille.montants.0.1',
      ]),
    );
  });
});

describe('catalogues incohérents refusés', () => {
  it('completeCatalogue refuse une grille incohérente et dit tout, au chemin du fichier de tarifs', () => {
    const r = safeCompleteCatalogue(
      catalogue2026,
      withGrille({
        strates: [
          { de: 10, a: 999 },
          { de: 900, a: null },
        ],
        quotasGo: [50, 50],
        montants: [
          ['1.00', '2.00'],
          ['3.00', '4.00'],
        ],
      }),
    );
    expect(!r.success && r.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'CATALOGUE_INCOHERENT@tarifs.prestations.sauvegarde.grille.grille.strates.0',
      'CATALOGUE_INCOHERENT@tarifs.prestations.sauvegarde.grille.grille.strates.1',
      'CATALOGUE_INCOHERENT@tarifs.prestations.sauvegarde.grille.grille.quotasGo.1',
    ]);
  });

  it('completeCatalogue accepte une grille cohérente, même avec des baisses (avertissements)', () => {
    const c = completeCatalogue(
      catalogue2026,
      withGrille({ strates: [{ de: 0, a: 999 }, { de: 1000, a: null }], quotasGo: [50], montants: [['100.00'], ['90.00']] }),
    );
    expect(lintCatalogue(c).filter((f) => f.composante === 'grille').map((f) => f.code)).toEqual(['BAISSE_AU_SEUIL']);
  });

  it('parseCatalogue (et donc quote avec un catalogue brut) refuse un catalogue incohérent', () => {
    const c = clone();
    c.prestations.maintenanceBase.composantes.postes.paliers[1].de = 4;
    const r = safeParseCatalogue(c);
    expect(!r.success && r.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'CATALOGUE_INCOHERENT@prestations.maintenanceBase.composantes.postes.paliers.1',
    ]);
    expect(() => parseCatalogue(c)).toThrow(/LACUNE|couvre/);
  });
});

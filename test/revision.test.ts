import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  catalogue2026,
  compareCatalogues,
  completeCatalogue,
  lintCatalogue,
  parseCatalogue,
  quote,
  reviseCatalogue,
  safeReviseCatalogue,
  type Adhesion,
  type Catalogue,
  type Composante,
  type Revision,
} from '../src/index.js';
import { adhesionArb } from './arbitraries.js';
import { adhesion, catalogueTest, epci, TARIFS_TEST } from './helpers.js';

/** Le montant d'une composante « forfait » (les abonnements des catalogues de ces tests en sont). */
function montantForfait(c: Composante): string | null {
  if (c.modele !== 'forfait') throw new Error(`composante « forfait » attendue, « ${c.modele} » reçue`);
  return c.montant;
}

const BELFORT = join(__dirname, '..', 'examples', 'territoire-de-belfort');
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;

const REVISION: Revision = {
  millesime: 2027,
  libelle: "Prestations « à la carte » 2027 du service informatique de Territoire d'énergie 90",
  source: 'Délibération n° 2026-42 du comité syndical',
  indexation: { pourcentage: '2.5', sauf: ['secretariatMairie', 'maintenanceBase.licenceBL'] },
  prestations: {
    marchesPublics: { acces: { prixUnitaire: '55.00' } },
    maintenanceBase: { postes: { paliers: [{ de: 1, a: 4, coefficient: '1' }, { de: 5, a: null, coefficient: '0.8' }] } },
  },
};

describe('reviseCatalogue', () => {
  const c2027 = reviseCatalogue(catalogueTest, REVISION);
  const p = c2027.prestations;

  it('change le millésime, le libellé, et les montants fixés, même publiés, en citant la délibération', () => {
    expect(c2027.millesime).toBe(2027);
    expect(c2027.libelle).toBe(REVISION.libelle);
    expect(p.marchesPublics.composantes.acces.prixUnitaire).toBe('55.00');
    expect(p.marchesPublics.composantes.acces.source).toEqual({ origine: 'revision', reference: REVISION.source });
    expect(p.maintenanceBase.composantes.postes.paliers).toEqual([{ de: 1, a: 4, coefficient: '1' }, { de: 5, a: null, coefficient: '0.8' }]);
    expect(Object.isFrozen(p.marchesPublics.composantes.acces)).toBe(true);
  });

  it('indexe les autres montants, arrondis au centime au demi supérieur, sauf les exceptions, qui sont reportées', () => {
    // 32,00 × 1,025 = 32,80 ; 133,33 × 1,025 = 136,66325 → 136,66 ; 110,10 × 1,025 = 112,8525 → 112,85.
    expect(p.marchesPublics.composantes.miseEnLigneAssistee.prixUnitaire).toBe('32.80');
    expect(montantForfait(p.cabinetNumerique.composantes.abonnement)).toBe('136.66');
    expect(montantForfait(p.netEntreprises.composantes.abonnement)).toBe('112.85');
    expect(p.sauvegarde.composantes.grille.grille!.montants[0]).toEqual(['82.00', '123.00', '184.50']);
    expect(p.secretariatMairie.composantes.journee.prixUnitaire).toBe('300.00');
    expect(p.secretariatMairie.composantes.journee.source.reference).toMatch(/^Reporté du catalogue 2026 : /);
    expect(p.maintenanceBase.composantes.licenceBL.prixUnitaire).toBe('95.50');
    expect(p.maintenanceBase.composantes.licenceBL.source.origine).toBe('complement');
  });

  it('un montant non publié reste non publié : rien n’est inventé', () => {
    const r = reviseCatalogue(catalogue2026, { ...REVISION, prestations: {} });
    expect(montantForfait(r.prestations.dpo.composantes.abonnement)).toBeNull();
    expect(r.prestations.dpo.composantes.abonnement.source.reference).toMatch(/^Reporté du catalogue 2026/);
    expect(r.prestations.marchesPublics.composantes.acces.prixUnitaire).toBe('51.25');
  });

  it('des montants d’exemple sont marqués comme tels jusque dans les lignes des devis', () => {
    const r = reviseCatalogue(catalogueTest, { ...REVISION, exemple: true });
    const devis = quote(adhesion({ marchesPublics: { acces: 1 } }, epci), { catalogue: r });
    expect(devis.lignes.find((l) => l.composante === 'acces')!.source).toEqual({ origine: 'revision', reference: REVISION.source, exemple: true });
    const complet = completeCatalogue(catalogue2026, { ...TARIFS_TEST, exemple: true });
    expect(quote(adhesion({ dpo: {} }, epci), { catalogue: complet }).lignes[1]!.source.exemple).toBe(true);
  });

  it('un montant d’exemple indexé reste marqué ; des paliers changés n’empêchent pas d’indexer le prix', () => {
    const exemple = completeCatalogue(catalogue2026, { ...TARIFS_TEST, exemple: true });
    const r = reviseCatalogue(exemple, { ...REVISION, indexation: { pourcentage: '10' }, prestations: { maintenanceBase: { postes: { paliers: [{ de: 1, a: null, coefficient: '1' }] } } } });
    expect(montantForfait(r.prestations.dpo.composantes.abonnement)).toBe('440.00');
    expect(r.prestations.dpo.composantes.abonnement.source).toEqual({ origine: 'revision', reference: REVISION.source, exemple: true });
    expect(r.prestations.marchesPublics.composantes.acces.source).toEqual({ origine: 'revision', reference: REVISION.source });
    expect(r.prestations.maintenanceBase.composantes.postes.prixUnitaire).toBe('632.37');
    expect(r.prestations.maintenanceBase.composantes.postes.paliers).toEqual([{ de: 1, a: null, coefficient: '1' }]);
  });

  it('refuse une révision fausse avec tous ses problèmes, aux chemins de la révision', () => {
    const r = safeReviseCatalogue(catalogueTest, {
      millesime: 1999,
      libelle: '',
      source: 'x',
      indexation: { pourcentage: '2,5', sauf: ['inconnue'] },
      prestations: { dpo: { abonnement: { prixUnitaire: '1.00' } } },
    } as unknown as Revision);
    expect(!r.success && r.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'VALEUR_HORS_LIMITES@revision.millesime',
      'VALEUR_HORS_LIMITES@revision.libelle',
      'ENTREE_INVALIDE@revision.indexation.pourcentage',
      'VALEUR_NON_ADMISE@revision.indexation.sauf.0',
      'VALEUR_NON_ADMISE@revision.prestations.dpo.abonnement.prixUnitaire',
    ]);
    const incoherent = safeReviseCatalogue(catalogueTest, { ...REVISION, prestations: { maintenanceBase: { postes: { paliers: [{ de: 2, a: null, coefficient: '1' }] } } } });
    expect(!incoherent.success && incoherent.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'CATALOGUE_INCOHERENT@revision.prestations.maintenanceBase.postes.paliers.0',
    ]);
    const modele = safeReviseCatalogue(catalogueTest, { ...REVISION, prestations: { dpo: { abonnement: { paliers: [{ de: 1, a: null, coefficient: '1' }] } } } });
    expect(!modele.success && modele.issues.map((i) => i.code)).toEqual(['VALEUR_NON_ADMISE']);
  });

  it('lintCatalogue signale un texte qui nomme encore l’ancienne année ; la révision au libellé neuf, non', () => {
    const recopie = JSON.parse(JSON.stringify(catalogue2026)) as { millesime: number };
    recopie.millesime = 2027;
    expect(lintCatalogue(recopie).filter((f) => f.code === 'AUTRE_ANNEE').map((f) => f.path.join('.'))).toEqual(['libelle']);
    expect(lintCatalogue(c2027).filter((f) => f.code === 'AUTRE_ANNEE')).toEqual([]);
  });

  it('accepte la clé $schema dans chaque fichier d’entrée', () => {
    expect(reviseCatalogue(catalogueTest, { ...REVISION, $schema: 'revision.schema.json' }).millesime).toBe(2027);
    expect(parseCatalogue({ ...JSON.parse(JSON.stringify(catalogueTest)), $schema: 'catalogue.schema.json' })).not.toHaveProperty('$schema');
    expect(completeCatalogue(catalogue2026, { ...TARIFS_TEST, $schema: 'tarifs.schema.json' }).millesime).toBe(2026);
    expect(quote({ ...adhesion(), $schema: 'adhesion.schema.json' } as Adhesion).total).toBe('1149.76');
  });
});

describe('compareCatalogues', () => {
  const apres = reviseCatalogue(catalogueTest, REVISION);

  it('sur les adhérents acceptés des deux côtés, la somme des écarts est l’écart de leurs totaux', () => {
    fc.assert(
      fc.property(fc.array(adhesionArb, { minLength: 1, maxLength: 6 }), (lot) => {
        const c = compareCatalogues(lot, { avant: catalogueTest, apres });
        const both = c.adherents.filter((a) => a.avant && a.apres);
        const sum = (f: (a: (typeof both)[number]) => string) => both.reduce((s, a) => s.plus(f(a)), new Decimal(0));
        expect(sum((a) => a.ecart!).toFixed(2)).toBe(sum((a) => a.apres!.total).minus(sum((a) => a.avant!.total)).toFixed(2));
        for (const a of both) {
          expect(a.lignes.reduce((s, l) => s.plus(l.ecart), new Decimal(0)).toFixed(2)).toBe(a.ecart);
          expect(a.factures.reduce((s, f) => s.plus(f.ecart), new Decimal(0)).toFixed(2)).toBe(a.ecart);
        }
        const accepted = (side: 'avant' | 'apres') => c.adherents.reduce((s, a) => (a[side] ? s.plus(a[side]!.total) : s), new Decimal(0)).toFixed(2);
        expect(c.synthese.avant).toBe(accepted('avant'));
        expect(c.synthese.apres).toBe(accepted('apres'));
        expect(c.synthese.enHausse + c.synthese.enBaisse + c.synthese.stables).toBe(both.length);
      }),
      { numRuns: 40 },
    );
  });

  it('le millésime écrit dans une adhésion ne la fait pas refuser par l’autre catalogue', () => {
    const c = compareCatalogues([{ ...adhesion({}, epci), millesime: 2026 } as Adhesion], { avant: catalogueTest, apres });
    expect(c.adherents[0]!.refus).toEqual({});
    expect(c.adherents[0]!.apres).not.toBeNull();
  });

  it('dit qui est refusé d’un côté seulement, et pourquoi ; les écarts en pour cent', () => {
    const avecSauvegarde = adhesion({ sauvegarde: { quotaGo: 50 } }, epci);
    const c = compareCatalogues([adhesion({}, epci), avecSauvegarde], { avant: catalogueTest, apres: catalogue2026 });
    expect(c.adherents[0]).toMatchObject({ avant: { total: '1149.76' }, apres: { total: '1149.76' }, ecart: '0.00', ecartPourcent: '0.00' });
    expect(c.adherents[1]!.apres).toBeNull();
    expect(c.adherents[1]!.ecart).toBeNull();
    expect(c.adherents[1]!.refus.apres!.map((i) => i.code)).toEqual(['TARIF_NON_PUBLIE']);
    expect(c.synthese).toMatchObject({ acceptesAvant: 2, acceptesApres: 1, refuseesApresSeulement: 1, stables: 1 });
    const hausse = compareCatalogues([adhesion({ marchesPublics: { acces: 2 } }, epci)], { avant: catalogueTest, apres });
    expect(hausse.adherents[0]!.lignes.find((l) => l.composante === 'acces')).toMatchObject({ avant: '100.00', apres: '110.00', ecart: '10.00', ecartPourcent: '10.00' });
    expect(hausse.synthese.hausses).toHaveLength(1);
  });
});

describe('exemple : le Territoire de Belfort', () => {
  const adhesions = json(join(BELFORT, 'adhesions.json')) as Adhesion[];

  it('101 communes et 3 EPCI, avec leurs vrais SIREN', () => {
    expect(adhesions.filter((a) => a.collectivite.type === 'commune')).toHaveLength(101);
    expect(adhesions.filter((a) => a.collectivite.type === 'epci')).toHaveLength(3);
    expect(adhesions.find((a) => a.collectivite.nom === 'Belfort')!.collectivite.siren).toBe('219000106');
  });

  it('le catalogue 2027 d’exemple est exactement la révision du catalogue 2026 d’exemple (fichiers à jour)', () => {
    const c2026 = parseCatalogue(json(join(BELFORT, 'catalogue-2026.json')));
    const c2027 = reviseCatalogue(c2026, json(join(BELFORT, 'revision-2027.json')) as Revision);
    const { $schema: _, ...attendu } = json(join(BELFORT, 'catalogue-2027.json')) as Catalogue & { $schema: string };
    expect(JSON.parse(JSON.stringify(c2027))).toEqual(attendu);
    for (const c of [c2026, c2027]) {
      for (const p of Object.values(c.prestations)) {
        for (const comp of Object.values(p.composantes) as { source: { origine: string; reference: string; exemple?: true } }[]) {
          if (comp.source.origine !== 'publie' && !comp.source.reference.startsWith('Reporté')) expect(comp.source.exemple).toBe(true);
        }
      }
    }
    const c = compareCatalogues(adhesions, { avant: c2026, apres: c2027 });
    expect(c.synthese.acceptesAvant).toBe(104);
    expect(c.synthese.acceptesApres).toBe(104);
  });
});

describe('un modèle inconnu dans une révision : un seul problème', () => {
  it.each(['__proto__', 'constructor', 'xyz'])('modele « %s » : VALEUR_NON_ADMISE une fois, comme dans un fichier de tarifs', (modele) => {
    const r = safeReviseCatalogue(catalogue2026, { millesime: 2027, libelle: 'x', source: 'y', prestations: { dpo: { abonnement: { modele, montant: '1.00' } } } } as never);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual(['VALEUR_NON_ADMISE@revision.prestations.dpo.abonnement.modele']);
  });

  it('témoin : un modèle connu mais pas admis pour la composante est dit avec les modèles admis', () => {
    const r = safeReviseCatalogue(catalogue2026, { millesime: 2027, libelle: 'x', source: 'y', prestations: { dpo: { abonnement: { modele: 'unitaire', prixUnitaire: '1.00' } } } } as never);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => `${i.code}:${String(i.params['raison'])}`)).toContain('VALEUR_NON_ADMISE:modeleNonAdmis');
  });
});

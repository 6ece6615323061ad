import { describe, expect, it } from 'vitest';
import { catalogue2026, rewordIssue, lintCatalogue, safeCompleteCatalogue, safeParseCatalogue, type QuoteIssue } from '../../src/index.js';
import { lintMessage } from '../../src/wording/lint.js';

/** Des brouillons de catalogue qui donnent chaque sorte de remarque. */
function drafts(): unknown[] {
  const base = () => JSON.parse(JSON.stringify(catalogue2026));
  const paliers = base();
  paliers.prestations.maintenanceBase.composantes.postes.paliers = [
    { de: 2, a: 4, coefficient: '1' },
    { de: 4, a: 3, coefficient: '0.9' },
    { de: 8, a: 10, coefficient: '0.7' },
  ];
  const montants = base();
  montants.prestations.dpo.composantes.abonnement.montant = '-5.00';
  montants.prestations.comedec.composantes.raccordement.montant = '1.005';
  montants.prestations.marchesPublics.composantes.acces.prixUnitaire = 'cinquante';
  montants.prestations.marchesPublics.composantes.miseEnLigneAssistee.prixUnitaire = '0032.00';
  montants.prestations.secretariatMairie.composantes.journee.prixUnitaire = '12345678901.00';
  const grille = base();
  grille.prestations.sauvegarde.composantes.grille.grille = {
    strates: [{ de: 0, a: 999 }, { de: 900, a: 4999 }, { de: 6000, a: null }],
    quotasGo: [50, 100, 50],
    montants: [['100.00', '90.00', '100.00'], ['80.00', '150.00', '1.00'], ['300.00', '350.00']],
  };
  const annee = base();
  annee.libelle = 'Prestations 2025';
  annee.prestations.dpo.composantes.abonnement = { modele: 'parHabitant', prixParHabitant: '0.05', plancher: '90.00', plafond: '10.00', source: { origine: 'publie', reference: 'x' } };
  annee.prestations.cabinetNumerique.composantes.abonnement = { modele: 'forfaitParStrate', strates: [{ de: 0, a: 99, montant: '50.00' }, { de: 100, a: null, montant: '20.00' }], source: { origine: 'publie', reference: 'x' } };
  annee.prestations.comedec.composantes.raccordement.modele = 'inconnu';
  annee.prestations.netEntreprises.composantes.abonnement.montant = 12;
  delete annee.prestations.saisineElectronique.composantes.abonnement.source;
  return [catalogue2026, paliers, montants, grille, annee];
}

describe('les remarques et problèmes d’un catalogue sont rédigés à partir de leurs données', () => {
  it('chaque remarque de lintCatalogue se rédige de nouveau de son code et de ses chiffres', () => {
    const codes = new Set<string>();
    for (const draft of drafts()) {
      for (const f of lintCatalogue(draft)) {
        codes.add(f.code);
        expect(JSON.parse(JSON.stringify(f.chiffres))).toEqual(f.chiffres);
        // Une remarque tirée d'un problème (champ manquant…) garde ses paramètres : son code d'origine est dans ses chiffres.
        if (typeof f.chiffres['code'] === 'string') continue;
        expect(lintMessage(f.code, f.chiffres), `${f.code} @ ${f.path.join('.')}`).toBe(f.message);
      }
    }
    expect([...codes].sort()).toEqual(
      ['AUTRE_ANNEE', 'BAISSE_AU_SEUIL', 'BORNES_INVERSEES', 'CHEVAUCHEMENT', 'DEBUT_MANQUANT', 'FORME_INVALIDE', 'GRILLE_INCOMPLETE', 'LACUNE', 'MONTANT_ILLISIBLE', 'MONTANT_NEGATIF', 'MONTANT_TROP_PRECIS', 'QUOTA_EN_DOUBLE'],
    );
  });

  it('chaque problème d’un catalogue refusé se rédige de nouveau de son code et de ses paramètres, sans son texte', () => {
    const all: QuoteIssue[] = [];
    for (const draft of drafts().slice(1)) {
      const r = safeParseCatalogue(draft);
      if (!r.success) all.push(...r.issues);
    }
    const tarifs = safeCompleteCatalogue(catalogue2026, {
      millesime: 2027,
      source: 'x',
      prestations: { sauvegarde: { grille: { grille: { strates: [{ de: 5, a: 2 }], quotasGo: [10, 10], montants: [['1.00', '2.00']] } } } },
    });
    if (!tarifs.success) all.push(...tarifs.issues);
    expect(new Set(all.map((i) => i.code))).toEqual(new Set(['CATALOGUE_INVALIDE', 'CATALOGUE_INCOHERENT', 'MILLESIME_INCOHERENT']));
    for (const i of all) {
      expect(rewordIssue({ ...i, message: 'texte contrefait' }, 'bibliotheque').message, `${i.code} @ ${i.path.join('.')}`).toBe(i.message);
      expect(i.message).not.toMatch(/undefined|\[object/);
    }
  });
});

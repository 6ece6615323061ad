import { describe, expect, it } from 'vitest';
import { describeMissingAmount, escapeControlCharacters, missingAmountOf, safeQuote, type Adhesion } from '../src/index.js';

const adhesion = { collectivite: { nom: 'C', siren: '219000106', type: 'commune' }, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, dpo: {} } } as Adhesion;

describe('un montant non publié, lu des données du problème', () => {
  it('missingAmountOf lit les paramètres de TARIF_NON_PUBLIE, et rien d’un autre problème ni de paramètres incomplets', () => {
    const r = safeQuote(adhesion);
    expect(r.success).toBe(false);
    const issue = r.success ? undefined : r.issues.find((i) => i.code === 'TARIF_NON_PUBLIE');
    const p = missingAmountOf(issue!);
    expect(p).toMatchObject({ prestation: 'dpo', composante: 'abonnement', champ: 'montant', millesime: 2026 });
    // La phrase de la bibliothèque commence par celle que chaque outil reprend.
    expect(issue!.message.startsWith(`${describeMissingAmount(p!, { chemin: true })}. `)).toBe(true);
    expect(missingAmountOf({ code: 'SIREN_INVALIDE', params: { siren: '1', raison: 'cle' } })).toBeUndefined();
    expect(missingAmountOf({ code: 'TARIF_NON_PUBLIE', params: { ...issue!.params, millesime: '2026' } })).toBeUndefined();
  });

  it('describeMissingAmount dit le montant, et sa place dans un catalogue seulement si on la demande', () => {
    const p = { prestation: 'dpo', composante: 'abonnement', champ: 'montant', libelle: 'DPO mutualisé', libellePrestation: 'DPO', millesime: 2026 };
    expect(describeMissingAmount(p)).toBe("Le montant « DPO mutualisé » de la prestation « DPO » n'est pas publié pour 2026");
    expect(describeMissingAmount(p, { chemin: true })).toBe(`${describeMissingAmount(p)} (catalogue : prestations.dpo.composantes.abonnement.montant)`);
  });

  it('escapeControlCharacters montre échappé chaque caractère de contrôle, et laisse le reste', () => {
    expect(escapeControlCharacters('a\u001b[2J\nb\u0085é')).toBe('a\\u001b[2J\\u000ab\\u0085é');
  });
});

import { describe, expect, it } from 'vitest';
import { safeCompleteCatalogue, safePricePrestation, safeQuote, catalogue2026, type QuoteIssue } from '../../src/index.js';
import { sheetIssue, sheetMessage } from '../../src/spreadsheet/issues.js';

const TARIF = {
  prestation: 'dpo',
  composante: 'abonnement',
  champ: 'montant',
  libelle: 'DPO mutualisé',
  libellePrestation: 'Délégué à la protection des données (DPO mutualisé)',
  millesime: 2026,
};

/** Un problème de la bibliothèque, avec un message quelconque : le tableur ne le lit pas là où il le redit. */
const issue = (code: string, params: Record<string, unknown>, message = 'Message de la bibliothèque.'): QuoteIssue =>
  ({ code, path: [], message, params }) as unknown as QuoteIssue;

describe('la voix du tableur', () => {
  it('nomme la ligne de la plage tarifs d’un montant manquant, la grille en JSON', () => {
    expect(sheetMessage(issue('TARIF_NON_PUBLIE', TARIF))).toBe(
      "Le montant « DPO mutualisé » de la prestation « Délégué à la protection des données (DPO mutualisé) » n'est pas publié pour 2026 : indiquez-le dans la plage tarifs, sur une ligne « prestations.dpo.abonnement.montant ».",
    );
    expect(sheetMessage(issue('TARIF_NON_PUBLIE', { ...TARIF, prestation: 'sauvegarde', composante: 'grille', champ: 'grille' }))).toMatch(
      /sur une ligne « prestations\.sauvegarde\.grille\.grille » \(la grille, écrite en JSON\)\.$/,
    );
    // Le montant manquant que la bibliothèque signale vraiment.
    const r = safePricePrestation('dpo', {});
    expect(!r.success && r.issues.map(sheetMessage)).toEqual([expect.stringMatching(/indiquez-le dans la plage tarifs, sur une ligne « prestations\.dpo\.abonnement\.montant »\.$/)]);
  });

  it('dit un booléen « oui ou non », et l’exemple d’une prestation obligatoire en champs de la plage', () => {
    expect(sheetMessage(issue('ENTREE_INVALIDE', { raison: 'type', attendu: 'boolean', recu: 'le nombre 2' }))).toBe('Attendu : oui ou non ; reçu : le nombre 2.');
    const mb = { prestation: 'maintenanceBase', libellePrestation: 'Maintenance de base', champsExemple: ['postes'], valeursExemple: [1] };
    expect(sheetMessage(issue('MAINTENANCE_BASE_OBLIGATOIRE', mb))).toBe(
      'La prestation « Maintenance de base » est obligatoire pour tout adhérent : ajoutez-la (ex. « maintenanceBase.postes » : 1).',
    );
    expect(sheetMessage(issue('MAINTENANCE_BASE_OBLIGATOIRE', { ...mb, prestation: 'autre', champsExemple: [], valeursExemple: [] }))).toContain('(ex. « autre » : oui).');
    const refusee = safeQuote({ collectivite: { nom: 'X', siren: '219000106', type: 'commune' }, prestations: {} as never });
    expect(!refusee.success && refusee.issues.map(sheetMessage)).toEqual([expect.stringContaining('(ex. « maintenanceBase.postes » : 1')]);
  });

  it('dit que c’est la plage tarifs qui ne remplace pas un montant publié', () => {
    expect(sheetMessage(issue('TARIF_DEJA_PUBLIE', { champ: 'prixUnitaire', valeur: '50.00' }))).toBe(
      'Ce montant est déjà publié ("50.00") : la plage tarifs ne complète que les montants non publiés.',
    );
    expect(sheetMessage(issue('TARIF_DEJA_PUBLIE', { champ: 'modele', valeur: 'forfait' }))).toBe(
      'Les montants de cette composante sont publiés (modèle « forfait ») : la plage tarifs ne peut pas en changer le modèle.',
    );
    const r = safeCompleteCatalogue(catalogue2026, { millesime: 2026, source: 'x', prestations: { maintenanceBase: { postes: { prixUnitaire: '1.00' } } } } as never);
    expect(!r.success && r.issues.map(sheetMessage).join('\n')).toContain('la plage tarifs ne complète que les montants non publiés');
  });

  it('redit aussi le problème d’origine qu’un problème de catalogue porte', () => {
    const wrapped = issue('CATALOGUE_INVALIDE', { raison: 'probleme', code: 'ENTREE_INVALIDE', detail: 'type', attendu: 'boolean', recu: 'le nombre 2' });
    expect(sheetMessage(wrapped)).toBe('Attendu : oui ou non ; reçu : le nombre 2.');
    expect(sheetMessage(issue('CATALOGUE_INVALIDE', { raison: 'lint', lintCode: 'X' }, 'Tel quel.'))).toBe('Tel quel.');
  });

  it('se rédige d’après le code et les paramètres, jamais d’après le texte ; ce qu’il ne redit pas garde son message', () => {
    expect(sheetMessage(issue('TARIF_NON_PUBLIE', TARIF, 'Un texte quelconque.'))).toBe(sheetMessage(issue('TARIF_NON_PUBLIE', TARIF)));
    expect(sheetMessage(issue('SIREN_INVALIDE', { raison: 'cle', siren: '200000173' }, 'Le message.'))).toBe('Le message.');
    expect(sheetMessage(issue('ENTREE_INVALIDE', { raison: 'texte', texte: 'a' }, 'Transmis.'))).toBe('Transmis.');
    // Une valeur citée garde ses caractères de contrôle échappés.
    expect(sheetMessage(issue('ENTREE_INVALIDE', { raison: 'type', attendu: 'boolean', recu: 'la chaîne « a\u001bb »' }))).toBe('Attendu : oui ou non ; reçu : la chaîne « a\\u001bb ».');
  });
});

describe('les problèmes propres au tableur', () => {
  it('ont la forme d’un problème de la bibliothèque, et leur message est le leur', () => {
    const i = sheetIssue('ENTREE_INVALIDE', ['plage', 'ligne 2'], { raison: 'ouiNon', champ: 'dpo', recu: 'la chaîne « peut-être »' });
    expect(i).toEqual({ code: 'ENTREE_INVALIDE', path: ['plage', 'ligne 2'], message: '« dpo » : écrivez oui ou non (reçu la chaîne « peut-être »).', params: { raison: 'ouiNon', champ: 'dpo', recu: 'la chaîne « peut-être »' } });
    expect(sheetMessage(i)).toBe(i.message);
    expect(sheetIssue('JSON_INVALIDE', ['tarifs', 'ligne 3'], { raison: 'cellule', champ: 'prestations.sauvegarde.grille.grille' }).message).toBe('« prestations.sauvegarde.grille.grille » doit être écrit en JSON.');
    expect(sheetIssue('CHAMP_INCONNU', ['plage', 'ligne 1'], { champ: 'x', admis: ['a', 'b'] }).message).toBe('Champ inconnu « x » ; champs admis : a, b.');
    expect(sheetIssue('ENTREE_INVALIDE', ['x'], { raison: 'cellule', attendu: 'sirens', recu: 'une date' }).message).toBe('la cellule contient une date, pas une liste de SIREN.');
    expect(
      sheetIssue('ENTREE_INVALIDE', ['x'], { raison: 'caseContredite', champ: 'marchesPublics', recu: 'le booléen false', parametres: ['marchesPublics.acces', 'marchesPublics.misesEnLigneAssistees'] }).message,
    ).toBe(
      "« marchesPublics » n'est pas cochée (reçu le booléen false), mais « marchesPublics.acces », « marchesPublics.misesEnLigneAssistees » sont remplis : cochez la prestation, ou videz ses paramètres ; on ne sait pas si elle est demandée.",
    );
  });
});

import { describe, expect, it } from 'vitest';
import { prestation, total } from '../../src/spreadsheet/functions.js';

const TARIFS_FAUX = [
  ['source', 'Délibération'],
  ['prestations.dpo.abonnement.montant', 'abc'],
];

describe('tableur : tous les problèmes en une fois', () => {
  it('une plage d’adhésion fausse et une plage de tarifs fausse : les deux sont signalées', () => {
    const r = total([['collectivite.nom', 'X'], ['collectivite.siren', '123'], ['collectivite.type', 'commune'], ['dpo', 'oui']], TARIFS_FAUX);
    expect(r).toMatch(/^Erreur : /);
    expect(r).toContain('tarifs, ligne 2, colonne B (prestations.dpo.abonnement.montant) : Montant illisible');
    expect(r).toContain('plage, ligne 2, colonne B (collectivite.siren) : ');
    expect(r).toContain('plage, maintenanceBase : ');
  });

  it('des paramètres faux et une plage de tarifs fausse : les deux sont signalés', () => {
    const r = prestation('marchesPublics', 0, 'x', TARIFS_FAUX);
    expect(r).toContain('tarifs, ligne 2, colonne B (prestations.dpo.abonnement.montant) : Montant illisible');
    // Les quantités sont nommées comme dans la formule, avec ce qu'elles sont pour la prestation.
    expect(r).toContain('quantite (acces) : ');
    expect(r).toContain('quantite2 (misesEnLigneAssistees) : ');
  });
});

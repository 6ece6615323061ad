import { describe, expect, it } from 'vitest';
import { quote, safeQuote } from '../../src/index.js';
import { adhesion, catalogueTest } from '../helpers.js';

const cases = [
  ['netEntreprises', 'abonnement', '110.10'],
  ['saisineElectronique', 'abonnement', '90.00'],
  ['dpo', 'abonnement', '400.00'],
  ['cabinetNumerique', 'abonnement', '133.33'],
  ['comedec', 'raccordement', '0.00'],
] as const;

describe.each(cases)('%s', (id, composante, montant) => {
  it('non publié en 2026 : TARIF_NON_PUBLIE qui nomme la prestation et le montant manquant', () => {
    const r = safeQuote(adhesion({ [id]: {} }));
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['TARIF_NON_PUBLIE', `prestations.${id}`]]);
    expect(r.issues[0]!.message).toContain(`prestations.${id}.composantes.${composante}.montant`);
  });

  it('montant fourni : une ligne forfaitaire par adhérent, source « complément »', () => {
    const ligne = quote(adhesion({ [id]: {} }), { catalogue: catalogueTest }).lignes[1]!;
    expect(ligne).toMatchObject({ prestation: id, composante, quantite: '1', montant, source: { origine: 'complement' } });
  });

  it('se coche avec {} : tout paramètre est refusé', () => {
    const r = safeQuote(adhesion({ [id]: { x: 1 } }), { catalogue: catalogueTest });
    expect(!r.success && r.issues.map((i) => i.code)).toEqual(['CHAMP_INCONNU']);
  });
});

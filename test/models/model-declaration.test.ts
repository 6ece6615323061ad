import { describe, expect, it } from 'vitest';
import { MODELES, modelDeclaration } from '../../src/index.js';

describe('modelDeclaration', () => {
  it('donne chaque modèle du registre en données gelées : champs (sorte, libellé), mesures', () => {
    for (const nom of MODELES) {
      const m = modelDeclaration(nom)!;
      expect(m.nom).toBe(nom);
      expect(Object.isFrozen(m)).toBe(true);
      expect(Object.keys(m.champs).length).toBeGreaterThan(0);
      for (const champ of Object.values(m.champs)) expect(champ.libelle.length).toBeGreaterThan(0);
    }
    expect(modelDeclaration('parHabitant')?.mesures).toEqual(['population']);
    expect(modelDeclaration('parHabitant')?.champs['prixParHabitant']).toMatchObject({ kind: 'prix', nullable: true });
  });

  it('rend undefined pour un nom inconnu, sans lever', () => {
    for (const nom of ['inconnu', '', 'constructor', 42, null, undefined, {}]) expect(modelDeclaration(nom)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { CATALOGUE_ISSUE_CODES, catalogue2026, safeQuote, validateAdhesion, type Adhesion } from '../src/index.js';

const commune = (prestations: Record<string, unknown>): Adhesion =>
  ({ collectivite: { nom: 'Commune', siren: '219000106', type: 'commune', population: 850 }, prestations }) as Adhesion;

describe('validateAdhesion', () => {
  it('rend une liste vide pour une adhésion recevable, même si un montant manque au catalogue', () => {
    const adhesion = commune({ maintenanceBase: { postes: 2, postesLicenceBL: 0 }, dpo: {} });
    expect(safeQuote(adhesion).success).toBe(false);
    expect(validateAdhesion(adhesion)).toEqual([]);
  });

  it('rend tous les problèmes de forme et de règles, sans ceux qui dépendent des montants', () => {
    const adhesion = { collectivite: { nom: 'X', siren: '123', type: 'commune' }, prestations: { dpo: {} } };
    const codes = validateAdhesion(adhesion).map((i) => i.code);
    expect(codes).toEqual(['SIREN_INVALIDE', 'MAINTENANCE_BASE_OBLIGATOIRE']);
    for (const code of CATALOGUE_ISSUE_CODES) expect(codes).not.toContain(code);
  });

  it('signale un catalogue refusé avec les problèmes de l’adhésion, jugée sur le catalogue embarqué', () => {
    const issues = validateAdhesion({ collectivite: { nom: 'X', siren: '123', type: 'commune' }, prestations: {} }, { catalogue: { millesime: 'x' } as never });
    expect(issues.some((i) => i.code === 'CATALOGUE_INVALIDE')).toBe(true);
    expect(issues.some((i) => i.code === 'SIREN_INVALIDE')).toBe(true);
  });

  it('ne lève jamais, même sur une entrée hostile', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('piège'); }, ownKeys: () => { throw new Error('piège'); } });
    expect(() => validateAdhesion(hostile)).not.toThrow();
    expect(validateAdhesion(hostile).length).toBeGreaterThan(0);
    expect(validateAdhesion(commune({ maintenanceBase: { postes: 1 } }), { catalogue: catalogue2026 })).toEqual([]);
  });
});

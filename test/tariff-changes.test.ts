import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue2026, isQuoteError, missingAmounts, reviseCatalogue, tariffChanges } from '../src/index.js';
import { catalogueTest } from './helpers.js';

const revision = (prestations: object, indexation?: object) =>
  reviseCatalogue(catalogueTest, { millesime: 2027, libelle: 'Tarifs 2027', source: 'Délibération de test', ...(indexation ? { indexation } : {}), prestations } as never);

describe('tariffChanges : les tarifs que le comité vote', () => {
  it('rien ne change d’un catalogue à lui-même', () => {
    expect(tariffChanges(catalogueTest, catalogueTest)).toEqual([]);
    expect(tariffChanges(catalogue2026, catalogue2026)).toEqual([]);
  });

  it('un prix unitaire et un forfait changés : avant → après, écart en euros et en pour cent, unité du prix', () => {
    const t = tariffChanges(catalogueTest, revision({ secretariatMairie: { journee: { prixUnitaire: '320.00' } }, dpo: { abonnement: { montant: '320.00' } } }));
    expect(t.map((c) => [c.prestation, c.composante, c.avant, c.apres, c.ecart, c.ecartPourcent])).toEqual([
      ['dpo', 'abonnement', '400.00', '320.00', '-80.00', '-20.00'],
      ['secretariatMairie', 'journee', '300.00', '320.00', '20.00', '6.67'],
    ]);
    expect(t[1]!.unite).toEqual({ un: 'journée', plusieurs: 'journées' });
    expect(t[0]!.unite).toBeUndefined();
    expect(t[0]!.libellePrestation).toBe(catalogueTest.prestations.dpo.libelle);
  });

  it('une indexation : chaque montant publié change, chaque case d’une grille avec sa strate et son quota ; les montants non publiés n’y sont pas', () => {
    const t = tariffChanges(catalogueTest, revision({}, { pourcentage: '2' }));
    expect(t.length).toBeGreaterThan(5);
    for (const c of t) expect(c.ecartPourcent).toBe('2.00');
    const grille = t.filter((c) => c.champ === 'grille');
    const g = catalogueTest.prestations.sauvegarde.composantes.grille.grille!;
    expect(grille).toHaveLength(g.strates.length * g.quotasGo.length);
    expect(grille[0]).toMatchObject({ strate: g.strates[0], quotaGo: g.quotasGo[0], avant: g.montants[0]![0] });
    const nonPublies = tariffChanges(catalogue2026, reviseCatalogue(catalogue2026, { millesime: 2027, libelle: 'x', source: 'y', indexation: { pourcentage: '2' } }));
    const manquants = new Set(missingAmounts(catalogue2026).map((m) => `${m.prestation}.${m.composante}`));
    for (const c of nonPublies) expect(manquants.has(`${c.prestation}.${c.composante}`)).toBe(false);
  });

  it('un montant publié d’un côté seulement : l’autre côté est null, sans écart', () => {
    const t = tariffChanges(catalogue2026, catalogueTest);
    expect(t.length).toBeGreaterThan(0);
    for (const c of t) expect([c.avant, c.ecart, c.ecartPourcent]).toEqual([null, null, null]);
  });

  it('un catalogue invalide : une QuoteError qui nomme son côté', () => {
    try {
      tariffChanges({} as never, null as never);
      expect.unreachable();
    } catch (e) {
      expect(isQuoteError(e)).toBe(true);
      const paths = (e as { issues: { path: unknown[] }[] }).issues.map((i) => i.path[0]);
      expect(paths).toContain('avant');
      expect(paths).toContain('apres');
    }
  });
});

describe('tariffChanges : propriétés', () => {
  it('comparer dans l’autre sens rend les mêmes tarifs, avant et après échangés', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 99 }), (entier, centiemes) => {
        const pourcentage = `${entier}.${String(centiemes).padStart(2, '0')}`;
        const b = revision({}, { pourcentage });
        const aller = tariffChanges(catalogueTest, b);
        const retour = tariffChanges(b, catalogueTest);
        expect(retour.map((t) => [t.prestation, t.composante, t.strate, t.quotaGo, t.apres, t.avant])).toEqual(aller.map((t) => [t.prestation, t.composante, t.strate, t.quotaGo, t.avant, t.apres]));
        for (const t of aller) expect(new Decimal(t.apres!).minus(t.avant!).toFixed(2)).toBe(new Decimal(t.ecart!).toFixed(2));
      }),
      { numRuns: 15 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue2026, completeCatalogue, quote, quoteAll, safeQuote, type Catalogue } from '../src/index.js';
import { adhesionArb } from './arbitraries.js';
import { adhesion, catalogueTest, epci, TARIFS_TEST } from './helpers.js';

function everyObject(value: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    for (const v of Object.values(value)) everyObject(v, visit);
  }
}

describe('immuabilité', () => {
  it('catalogue2026 et tout ce qu’il contient sont gelés : toute écriture échoue', () => {
    let count = 0;
    everyObject(catalogue2026, (o) => {
      count++;
      expect(Object.isFrozen(o)).toBe(true);
    });
    expect(count).toBeGreaterThan(40);
    const c = catalogue2026 as unknown as { prestations: { marchesPublics: { composantes: { acces: { prixUnitaire: string } } } } };
    expect(() => {
      c.prestations.marchesPublics.composantes.acces.prixUnitaire = '0.01';
    }).toThrow(TypeError);
    expect(() => {
      (catalogue2026.prestations.maintenanceBase.composantes.postes as unknown as { paliers: unknown[] }).paliers.push({});
    }).toThrow(TypeError);
    expect(quote(adhesion({ marchesPublics: { acces: 1 } }, epci)).lignes[1]!.montant).toBe('50.00');
  });

  it('un catalogue complété est gelé aussi, et ne dépend plus du fichier de tarifs', () => {
    const tarifs = structuredClone(TARIFS_TEST) as { prestations: { dpo: { abonnement: { montant: string } } } };
    const complet = completeCatalogue(catalogue2026, tarifs as never);
    tarifs.prestations.dpo.abonnement.montant = '999.00';
    everyObject(complet, (o) => expect(Object.isFrozen(o)).toBe(true));
    expect(quote(adhesion({ dpo: {} }), { catalogue: complet }).lignes[1]!.montant).toBe('400.00');
  });

  it('un appelant qui écrit partout dans un devis n’atteint ni le devis suivant, ni le catalogue, ni un lot', () => {
    const input = adhesion({ packDemat: { sirens: ['200000172', '200000107'] }, marchesPublics: { acces: 2 } }, epci);
    const first = quote(input, { catalogue: catalogueTest });
    const reference = JSON.stringify(first);
    const catalogue = JSON.stringify(catalogueTest);
    let refused = 0;
    everyObject(first, (o) => {
      for (const key of Object.keys(o)) {
        const v = o[key];
        // Une écriture sur une part partagée (gelée) échoue ; sur une part propre au devis, elle réussit.
        if (typeof v === 'string' && !Reflect.set(o, key, 'modifié')) refused++;
        else if (typeof v === 'number' && !Reflect.set(o, key, -1)) refused++;
      }
      if (Array.isArray(o)) o.push('ajouté');
    });
    expect(refused).toBeGreaterThan(0);
    const second = quote(input, { catalogue: catalogueTest });
    expect(JSON.stringify(second)).toBe(reference);
    expect(JSON.stringify(catalogueTest)).toBe(catalogue);
    const lot = quoteAll([input, input], { catalogue: catalogueTest });
    for (const r of lot.resultats) expect(r.success && JSON.stringify(r.data)).toBe(reference);
  });

  it('ce qu’un devis partage avec les autres (calcul et source de chaque ligne) est gelé en profondeur ; le reste est à l’appelant', () => {
    const input = adhesion({ sauvegarde: { quotaGo: 100 }, marchesPublics: { acces: 2 }, secretariatMairie: { interventions: [1, 2] } }, epci);
    const a = quote(input, { catalogue: catalogueTest });
    const b = quote(input, { catalogue: catalogueTest });
    expect(a.lignes.length).toBeGreaterThan(4);
    a.lignes.forEach((ligne, i) => {
      everyObject(ligne.calcul, (o) => expect(Object.isFrozen(o)).toBe(true));
      expect(Object.isFrozen(ligne.source)).toBe(true);
      // Partagés : le même objet d'un devis à l'autre.
      expect(ligne.calcul).toBe(b.lignes[i]!.calcul);
      expect(ligne.source).toBe(b.lignes[i]!.source);
      // Propres au devis : la ligne elle-même, modifiable.
      expect(ligne).not.toBe(b.lignes[i]);
      expect(Object.isFrozen(ligne)).toBe(false);
    });
    for (const own of [a, a.lignes, a.factures, a.factures[0]!, a.factures[0]!.lignes, a.collectivite, a.avertissements, a.remarques, a.manquants]) {
      expect(Object.isFrozen(own)).toBe(false);
    }
    expect(a.factures[0]).not.toBe(b.factures[0]);
    expect(a.collectivite).not.toBe(b.collectivite);
  });

  it('les avertissements et remarques sans paramètre sont partagés et gelés ; leurs listes sont à l’appelant', () => {
    const input = adhesion({ maintenanceBase: { postes: 2 } });
    const a = quote(input, { catalogue: catalogueTest });
    const b = quote(input, { catalogue: catalogueTest });
    expect(a.avertissements.length).toBeGreaterThan(0);
    expect(a.remarques.length).toBeGreaterThan(0);
    for (const key of ['avertissements', 'remarques'] as const) {
      expect(a[key]).not.toBe(b[key]);
      a[key].forEach((w, i) => {
        expect(w).toBe(b[key][i]);
        everyObject(w, (o) => expect(Object.isFrozen(o)).toBe(true));
      });
    }
    (a.avertissements as unknown[]).length = 0;
    expect(() => (a.remarques[0]!.path as unknown[]).push('x')).toThrow(TypeError);
    expect(quote(input, { catalogue: catalogueTest })).toEqual(b);
  });

  it('propriété : des écritures quelconques sur un devis (affecter, supprimer, ajouter, redéfinir) n’atteignent ni le devis suivant ni le catalogue', () => {
    const catalogue = JSON.stringify(catalogueTest);
    fc.assert(
      fc.property(adhesionArb, fc.array(fc.tuple(fc.nat(), fc.constantFrom('set', 'delete', 'push', 'define', 'nested')), { maxLength: 12 }), (input, writes) => {
        const r = safeQuote(input, { catalogue: catalogueTest });
        fc.pre(r.success);
        if (!r.success) return;
        const reference = JSON.stringify(r.data);
        const objects: Record<string, unknown>[] = [];
        everyObject(r.data, (o) => void objects.push(o));
        for (const [n, write] of writes) {
          const o = objects[n % objects.length]!;
          const key = Object.keys(o)[n % Math.max(1, Object.keys(o).length)] ?? 'x';
          try {
            if (write === 'set') Reflect.set(o, key, 'modifié');
            else if (write === 'delete') Reflect.deleteProperty(o, key);
            else if (write === 'push' && Array.isArray(o)) o.push({ montant: '999.99' });
            else if (write === 'define') Reflect.defineProperty(o, key, { get: () => 'piégé', enumerable: true });
            else {
              const v = o[key];
              if (typeof v === 'object' && v !== null) Reflect.set(v, 'montant', '0.00');
            }
          } catch {
            // Une écriture refusée en mode strict : c'est la promesse.
          }
        }
        const again = safeQuote(input, { catalogue: catalogueTest });
        expect(again.success && JSON.stringify(again.data)).toBe(reference);
        expect(JSON.stringify(catalogueTest)).toBe(catalogue);
      }),
      { numRuns: 60 },
    );
  });

  it('modifier un catalogue brut après usage est pris en compte : il est revalidé à chaque devis', () => {
    const brut = JSON.parse(JSON.stringify(catalogueTest)) as Catalogue & { prestations: { dpo: { composantes: { abonnement: { montant: string } } } } };
    expect(quote(adhesion({ dpo: {} }), { catalogue: brut }).lignes[1]!.montant).toBe('400.00');
    brut.prestations.dpo.composantes.abonnement.montant = '-1';
    expect(() => quote(adhesion({ dpo: {} }), { catalogue: brut })).toThrow(/CATALOGUE_INVALIDE/);
  });
});

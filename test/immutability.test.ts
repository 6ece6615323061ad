import { describe, expect, it } from 'vitest';
import { catalogue2026, completeCatalogue, quote, type Catalogue } from '../src/index.js';
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

  it('modifier un devis rendu n’affecte aucun devis suivant', () => {
    const input = adhesion({ packDemat: { sirens: ['200000172', '200000107'] }, marchesPublics: { acces: 2 } }, epci);
    const first = quote(input, { catalogue: catalogueTest });
    const reference = JSON.stringify(first);
    everyObject(first, (o) => {
      for (const key of Object.keys(o)) {
        const v = o[key];
        if (typeof v === 'string') o[key] = 'modifié';
        else if (typeof v === 'number') o[key] = -1;
      }
      if (Array.isArray(o)) o.push('ajouté');
    });
    const second = quote(input, { catalogue: catalogueTest });
    expect(JSON.stringify(second)).toBe(reference);
  });

  it('modifier un catalogue brut après usage est pris en compte : il est revalidé à chaque devis', () => {
    const brut = JSON.parse(JSON.stringify(catalogueTest)) as Catalogue & { prestations: { dpo: { composantes: { abonnement: { montant: string } } } } };
    expect(quote(adhesion({ dpo: {} }), { catalogue: brut }).lignes[1]!.montant).toBe('400.00');
    brut.prestations.dpo.composantes.abonnement.montant = '-1';
    expect(() => quote(adhesion({ dpo: {} }), { catalogue: brut })).toThrow(/CATALOGUE_INVALIDE/);
  });
});

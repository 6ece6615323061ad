import { describe, expect, it } from 'vitest';
import { compareCatalogues, sumAmounts } from '../src/index.js';
import { adhesion, catalogueTest, commune, epci, SIREN_COMMUNE } from './helpers.js';

describe('compareCatalogues : ce que les totaux comptent en double, à part', () => {
  const options = { avant: catalogueTest, apres: catalogueTest };

  it('sans conflit : zéro de chaque côté', () => {
    const c = compareCatalogues([adhesion({ dpo: {} }), adhesion({ dpo: {} }, epci)], options);
    expect(c.synthese.conflits.avant).toEqual([]);
    expect(c.synthese.factureDeuxFois).toEqual({ avant: '0.00', apres: '0.00' });
  });

  it('une collectivité qui adhère deux fois : son second devis entier', () => {
    const a = adhesion({ dpo: {} });
    const c = compareCatalogues([a, adhesion({ dpo: {} }, epci), a], options);
    expect(c.synthese.conflits.avant).toHaveLength(1);
    expect(c.synthese.factureDeuxFois.avant).toBe(c.adherents[2]!.avant!.total);
    // Sans la seconde adhésion, la recette est celle du titre.
    const seule = compareCatalogues([a, adhesion({ dpo: {} }, epci)], options);
    expect(sumAmounts([c.synthese.avant, `-${c.synthese.factureDeuxFois.avant}`])).toBe(seule.synthese.avant);
  });

  it('un pack facturé deux fois au même SIREN : la ligne de la seconde adhésion, pas la première', () => {
    const lot = [adhesion({ packDemat: {} }, commune), adhesion({ packDemat: { sirens: [epci.siren, SIREN_COMMUNE] } }, epci)];
    const c = compareCatalogues(lot, options);
    expect(c.synthese.conflits.apres).toHaveLength(1);
    const pack = catalogueTest.prestations.packDemat.composantes.parSiren.montant!;
    expect(c.synthese.factureDeuxFois).toEqual({ avant: pack, apres: pack });
  });
});

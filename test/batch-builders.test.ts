/**
 * Lot, rôle de facturation et comparaison montés adhésion par adhésion (`createBatch`,
 * `createBillingRoll`, `createComparison`) : les mêmes résultats que `quoteAll`, `billingRoll` et
 * `compareCatalogues` sur les mêmes adhésions ; une entrée illisible refusée avec ses problèmes, à sa
 * position ; un catalogue invalide refusé dès l'ouverture. Et la forme d'un fichier de tarifs ou
 * d'une révision jugée seule (`validateTarifs`, `validateRevision`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  billingRoll,
  compareCatalogues,
  createBatch,
  createBillingRoll,
  createComparison,
  isQuoteError,
  parseCatalogue,
  quoteAll,
  validateRevision,
  validateTarifs,
  type Adhesion,
  type QuoteIssue,
} from '../src/index.js';

const B = join(__dirname, '..', 'examples', 'territoire-de-belfort');
const read = (f: string): unknown => JSON.parse(readFileSync(join(B, f), 'utf8'));
const adhesions = read('adhesions.json') as Adhesion[];
const avant = parseCatalogue(read('catalogue-2026.json'));
const apres = parseCatalogue(read('catalogue-2027.json'));
/** Un lot avec des refus : une adhésion sans SIREN valide, une valeur qui n'est pas une adhésion, et la même collectivité deux fois. */
const lot = [...adhesions.slice(0, 5), { collectivite: { nom: 'X', siren: '123', type: 'commune' }, prestations: {} }, 42, adhesions[0]] as Adhesion[];
/** Le problème d'une entrée que l'appelant n'a pas pu lire (même forme que ceux de la bibliothèque). */
const illisible: QuoteIssue = { code: 'ENTREE_INVALIDE', path: [], message: 'Entrée illisible.', params: { raison: 'texte', texte: 'Entrée illisible.' } };

function threw(run: () => unknown): readonly QuoteIssue[] {
  try {
    run();
  } catch (error) {
    if (isQuoteError(error)) return error.issues;
    throw error;
  }
  return [];
}

describe('createBatch', () => {
  it('chaque résultat et la synthèse sont ceux de quoteAll', () => {
    const batch = createBatch({ catalogue: avant });
    const resultats = lot.map((a) => batch.add(a));
    const attendu = quoteAll(lot, { catalogue: avant });
    expect(resultats).toEqual(attendu.resultats);
    expect(batch.summary()).toEqual(attendu.synthese);
    expect(attendu.synthese.refuses).toBe(2);
    expect(attendu.synthese.conflits.length).toBeGreaterThan(0);
  });

  it('une entrée illisible est refusée à sa position, avec ses problèmes ; le nom de chaque entrée est repris dans les conflits', () => {
    const batch = createBatch({ catalogue: avant });
    batch.add(adhesions[0], 'a.json');
    const refus = batch.refuse([illisible], 'b.json');
    batch.add(adhesions[0], 'c.json');
    expect(refus).toEqual({ index: 1, siren: null, success: false, issues: [illisible] });
    const s = batch.summary();
    expect([s.acceptes, s.refuses]).toEqual([2, 1]);
    expect(s.conflits[0]!.params['fichiers']).toEqual(['a.json', 'c.json']);
  });

  it('sans catalogue, celui de 2026 ; un catalogue invalide est refusé dès l’ouverture', () => {
    expect(createBatch().summary()).toEqual(quoteAll([]).synthese);
    expect(threw(() => createBatch({ catalogue: { millesime: 1 } as never })).map((i) => i.code)).toContain('CATALOGUE_INVALIDE');
  });
});

describe('createBillingRoll', () => {
  it('le rôle est celui de billingRoll', () => {
    const role = createBillingRoll({ catalogue: avant });
    for (const a of lot) role.add(a);
    expect(role.result()).toEqual(billingRoll(lot, { catalogue: avant }));
  });

  it('une entrée illisible est au rôle des refus, avec son nom', () => {
    const role = createBillingRoll({ catalogue: avant });
    role.add(adhesions[0], 'a.json');
    role.refuse([illisible], 'b.json');
    const r = role.result();
    expect(r.refus).toEqual([{ index: 1, siren: null, fichier: 'b.json', issues: [illisible] }]);
    expect(r.factures[0]!.lignes[0]!.adherent.fichier).toBe('a.json');
    expect([r.acceptes, r.refuses]).toEqual([1, 1]);
  });
});

describe('createComparison', () => {
  it('chaque adhérent et la synthèse sont ceux de compareCatalogues', () => {
    const comparaison = createComparison({ avant, apres });
    const adherents = lot.map((a) => comparaison.add(a));
    const attendu = compareCatalogues(lot, { avant, apres });
    expect(adherents).toEqual(attendu.adherents);
    expect(comparaison.summary()).toEqual(attendu.synthese);
  });

  it('une entrée illisible est refusée des deux côtés, avec ses problèmes', () => {
    const comparaison = createComparison({ avant, apres });
    comparaison.add(adhesions[0]);
    const refus = comparaison.refuse([illisible]);
    expect(refus).toMatchObject({ index: 1, siren: null, nom: null, avant: null, apres: null, ecart: null, refus: { avant: [illisible], apres: [illisible] } });
    expect(comparaison.summary()).toMatchObject({ acceptesAvant: 1, acceptesApres: 1 });
  });

  it('les deux catalogues sont jugés ensemble', () => {
    const issues = threw(() => createComparison({ avant: { millesime: 1 } as never, apres: 3 as never }));
    expect(issues.some((i) => i.path[0] === 'avant')).toBe(true);
    expect(issues.some((i) => i.path[0] === 'apres')).toBe(true);
  });
});

describe('validateTarifs et validateRevision', () => {
  it('la forme seule, sans catalogue de base, chaque problème sous tarifs.… ou revision.…', () => {
    expect(validateTarifs({ millesime: 2026, source: 'Délibération', prestations: {} })).toEqual([]);
    expect(validateTarifs({ millesime: 2026 }).map((i) => i.path.join('.'))).toEqual(['tarifs.source', 'tarifs.prestations']);
    expect(validateRevision(read('revision-2027.json'))).toEqual([]);
    expect(validateRevision({ millesime: 2027 }).map((i) => i.path.join('.'))).toEqual(['revision.libelle', 'revision.source']);
  });

  it('ne lèvent jamais, même sur une valeur hostile', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('piège'); }, get: () => { throw new Error('piège'); } });
    expect(validateTarifs(hostile).length).toBeGreaterThan(0);
    expect(validateRevision(hostile).length).toBeGreaterThan(0);
    expect(validateTarifs(undefined).length).toBeGreaterThan(0);
  });
});

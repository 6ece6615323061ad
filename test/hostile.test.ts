import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogue2026, completeCatalogue, isQuoteError, quote, quoteAll, safeCompleteCatalogue, safeQuote, type Adhesion, type Quote } from '../src/index.js';
import { devis, prestation, total } from '../src/spreadsheet/functions.js';
import { adhesionArb, withFieldReplaced } from './arbitraries.js';
import { adhesion, catalogueTest, epci, TARIFS_TEST, TWO_DECIMALS } from './helpers.js';

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(() => {
  // Aucune entrée ne doit avoir ajouté quoi que ce soit au prototype commun des objets.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>)['pollue']).toBeUndefined();
});

/** Un devis correct, ou une QuoteError dont chaque problème a un chemin ; jamais autre chose. */
function outcome(input: unknown, options?: unknown): Quote | readonly { code: string; path: readonly (string | number)[] }[] {
  let result: Quote | undefined;
  try {
    result = quote(input as Adhesion, options as never);
  } catch (error) {
    expect(isQuoteError(error)).toBe(true);
    if (!isQuoteError(error)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    for (const i of error.issues) expect(i.code).not.toBe('ERREUR_INTERNE');
    return error.issues;
  }
  for (const m of [result.total, ...result.lignes.map((l) => l.montant)]) expect(m).toMatch(TWO_DECIMALS);
  return result;
}

function issuesAt(input: unknown, options?: unknown): string[] {
  const r = outcome(input, options);
  return Array.isArray(r) ? r.map((i) => `${i.code}@${i.path.join('.')}`) : [];
}

const base = (p: Record<string, unknown>) => ({ collectivite: epci, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 }, ...p } });

describe('clés piégées', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('« %s » dans l’adhésion est refusée, sans polluer de prototype', (key) => {
    const text = `{"collectivite": {"nom": "X", "siren": "200000172", "type": "epci", "${key}": {"pollue": 1}},
      "prestations": {"maintenanceBase": {"postes": 2, "${key}": {"pollue": 1}}, "${key}": {"pollue": 1}}, "${key}": {"pollue": 1}}`;
    expect(issuesAt(JSON.parse(text)).sort()).toEqual(
      [`CHAMP_INCONNU@${key}`, `CHAMP_INCONNU@collectivite.${key}`, `CHAMP_INCONNU@prestations.${key}`, `CHAMP_INCONNU@prestations.maintenanceBase.${key}`].sort(),
    );
  });

  it('« __proto__ » dans un fichier de tarifs est refusé', () => {
    const tarifs = JSON.parse('{"millesime": 2026, "source": "x", "prestations": {"__proto__": {"pollue": 1}, "dpo": {"__proto__": {"montant": "1.00"}}}}');
    const r = safeCompleteCatalogue(catalogue2026, tarifs);
    expect(!r.success && r.issues.map((i) => i.code)).toEqual(['CHAMP_INCONNU', 'CHAMP_INCONNU']);
  });

  it('« __proto__ » dans une plage de tableur est refusé', () => {
    expect(total([['collectivite.__proto__', 'x'], ['dpo.__proto__', 1], ['__proto__.pollue', 1]])).toMatch(/Champ inconnu « collectivite.__proto__ »/);
    expect(total([['collectivite.nom', 'X']], [['source', 'x'], ['prestations.__proto__.pollue.montant', '1,00']])).toMatch(/Champ inconnu/);
    expect(total([['collectivite.nom', 'X']], [['prestations.constructor.prototype.montant', '1,00']])).toMatch(/Champ inconnu/);
  });
});

describe('nombres piégés', () => {
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['négatif', -3],
    ['fractionnaire', 2.5],
    ['énorme', 1e308],
    ['-0', -0],
    ['en chaîne', '4'],
  ])('postes %s : refusé au chemin du champ, et seulement là', (_, postes) => {
    const issues = issuesAt(base({ maintenanceBase: { postes, postesLicenceBL: 0 } }));
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i).toMatch(/@prestations\.maintenanceBase\.postes$/);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, -0, 0, 1e308, '2,5', null])('jours %s : refusé', (jours) => {
    expect(issuesAt(base({ secretariatMairie: { jours } }))).toEqual([expect.stringMatching(/@prestations\.secretariatMairie\.jours$/)]);
  });

  it('-0 là où 0 est admis donne un devis correct, sans -0.00', () => {
    const r = outcome(base({ maintenanceBase: { postes: 2, postesLicenceBL: -0 }, marchesPublics: { acces: 1, misesEnLigneAssistees: -0 } }));
    expect(Array.isArray(r)).toBe(false);
    expect((r as Quote).total).toBe('1199.76');
  });

  it('population, quota et accès hors bornes', () => {
    expect(new Set(issuesAt(base({ sauvegarde: { quotaGo: 1e20 }, marchesPublics: { acces: 1e6 } }), { catalogue: catalogueTest }))).toEqual(
      new Set(['VALEUR_HORS_LIMITES@prestations.sauvegarde.quotaGo', 'VALEUR_HORS_LIMITES@prestations.marchesPublics.acces']),
    );
    expect(issuesAt({ ...base({}), collectivite: { ...epci, population: Number.NaN } })).toEqual(['ENTREE_INVALIDE@collectivite.population']);
  });
});

describe('tailles piégées', () => {
  it('chaînes très longues', () => {
    const long = 'x'.repeat(1_000_000);
    expect(issuesAt({ ...base({}), collectivite: { ...epci, nom: long, siren: long } })).toEqual([
      'VALEUR_HORS_LIMITES@collectivite.nom',
      'VALEUR_HORS_LIMITES@collectivite.siren',
      'SIREN_INVALIDE@collectivite.siren',
    ]);
  });

  it('listes très longues et doublons : un problème par doublon, au bon chemin', () => {
    const sirens = Array.from({ length: 100_000 }, () => '200000172');
    expect(issuesAt(base({ packDemat: { sirens } }), { catalogue: catalogueTest })).toEqual(['VALEUR_HORS_LIMITES@prestations.packDemat.sirens']);
    const doublons = issuesAt(base({ packDemat: { sirens: sirens.slice(0, 400) } }), { catalogue: catalogueTest });
    expect(doublons).toHaveLength(399);
  });

  it('objets imbriqués très profondément', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(issuesAt(base({ dpo: deep }))).toEqual(['CHAMP_INCONNU@prestations.dpo.a']);
    expect(issuesAt({ ...base({}), collectivite: deep })).toEqual(expect.arrayContaining(['CHAMP_INCONNU@collectivite.a']));
  });

  it('lot de valeurs quelconques : un résultat par entrée, jamais d’exception', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 20 }), (values) => {
        const lot = quoteAll(values as never);
        expect(lot.resultats).toHaveLength(values.length);
        expect(lot.synthese.total).toMatch(TWO_DECIMALS);
      }),
      { numRuns: 100 },
    );
  });
});

describe('propriétés sur entrées hostiles', () => {
  const hostile = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, -1, 1e308, '', '0', '__proto__', [], {}),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'postes', 'jours', 'x'), fc.jsonValue()),
  );

  it('une adhésion valide dont un champ devient hostile donne un devis correct ou une QuoteError', () => {
    fc.assert(
      fc.property(adhesionArb, hostile, fc.nat(), (a, junk, pick) => {
        outcome(withFieldReplaced(a, junk, pick), { catalogue: catalogueTest });
      }),
      { numRuns: 300 },
    );
  });

  it('un fichier de tarifs quelconque donne un catalogue ou une QuoteError', () => {
    fc.assert(
      fc.property(hostile, fc.nat(), (junk, pick) => {
        const copy = structuredClone(TARIFS_TEST) as unknown as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
        const ids = Object.keys(copy['prestations']!);
        const id = ids[pick % ids.length]!;
        const cid = Object.keys(copy['prestations']![id]!)[0]!;
        copy['prestations']![id]![cid] = junk as Record<string, unknown>;
        try {
          completeCatalogue(catalogue2026, copy as never);
        } catch (error) {
          expect(isQuoteError(error)).toBe(true);
          if (isQuoteError(error)) for (const i of error.issues) expect(i.code).not.toBe('ERREUR_INTERNE');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('des cellules hostiles dans un tableur donnent une valeur ou un message', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.constantFrom('collectivite.nom', 'dpo', '__proto__.x', 'prestations.dpo.abonnement.montant'), fc.string()), hostile), { maxLength: 8 }), (rows) => {
        const cellOk = (v: unknown) => {
          expect(['number', 'string']).toContain(typeof v);
          if (typeof v === 'string') expect(v).toMatch(/^Erreur : /);
        };
        cellOk(total(rows as never, rows as never));
        // Une plage reçue à la place d'une valeur est prise cellule par cellule : une plage de résultats.
        const p = prestation(rows[0]?.[0] as never, rows[0]?.[1] as never);
        if (Array.isArray(p)) for (const c of p.flat()) cellOk(c);
        else cellOk(p);
        const d = devis(rows as never);
        if (d.length === 1) cellOk(d[0]![0]);
        else expect(d[0]![0]).toBe('Prestation');
      }),
      { numRuns: 200 },
    );
  });
});

describe('valeurs inhabituelles', () => {
  it('identifiant de prestation BigInt ou symbole : refusé proprement', async () => {
    const { safePricePrestation } = await import('../src/index.js');
    for (const id of [1n, Symbol('x'), null, {}]) {
      const r = safePricePrestation(id as never, {});
      expect(!r.success && r.issues.map((i) => i.code)).toEqual(['VALEUR_NON_ADMISE']);
    }
  });

  it('lot à trous : un résultat par position', () => {
    // eslint-disable-next-line no-sparse-arrays
    const lot = quoteAll([adhesion({}, epci), , adhesion({}, epci)] as never);
    expect(lot.resultats.map((r) => [r.index, r.success])).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    expect(lot.synthese.acceptes + lot.synthese.refuses).toBe(3);
  });
});

describe('sanity', () => {
  it('la base de comparaison est valide', () => {
    expect(Array.isArray(outcome(adhesion({}, epci)))).toBe(false);
  });
});

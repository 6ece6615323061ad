/**
 * Robustesse : une entrée est lue une seule fois et jugée en une passe ; une valeur hostile (getter,
 * proxy, longueur qui n'est pas un nombre, catalogue forgé) donne un résultat ou une QuoteError,
 * jamais autre chose.
 */
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  catalogue2026,
  completeCatalogue,
  COMPOSANTES,
  formatPath,
  isQuoteError,
  ISSUE_CODES,
  lintCatalogue,
  missingAmounts,
  parseCatalogue,
  PRESTATION_IDS,
  quote,
  quoteAll,
  safeCompleteCatalogue,
  safeParseCatalogue,
  safePricePrestation,
  safeQuote,
  safeQuoteAll,
  safeBillingRoll,
  safeCompareCatalogues,
  safeReviseCatalogue,
  reviseCatalogue,
  WARNING_CODES,
  type Adhesion,
  type Catalogue,
  type LintCode,
  type LintFinding,
  type QuoteIssue,
  type SafeResult,
} from '../src/index.js';
import { renderQuoteHtml } from '@te90/tarifs/documents';
import { adhesionArb, withFieldReplaced } from './arbitraries.js';
import { adhesion, catalogueTest, commune, epci, TARIFS_TEST } from './helpers.js';

type Lib = typeof import('../src/index.js');

// ---------------------------------------------------------------------------------------------
// Outils
// ---------------------------------------------------------------------------------------------

const RIEN_LEVE = Symbol('aucune exception');

/** L'exception levée par `run` ; échoue si rien n'est levé. */
function exceptionDe(run: () => unknown): unknown {
  let error: unknown = RIEN_LEVE;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error, 'une exception était attendue').not.toBe(RIEN_LEVE);
  return error;
}

/** Un proxy révoqué : toute opération dessus (même `Array.isArray`) lève. */
function revoque<T extends object>(target: T): T {
  const r = Proxy.revocable(target, {});
  r.revoke();
  return r.proxy;
}

/** Un proxy dont un seul piège lève. */
function piege(trap: 'get' | 'ownKeys' | 'getOwnPropertyDescriptor' | 'getPrototypeOf' | 'has', target: object = { a: 1 }): object {
  return new Proxy(target, {
    [trap]: () => {
      throw new Error(`piège ${trap}`);
    },
  });
}

/** Un objet qui se contient lui-même. */
function cyclique(): Record<string, unknown> {
  const o: Record<string, unknown> = { a: 1 };
  o['moi'] = o;
  return o;
}

class Instance {
  readonly postes = 2;
}

const CODES = Object.keys(ISSUE_CODES);
const FRANCAIS = /[éèêàâçùûôî«»]|\b(le|la|les|des|du|une?|est|doit|pas|attendu|reçu|donnée|champ)\b/i;

/** Les problèmes d'un échec, chacun vérifié : code connu (jamais ERREUR_INTERNE), chemin, message en français. */
function problemes(r: SafeResult<unknown>): readonly QuoteIssue[] {
  expect(r.success, 'un échec était attendu').toBe(false);
  if (r.success) return [];
  expect(r.issues.length).toBeGreaterThan(0);
  for (const i of r.issues) bienForme(i);
  return r.issues;
}

function bienForme(i: QuoteIssue): void {
  expect(CODES).toContain(i.code);
  expect(i.code, i.message).not.toBe('ERREUR_INTERNE');
  expect(Array.isArray(i.path)).toBe(true);
  for (const part of i.path) expect(['string', 'number']).toContain(typeof part);
  expect(typeof i.message).toBe('string');
  expect(i.message).toMatch(FRANCAIS);
  expect(i.message).not.toMatch(/^(Cannot|Invalid|Expected|TypeError|Error)\b/);
}

/** `CODE@chemin.lisible` pour chaque problème. */
const lus = (issues: readonly QuoteIssue[]) => issues.map((i) => `${i.code}@${formatPath(i.path)}`);

const comme = <T>(value: unknown) => value as T;

// ---------------------------------------------------------------------------------------------
// 1. Lecture unique : un getter ne peut pas contourner une règle
// ---------------------------------------------------------------------------------------------

describe('lecture unique de l’entrée', () => {
  it('un getter de maintenanceBase qui rend undefined puis { postes: 2 } ne contourne pas la règle : refus, getter appelé une fois', () => {
    let appels = 0;
    const entree = () => ({
      collectivite: commune,
      prestations: {
        get maintenanceBase() {
          appels++;
          return appels === 1 ? undefined : { postes: 2 };
        },
        marchesPublics: { acces: 1 },
      },
    });

    const r = safeQuote(comme<Adhesion>(entree()));
    expect(appels).toBe(1);
    expect(lus(problemes(r))).toEqual(['MAINTENANCE_BASE_OBLIGATOIRE@prestations.maintenanceBase']);

    appels = 0;
    const error = exceptionDe(() => quote(comme<Adhesion>(entree())));
    expect(appels).toBe(1);
    expect(isQuoteError(error)).toBe(true);
    expect(isQuoteError(error) && lus(error.issues)).toEqual(['MAINTENANCE_BASE_OBLIGATOIRE@prestations.maintenanceBase']);
  });

  it('témoin : si maintenanceBase est lisible dès la première lecture, le même devis contient bien la ligne de 50,00 €', () => {
    // Montre que l'assertion précédente peut échouer : un contournement donnerait ce devis.
    const r = safeQuote(comme<Adhesion>({ collectivite: commune, prestations: { maintenanceBase: { postes: 2 }, marchesPublics: { acces: 1 } } }));
    expect(r.success).toBe(true);
    expect(r.success && r.data.lignes.map((l) => l.montant)).toContain('50.00');
  });

  it('chaque getter d’une adhésion acceptée est appelé exactement une fois', () => {
    const appels: Record<string, number> = {};
    const compte = <T>(nom: string, valeur: T) => () => {
      appels[nom] = (appels[nom] ?? 0) + 1;
      return valeur;
    };
    const collectivite = Object.defineProperties({}, {
      nom: { get: compte('nom', epci.nom), enumerable: true },
      siren: { get: compte('siren', epci.siren), enumerable: true },
      type: { get: compte('type', epci.type), enumerable: true },
      population: { get: compte('population', epci.population), enumerable: true },
    });
    const prestations = Object.defineProperties({}, {
      maintenanceBase: { get: compte('maintenanceBase', { postes: 2, postesLicenceBL: 0 }), enumerable: true },
      marchesPublics: { get: compte('marchesPublics', { acces: 1 }), enumerable: true },
    });
    const r = safeQuote(comme<Adhesion>({ collectivite, prestations }));
    expect(r.success).toBe(true);
    expect(r.success && r.data.total).toBe(quote(adhesion({ marchesPublics: { acces: 1 } }, epci)).total);
    expect(appels).toEqual({ nom: 1, siren: 1, type: 1, population: 1, maintenanceBase: 1, marchesPublics: 1 });
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Entrées hostiles : ni exception, ni ERREUR_INTERNE
// ---------------------------------------------------------------------------------------------

describe('entrées hostiles : les fonctions safe… ne lèvent jamais et ne rendent jamais ERREUR_INTERNE', () => {
  const base = () => ({ collectivite: { ...epci }, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 } } });

  it('safeQuote : un getter de collectivite qui lève un proxy révoqué', () => {
    const exception = revoque({});
    const entree = {
      get collectivite(): unknown {
        throw exception;
      },
      prestations: {},
    };
    const r = safeQuote(comme<Adhesion>(entree));
    expect(lus(problemes(r))).toEqual(['ENTREE_INVALIDE@collectivite', 'MAINTENANCE_BASE_OBLIGATOIRE@prestations.maintenanceBase']);
    const error = exceptionDe(() => quote(comme<Adhesion>(entree)));
    expect(isQuoteError(error)).toBe(true);
  });

  it('safeQuote : un proxy dont le piège getPrototypeOf lève, comme entrée entière et comme collectivite', () => {
    expect(lus(problemes(safeQuote(comme<Adhesion>(piege('getPrototypeOf')))))).toEqual(['ENTREE_INVALIDE@(racine)']);
    const r = safeQuote(comme<Adhesion>({ ...base(), collectivite: piege('getPrototypeOf') }));
    expect(lus(problemes(r))).toEqual(['ENTREE_INVALIDE@collectivite']);
  });

  it('safeQuote : un proxy révoqué comme entrée entière, comme collectivite, comme paramètres et comme paramètre', () => {
    expect(lus(problemes(safeQuote(comme<Adhesion>(revoque({})))))).toEqual(['ENTREE_INVALIDE@(racine)']);
    expect(lus(problemes(safeQuote(comme<Adhesion>({ ...base(), collectivite: revoque({}) }))))).toEqual(['ENTREE_INVALIDE@collectivite']);
    expect(lus(problemes(safeQuote(comme<Adhesion>({ ...base(), prestations: { maintenanceBase: revoque({}) } }))))).toEqual([
      'ENTREE_INVALIDE@prestations.maintenanceBase',
    ]);
    expect(lus(problemes(safeQuote(comme<Adhesion>({ ...base(), prestations: { maintenanceBase: { postes: revoque({}) } } }))))).toEqual([
      'ENTREE_INVALIDE@prestations.maintenanceBase.postes',
    ]);
    expect(lus(problemes(safeQuote(comme<Adhesion>({ ...base(), prestations: { maintenanceBase: { postes: 2 }, packDemat: { sirens: revoque([]) } } }))))).toEqual([
      'ENTREE_INVALIDE@prestations.packDemat.sirens',
    ]);
  });

  it.each<[string, () => unknown, string]>([
    ['une date', () => new Date(0), 'date'],
    ['une Map', () => new Map([['postes', 2]]), 'collection'],
    ['un Set', () => new Set([2]), 'collection'],
    ['une instance de classe', () => new Instance(), 'donnée simple'],
    ['un objet cyclique', () => cyclique(), 'circulaire'],
  ])('safeQuote : %s comme paramètres de prestation est refusé à son chemin', (_, valeur, mot) => {
    const r = safeQuote(comme<Adhesion>({ ...base(), prestations: { maintenanceBase: { postes: 2 }, dpo: valeur() } }), { catalogue: catalogueTest });
    const issues = problemes(r);
    // Un objet cyclique est lu jusqu'à la référence circulaire : le problème est au chemin de celle-ci.
    expect(issues.map((i) => i.code)).toContain('ENTREE_INVALIDE');
    for (const i of issues) expect(formatPath(i.path)).toMatch(/^prestations\.dpo/);
    expect(issues.find((i) => i.code === 'ENTREE_INVALIDE')!.message).toMatch(new RegExp(mot));
  });

  it('safeQuote : options illisibles (proxy révoqué, piège get) et catalogue illisible', () => {
    expect(lus(problemes(safeQuote(adhesion(), comme(revoque({})))))).toEqual(['ENTREE_INVALIDE@options.catalogue']);
    expect(lus(problemes(safeQuote(adhesion(), comme(piege('get')))))).toEqual(['ENTREE_INVALIDE@options.catalogue']);
    expect(lus(problemes(safeQuote(adhesion(), { catalogue: comme(revoque({})) })))).toEqual(['CATALOGUE_INVALIDE@catalogue']);
    expect(lus(problemes(safeQuote(adhesion(), { catalogue: comme(piege('ownKeys')) })))).toEqual(['CATALOGUE_INVALIDE@catalogue']);
    const getter = {
      get catalogue(): Catalogue {
        throw revoque({});
      },
    };
    expect(lus(problemes(safeQuote(adhesion(), getter)))).toEqual(['ENTREE_INVALIDE@options.catalogue']);
  });

  const HOSTILES: [string, () => unknown][] = [
    ['un proxy révoqué', () => revoque({})],
    ['une liste révoquée', () => revoque([])],
    ['un proxy dont getPrototypeOf lève', () => piege('getPrototypeOf')],
    ['un proxy dont ownKeys lève', () => piege('ownKeys')],
    ['un proxy dont getOwnPropertyDescriptor lève', () => piege('getOwnPropertyDescriptor')],
    ['un proxy dont get lève', () => piege('get')],
    [
      'un objet dont un getter lève',
      () => ({
        get montant(): unknown {
          throw new Error('getter');
        },
      }),
    ],
    ['un objet cyclique', () => cyclique()],
    ['une date', () => new Date(0)],
    ['une Map', () => new Map()],
    ['une instance de classe', () => new Instance()],
  ];

  it.each(HOSTILES)('safeCompleteCatalogue : %s comme catalogue de base, comme tarifs, dans les tarifs', (_, h) => {
    problemes(safeCompleteCatalogue(comme(h()), TARIFS_TEST));
    problemes(safeCompleteCatalogue(catalogue2026, comme(h())));
    const tarifs = { ...TARIFS_TEST, prestations: { ...TARIFS_TEST.prestations, dpo: h() } };
    const issues = problemes(safeCompleteCatalogue(catalogue2026, comme(tarifs)));
    // (Les problèmes parasites « source.reference » sont un autre défaut, testé à part plus bas.)
    expect(issues.filter((i) => formatPath(i.path).startsWith('tarifs.prestations.dpo')).length).toBeGreaterThan(0);
    const error = exceptionDe(() => completeCatalogue(catalogue2026, comme(tarifs)));
    expect(isQuoteError(error)).toBe(true);
  });

  it.each(HOSTILES)('safeParseCatalogue : %s comme catalogue, et dans un catalogue', (_, h) => {
    problemes(safeParseCatalogue(h()));
    const copie = JSON.parse(JSON.stringify(catalogueTest)) as { prestations: { dpo: { composantes: Record<string, unknown> } } };
    copie.prestations.dpo.composantes['abonnement'] = h();
    const issues = problemes(safeParseCatalogue(copie));
    for (const i of issues) expect(formatPath(i.path)).toMatch(/^prestations\.dpo\.composantes\.abonnement/);
    const error = exceptionDe(() => parseCatalogue(copie));
    expect(isQuoteError(error)).toBe(true);
  });

  it.each(HOSTILES)('safePricePrestation : %s comme identifiant, paramètres, population et catalogue', (_, h) => {
    problemes(safePricePrestation(comme(h()), {}));
    expect(lus(problemes(safePricePrestation('marchesPublics', h(), { catalogue: catalogueTest })))[0]).toMatch(/@prestations\.marchesPublics/);
    const pop = problemes(safePricePrestation('sauvegarde', { quotaGo: 50 }, { collectivite: { population: comme(h()) }, catalogue: catalogueTest }));
    expect(lus(pop)).toContain('POPULATION_REQUISE@prestations.sauvegarde');
    problemes(safePricePrestation('dpo', {}, { catalogue: comme(h()) }));
  });

  it.each(HOSTILES)('safeQuoteAll : %s comme lot, comme entrée et comme catalogue', (_, h) => {
    problemes(safeQuoteAll(comme(h())));
    const r = safeQuoteAll(comme([adhesion({}, epci), h()]));
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.resultats.map((x) => x.success)).toEqual([true, false]);
    const second = r.data.resultats[1]!;
    if (!second.success) for (const i of second.issues) bienForme(i);
    problemes(safeQuoteAll([adhesion({}, epci)], { catalogue: comme(h()) }));
  });

  it('safePricePrestation et safeQuoteAll : options illisibles', () => {
    expect(lus(problemes(safePricePrestation('dpo', {}, comme(revoque({})))))).toEqual(['ENTREE_INVALIDE@options.catalogue', 'ENTREE_INVALIDE@options.collectivite']);
    expect(lus(problemes(safeQuoteAll([adhesion({}, epci)], comme(revoque({})))))).toEqual(['ENTREE_INVALIDE@options.catalogue']);
    expect(lus(problemes(safeQuoteAll([adhesion({}, epci)], comme(piege('get')))))).toEqual(['ENTREE_INVALIDE@options.catalogue']);
  });

  it('isQuoteError ne lève pas sur un proxy révoqué ni sur un piège get', () => {
    expect(isQuoteError(revoque({}))).toBe(false);
    expect(isQuoteError(piege('get'))).toBe(false);
    expect(isQuoteError(piege('getPrototypeOf'))).toBe(false);
  });

  // Régression corrigée : une valeur de type « function » (proxy révoqué d'une fonction, ou fonction dont la
  // propriété `length` est un getter qui lève) n'est pas prise en charge par le lecteur protégé
  // (src/input/snapshot.ts ne traite que typeof === 'object') ; zod lit ensuite `.length` sur la
  // valeur (vérification de longueur d'une chaîne) et l'exception sort en ERREUR_INTERNE.
  it('un proxy révoqué d’une fonction comme SIREN donne ENTREE_INVALIDE au chemin, pas ERREUR_INTERNE', () => {
    const r = safeQuote(comme<Adhesion>({ ...base(), collectivite: { ...epci, siren: revoque(() => 0) } }));
    expect(lus(problemes(r))).toEqual(['ENTREE_INVALIDE@collectivite.siren']);
  });

  it('une fonction dont le getter length lève, comme nom, donne ENTREE_INVALIDE au chemin, pas ERREUR_INTERNE', () => {
    const f = function nom(): void {};
    Object.defineProperty(f, 'length', {
      get() {
        throw new Error('piège length');
      },
    });
    const r = safeQuote(comme<Adhesion>({ ...base(), collectivite: { ...epci, nom: f } }));
    expect(lus(problemes(r))).toEqual(['ENTREE_INVALIDE@collectivite.nom']);
  });

  it('un proxy révoqué d’une fonction dans un SIREN de packDemat donne ENTREE_INVALIDE, pas ERREUR_INTERNE', () => {
    const r = safeQuote(comme<Adhesion>({ ...base(), prestations: { maintenanceBase: { postes: 2 }, packDemat: { sirens: [revoque(() => 0)] } } }), {
      catalogue: catalogueTest,
    });
    expect(lus(problemes(r))).toEqual(['ENTREE_INVALIDE@prestations.packDemat.sirens[0]']);
  });

  it('un proxy révoqué d’une fonction comme source d’un fichier de tarifs donne ENTREE_INVALIDE, pas ERREUR_INTERNE', () => {
    problemes(safeCompleteCatalogue(catalogue2026, comme({ ...TARIFS_TEST, source: revoque(() => 0) })));
  });

  it('un proxy révoqué d’une fonction comme libellé d’un catalogue donne CATALOGUE_INVALIDE, pas ERREUR_INTERNE', () => {
    problemes(safeParseCatalogue({ ...JSON.parse(JSON.stringify(catalogueTest)), libelle: revoque(() => 0) }));
  });

  it('dans un lot, une entrée dont le nom est un proxy révoqué d’une fonction est refusée sans ERREUR_INTERNE', () => {
    const r = safeQuoteAll(comme([{ ...base(), collectivite: { ...epci, nom: revoque(() => 0) } }]));
    expect(r.success).toBe(true);
    const first = r.success ? r.data.resultats[0]! : undefined;
    expect(first?.success).toBe(false);
    if (first && !first.success) for (const i of first.issues) bienForme(i);
  });

  // Régression corrigée : dès qu'un fichier de tarifs a un défaut de forme n'importe où, completeCatalogue remplace sa
  // `source` (pourtant valide) par '' pour les autres montants fournis (src/catalogue/complete.ts :
  // `const source = parsed.success ? parsed.data.source : ''`) ; chaque montant fourni valide donne alors
  // un problème parasite CATALOGUE_INVALIDE à « tarifs.prestations.<id>.<composante>.source.reference »,
  // chemin qui n'existe pas dans le fichier, avec le message « ne doit pas être vide ; reçu «  » ».
  it('un montant négatif dans un fichier de tarifs ne donne qu’un problème, pas de « source.reference » vide parasite', () => {
    const tarifs = { millesime: 2026, source: 'Délibération du comité', prestations: { dpo: { abonnement: { montant: '400.00' } }, comedec: { raccordement: { montant: '-1.00' } } } };
    const issues = problemes(safeCompleteCatalogue(catalogue2026, comme(tarifs)));
    expect(issues.map((i) => formatPath(i.path))).toEqual(['tarifs.prestations.comedec.raccordement.montant']);
  });

  // Régression corrigée : safePricePrestation signale deux fois une collectivité illisible (proxy révoqué, date,
  // Map…) : le problème de lecture, puis « Attendu : un objet ; reçu : un symbole. », qui décrit la
  // marque interne du lecteur (src/quote/price-prestation.ts ne retire pas la valeur illisible).
  it('safePricePrestation signale une seule fois une collectivité illisible, sans parler de « symbole »', () => {
    for (const collectivite of [revoque({}), new Date(0), new Map()]) {
      const issues = problemes(safePricePrestation('dpo', {}, { collectivite: comme(collectivite), catalogue: catalogueTest }));
      expect(lus(issues)).toEqual(['ENTREE_INVALIDE@collectivite']);
      for (const i of issues) expect(i.message).not.toMatch(/symbole/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Lots : chaque entrée isolée, rappel qui lève
// ---------------------------------------------------------------------------------------------

describe('lot : isolation des entrées et rappel onProgress', () => {
  const bonne = adhesion({ marchesPublics: { acces: 2 } }, epci);

  it('une entrée dont le getter collectivite lève est refusée seule ; la bonne est acceptée', () => {
    const hostile = {
      get collectivite(): unknown {
        throw new Error('x');
      },
    };
    const r = safeQuoteAll(comme([bonne, hostile]));
    expect(r.success).toBe(true);
    if (!r.success) return;
    const [premier, second] = r.data.resultats;
    expect(premier?.success).toBe(true);
    expect(premier?.success && premier.data).toEqual(quote(bonne));
    expect(second?.success).toBe(false);
    expect(second && !second.success && lus(second.issues)).toContain('ENTREE_INVALIDE@collectivite');
    if (second && !second.success) for (const i of second.issues) bienForme(i);
    expect([r.data.synthese.acceptes, r.data.synthese.refuses, r.data.synthese.total]).toEqual([1, 1, quote(bonne).total]);
  });

  it('un élément de liste dont la lecture lève (piège get de la liste) donne un résultat refusé à sa position', () => {
    const liste = new Proxy([bonne, bonne], {
      get(target, key, receiver) {
        if (key === '1') throw new Error('élément piégé');
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const r = safeQuoteAll(liste);
    expect(r.success).toBe(true);
    expect(r.success && r.data.resultats.map((x) => [x.index, x.success])).toEqual([
      [0, true],
      [1, false],
    ]);
  });

  it('onProgress qui lève : RAPPEL_EN_ERREUR au chemin options.onProgress (pas ERREUR_INTERNE) ; quoteAll lève une QuoteError', () => {
    let appels = 0;
    const onProgress = () => {
      appels++;
      throw new Error('rappel cassé');
    };
    const r = safeQuoteAll([bonne], { onProgress });
    expect(appels).toBe(1);
    const issues = problemes(r);
    expect(issues.map((i) => i.code)).toEqual(['RAPPEL_EN_ERREUR']);
    expect(issues[0]!.path).toEqual(['options', 'onProgress']);
    expect(issues[0]!.message).toMatch(/rappel cassé/);

    const error = exceptionDe(() => quoteAll([bonne], { onProgress }));
    expect(isQuoteError(error)).toBe(true);
    expect(isQuoteError(error) && error.issues.map((i) => [i.code, i.path])).toEqual([['RAPPEL_EN_ERREUR', ['options', 'onProgress']]]);
  });

  it('onProgress qui lève un proxy révoqué, ou qui est lui-même un proxy révoqué : RAPPEL_EN_ERREUR', () => {
    const leveRevoque = () => {
      throw revoque({});
    };
    expect(lus(problemes(safeQuoteAll([bonne], { onProgress: leveRevoque })))).toEqual(['RAPPEL_EN_ERREUR@options.onProgress']);
    expect(lus(problemes(safeQuoteAll([bonne], { onProgress: revoque(() => undefined) })))).toEqual(['RAPPEL_EN_ERREUR@options.onProgress']);
  });

  it('onProgress qui ne lève pas : appelé à la fin, le lot est rendu', () => {
    const vus: [number, number][] = [];
    const r = safeQuoteAll([bonne, bonne], { onProgress: (fait, total) => vus.push([fait, total]) });
    expect(r.success).toBe(true);
    expect(vus).toEqual([[2, 2]]);
  });

  // Régression corrigée : safeQuoteAll ne borne pas la longueur du lot : une liste qui annonce 2^40 éléments (proxy,
  // longueur impossible pour un vrai tableau) est parcourue élément par élément (1 099 511 627 776
  // devis refusés à produire : boucle sans fin en pratique, puis mémoire épuisée), alors que le
  // lecteur protégé refuse une telle liste (« Liste trop longue ou illisible »). Ici le rappel
  // onProgress interrompt le lot au 1 000e élément et montre le total annoncé.
  it('un lot dont la longueur annoncée est impossible (2^40) est refusé d’emblée (ENTREE_INVALIDE), pas parcouru', () => {
    const enorme = new Proxy([bonne], {
      get(target, key, receiver) {
        if (key === 'length') return 2 ** 40;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const totaux: number[] = [];
    const r = safeQuoteAll(enorme, {
      onProgress: (_, total) => {
        totaux.push(total);
        throw new Error('arrêt');
      },
    });
    expect(totaux).toEqual([]);
    expect(lus(problemes(r))).toEqual(['ENTREE_INVALIDE@(racine)']);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Une passe : tous les problèmes dans une seule erreur, dans un ordre stable
// ---------------------------------------------------------------------------------------------

describe('une passe : validation, règles et chiffrage ensemble', () => {
  const { population: _sansPopulation, ...communeSansPopulation } = commune;
  const entree = () =>
    comme<Adhesion>({
      collectivite: { ...communeSansPopulation, siren: '123' },
      prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 }, dpo: {}, sauvegarde: { quotaGo: 75 } },
    });

  it('sur catalogue2026 : SIREN invalide, dpo et grille non publiés, population requise, dans UNE erreur', () => {
    const error = exceptionDe(() => quote(entree()));
    expect(isQuoteError(error)).toBe(true);
    if (!isQuoteError(error)) return;
    expect(lus(error.issues)).toEqual([
      'SIREN_INVALIDE@collectivite.siren',
      'TARIF_NON_PUBLIE@prestations.sauvegarde.quotaGo',
      'POPULATION_REQUISE@collectivite.population',
      'TARIF_NON_PUBLIE@prestations.dpo',
    ]);
    for (const i of error.issues) bienForme(i);
    expect(error.issues.find((i) => i.code === 'TARIF_NON_PUBLIE' && i.path.includes('dpo'))!.message).toMatch(/prestations\.dpo\.composantes\.abonnement\.montant/);
    expect(error.issues.find((i) => i.code === 'TARIF_NON_PUBLIE' && i.path.includes('sauvegarde'))!.message).toMatch(/prestations\.sauvegarde\.composantes\.grille\.grille/);
  });

  it('l’ordre des problèmes est stable : même entrée, même liste', () => {
    const a = safeQuote(entree());
    const b = safeQuote(entree());
    expect(lus(problemes(a))).toEqual(lus(problemes(b)));
    expect(a).toEqual(b);
    const c = safeQuote(entree(), { catalogue: catalogueTest });
    expect(safeQuote(entree(), { catalogue: catalogueTest })).toEqual(c);
  });

  it('sur catalogueTest (quotas 50/100/200) : SIREN invalide, population requise et quota inconnu ensemble', () => {
    expect(lus(problemes(safeQuote(entree(), { catalogue: catalogueTest })))).toEqual([
      'SIREN_INVALIDE@collectivite.siren',
      'POPULATION_REQUISE@collectivite.population',
      'QUOTA_INCONNU@prestations.sauvegarde.quotaGo',
    ]);
  });

  it('population invalide (-5) avec sauvegarde : le problème de la population et POPULATION_REQUISE à prestations.sauvegarde', () => {
    const avec = comme<Adhesion>({ collectivite: { ...commune, population: -5 }, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 }, sauvegarde: { quotaGo: 50 }, dpo: {} } });
    const issues = problemes(safeQuote(avec, { catalogue: catalogueTest }));
    expect(lus(issues)).toEqual(['VALEUR_HORS_LIMITES@collectivite.population', 'POPULATION_REQUISE@prestations.sauvegarde']);
    expect(issues[1]!.path).toEqual(['prestations', 'sauvegarde']);
    expect(safeQuote(avec, { catalogue: catalogueTest })).toEqual(safeQuote(avec, { catalogue: catalogueTest }));
  });

  it('population invalide sans prestation qui en dépend : seul le problème de la population', () => {
    const sans = comme<Adhesion>({ collectivite: { ...commune, population: -5 }, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 }, dpo: {} } });
    expect(lus(problemes(safeQuote(sans, { catalogue: catalogueTest })))).toEqual(['VALEUR_HORS_LIMITES@collectivite.population']);
  });

  it('un SIREN invalide n’empêche pas le chiffrage : les problèmes de chiffrage sont signalés avec lui', () => {
    const a = comme<Adhesion>({ collectivite: { ...epci, siren: '200000173' }, prestations: { maintenanceBase: { postes: 2 }, dpo: {} } });
    expect(lus(problemes(safeQuote(a)))).toEqual(['SIREN_INVALIDE@collectivite.siren', 'TARIF_NON_PUBLIE@prestations.dpo']);
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Exports gelés
// ---------------------------------------------------------------------------------------------

function toutEstGele(value: unknown): number {
  let count = 0;
  const visit = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    count++;
    expect(Object.isFrozen(v)).toBe(true);
    for (const child of Object.values(v)) visit(child);
  };
  visit(value);
  return count;
}

describe('exports gelés', () => {
  it('COMPOSANTES, ISSUE_CODES, WARNING_CODES, PRESTATION_IDS : toute modification lève une TypeError et n’a aucun effet', () => {
    expect(() => (COMPOSANTES.dpo as unknown as string[]).push('piratee')).toThrow(TypeError);
    expect(() => {
      (COMPOSANTES as unknown as Record<string, unknown>)['dpo'] = ['autre'];
    }).toThrow(TypeError);
    expect(() => {
      (ISSUE_CODES as unknown as Record<string, string>)['X'] = 'nouveau';
    }).toThrow(TypeError);
    expect(() => {
      (ISSUE_CODES as unknown as Record<string, string>)['ENTREE_INVALIDE'] = 'autre';
    }).toThrow(TypeError);
    expect(() => {
      delete (WARNING_CODES as unknown as Record<string, string>)['PART2_NON_RENSEIGNEE'];
    }).toThrow(TypeError);
    expect(() => (PRESTATION_IDS as unknown as string[]).push('piratee')).toThrow(TypeError);
    expect(COMPOSANTES.dpo).toEqual(['abonnement']);
    expect('X' in ISSUE_CODES).toBe(false);
    expect(ISSUE_CODES.ENTREE_INVALIDE).toMatch(/forme attendue/);
    expect(Object.keys(WARNING_CODES)).toContain('PART2_NON_RENSEIGNEE');
    expect(PRESTATION_IDS).toHaveLength(10);
    for (const v of [COMPOSANTES, ISSUE_CODES, WARNING_CODES, PRESTATION_IDS]) expect(toutEstGele(v)).toBeGreaterThan(0);
  });

  it('catalogue2026 : modifier un montant lève une TypeError ; completeCatalogue fonctionne ensuite normalement', () => {
    const abonnement = catalogue2026.prestations.dpo.composantes.abonnement as unknown as { montant: string | null };
    expect(() => {
      abonnement.montant = '1.00';
    }).toThrow(TypeError);
    expect(abonnement.montant).toBeNull();
    expect(toutEstGele(catalogue2026)).toBeGreaterThan(40);
    const complet = completeCatalogue(catalogue2026, TARIFS_TEST);
    expect(complet).toEqual(catalogueTest);
    expect(quote(adhesion({ dpo: {} }), { catalogue: complet }).lignes[1]!.montant).toBe('400.00');
    expect(lus(problemes(safeQuote(adhesion({ dpo: {} }))))).toEqual(['TARIF_NON_PUBLIE@prestations.dpo']);
  });

  it('les catalogues rendus par parseCatalogue et completeCatalogue sont gelés en profondeur', () => {
    const parse = parseCatalogue(JSON.parse(JSON.stringify(catalogueTest)));
    const complet = completeCatalogue(catalogue2026, TARIFS_TEST);
    expect(toutEstGele(parse)).toBeGreaterThan(40);
    expect(toutEstGele(complet)).toBeGreaterThan(40);
    expect(() => {
      (parse.prestations.dpo.composantes.abonnement as unknown as { montant: string }).montant = '0.01';
    }).toThrow(TypeError);
    expect(() => {
      (complet.prestations.maintenanceBase.composantes.postes.paliers as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------------------------------------
// 6. Devis indépendants
// ---------------------------------------------------------------------------------------------

describe('devis indépendants : rien de ce qu’un appelant écrit sur un devis n’atteint un autre devis', () => {
  const entree = adhesion({ marchesPublics: { acces: 2 }, dpo: {}, sauvegarde: { quotaGo: 100 }, packDemat: { sirens: ['200000172', '200000107'] } }, epci);
  const options = { catalogue: catalogueTest };

  it('modifier lignes[0].montant, source.reference et collectivite.nom d’un devis n’affecte pas le devis suivant', () => {
    const premier = quote(entree, options);
    const reference = structuredClone(premier);
    Reflect.set(premier.lignes[0]!, 'montant', '0.00');
    // La source est partagée par les lignes de tous les devis : gelée, elle refuse l'écriture.
    expect(Reflect.set(premier.lignes[0]!.source, 'reference', 'piratée')).toBe(false);
    Reflect.set(premier.collectivite, 'nom', 'Piratée');
    Reflect.set(premier.factures[0]!.lignes[0]!, 'detail', 'piraté');
    Reflect.set(premier.avertissements, 'length', 0);
    const second = quote(entree, options);
    expect(second).toEqual(reference);
    expect(second.lignes[0]!.montant).not.toBe('0.00');
    expect(second.lignes[0]!.source.reference).toBe(reference.lignes[0]!.source.reference);
    expect(second.lignes[0]!.source.reference).not.toBe('piratée');
    expect(second.collectivite.nom).toBe(epci.nom);
  });

  it('deux devis n’ont en commun ni lignes, ni collectivité, ni factures, ni avertissements ; sources et calculs partagés sont gelés', () => {
    const a = quote(entree, options);
    const b = quote(entree, options);
    expect(a).toEqual(b);
    expect(a.lignes.length).toBeGreaterThan(3);
    expect(a.lignes).not.toBe(b.lignes);
    a.lignes.forEach((ligne, i) => {
      expect(ligne).not.toBe(b.lignes[i]);
      expect(Object.isFrozen(ligne.source) && Object.isFrozen(ligne.calcul)).toBe(true);
    });
    expect(a.collectivite).not.toBe(b.collectivite);
    expect(a.factures).not.toBe(b.factures);
    a.factures.forEach((f, i) => {
      expect(f).not.toBe(b.factures[i]);
      expect(f.lignes).not.toBe(b.factures[i]!.lignes);
    });
    expect(a.avertissements).not.toBe(b.avertissements);
  });

  it('la source d’une ligne dit celle du catalogue, gelée, et un devis de lot n’est pas celui de quote', () => {
    const a = quote(entree, options);
    const composante = catalogueTest.prestations.maintenanceBase.composantes.postes;
    expect(a.lignes[0]!.source).toEqual(composante.source);
    expect(Object.isFrozen(a.lignes[0]!.source)).toBe(true);
    const lot = quoteAll([entree, entree], options);
    const [x, y] = lot.resultats;
    expect(x?.success && y?.success).toBe(true);
    if (x?.success && y?.success) {
      expect(x.data).toEqual(a);
      expect(x.data.lignes[0]).not.toBe(y.data.lignes[0]);
      expect(x.data.collectivite).not.toBe(y.data.collectivite);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 7. Double paquet ESM / CJS
// ---------------------------------------------------------------------------------------------

describe('double paquet : builds ESM et CJS de dist/', () => {
  const racine = join(dirname(fileURLToPath(import.meta.url)), '..');
  const cheminEsm = join(racine, 'dist', 'index.js');
  const cheminCjs = join(racine, 'dist', 'index.cjs');
  let esm: Lib;
  let cjs: Lib;

  beforeAll(async () => {
    if (!existsSync(cheminEsm) || !existsSync(cheminCjs)) throw new Error('dist/ absent : lancez « npx tsup --silent » (npm test le fait).');
    cjs = createRequire(import.meta.url)(cheminCjs) as Lib;
    esm = (await import(pathToFileURL(cheminEsm).href)) as Lib;
  });

  const mauvaise = () => comme<Adhesion>({ collectivite: { ...epci, siren: '123' }, prestations: {} });

  it('les deux builds sont bien deux copies distinctes de la bibliothèque', () => {
    expect(esm.QuoteError).not.toBe(cjs.QuoteError);
    expect(esm.catalogue2026).not.toBe(cjs.catalogue2026);
    expect(esm.catalogue2026).toEqual(cjs.catalogue2026);
  });

  it('isQuoteError de l’ESM reconnaît une QuoteError levée par le CJS, et inversement', () => {
    const duCjs = exceptionDe(() => cjs.quote(mauvaise()));
    const deLEsm = exceptionDe(() => esm.quote(mauvaise()));
    expect(duCjs).toBeInstanceOf(cjs.QuoteError);
    expect(duCjs).not.toBeInstanceOf(esm.QuoteError);
    expect(deLEsm).not.toBeInstanceOf(cjs.QuoteError);
    expect(esm.isQuoteError(duCjs)).toBe(true);
    expect(cjs.isQuoteError(deLEsm)).toBe(true);
    expect(isQuoteError(duCjs) && isQuoteError(deLEsm)).toBe(true);
    expect(esm.isQuoteError(new Error('autre'))).toBe(false);
    expect(cjs.isQuoteError(revoque({}))).toBe(false);
    expect(esm.isQuoteError(duCjs) && duCjs.issues.map((i) => i.code)).toEqual(['SIREN_INVALIDE', 'MAINTENANCE_BASE_OBLIGATOIRE']);
  });

  it('un catalogue complété par le CJS, passé au quote de l’ESM, donne le même devis : revalidé une fois, copie retenue', () => {
    const complet = cjs.completeCatalogue(cjs.catalogue2026, TARIFS_TEST);
    const entree = adhesion({ dpo: {}, sauvegarde: { quotaGo: 50 }, marchesPublics: { acces: 1 } }, epci);
    const parEsm = esm.quote(entree, { catalogue: complet });
    expect(parEsm).toEqual(cjs.quote(entree, { catalogue: complet }));
    expect(parEsm).toEqual(quote(entree, { catalogue: catalogueTest }));
    expect(parEsm.lignes.find((l) => l.prestation === 'dpo')!.montant).toBe('400.00');
    // Revalidé par l'ESM : une copie validée, égale, resservie à chaque usage (gelé, il ne peut plus changer).
    const valide = esm.parseCatalogue(complet);
    expect(valide).not.toBe(complet);
    expect(valide).toEqual(complet);
    expect(esm.parseCatalogue(complet)).toBe(valide);
    // Aucun registre global : rien sous l'ancienne clé partagée.
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('@te90/tarifs/catalogues-valides/schema-1')]).toBeUndefined();
  });

  it('un catalogue complété par l’ESM est revalidé par le CJS, avec le même devis', () => {
    const complet = esm.completeCatalogue(esm.catalogue2026, TARIFS_TEST);
    expect(cjs.parseCatalogue(complet)).toEqual(complet);
    const entree = adhesion({ dpo: {} }, epci);
    expect(cjs.quote(entree, { catalogue: complet })).toEqual(esm.quote(entree, { catalogue: complet }));
  });

  it('un catalogue d’une autre copie, invalide et gelé, est refusé par chaque copie (la confiance ne se transmet pas)', () => {
    const faux = JSON.parse(JSON.stringify(esm.completeCatalogue(esm.catalogue2026, TARIFS_TEST))) as Record<string, unknown>;
    faux['devise'] = 'USD';
    deepFreezeTest(faux);
    for (const lib of [esm, cjs]) expect(lus(problemes(lib.safeQuote(adhesion(), { catalogue: faux as never })))).toContain('CATALOGUE_INVALIDE@catalogue.devise');
  });

  it('les builds ne lèvent pas non plus sur les entrées hostiles', () => {
    for (const lib of [esm, cjs]) {
      expect(lus(problemes(lib.safeQuote(comme(revoque({})))))).toEqual(['ENTREE_INVALIDE@(racine)']);
      expect(lus(problemes(lib.safeQuoteAll([adhesion()], { onProgress: () => { throw new Error('x'); } })))).toEqual(['RAPPEL_EN_ERREUR@options.onProgress']);
      const e = exceptionDe(() => lib.quoteAll([adhesion()], { onProgress: () => { throw new Error('x'); } }));
      expect(esm.isQuoteError(e) && cjs.isQuoteError(e)).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 8. lintCatalogue et missingAmounts sur n'importe quoi
// ---------------------------------------------------------------------------------------------

const LINT_CODES = [
  'FORME_INVALIDE',
  'MONTANT_ILLISIBLE',
  'MONTANT_NEGATIF',
  'MONTANT_TROP_PRECIS',
  'GRILLE_INCOMPLETE',
  'CHEVAUCHEMENT',
  'LACUNE',
  'DEBUT_MANQUANT',
  'BORNES_INVERSEES',
  'QUOTA_EN_DOUBLE',
  'BAISSE_AU_SEUIL',
  'AUTRE_ANNEE',
] as const satisfies readonly LintCode[];
// La liste ci-dessus couvre tout LintCode : un code ajouté sans test fait échouer le typage.
const exhaustif: [Exclude<LintCode, (typeof LINT_CODES)[number]>] extends [never] ? true : false = true;

type Brouillon = {
  millesime?: unknown;
  prestations: Record<string, { composantes: Record<string, Record<string, unknown>> }>;
} & Record<string, unknown>;

const brouillon = () => JSON.parse(JSON.stringify(catalogue2026)) as Brouillon;
const postes = (b: Brouillon) => b.prestations['maintenanceBase']!.composantes['postes']!;
const grille = (b: Brouillon) => b.prestations['sauvegarde']!.composantes['grille']!;

function remarqueBienFormee(f: LintFinding): void {
  expect(LINT_CODES).toContain(f.code);
  expect(['erreur', 'avertissement']).toContain(f.niveau);
  expect(Array.isArray(f.path)).toBe(true);
  expect(typeof f.message).toBe('string');
  expect(f.message.length).toBeGreaterThan(0);
  expect(f.message).toMatch(FRANCAIS);
  expect(typeof f.chiffres).toBe('object');
}

describe('lintCatalogue et missingAmounts ne lèvent jamais', () => {
  const sansPaliers = () => {
    const b = brouillon();
    delete postes(b)['paliers'];
    return b;
  };
  const sansMontants = () => {
    const b = brouillon();
    for (const p of Object.values(b.prestations)) for (const c of Object.values(p.composantes)) for (const k of ['montant', 'prixUnitaire', 'grille']) delete c[k];
    return b;
  };
  const sansComposantes = () => {
    const b = brouillon();
    for (const p of Object.values(b.prestations)) delete (p as Partial<typeof p>).composantes;
    return b;
  };
  const sansPrestations = () => {
    const b = brouillon() as Partial<Brouillon>;
    delete b.prestations;
    return b;
  };
  const cycle = () => {
    const b = brouillon();
    b.prestations['dpo']!.composantes['abonnement']!['boucle'] = b;
    return b;
  };

  it.each<[string, () => unknown]>([
    ['null', () => null],
    ['undefined', () => undefined],
    ['42', () => 42],
    ["'x'", () => 'x'],
    ['[]', () => []],
    ['{}', () => ({})],
    ['{ prestations: null }', () => ({ prestations: null })],
    ['un brouillon sans paliers', sansPaliers],
    ['un brouillon sans montants', sansMontants],
    ['un brouillon sans composantes', sansComposantes],
    ['un brouillon sans prestations', sansPrestations],
    ['un proxy révoqué', () => revoque({})],
    ['un objet cyclique', cycle],
    ['un proxy dont ownKeys lève', () => piege('ownKeys')],
    ['un brouillon dont une composante est un proxy révoqué', () => {
      const b = brouillon();
      b.prestations['dpo']!.composantes['abonnement'] = revoque({});
      return b;
    }],
  ])('%s : des remarques bien formées, au moins une erreur, et une liste de montants manquants', (_, valeur) => {
    const remarques = lintCatalogue(valeur());
    expect(Array.isArray(remarques)).toBe(true);
    expect(remarques.filter((f) => f.niveau === 'erreur').length).toBeGreaterThan(0);
    for (const f of remarques) remarqueBienFormee(f);
    expect(Array.isArray(missingAmounts(valeur()))).toBe(true);
  });

  it('les remarques disent où est le problème dans un brouillon sans paliers, cyclique ou illisible', () => {
    expect(lintCatalogue(sansPaliers()).map((f) => formatPath(f.path))).toEqual(['prestations.maintenanceBase.composantes.postes.paliers']);
    expect(lintCatalogue(cycle()).map((f) => `${f.code}@${formatPath(f.path)}`)).toContain('FORME_INVALIDE@prestations.dpo.composantes.abonnement.boucle');
    expect(lintCatalogue(revoque({})).map((f) => `${f.code}@${formatPath(f.path)}`)).toEqual(['FORME_INVALIDE@(racine)']);
    for (const f of lintCatalogue(cycle())) expect(f.message).not.toMatch(/Erreur inattendue/);
  });

  it('missingAmounts : les montants manquants d’un brouillon sont trouvés malgré ses défauts', () => {
    const publies = missingAmounts(catalogue2026).map((m) => m.cheminTarifs);
    expect(publies.length).toBeGreaterThan(3);
    expect(missingAmounts(sansPaliers()).map((m) => m.cheminTarifs)).toEqual(publies);
    expect(missingAmounts(cycle()).map((m) => m.cheminTarifs)).toEqual(publies);
    expect(missingAmounts(sansMontants())).toEqual([]);
    expect(missingAmounts(sansComposantes())).toEqual([]);
    expect(missingAmounts(sansPrestations())).toEqual([]);
    expect(missingAmounts(catalogueTest)).toEqual([]);
    for (const v of [null, undefined, 42, 'x', [], {}, { prestations: null }, revoque({})]) expect(missingAmounts(v)).toEqual([]);
  });

  const PAR_CODE: [LintCode, () => Brouillon, string][] = [
    [
      'FORME_INVALIDE',
      () => ({ ...brouillon(), devise: 'USD' }),
      'devise',
    ],
    [
      'MONTANT_ILLISIBLE',
      () => {
        const b = brouillon();
        b.prestations['marchesPublics']!.composantes['acces']!['prixUnitaire'] = 'cinquante';
        return b;
      },
      'prestations.marchesPublics.composantes.acces.prixUnitaire',
    ],
    [
      'MONTANT_NEGATIF',
      () => {
        const b = brouillon();
        b.prestations['dpo']!.composantes['abonnement']!['montant'] = '-5.00';
        return b;
      },
      'prestations.dpo.composantes.abonnement.montant',
    ],
    [
      'MONTANT_TROP_PRECIS',
      () => {
        const b = brouillon();
        b.prestations['comedec']!.composantes['raccordement']!['montant'] = '1.005';
        return b;
      },
      'prestations.comedec.composantes.raccordement.montant',
    ],
    [
      'GRILLE_INCOMPLETE',
      () => {
        const b = brouillon();
        grille(b)['grille'] = { strates: [{ de: 0, a: 999 }, { de: 1000, a: null }], quotasGo: [50], montants: [['10.00']] };
        return b;
      },
      'prestations.sauvegarde.composantes.grille.grille.montants',
    ],
    [
      'CHEVAUCHEMENT',
      () => {
        const b = brouillon();
        postes(b)['paliers'] = [{ de: 1, a: 5, coefficient: '1' }, { de: 4, a: null, coefficient: '1' }];
        return b;
      },
      'prestations.maintenanceBase.composantes.postes.paliers[1]',
    ],
    [
      'LACUNE',
      () => {
        const b = brouillon();
        postes(b)['paliers'] = [{ de: 1, a: 2, coefficient: '1' }, { de: 4, a: null, coefficient: '1' }];
        return b;
      },
      'prestations.maintenanceBase.composantes.postes.paliers[1]',
    ],
    [
      'DEBUT_MANQUANT',
      () => {
        const b = brouillon();
        postes(b)['paliers'] = [{ de: 2, a: null, coefficient: '1' }];
        return b;
      },
      'prestations.maintenanceBase.composantes.postes.paliers[0]',
    ],
    [
      'BORNES_INVERSEES',
      () => {
        const b = brouillon();
        postes(b)['paliers'] = [{ de: 1, a: 2, coefficient: '1' }, { de: 3, a: 2, coefficient: '1' }, { de: 3, a: null, coefficient: '1' }];
        return b;
      },
      'prestations.maintenanceBase.composantes.postes.paliers[1]',
    ],
    [
      'QUOTA_EN_DOUBLE',
      () => {
        const b = brouillon();
        grille(b)['grille'] = { strates: [{ de: 0, a: null }], quotasGo: [50, 50], montants: [['10.00', '10.00']] };
        return b;
      },
      'prestations.sauvegarde.composantes.grille.grille.quotasGo[1]',
    ],
    [
      'BAISSE_AU_SEUIL',
      () => {
        const b = brouillon();
        postes(b)['paliers'] = [{ de: 1, a: 2, coefficient: '1' }, { de: 3, a: null, coefficient: '0.5' }];
        return b;
      },
      'prestations.maintenanceBase.composantes.postes.paliers[1]',
    ],
    [
      'AUTRE_ANNEE',
      () => {
        const b = brouillon();
        b['millesime'] = 2027;
        return b;
      },
      'libelle',
    ],
  ];

  it('un brouillon par code : chaque LintCode documenté est produit', () => {
    expect(exhaustif).toBe(true);
    expect(PAR_CODE.map(([code]) => code)).toEqual([...LINT_CODES]);
  });

  it.each(PAR_CODE)('%s : produit sur un brouillon brut, au bon chemin, et seul', (code, faire, chemin) => {
    const remarques = lintCatalogue(faire());
    for (const f of remarques) remarqueBienFormee(f);
    const vues = remarques.map((f) => `${f.code}@${formatPath(f.path)}`);
    expect(vues).toContain(`${code}@${chemin}`);
    // Aucune autre erreur que celle visée (les avertissements de baisse au seuil du barème publié peuvent rester).
    const avertissement = code === 'BAISSE_AU_SEUIL' || code === 'AUTRE_ANNEE';
    expect(remarques.filter((f) => f.niveau === 'erreur').map((f) => f.code)).toEqual(avertissement ? [] : [code]);
    const visee = remarques.find((f) => f.code === code)!;
    expect(visee.niveau).toBe(avertissement ? 'avertissement' : 'erreur');
    // Le même brouillon est refusé par parseCatalogue s'il a une erreur, accepté sinon.
    expect(safeParseCatalogue(faire()).success).toBe(avertissement);
  });
});

// ---------------------------------------------------------------------------------------------
// 9. Propriété : valeurs hostiles n'importe où dans une adhésion valide, et comme catalogue
// ---------------------------------------------------------------------------------------------

const PIEGES = ['get', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'has'] as const;
const EXOTIQUES = ['date', 'map', 'set', 'instance', 'regexp', 'erreur', 'promesse', 'tableauType', 'nombreEnBoite'] as const;

/** La description (affichable) d'une valeur hostile ; la valeur est construite dans la propriété. */
type Hostile =
  | { readonly kind: 'valeur'; readonly value: unknown }
  | { readonly kind: 'getterQuiLeve'; readonly leve: 'erreur' | 'revoque' | 'chaine' | 'undefined' }
  | { readonly kind: 'getterFidele' }
  | { readonly kind: 'proxyFidele' }
  | { readonly kind: 'proxyPiege'; readonly trap: (typeof PIEGES)[number] }
  | { readonly kind: 'revoque'; readonly liste: boolean }
  | { readonly kind: 'cycle' }
  | { readonly kind: 'exotique'; readonly which: (typeof EXOTIQUES)[number] }
  | { readonly kind: 'longueur'; readonly longueur: (typeof LONGUEURS)[number]; readonly liste: boolean };

/** Des longueurs qui ne sont pas des nombres (ou pas des longueurs possibles). */
const LONGUEURS = ['objet', 'sansPrototype', 'symbole', 'chaine', 'enorme', 'negative', 'proxy'] as const;

function longueurBizarre(which: (typeof LONGUEURS)[number]): unknown {
  switch (which) {
    case 'objet':
      return { n: 1 };
    case 'sansPrototype':
      return Object.create(null) as unknown;
    case 'symbole':
      // Ce que devient une valeur que la lecture n'a pas pu copier (budget épuisé, getter qui lève) : une marque symbole.
      return Symbol('longueur');
    case 'chaine':
      return '3';
    case 'enorme':
      return 2 ** 53;
    case 'negative':
      return -1;
    case 'proxy':
      return new Proxy({}, { get: () => { throw new Error('longueur piégée'); } });
  }
}

const hostileArb: fc.Arbitrary<Hostile> = fc.oneof(
  {
    arbitrary: fc
      .anything({
        maxDepth: 2,
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withTypedArray: true,
      })
      .map((value) => ({ kind: 'valeur' as const, value })),
    weight: 3,
  },
  fc.constantFrom('erreur', 'revoque', 'chaine', 'undefined').map((leve) => ({ kind: 'getterQuiLeve' as const, leve })),
  fc.constant({ kind: 'getterFidele' as const }),
  fc.constant({ kind: 'proxyFidele' as const }),
  fc.constantFrom(...PIEGES).map((trap) => ({ kind: 'proxyPiege' as const, trap })),
  fc.boolean().map((liste) => ({ kind: 'revoque' as const, liste })),
  fc.constant({ kind: 'cycle' as const }),
  fc.constantFrom(...EXOTIQUES).map((which) => ({ kind: 'exotique' as const, which })),
  fc.record({ longueur: fc.constantFrom(...LONGUEURS), liste: fc.boolean() }).map((r) => ({ kind: 'longueur' as const, ...r })),
);

const fidele = (h: Hostile | undefined) => h === undefined || h.kind === 'getterFidele' || h.kind === 'proxyFidele';

function exotique(which: (typeof EXOTIQUES)[number]): unknown {
  switch (which) {
    case 'date':
      return new Date(0);
    case 'map':
      return new Map([['postes', 2]]);
    case 'set':
      return new Set([1]);
    case 'instance':
      return new Instance();
    case 'regexp':
      return /x/;
    case 'erreur':
      return new Error('valeur');
    case 'promesse':
      return Promise.resolve(1);
    case 'tableauType':
      return new Uint8Array(2);
    case 'nombreEnBoite':
      return Object(2) as unknown;
  }
}

/** Pose la valeur hostile `h` à la place de `key` dans `obj`, dont la valeur d'origine est `original`. */
function poser(obj: Record<string, unknown>, key: string, original: unknown, h: Hostile): void {
  const getter = (get: () => unknown) => Object.defineProperty(obj, key, { get, enumerable: true, configurable: true });
  switch (h.kind) {
    case 'valeur':
      obj[key] = h.value;
      return;
    case 'getterQuiLeve':
      getter(() => {
        throw h.leve === 'erreur' ? new Error('getter') : h.leve === 'revoque' ? revoque({}) : h.leve === 'chaine' ? 'chaîne levée' : undefined;
      });
      return;
    case 'getterFidele':
      getter(() => original);
      return;
    case 'proxyFidele':
      obj[key] = typeof original === 'object' && original !== null ? new Proxy(original, {}) : original;
      return;
    case 'proxyPiege':
      obj[key] = piege(h.trap, Array.isArray(original) ? [...(original as unknown[])] : { a: 1 });
      return;
    case 'revoque':
      obj[key] = revoque(h.liste ? [] : {});
      return;
    case 'cycle':
      obj[key] = cyclique();
      return;
    case 'exotique':
      obj[key] = exotique(h.which);
      return;
    case 'longueur': {
      // Un objet `{ length: … }`, ou une liste dont un proxy répond `length` par cette valeur.
      const length = longueurBizarre(h.longueur);
      obj[key] = h.liste ? new Proxy(['x'], { get: (t, k) => (k === 'length' ? length : Reflect.get(t, k)) }) : { length };
      return;
    }
  }
}

const MARQUE = Symbol('à remplacer');

/**
 * Une copie de `racine` où le champ numéro `pick` (parcours de withFieldReplaced) devient hostile,
 * et le chemin de ce champ.
 */
function avecHostile(racine: unknown, h: Hostile, pick: number): { valeur: unknown; chemin: (string | number)[] } {
  const copie = withFieldReplaced(racine as Adhesion, MARQUE, pick);
  const chercher = (o: Record<string, unknown>, chemin: (string | number)[]): (string | number)[] | undefined => {
    for (const k of Object.keys(o)) {
      const cle = Array.isArray(o) ? Number(k) : k;
      const v = o[k];
      if (v === MARQUE) {
        let original: unknown = racine;
        for (const p of [...chemin, cle]) original = (original as Record<string | number, unknown>)[p];
        poser(o, k, structuredClone(original), h);
        return [...chemin, cle];
      }
      const trouve = v && typeof v === 'object' ? chercher(v as Record<string, unknown>, [...chemin, cle]) : undefined;
      if (trouve) return trouve;
    }
    return undefined;
  };
  const chemin = chercher(copie as Record<string, unknown>, []);
  expect(chemin).toBeDefined();
  return { valeur: copie, chemin: chemin ?? [] };
}

const commencePar = (path: readonly (string | number)[], prefixe: readonly (string | number)[]) => prefixe.every((p, i) => path[i] === p);

type OuCatalogue = { readonly ou: 'confiance' } | { readonly ou: 'dedans'; readonly h: Hostile; readonly pick: number } | { readonly ou: 'option'; readonly h: Hostile };

const catalogueArb: fc.Arbitrary<OuCatalogue> = fc.oneof(
  { arbitrary: fc.constant({ ou: 'confiance' as const }), weight: 3 },
  { arbitrary: fc.record({ ou: fc.constant('dedans' as const), h: hostileArb, pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ ou: fc.constant('option' as const), h: hostileArb }), weight: 1 },
);

function optionsDe(c: OuCatalogue): Record<string, unknown> {
  if (c.ou === 'confiance') return { catalogue: catalogueTest };
  if (c.ou === 'dedans') return { catalogue: avecHostile(JSON.parse(JSON.stringify(catalogueTest)), c.h, c.pick).valeur };
  const options: Record<string, unknown> = {};
  // Pour « fidèle », la valeur d'origine de l'option est le catalogue de test.
  poser(options, 'catalogue', catalogueTest, c.h);
  return options;
}

describe('propriété : entrées hostiles n’importe où', () => {
  it('safeQuote ne lève jamais et ne rend jamais ERREUR_INTERNE ; une bonne part des cas va jusqu’au chiffrage', () => {
    const stats = { total: 0, acceptes: 0, refusesALaRacine: 0, refusesLocalises: 0, fideles: 0, signalesAuChamp: 0 };
    const sortes = new Set<string>();
    fc.assert(
      fc.property(adhesionArb, fc.option(hostileArb, { freq: 6 }), fc.nat(), catalogueArb, (a, h, pick, c) => {
        if (h) sortes.add(h.kind);
        if (c.ou !== 'confiance') sortes.add(`catalogue:${c.ou}:${c.h.kind}`);
        const { valeur: entree, chemin } = h ? avecHostile(a, h, pick) : { valeur: a, chemin: undefined };
        const r = safeQuote(entree as Adhesion, optionsDe(c) as never);
        stats.total++;
        if (r.success) {
          stats.acceptes++;
          expect(r.data.total).toMatch(/^\d+\.\d{2}$/);
        } else {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) bienForme(i);
          if (r.issues.some((i) => i.path.length === 0)) stats.refusesALaRacine++;
          else stats.refusesLocalises++;
          // Catalogue de confiance : le refus vient du champ hostile, et il est signalé à ce champ.
          if (c.ou === 'confiance' && chemin) {
            stats.signalesAuChamp++;
            const message = `${lus(r.issues).join(' ; ')} (champ hostile : ${formatPath(chemin)})`;
            expect(r.issues.some((i) => commencePar(i.path, chemin)), message).toBe(true);
          }
        }
        // Une valeur enveloppée fidèlement (getter ou proxy transparent) donne exactement le devis d'origine.
        const catalogueFidele = c.ou === 'confiance' || fidele(c.h);
        if (fidele(h ?? undefined) && catalogueFidele) {
          stats.fideles++;
          expect(r).toEqual({ success: true, data: quote(a, { catalogue: catalogueTest }) });
        }
      }),
      { numRuns: 200 },
    );
    expect(stats.total).toBe(200);
    // Le générateur n'est pas rejeté d'emblée : une part notable des cas est chiffrée jusqu'au bout
    // (environ 18 % observés, seuil à 7,5 %), les refus portent sur un champ précis plutôt que sur l'entrée entière,
    // et de nombreux refus ont été vérifiés au chemin même de la valeur hostile.
    expect(stats.acceptes / stats.total).toBeGreaterThan(0.075);
    expect(stats.fideles).toBeGreaterThan(10);
    expect(stats.signalesAuChamp).toBeGreaterThan(35);
    expect(stats.refusesLocalises).toBeGreaterThan(stats.refusesALaRacine);
    for (const kind of ['valeur', 'getterQuiLeve', 'getterFidele', 'proxyFidele', 'proxyPiege', 'revoque', 'cycle', 'exotique', 'longueur']) expect(sortes).toContain(kind);
    expect([...sortes].some((s) => s.startsWith('catalogue:dedans'))).toBe(true);
    expect([...sortes].some((s) => s.startsWith('catalogue:option'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// 10. Longueurs qui ne sont pas des nombres : jugées sur leur type réel
// ---------------------------------------------------------------------------------------------

describe('une valeur dont la longueur n’est pas un nombre', () => {
  const bonne = (nom: unknown) => ({ collectivite: { ...epci, nom }, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 } } });
  /** Une liste dont un proxy répond `length` par `length`. */
  const listeA = (length: unknown) => new Proxy(['x'], { get: (t, k) => (k === 'length' ? length : Reflect.get(t, k)) });

  it.each(LONGUEURS)('un nom { length: %s } est refusé pour son type seul : ni ERREUR_INTERNE ni longueur mesurée', (which) => {
    const issues = problemes(safeQuote(bonne({ length: longueurBizarre(which) }) as never, { catalogue: catalogueTest }));
    expect(lus(issues)).toEqual(['ENTREE_INVALIDE@collectivite.nom']);
    expect(issues[0]!.params).toMatchObject({ raison: 'type' });
  });

  it.each(LONGUEURS)('une liste dont la longueur lue est « %s » est signalée à son chemin, sans ERREUR_INTERNE', (which) => {
    const issues = problemes(safeQuote(bonne(listeA(longueurBizarre(which))) as never, { catalogue: catalogueTest }));
    expect(lus(issues)).toContain('ENTREE_INVALIDE@collectivite.nom');
  });

  it('un lot dont la longueur n’est pas un nombre d’adhésions (objet, symbole, négatif, fractionnaire, NaN) : ENTREE_INVALIDE (lotLongueurInvalide), jamais un lot vide', () => {
    for (const [k, length] of ([Object.create(null) as unknown, Symbol('n'), { toString: () => { throw new Error('x'); } }, -1, -0.5, 2.5, Number.NaN, '3'] as unknown[]).entries()) {
      for (const r of [safeQuoteAll(listeA(length) as never), safeBillingRoll(listeA(length) as never), safeCompareCatalogues(listeA(length) as never, { avant: catalogueTest, apres: catalogueTest })]) {
        const issues = problemes(r);
        expect(issues.map((i) => `${i.code}:${String(i.params['raison'])}`), `longueur n° ${k}`).toEqual(['ENTREE_INVALIDE:lotLongueurInvalide']);
        bienForme(issues[0]!);
      }
    }
  });

  it('un lot démesuré (au-delà du maximum documenté, 1 000 000) : ENTREE_INVALIDE (lotTropLong), sans être parcouru', () => {
    for (const length of [1_000_001, 2 ** 32 - 1, Number.MAX_SAFE_INTEGER, 2 ** 60, Number.POSITIVE_INFINITY]) {
      const issues = problemes(safeQuoteAll(listeA(length) as never));
      expect(issues.map((i) => `${i.code}:${String(i.params['raison'])}`), String(length)).toEqual(['ENTREE_INVALIDE:lotTropLong']);
      expect(issues[0]!.params['maximum']).toBe(1_000_000);
    }
  });

  it('dans un lot et une comparaison, l’entrée à la longueur bizarre est refusée seule', () => {
    const lot = [adhesion(), bonne(listeA(Object.create(null))), bonne({ length: Symbol('n') })];
    const r = safeQuoteAll(lot as never, { catalogue: catalogueTest });
    expect(r.success && r.data.resultats.map((x) => x.success)).toEqual([true, false, false]);
    if (r.success) for (const x of r.data.resultats) if (!x.success) for (const i of x.issues) bienForme(i);
    const c = safeCompareCatalogues(lot as never, { avant: catalogueTest, apres: catalogueTest });
    expect(c.success && c.data.synthese.acceptesAvant).toBe(1);
    if (c.success) for (const a of c.data.adherents) for (const i of [...(a.refus.avant ?? []), ...(a.refus.apres ?? [])]) bienForme(i);
  });

  it('une entrée de lot dont la lecture lève hors de toute propriété (proxy de liste révoqué) reste isolée', () => {
    const lot = new Proxy([adhesion(), adhesion()], { get: (t, k) => (k === '1' ? revoque({}) : Reflect.get(t, k)) });
    const r = safeQuoteAll(lot as never, { catalogue: catalogueTest });
    expect(r.success && r.data.resultats.map((x) => x.success)).toEqual([true, false]);
  });
});

// ---------------------------------------------------------------------------------------------
// 11. Confiance qui ne se falsifie pas
// ---------------------------------------------------------------------------------------------

function deepFreezeTest<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreezeTest(v);
    Object.freeze(value);
  }
  return value;
}

describe('confiance dans un catalogue : rien ne peut l’accorder de l’extérieur', () => {
  const brut = () => JSON.parse(JSON.stringify(catalogueTest)) as Record<string, unknown>;

  it('un objet inscrit dans l’ancien registre global (Symbol.for) n’est pas cru : il est validé et refusé', () => {
    const faux = brut();
    faux['devise'] = 'USD';
    const cle = Symbol.for('@te90/tarifs/catalogues-valides/schema-1');
    const g = globalThis as Record<symbol, unknown>;
    const avant = g[cle];
    g[cle] = new WeakSet([faux]);
    try {
      expect(lus(problemes(safeQuote(adhesion(), { catalogue: faux as never })))).toContain('CATALOGUE_INVALIDE@catalogue.devise');
    } finally {
      g[cle] = avant;
    }
  });

  it('un catalogue gelé venu d’ailleurs puis rendu valide ne peut pas changer : la copie validée est resservie', () => {
    const gele = deepFreezeTest(brut());
    const valide = parseCatalogue(gele);
    expect(valide).not.toBe(gele);
    expect(parseCatalogue(gele)).toBe(valide);
  });

  it('un catalogue modifiable est revalidé à chaque usage : une modification après coup est vue', () => {
    const c = brut();
    expect(safeQuote(adhesion(), { catalogue: c as never }).success).toBe(true);
    c['devise'] = 'USD';
    expect(lus(problemes(safeQuote(adhesion(), { catalogue: c as never })))).toContain('CATALOGUE_INVALIDE@catalogue.devise');
  });

  it('un catalogue gelé mais qui porte un getter n’est pas retenu : il est relu à chaque usage', () => {
    const c = brut();
    let devise = 'EUR';
    Object.defineProperty(c, 'devise', { get: () => devise, enumerable: true });
    deepFreezeTest(c);
    expect(safeQuote(adhesion(), { catalogue: c as never }).success).toBe(true);
    devise = 'USD';
    expect(lus(problemes(safeQuote(adhesion(), { catalogue: c as never })))).toContain('CATALOGUE_INVALIDE@catalogue.devise');
  });
});

describe('isQuoteError vérifie ce qu’il promet', () => {
  const marque = Symbol.for('@te90/tarifs/QuoteError');
  const marquee = (issues: unknown) => ({ [marque]: true, issues });
  const bon = { code: 'SIREN_INVALIDE', path: ['collectivite', 'siren'], message: 'x', params: {} };

  it('une valeur marquée dont les issues ne sont pas des problèmes n’est pas une QuoteError', () => {
    const cas = [undefined, 'non', {}, [1], [{}], [{ ...bon, code: 'inventé' }], [{ ...bon, code: '' }], [{ ...bon, path: [{}] }], [{ ...bon, message: 3 }], [{ ...bon, params: null }], revoque([])];
    cas.forEach((issues, i) => expect(isQuoteError(marquee(issues)), `cas ${i}`).toBe(false));
    // Le code d'un module client (`@te90/tarifs/titres`) est un code comme un autre.
    expect(isQuoteError(marquee([{ ...bon, code: 'ROLE_NON_EMISSIBLE' }]))).toBe(true);
    expect(isQuoteError(marquee(new Proxy([bon], { get: (t, k) => (k === 'length' ? {} : Reflect.get(t, k)) })))).toBe(false);
  });

  it('témoin : une valeur marquée aux problèmes bien formés, et une vraie QuoteError, sont reconnues', () => {
    expect(isQuoteError(marquee([bon]))).toBe(true);
    expect(isQuoteError(exceptionDe(() => quote(comme<Adhesion>({ collectivite: { ...epci, siren: '123' }, prestations: {} }))))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// 12. Une passe sur tous les arguments
// ---------------------------------------------------------------------------------------------

describe('une passe sur tous les arguments : chaque argument signalé à son chemin, ensemble', () => {
  const mauvaisCatalogue = () => ({ ...(JSON.parse(JSON.stringify(catalogueTest)) as Record<string, unknown>), devise: 'USD' });
  const mauvaiseAdhesion = () => ({ collectivite: { ...epci, siren: '123' }, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 } } });

  it('safeQuote : un catalogue refusé et une adhésion fautive, ensemble (chemins de l’adhésion inchangés)', () => {
    expect(lus(problemes(safeQuote(mauvaiseAdhesion() as never, { catalogue: mauvaisCatalogue() as never })))).toEqual(['CATALOGUE_INVALIDE@catalogue.devise', 'SIREN_INVALIDE@collectivite.siren']);
  });

  it('safePricePrestation : un catalogue refusé et des paramètres fautifs, ensemble', () => {
    expect(lus(problemes(safePricePrestation('marchesPublics', { acces: -1 }, { catalogue: mauvaisCatalogue() as never })))).toEqual([
      'CATALOGUE_INVALIDE@catalogue.devise',
      'VALEUR_HORS_LIMITES@prestations.marchesPublics.acces',
    ]);
  });

  it('safeQuoteAll : un lot qui n’est pas une liste et un catalogue refusé, ensemble', () => {
    expect(lus(problemes(safeQuoteAll('non' as never, { catalogue: mauvaisCatalogue() as never })))).toEqual(['ENTREE_INVALIDE@(racine)', 'CATALOGUE_INVALIDE@catalogue.devise']);
  });

  it.each([
    ['une chaîne', 'x'],
    ['un nombre', 3],
    ['null', null],
  ])('safeBillingRoll : un lot qui n’est pas une liste (%s) et un catalogue refusé, ensemble, comme safeQuoteAll', (_, lot) => {
    const attendu = ['ENTREE_INVALIDE@(racine)', 'CATALOGUE_INVALIDE@catalogue.devise'];
    expect(lus(problemes(safeBillingRoll(lot as never, { catalogue: mauvaisCatalogue() as never })))).toEqual(attendu);
    expect(lus(problemes(safeQuoteAll(lot as never, { catalogue: mauvaisCatalogue() as never })))).toEqual(attendu);
  });

  it('safeCompleteCatalogue : une base refusée et un fichier de tarifs fautif, ensemble', () => {
    const r = problemes(safeCompleteCatalogue(mauvaisCatalogue() as never, { millesime: 2026, source: '', prestations: {} } as never));
    expect(lus(r)).toEqual(['CATALOGUE_INVALIDE@base.devise', 'VALEUR_HORS_LIMITES@tarifs.source']);
  });

  it('safeReviseCatalogue : une base refusée et une révision fautive, ensemble', () => {
    const r = problemes(safeReviseCatalogue(mauvaisCatalogue() as never, { millesime: 2027, libelle: '', source: 'x' } as never));
    expect(lus(r)).toEqual(['CATALOGUE_INVALIDE@base.devise', 'VALEUR_HORS_LIMITES@revision.libelle']);
  });

  it('safeCompareCatalogues : avant et après refusés, ensemble', () => {
    const r = problemes(safeCompareCatalogues([adhesion()], { avant: mauvaisCatalogue() as never, apres: { ...mauvaisCatalogue(), libelle: '' } as never }));
    expect(lus(r)).toEqual(['CATALOGUE_INVALIDE@avant.devise', 'CATALOGUE_INVALIDE@apres.libelle', 'CATALOGUE_INVALIDE@apres.devise']);
  });
});

// ---------------------------------------------------------------------------------------------
// 13. renderQuoteHtml et révision d'une longue source
// ---------------------------------------------------------------------------------------------

describe('renderQuoteHtml lit ses options une fois et ne lève qu’une QuoteError', () => {
  const devis = () => quote(adhesion(), { catalogue: catalogueTest });

  it('chaque option est lue une seule fois (un getter qui change de réponse ne trompe pas la vérification)', () => {
    let lectures = 0;
    const options = {
      numero: 'D-1',
      get date() {
        lectures++;
        return lectures === 1 ? '2026-11-29' : 'pas une date';
      },
    };
    expect(renderQuoteHtml(devis(), options as never)).toContain('29 novembre 2026');
    expect(lectures).toBe(1);
  });

  it('des options illisibles (proxy révoqué, getter qui lève) donnent une QuoteError à leur chemin', () => {
    const e1 = exceptionDe(() => renderQuoteHtml(devis(), revoque({}) as never));
    expect(isQuoteError(e1) && lus(e1.issues)).toEqual(['ENTREE_INVALIDE@options']);
    const leve = { numero: 'D-1', get date(): string { throw new Error('x'); } };
    const e2 = exceptionDe(() => renderQuoteHtml(devis(), leve as never));
    expect(isQuoteError(e2) && lus(e2.issues)).toEqual(['ENTREE_INVALIDE@options.date']);
  });

  it('un devis qui n’en est pas un donne une QuoteError, jamais une TypeError', () => {
    for (const faux of [null, {}, { collectivite: null }]) {
      const e = exceptionDe(() => renderQuoteHtml(faux as never, { numero: 'D-1', date: '2026-11-29' }));
      expect(isQuoteError(e)).toBe(true);
    }
  });
});

describe('révision d’un catalogue à la source longue', () => {
  it('le préfixe « Reporté du catalogue … » ne fait jamais refuser une paire valide : la référence est coupée', () => {
    const longue = 'R'.repeat(1990);
    const base = completeCatalogue(catalogue2026, { ...TARIFS_TEST, source: longue.slice(0, 500) });
    const brut = JSON.parse(JSON.stringify(base)) as { prestations: Record<string, { composantes: Record<string, { source: { reference: string } }> }> };
    for (const p of Object.values(brut.prestations)) for (const c of Object.values(p.composantes)) c.source.reference = longue;
    const source = parseCatalogue(brut);
    const revu = reviseCatalogue(source, { millesime: 2027, libelle: 'Tarifs 2027', source: 'Délibération 2027' });
    const refs = Object.values(revu.prestations).flatMap((p) => Object.values(p.composantes).map((c) => c.source.reference));
    for (const r of refs) {
      expect(r.length).toBeLessThanOrEqual(2000);
      expect(r.startsWith('Reporté du catalogue 2026 : RRR')).toBe(true);
      expect(r.endsWith('…')).toBe(true);
    }
  });

  it('témoin : une référence courte est reportée entière', () => {
    const revu = reviseCatalogue(catalogueTest, { millesime: 2027, libelle: 'Tarifs 2027', source: 'Délibération 2027' });
    const ref = revu.prestations.dpo.composantes.abonnement.source.reference;
    expect(ref).toBe(`Reporté du catalogue 2026 : ${catalogueTest.prestations.dpo.composantes.abonnement.source.reference}`);
  });
});

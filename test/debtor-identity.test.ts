import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billingRoll,
  compareCatalogues,
  quote,
  quoteAll,
  safeQuote,
  sirenConflicts,
  validateAdhesion,
  type Adhesion,
  type Destinataire,
  type QuoteIssue,
} from '../src/index.js';
import { catalogueTest, SIREN_CCAS, SIREN_COMMUNE } from './helpers.js';

/**
 * L'identité d'un débiteur : un même SIREN décrit deux fois autrement (dans une adhésion, ou n'importe
 * où dans un lot) est un problème codé qui nomme les deux endroits, jamais une fusion silencieuse ; la
 * collectivité donne ses propres données de facturation (SIRET, code service, engagement, adresse).
 */

/** Deux SIRET valides du CCAS (clé de Luhn sur 14 chiffres) : deux établissements. */
const SIRET_CCAS_PACK = '20000010700017';
const SIRET_CCAS_DIRECTION = '20000010700025';
const SIRET_COMMUNE = '21900010600019';
const ADRESSE_CCAS = { voie: '1 place de la Mairie', codePostal: '90400', ville: 'Commune A' } as const;

const options = { catalogue: catalogueTest };

/** La commune liste son CCAS, avec les données de facturation qu'elle en connaît, et lui fait facturer le pack démat. */
const communeListantSonCcas = (ccas: Record<string, unknown> = { siret: SIRET_CCAS_PACK, codeService: 'SERVICE-PACK', engagement: 'EJ-COMMUNE-PACK' }): Adhesion =>
  ({
    collectivite: { nom: 'Commune A', siren: SIREN_COMMUNE, type: 'commune', population: 850 },
    prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, packDemat: { sirens: [SIREN_COMMUNE, SIREN_CCAS] } },
    destinataires: [{ siren: SIREN_CCAS, nom: 'CCAS de A', ...ccas }],
  }) as Adhesion;

/** L'adhésion du CCAS lui-même, avec ses propres données de facturation. */
const ccasLuiMeme = (billing: Record<string, unknown> = { siret: SIRET_CCAS_DIRECTION, codeService: 'DIRECTION', engagement: 'EJ-CCAS-MAINT' }): Adhesion =>
  ({
    collectivite: { nom: 'CCAS de A', siren: SIREN_CCAS, type: 'ccas', ...billing },
    prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 } },
  }) as Adhesion;

const debtorConflicts = (issues: readonly QuoteIssue[]) => issues.filter((i) => i.code === 'DEBITEUR_CONTRADICTOIRE');

describe('un débiteur décrit deux fois autrement dans un lot', () => {
  const lot = [communeListantSonCcas(), ccasLuiMeme()];

  it('le rôle le signale, nommant le SIREN, les champs qui diffèrent et les deux endroits ; les deux adhésions restent acceptées', () => {
    const role = billingRoll(lot, options);
    expect(role.acceptes).toBe(2);
    const [conflit, ...autres] = debtorConflicts(role.conflits);
    expect(autres).toEqual([]);
    expect(conflit!.path).toEqual([1, 'collectivite']);
    expect(conflit!.params).toEqual({
      raison: 'lot',
      siren: SIREN_CCAS,
      champs: ['siret', 'codeService', 'engagement'],
      entrees: [0, 1],
      chemins: ['destinataires[0]', 'collectivite'],
    });
    expect(conflit!.message).toContain('200 000 107');
    expect(conflit!.message).toContain('« destinataires[0] » de l’adhésion n° 1'.replace('’', "'"));
    expect(conflit!.message).toContain("« collectivite » de l'adhésion n° 2");
    // Aucune fusion en silence : la facture du CCAS ne mêle pas deux établissements.
    const facture = role.factures.find((f) => f.debiteur.siren === SIREN_CCAS)!;
    expect([facture.debiteur.siret, facture.debiteur.codeService, facture.debiteur.engagement]).toEqual([SIRET_CCAS_PACK, 'SERVICE-PACK', 'EJ-COMMUNE-PACK']);
  });

  it('le cas du CCAS qui se décrit dans ses propres destinataires (fichiers d’avant) : le conflit est signalé, rien n’est fusionné', () => {
    const ccas = { ...ccasLuiMeme({}), destinataires: [{ siren: SIREN_CCAS, siret: SIRET_CCAS_DIRECTION, codeService: 'DIRECTION', engagement: 'EJ-CCAS-MAINT' }] } as Adhesion;
    const role = billingRoll([communeListantSonCcas(), ccas], options);
    expect(debtorConflicts(role.conflits).map((c) => [c.params['champs'], c.params['chemins'], c.params['entrees']])).toEqual([
      [['siret', 'codeService', 'engagement'], ['destinataires[0]', 'destinataires[0]'], [0, 1]],
    ]);
  });

  it('quoteAll, compareCatalogues et sirenConflicts le signalent aussi, de même', () => {
    const lotResult = quoteAll(lot, options);
    const roll = billingRoll(lot, options);
    expect(debtorConflicts(roll.conflits)).toHaveLength(1);
    expect(debtorConflicts(lotResult.synthese.conflits)).toEqual(debtorConflicts(roll.conflits));
    const c = compareCatalogues(lot, { avant: catalogueTest, apres: catalogueTest });
    expect(debtorConflicts(c.synthese.conflits.avant)).toEqual(debtorConflicts(roll.conflits));
    expect(debtorConflicts(c.synthese.conflits.apres)).toEqual(debtorConflicts(roll.conflits));
    const quotes = lotResult.resultats.map((r) => (r.success ? r.data : undefined));
    expect(debtorConflicts(sirenConflicts(quotes, catalogueTest))).toEqual(debtorConflicts(roll.conflits));
  });

  it('le fichier de chaque adhésion est nommé quand le lot est lu fichier par fichier', () => {
    const role = billingRoll(lot, options);
    expect(role.conflits.length).toBeGreaterThan(0);
    const quotes = lot.map((a) => quote(a, options));
    expect(debtorConflicts(sirenConflicts(quotes, catalogueTest))[0]!.params['entrees']).toEqual([0, 1]);
  });

  it('deux destinataires du même SIREN, dans deux adhésions, qui diffèrent par le nom', () => {
    const autre = { ...communeListantSonCcas({}), collectivite: { nom: 'Commune B', siren: '219000494', type: 'commune' } } as Adhesion;
    const premier = communeListantSonCcas({});
    const role = billingRoll([premier, { ...autre, destinataires: [{ siren: SIREN_CCAS, nom: 'Centre communal d’action sociale' }] } as Adhesion], options);
    const [conflit] = debtorConflicts(role.conflits);
    expect(conflit!.params['champs']).toEqual(['nom']);
    expect(conflit!.params['chemins']).toEqual(['destinataires[0]', 'destinataires[0]']);
  });

  it('une description sans bloc de facturation prend celle de l’autre : pas de conflit, le débiteur a le SIRET, le type et l’adresse', () => {
    const role = billingRoll([communeListantSonCcas({}), ccasLuiMeme({ siret: SIRET_CCAS_DIRECTION, codeService: 'DIRECTION', engagement: 'EJ-CCAS-MAINT', adresse: ADRESSE_CCAS })], options);
    expect(role.conflits).toEqual([]);
    const facture = role.factures.find((f) => f.debiteur.siren === SIREN_CCAS)!;
    expect(facture.debiteur).toEqual({
      siren: SIREN_CCAS,
      nom: 'CCAS de A',
      type: 'ccas',
      siret: SIRET_CCAS_DIRECTION,
      codeService: 'DIRECTION',
      engagement: 'EJ-CCAS-MAINT',
      adresse: ADRESSE_CCAS,
    });
  });

  it('deux blocs qui ne diffèrent que par un champ absent d’un côté sont en conflit (jamais le SIRET de l’un avec le code service de l’autre)', () => {
    const role = billingRoll([communeListantSonCcas({ siret: SIRET_CCAS_PACK }), ccasLuiMeme({ siret: SIRET_CCAS_PACK, codeService: 'DIRECTION' })], options);
    expect(debtorConflicts(role.conflits).map((c) => c.params['champs'])).toEqual([['codeService']]);
  });

  it('des descriptions identiques ne sont pas en conflit', () => {
    const billing = { siret: SIRET_CCAS_PACK, codeService: 'SERVICE', adresse: ADRESSE_CCAS };
    const role = billingRoll([communeListantSonCcas(billing), ccasLuiMeme(billing)], options);
    expect(role.conflits).toEqual([]);
  });
});

describe('les données de facturation de la collectivité elle-même', () => {
  const avecFacturation = (collectivite: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ({
      collectivite: { nom: 'Commune A', siren: SIREN_COMMUNE, type: 'commune', population: 850, ...collectivite },
      prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 } },
      ...extra,
    }) as Adhesion;

  it('sa facture porte un destinataire construit de la collectivité (nom, SIREN, type, SIRET, code service, engagement, adresse)', () => {
    const adresse = { complement: 'Service finances', voie: '2 rue de la Mairie', lieuDit: 'Le Bourg', codePostal: '90400', ville: 'Commune A' };
    const q = quote(avecFacturation({ siret: SIRET_COMMUNE, codeService: 'FINANCES', engagement: 'EJ-2026-1', adresse }), options);
    expect(q.factures[0]!.destinataire).toEqual({ siren: SIREN_COMMUNE, nom: 'Commune A', type: 'commune', siret: SIRET_COMMUNE, codeService: 'FINANCES', engagement: 'EJ-2026-1', adresse });
    expect(q.collectivite.adresse).toEqual(adresse);
  });

  it('sans ces données, rien ne change (pas de destinataire)', () => {
    expect(quote(avecFacturation({}), options).factures[0]!.destinataire).toBeUndefined();
  });

  it('listée aussi dans ses destinataires, d’accord avec elle : un seul débiteur, décrit par les deux', () => {
    const q = quote(avecFacturation({ siret: SIRET_COMMUNE }, { destinataires: [{ siren: SIREN_COMMUNE, nom: 'Commune A' }] }), options);
    expect(q.factures[0]!.destinataire).toEqual({ siren: SIREN_COMMUNE, nom: 'Commune A', type: 'commune', siret: SIRET_COMMUNE });
  });

  it('listée dans ses destinataires avec d’autres données : DEBITEUR_CONTRADICTOIRE, adhésion refusée', () => {
    const r = safeQuote(avecFacturation({ siret: SIRET_COMMUNE, codeService: 'FINANCES' }, { destinataires: [{ siren: SIREN_COMMUNE, nom: 'Mairie de A', codeService: 'COMPTA' }] }), options);
    expect(r.success).toBe(false);
    const issues = r.success ? [] : debtorConflicts(r.issues);
    expect(issues.map((i) => [i.path, i.params])).toEqual([
      [['destinataires', 0], { raison: 'adhesion', siren: SIREN_COMMUNE, champs: ['nom', 'siret', 'codeService'], chemins: ['collectivite', 'destinataires[0]'] }],
    ]);
    expect(issues[0]!.message).toMatch(/nom, siret, codeService/);
  });

  it('le type donné par un destinataire qui décrit la collectivité doit être le sien', () => {
    const issues = validateAdhesion(avecFacturation({}, { destinataires: [{ siren: SIREN_COMMUNE, type: 'ccas' }] }), options);
    expect(debtorConflicts(issues).map((i) => i.params['champs'])).toEqual([['type']]);
  });

  it('le SIRET doit commencer par le SIREN de la collectivité ; l’adresse suit la norme postale', () => {
    const issues = validateAdhesion(
      avecFacturation({ siret: SIRET_CCAS_PACK, adresse: { voie: 'x'.repeat(39), codePostal: '9040', ville: 'A\u001bB', autre: 1 } }),
      options,
    );
    expect(issues.map((i) => [i.code, i.path.join('.'), i.params['raison'] ?? null])).toEqual([
      ['VALEUR_HORS_LIMITES', 'collectivite.adresse.voie', 'maximum'],
      ['VALEUR_NON_ADMISE', 'collectivite.adresse.codePostal', 'codePostal'],
      ['VALEUR_NON_ADMISE', 'collectivite.adresse.ville', 'caractereDeControle'],
      ['CHAMP_INCONNU', 'collectivite.adresse.autre', null],
      ['SIRET_INVALIDE', 'collectivite.siret', 'siren'],
    ]);
  });

  it('un destinataire porte aussi un type et une adresse', () => {
    const q = quote(communeListantSonCcas({ type: 'ccas', adresse: ADRESSE_CCAS }), options);
    expect(q.factures.find((f) => f.siren === SIREN_CCAS)!.destinataire).toEqual({ siren: SIREN_CCAS, nom: 'CCAS de A', type: 'ccas', adresse: ADRESSE_CCAS });
    const issues = validateAdhesion(communeListantSonCcas({ type: 'mairie', adresse: { voie: '1 rue', ville: 'A' } }), options);
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['VALEUR_NON_ADMISE', 'destinataires.0.type'],
      ['CHAMP_MANQUANT', 'destinataires.0.adresse.codePostal'],
    ]);
  });
});

describe('le rôle de facturation', () => {
  it('le débiteur qui adhère lui-même a le type de sa collectivité ; chaque ligne porte le libellé de sa prestation, lu au catalogue du rôle', () => {
    const role = billingRoll([communeListantSonCcas({}), ccasLuiMeme({})], options);
    const facture = role.factures.find((f) => f.debiteur.siren === SIREN_CCAS)!;
    expect(facture.debiteur.type).toBe('ccas');
    for (const f of role.factures) for (const l of f.lignes) expect(l.libellePrestation).toBe(catalogueTest.prestations[l.prestation].libelle);
  });
});

describe('la règle, sur des lots tirés au hasard', () => {
  /** Le bloc de facturation d'une description, en texte (vide : pas de bloc). */
  const block = (d: Partial<Destinataire>) =>
    JSON.stringify([d.siret, d.codeService, d.engagement, d.adresse === undefined ? undefined : Object.entries(d.adresse).sort(([a], [b]) => a.localeCompare(b))]);
  const hasBlock = (d: Partial<Destinataire>) => [d.siret, d.codeService, d.engagement, d.adresse].some((v) => v !== undefined);
  /** L'oracle : deux descriptions se contredisent par le nom, la nature, ou deux blocs différents. */
  const clash = (a: Partial<Destinataire>, b: Partial<Destinataire>) =>
    (a.nom !== undefined && b.nom !== undefined && a.nom !== b.nom) ||
    (a.type !== undefined && b.type !== undefined && a.type !== b.type) ||
    (hasBlock(a) && hasBlock(b) && block(a) !== block(b));

  const billingArb = fc.record(
    {
      siret: fc.constantFrom(SIRET_CCAS_PACK, SIRET_CCAS_DIRECTION),
      codeService: fc.constantFrom('SERVICE-PACK', 'DIRECTION'),
      engagement: fc.constantFrom('EJ-1', 'EJ-2'),
      adresse: fc.constantFrom(ADRESSE_CCAS, { ...ADRESSE_CCAS, lieuDit: 'Le Bourg' }),
    },
    { requiredKeys: [] },
  );
  const describedArb = fc.record({ nom: fc.constantFrom(undefined, 'CCAS de A', 'Centre communal'), type: fc.constantFrom(undefined, 'ccas', 'commune'), billing: billingArb });
  const COMMUNES = ['219000106', '219000494', '200000016', '200069060'];

  it('un conflit est signalé si et seulement si deux descriptions se contredisent ; sinon le débiteur les réunit sans mêler deux blocs', () => {
    fc.assert(
      fc.property(fc.array(describedArb, { maxLength: 4 }), billingArb, fc.constantFrom('CCAS de A', 'Centre communal'), (listed, own, nomCcas) => {
        const descriptions: Partial<Destinataire>[] = [];
        const lot: Adhesion[] = listed.map((d, i) => {
          const destinataire = Object.fromEntries(Object.entries({ siren: SIREN_CCAS, nom: d.nom, type: d.type, ...d.billing }).filter(([, v]) => v !== undefined));
          descriptions.push(destinataire);
          return { collectivite: { nom: `Commune ${i}`, siren: COMMUNES[i]!, type: 'commune' }, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 } }, destinataires: [destinataire] } as unknown as Adhesion;
        });
        const ccas = { nom: nomCcas, siren: SIREN_CCAS, type: 'ccas', ...own };
        descriptions.push(ccas as Partial<Destinataire>);
        lot.push({ collectivite: ccas, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 } } } as Adhesion);
        const role = billingRoll(lot, options);
        const expected = descriptions.some((a, i) => descriptions.some((b, j) => i < j && clash(a, b)));
        expect(debtorConflicts(role.conflits).length > 0).toBe(expected);
        if (expected) return;
        const debiteur = role.factures.find((f) => f.debiteur.siren === SIREN_CCAS)!.debiteur;
        for (const d of descriptions) expect(clash(debiteur, d)).toBe(false);
        // Le bloc du débiteur est celui d'une description, en entier.
        expect(descriptions.some((d) => block(d) === block(debiteur))).toBe(true);
        expect(debiteur.type).toBe('ccas');
      }),
      { numRuns: 150 },
    );
  });
});

import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billingRoll,
  compareCatalogues,
  quote,
  quoteAll,
  reviseCatalogue,
  safeBillingRoll,
  safeQuote,
  type Adhesion,
  type QuoteIssue,
} from '../src/index.js';
import { catalogueTest, SIREN_CCAS, SIREN_COMMUNE, SIREN_EPCI, SIREN_SYNDICAT } from './helpers.js';

const D = Decimal.clone({ precision: 40 });
/** Un SIRET valide du CCAS (clé de Luhn sur 14 chiffres), et un à clé fausse. */
const SIRET_CCAS = '20000010700017';

const commune = (prestations: Record<string, unknown>, extra: Record<string, unknown> = {}, collectivite: Record<string, unknown> = {}): Adhesion =>
  ({
    collectivite: { nom: 'Commune A', siren: SIREN_COMMUNE, type: 'commune', population: 850, ...collectivite },
    prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, ...prestations },
    ...extra,
  }) as Adhesion;

const ccas = (prestations: Record<string, unknown> = {}): Adhesion =>
  ({ collectivite: { nom: 'CCAS de A', siren: SIREN_CCAS, type: 'ccas' }, prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, ...prestations } }) as Adhesion;

const codes = (issues: readonly QuoteIssue[]) => issues.map((i) => [i.code, i.path.join('.')]);

describe('pack démat inclus d’office (parc transféré)', () => {
  const parc = { parcTransfere: true };

  it('le SIREN de la collectivité est toujours facturé, marqué « Inclus d’office », et les SIREN listés s’ajoutent', () => {
    const q = quote(commune({ packDemat: { sirens: [SIREN_CCAS] } }, {}, parc), { catalogue: catalogueTest });
    const pack = q.lignes.filter((l) => l.prestation === 'packDemat');
    expect(pack.map((l) => [l.siren, l.inclusDOffice ?? false])).toEqual([
      [SIREN_COMMUNE, true],
      [SIREN_CCAS, false],
    ]);
    expect(pack[0]!.detail).toMatch(/^Inclus d'office \(parc informatique transféré au syndicat\)\. Forfait : 250,25 €$/);
    expect(pack[1]!.detail).toBe('Forfait : 250,25 €');
  });

  it('non coché, il est facturé au SIREN de la collectivité ; listé par elle, son SIREN ne l’est qu’une fois', () => {
    const seul = quote(commune({}, {}, parc), { catalogue: catalogueTest });
    expect(seul.lignes.filter((l) => l.prestation === 'packDemat').map((l) => l.siren)).toEqual([SIREN_COMMUNE]);
    const liste = quote(commune({ packDemat: { sirens: [SIREN_CCAS, SIREN_COMMUNE] } }, {}, parc), { catalogue: catalogueTest });
    expect(liste.lignes.filter((l) => l.prestation === 'packDemat').map((l) => l.siren)).toEqual([SIREN_COMMUNE, SIREN_CCAS]);
  });

  it('sans parc transféré, la liste décide seule (le SIREN de la collectivité n’est pas ajouté)', () => {
    const q = quote(commune({ packDemat: { sirens: [SIREN_CCAS] } }), { catalogue: catalogueTest });
    expect(q.lignes.filter((l) => l.prestation === 'packDemat').map((l) => [l.siren, l.inclusDOffice])).toEqual([[SIREN_CCAS, undefined]]);
  });
});

describe('secrétariat de mairie : une journée incompressible par intervention', () => {
  const journees = (q: ReturnType<typeof quote>) => q.lignes.filter((l) => l.prestation === 'secretariatMairie');

  it('deux demi-journées sur deux dates font deux journées (600 €), chacune expliquée', () => {
    const lignes = journees(quote(commune({ secretariatMairie: { interventions: [0.5, 0.5] } }), { catalogue: catalogueTest }));
    expect(lignes.map((l) => [l.montant, l.quantite, l.intervention])).toEqual([
      ['300.00', '1', { rang: 1, sur: 2 }],
      ['300.00', '1', { rang: 2, sur: 2 }],
    ]);
    expect(lignes[1]!.detail).toBe("Intervention 2 sur 2 : 1 journée (quantité demandée : 0,5, arrondie à l'unité supérieure) × 300,00 € = 300,00 €");
    // `jours` reste une seule intervention : une demi-journée + une demi-journée = une journée.
    expect(journees(quote(commune({ secretariatMairie: { jours: 1 } }), { catalogue: catalogueTest })).map((l) => l.montant)).toEqual(['300.00']);
  });

  it('le caractère exceptionnel de la prestation (page du syndicat) est une remarque sur chaque ligne', () => {
    for (const l of journees(quote(commune({ secretariatMairie: { interventions: [1, 2.5] } }), { catalogue: catalogueTest }))) {
      expect(l.remarque).toMatch(/^Prestation exceptionnelle, qui n'a pas vocation à perdurer/);
    }
    expect(quote(commune({}), { catalogue: catalogueTest }).lignes.every((l) => l.remarque === undefined)).toBe(true);
  });

  it('jours et interventions ensemble, ou ni l’un ni l’autre, sont refusés avec les autres problèmes', () => {
    const both = safeQuote(commune({ secretariatMairie: { jours: 1, interventions: [1] }, marchesPublics: { acces: 0 } }), { catalogue: catalogueTest });
    expect(!both.success && codes(both.issues)).toEqual([
      ['VALEUR_HORS_LIMITES', 'prestations.marchesPublics.acces'],
      ['VALEUR_NON_ADMISE', 'prestations.secretariatMairie.interventions'],
    ]);
    const none = safeQuote(commune({ secretariatMairie: {} }), { catalogue: catalogueTest });
    expect(!none.success && codes(none.issues)).toEqual([['CHAMP_MANQUANT', 'prestations.secretariatMairie']]);
    const bad = safeQuote(commune({ secretariatMairie: { interventions: [0.5, 0, 400] } }), { catalogue: catalogueTest });
    expect(!bad.success && codes(bad.issues)).toEqual([
      ['VALEUR_HORS_LIMITES', 'prestations.secretariatMairie.interventions.1'],
      ['VALEUR_HORS_LIMITES', 'prestations.secretariatMairie.interventions.2'],
    ]);
    const empty = safeQuote(commune({ secretariatMairie: { interventions: [] } }), { catalogue: catalogueTest });
    expect(!empty.success && codes(empty.issues)).toEqual([['VALEUR_HORS_LIMITES', 'prestations.secretariatMairie.interventions']]);
  });
});

describe('destinataires : chaque SIREN facturé décrit une fois', () => {
  const avecCcas = (destinataires: unknown) => commune({ packDemat: { sirens: [SIREN_COMMUNE, SIREN_CCAS] } }, { destinataires });

  it('le nom titre la facture du SIREN ; SIRET, code service et engagement l’accompagnent ; la collectivité est nommée', () => {
    const q = quote(avecCcas([{ siren: SIREN_CCAS, nom: 'CCAS de A', siret: '200 000 107 00017', codeService: 'FIN', engagement: 'EJ-2026-12' }]), { catalogue: catalogueTest });
    expect(q.factures.map((f) => [f.siren, f.nom, f.destinataire])).toEqual([
      [SIREN_COMMUNE, 'Commune A', undefined],
      [SIREN_CCAS, 'CCAS de A', { siren: SIREN_CCAS, nom: 'CCAS de A', siret: SIRET_CCAS, codeService: 'FIN', engagement: 'EJ-2026-12' }],
    ]);
    expect(q.avertissements.map((w) => w.code)).not.toContain('DESTINATAIRE_SANS_FACTURE');
    // La collectivité peut se décrire elle-même (par ex. pour son code service) ; sous un autre nom que le sien, elle se contredirait (DEBITEUR_CONTRADICTOIRE).
    const soi = quote(avecCcas([{ siren: SIREN_COMMUNE, codeService: 'COMPTA' }]), { catalogue: catalogueTest });
    expect([soi.factures[0]!.nom, soi.factures[0]!.destinataire?.codeService]).toEqual(['Commune A', 'COMPTA']);
  });

  it('un destinataire qu’aucune ligne ne facture est un avertissement', () => {
    const q = quote(avecCcas([{ siren: SIREN_SYNDICAT, nom: 'Syndicat' }]), { catalogue: catalogueTest });
    expect(q.avertissements.filter((w) => w.code === 'DESTINATAIRE_SANS_FACTURE').map((w) => [w.path.join('.'), w.params])).toEqual([
      ['destinataires.0.siren', { siren: SIREN_SYNDICAT }],
    ]);
  });

  it('chaque champ faux est un problème codé à son chemin, tous ensemble', () => {
    const r = safeQuote(
      avecCcas([
        { siren: SIREN_CCAS, siret: '20000010700016' },
        { siren: SIREN_EPCI, siret: SIRET_CCAS },
        { siren: SIREN_SYNDICAT, siret: '123' },
        { siren: '123', nom: '' },
        { siren: SIREN_CCAS, codeService: 'x'.repeat(101), autre: 1 },
      ]),
      { catalogue: catalogueTest },
    );
    expect(!r.success && r.issues.map((i) => [i.code, i.path.join('.'), (i.params as { raison?: string }).raison ?? null])).toEqual([
      ['SIRET_INVALIDE', 'destinataires.0.siret', 'cle'],
      ['SIRET_INVALIDE', 'destinataires.1.siret', 'siren'],
      ['SIRET_INVALIDE', 'destinataires.2.siret', 'longueur'],
      ['SIREN_INVALIDE', 'destinataires.3.siren', 'longueur'],
      ['VALEUR_HORS_LIMITES', 'destinataires.3.nom', 'minimum'],
      ['VALEUR_HORS_LIMITES', 'destinataires.4.codeService', 'maximum'],
      ['CHAMP_INCONNU', 'destinataires.4.autre', null],
      ['SIREN_EN_DOUBLE', 'destinataires.4.siren', null],
    ]);
  });
});

describe('dans un lot : jamais facturé deux fois en silence', () => {
  it('une commune qui liste le SIREN de son CCAS, et le CCAS qui coche aussi le pack : un problème du lot qui nomme les deux', () => {
    const lot = quoteAll([commune({ packDemat: { sirens: [SIREN_COMMUNE, SIREN_CCAS] } }), ccas({ packDemat: {} })], { catalogue: catalogueTest });
    expect(lot.resultats.map((r) => r.success)).toEqual([true, true]);
    expect(lot.synthese.conflits.map((c) => [c.code, c.path, c.params])).toEqual([
      [
        'SIREN_FACTURE_DEUX_FOIS',
        [1],
        { raison: 'prestation', siren: SIREN_CCAS, prestation: 'packDemat', libellePrestation: 'Pack dématérialisation', entrees: [0, 1] },
      ],
    ]);
    expect(lot.synthese.conflits[0]!.message).toContain('par les adhésions n° 1, n° 2');
  });

  it('la même collectivité deux fois est un seul problème (pas un de plus pour chacune de ses prestations par SIREN)', () => {
    const a = commune({ packDemat: {} });
    const lot = quoteAll([a, ccas(), { ...a, collectivite: { ...a.collectivite, siren: '219 000 106' } }], { catalogue: catalogueTest });
    expect(lot.synthese.conflits.map((c) => [(c.params as { raison: string }).raison, c.params['entrees']])).toEqual([['collectivite', [0, 2]]]);
  });

  it('sans SIREN partagé, aucun problème ; une prestation facturée par adhérent ne compte pas', () => {
    const lot = quoteAll([commune({ packDemat: {}, dpo: {} }), ccas({ packDemat: {}, dpo: {} })], { catalogue: catalogueTest });
    expect(lot.synthese.conflits).toEqual([]);
  });

  it('compareCatalogues le dit sous chaque catalogue', () => {
    const apres = reviseCatalogue(catalogueTest, { millesime: 2027, libelle: 'Catalogue 2027 de test', source: 'Délibération de test' });
    const c = compareCatalogues([commune({ packDemat: { sirens: [SIREN_COMMUNE, SIREN_CCAS] } }), ccas({ packDemat: {} })], { avant: catalogueTest, apres });
    expect([c.synthese.conflits.avant.length, c.synthese.conflits.apres.length]).toEqual([1, 1]);
  });
});

describe('billingRoll : le rôle de facturation de l’année', () => {
  const lot = [
    commune({ packDemat: { sirens: [SIREN_COMMUNE, SIREN_CCAS] }, dpo: {} }, { destinataires: [{ siren: SIREN_CCAS, nom: 'CCAS de A', siret: SIRET_CCAS, engagement: 'EJ-1' }] }),
    { collectivite: { nom: 'Communauté', siren: SIREN_EPCI, type: 'epci', population: 12000 }, prestations: { maintenanceBase: { postes: 4 }, packDemat: { sirens: [SIREN_EPCI, SIREN_CCAS] } } } as Adhesion,
    { collectivite: { nom: 'Refusée', siren: '123', type: 'commune' }, prestations: {} } as unknown as Adhesion,
  ];

  it('une facture par SIREN débiteur, toutes adhésions confondues, chaque ligne avec son adhésion', () => {
    const role = billingRoll(lot, { catalogue: catalogueTest });
    expect(role.factures.map((f) => [f.debiteur.siren, f.debiteur.nom, f.lignes.map((l) => [l.adherent.index, l.prestation])])).toEqual([
      [SIREN_COMMUNE, 'Commune A', [[0, 'maintenanceBase'], [0, 'packDemat'], [0, 'dpo']]],
      [SIREN_CCAS, 'CCAS de A', [[0, 'packDemat'], [1, 'packDemat']]],
      [SIREN_EPCI, 'Communauté', [[1, 'maintenanceBase'], [1, 'packDemat']]],
    ]);
    expect(role.factures[1]!.debiteur).toEqual({ siren: SIREN_CCAS, nom: 'CCAS de A', siret: SIRET_CCAS, engagement: 'EJ-1' });
    expect(role.factures[1]!.lignes[1]!.adherent).toEqual({ index: 1, nom: 'Communauté', siren: SIREN_EPCI });
    expect(role.refus.map((r) => [r.index, r.siren, r.issues[0]!.code])).toEqual([[2, '123', 'SIREN_INVALIDE']]);
    expect(role.conflits.map((c) => c.params['entrees'])).toEqual([[0, 1]]);
    expect([role.acceptes, role.refuses, role.millesime]).toEqual([2, 1, 2026]);
  });

  it('en décimal exact : le total du rôle est la somme des devis acceptés, et des factures', () => {
    const role = billingRoll(lot, { catalogue: catalogueTest });
    const accepted = quoteAll(lot, { catalogue: catalogueTest }).resultats.flatMap((r) => (r.success ? [r.data.total] : []));
    expect(role.total).toBe(accepted.reduce((a, t) => a.plus(t), new D(0)).toFixed(2));
    expect(role.total).toBe(role.factures.reduce((a, f) => a.plus(f.total), new D(0)).toFixed(2));
  });

  it('un lot qui n’est pas une liste est refusé ; safeBillingRoll ne lève jamais', () => {
    expect(safeBillingRoll('non' as never).success).toBe(false);
    expect(safeBillingRoll(lot, { catalogue: { millesime: 'x' } as never }).success).toBe(false);
  });

  it('propriété : sur des lots tirés qui partagent des SIREN, chaque total est la somme exacte de ce qu’il résume', () => {
    const SIRENS = [SIREN_COMMUNE, SIREN_CCAS, SIREN_EPCI, SIREN_SYNDICAT];
    const adhesionArb = fc
      .record({
        siren: fc.constantFrom(...SIRENS),
        postes: fc.integer({ min: 1, max: 40 }),
        pack: fc.option(fc.uniqueArray(fc.constantFrom(...SIRENS), { minLength: 1, maxLength: 4 }), { nil: undefined }),
        parc: fc.boolean(),
        dpo: fc.boolean(),
        interventions: fc.option(fc.array(fc.integer({ min: 1, max: 40 }).map((n) => n / 8), { minLength: 1, maxLength: 4 }), { nil: undefined }),
        refusee: fc.boolean(),
      })
      .map(
        (a): Adhesion =>
          ({
            collectivite: { nom: `Adhérent ${a.siren}`, siren: a.refusee ? '12' : a.siren, type: 'commune', population: 900, parcTransfere: a.parc },
            prestations: {
              maintenanceBase: { postes: a.postes, postesLicenceBL: 0 },
              ...(a.pack ? { packDemat: { sirens: a.pack } } : {}),
              ...(a.dpo ? { dpo: {} } : {}),
              ...(a.interventions ? { secretariatMairie: { interventions: a.interventions } } : {}),
            },
          }) as Adhesion,
      );
    fc.assert(
      fc.property(fc.array(adhesionArb, { maxLength: 8 }), (adhesions) => {
        const role = billingRoll(adhesions, { catalogue: catalogueTest });
        const lot = quoteAll(adhesions, { catalogue: catalogueTest });
        const accepted = lot.resultats.flatMap((r) => (r.success ? [r.data] : []));
        expect(role.total).toBe(accepted.reduce((a, q) => a.plus(q.total), new D(0)).toFixed(2));
        for (const f of role.factures) {
          expect(f.total).toBe(f.lignes.reduce((a, l) => a.plus(l.montant), new D(0)).toFixed(2));
          expect(new Set(f.lignes.map((l) => l.adherent.index)).size).toBeGreaterThan(0);
        }
        // Chaque ligne de chaque devis accepté est au rôle une fois, sur la facture de son SIREN.
        const rolled = role.factures.flatMap((f) => f.lignes.map((l) => `${l.adherent.index}|${f.debiteur.siren}|${l.prestation}|${l.composante}|${l.montant}`)).sort();
        const quoted = lot.resultats.flatMap((r) => (r.success ? r.data.lignes.map((l) => `${r.index}|${l.siren}|${l.prestation}|${l.composante}|${l.montant}`) : [])).sort();
        expect(rolled).toEqual(quoted);
        expect(new Set(role.factures.map((f) => f.debiteur.siren)).size).toBe(role.factures.length);
        expect(role.refuses + role.acceptes).toBe(adhesions.length);
        // Un SIREN facturé deux fois la même prestation par deux adhésions est toujours signalé.
        const bySirenPrestation = new Map<string, Set<number>>();
        for (const r of lot.resultats) {
          if (!r.success) continue;
          for (const l of r.data.lignes) {
            if (l.prestation !== 'packDemat') continue;
            const k = `${l.siren}|${l.prestation}`;
            bySirenPrestation.set(k, (bySirenPrestation.get(k) ?? new Set()).add(r.index));
          }
        }
        const twice = [...bySirenPrestation.values()].filter((s) => s.size > 1).length;
        const members = new Map<string, number>();
        for (const q of accepted) members.set(q.collectivite.siren, (members.get(q.collectivite.siren) ?? 0) + 1);
        if (twice > 0 || [...members.values()].some((n) => n > 1)) expect(role.conflits.length).toBeGreaterThan(0);
        else expect(role.conflits).toEqual([]);
        expect(role.conflits).toEqual(lot.synthese.conflits);
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

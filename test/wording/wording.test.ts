import { describe, expect, it } from 'vitest';
import { catalogue2026, ISSUE_CODES, quote, safePricePrestation, safeQuote, WARNING_CODES, type IssueCode, type QuoteIssue, type Voice } from '../../src/index.js';
import {
  rewordIssue,
  issueMessage,
  makeIssue,
  makeWarning,
  warningMessage,
  WORDED_ISSUE_CODES,
  WORDED_WARNING_CODES,
  type IssueParamsByCode,
} from '../../src/wording/issues.js';
import { catalogueTest, commune, epci } from '../helpers.js';

const VOICES: readonly Voice[] = ['bibliotheque', 'adherent'];

const TARIF: IssueParamsByCode['TARIF_NON_PUBLIE'] = {
  prestation: 'dpo',
  composante: 'abonnement',
  champ: 'montant',
  libelle: 'DPO mutualisé',
  libellePrestation: 'Délégué à la protection des données (DPO mutualisé)',
  millesime: 2026,
};

/** Des paramètres pour chaque code, et chaque raison : le type oblige à n'en oublier aucun code. */
const SAMPLES: { readonly [C in IssueCode]: readonly IssueParamsByCode[C][] } = {
  ENTREE_INVALIDE: [
    { raison: 'type', attendu: 'boolean', recu: 'la chaîne « oui »' },
    { raison: 'type', attendu: 'int', recu: 'le nombre 1.5' },
    { raison: 'union', recu: 'un objet' },
    { raison: 'autre', recu: 'rien' },
    { raison: 'texte', texte: 'Un texte transmis.' },
    { raison: 'lint', lintCode: 'FORME_INVALIDE', texte: 'Forme invalide.' },
    { raison: 'optionIllisible' },
    { raison: 'lotPasListe' },
    { raison: 'lotTropLong', maximum: 100_000, recu: 100_001 },
    { raison: 'adhesionIllisible' },
    { raison: 'listeIllisibleLot' },
    { raison: 'volumineuse', maximum: 2_000_000 },
    { raison: 'illisible', detail: 'piège' },
    { raison: 'listeIllisible', longueur: 'NaN' },
    { raison: 'circulaire' },
  ],
  CHAMP_INCONNU: [{ champ: 'adresse' }],
  CHAMP_MANQUANT: [{ raison: 'racine', attendu: 'object' }, { raison: 'champ', attendu: 'string' }, { raison: 'choix', valeurs: ['commune', 'epci'] }],
  VALEUR_HORS_LIMITES: [
    { raison: 'minimum', limite: 1, origine: 'number', inclusif: true, recu: 'le nombre 0' },
    { raison: 'minimum', limite: 0, origine: 'number', inclusif: false, recu: 'le nombre 0' },
    { raison: 'maximum', limite: 100, origine: 'string', inclusif: true, recu: 'une chaîne de caractères' },
    { raison: 'minimum', limite: 1, origine: 'array', inclusif: true, recu: 'une liste' },
  ],
  VALEUR_NON_ADMISE: [
    { raison: 'choix', valeurs: ['commune', 'epci', 3], recu: 'la chaîne « ville »' },
    { raison: 'prestation', recu: 'la chaîne « x »', prestations: ['dpo', 'sauvegarde'] },
    { raison: 'champDuModele', modele: 'coefficientParPalier', attendus: ['prixUnitaire', 'paliers'], recu: 'montant', operation: 'revise' },
    { raison: 'champDuModele', modele: 'forfait', attendus: ['montant'], recu: 'grille', operation: 'complete' },
    { raison: 'modeleNonAdmis', modele: 'forfait', admis: ['unitaire', 'coefficientParPalier'] },
    { raison: 'sirensSurAdherent', libellePrestation: 'Pack démat', millesime: 2026 },
    { raison: 'caractereDeControle', caractere: 'U+001B', position: 4 },
    { raison: 'codePostal', recu: '9040' },
  ],
  SIREN_INVALIDE: [{ raison: 'longueur', siren: '123' }, { raison: 'cle', siren: '200000173' }, { raison: 'longueur', siren: '1'.repeat(40) }],
  SIREN_EN_DOUBLE: [{ siren: '200000172', position: 0 }],
  SIRET_INVALIDE: [
    { raison: 'longueur', siret: '123', siren: '200000107' },
    { raison: 'siren', siret: '20000017200012', siren: '200000107' },
    { raison: 'cle', siret: '20000010700016', siren: null },
  ],
  SIREN_FACTURE_DEUX_FOIS: [
    { raison: 'prestation', siren: '200000107', prestation: 'packDemat', libellePrestation: 'Pack dématérialisation', entrees: [0, 3] },
    { raison: 'collectivite', siren: '219000106', entrees: [1, 2], fichiers: ['a.json', 'b.json'] },
  ],
  DEBITEUR_CONTRADICTOIRE: [
    { raison: 'adhesion', siren: '219000106', champs: ['siret'], chemins: ['collectivite', 'destinataires[0]'] },
    { raison: 'lot', siren: '200000107', champs: ['nom', 'codeService'], entrees: [0, 3], chemins: ['destinataires[1]', 'collectivite'] },
    { raison: 'lot', siren: '200000107', champs: ['adresse'], entrees: [0, 3], chemins: ['destinataires[1]', 'collectivite'], fichiers: ['a.json', 'b.json'] },
  ],
  MAINTENANCE_BASE_OBLIGATOIRE: [
    { prestation: 'maintenanceBase', libellePrestation: 'Maintenance de base', champsExemple: ['postes'], valeursExemple: [1] },
    { prestation: 'autre', libellePrestation: 'Autre', champsExemple: [], valeursExemple: [] },
  ],
  POSTES_LICENCE_SUPERIEURS: [{ valeur: 5, limite: 3 }],
  POPULATION_REQUISE: [{ raison: 'invalide', libellePrestation: 'Sauvegarde' }, { raison: 'manquante', libellePrestation: 'Sauvegarde' }],
  QUOTA_INCONNU: [{ quotaGo: 1500, quotasGo: [50, 100] }],
  TARIF_NON_PUBLIE: [TARIF, { ...TARIF, prestation: 'sauvegarde', composante: 'grille', champ: 'grille' }],
  TARIF_DEJA_PUBLIE: [{ champ: 'prixUnitaire', valeur: '50.00' }],
  MILLESIME_INCOHERENT: [{ raison: 'adhesion', millesime: 2025, millesimeCatalogue: 2026 }, { raison: 'tarifs', millesimeTarifs: 2025, millesimeCatalogue: 2026 }],
  CATALOGUE_INVALIDE: [{ raison: 'lint', lintCode: 'MONTANT_ILLISIBLE', texte: 'Montant illisible.' }, { raison: 'circulaire' }],
  CATALOGUE_INCOHERENT: [
    { raison: 'strate', libellePrestation: 'Sauvegarde', population: 1_000_000, strates: ['0 à 999', '1 000 à 9 999'] },
    { raison: 'palier', libelle: 'Postes', unites: 1000, nomUnites: 'postes' },
    { raison: 'lint', lintCode: 'CHEVAUCHEMENT', texte: 'Les paliers 1 et 2 se chevauchent.' },
  ],
  RAPPEL_EN_ERREUR: [{ fonction: 'options.onProgress', detail: 'boum' }],
  ERREUR_INTERNE: [{ detail: 'boum' }],
};

const ALL = Object.entries(SAMPLES).flatMap(([code, list]) => (list as readonly object[]).map((params) => ({ code: code as IssueCode, params })));
const render = (code: IssueCode, params: object, voice?: Voice) => issueMessage(code, params as never, voice);

describe('rédaction des problèmes (src/wording)', () => {
  it('chaque code de problème et d’avertissement a sa rédaction, et aucune autre', () => {
    expect([...WORDED_ISSUE_CODES].sort()).toEqual(Object.keys(ISSUE_CODES).sort());
    expect([...WORDED_WARNING_CODES].sort()).toEqual(Object.keys(WARNING_CODES).sort());
  });

  it('aucun message n’est vide, ni ne laisse passer « undefined » ou « [object », dans aucune voix', () => {
    for (const { code, params } of ALL) {
      for (const voice of VOICES) {
        const m = render(code, params, voice);
        expect(m.trim().length, `${code} ${JSON.stringify(params)}`).toBeGreaterThan(10);
        expect(m).not.toMatch(/undefined|\[object|NaN Go/);
      }
    }
    const WARNING_SAMPLES: Record<string, object> = { DESTINATAIRE_SANS_FACTURE: { siren: '200000107' } };
    for (const code of WORDED_WARNING_CODES) {
      for (const voice of VOICES) {
        const m = warningMessage(code, (WARNING_SAMPLES[code] ?? {}) as never, voice);
        expect(m.length).toBeGreaterThan(10);
        expect(m).not.toMatch(/undefined|\[object/);
      }
    }
  });

  it('un message est une fonction du code et des paramètres seuls : ni du chemin, ni de l’appel précédent', () => {
    for (const { code, params } of ALL) {
      const a = makeIssue(code, ['a'], params as never);
      const b = makeIssue(code, ['prestations', 'x', 3], JSON.parse(JSON.stringify(params)) as never);
      expect(a.message).toBe(b.message);
      expect(a.message).toBe(render(code, params));
      expect(a.params).toEqual(params);
      // Les paramètres sont des données simples : ils survivent à JSON.
      expect(JSON.parse(JSON.stringify(a.params))).toEqual(a.params);
    }
  });

  it('rewordIssue rédige de nouveau d’après le code et les paramètres, jamais d’après le texte', () => {
    const issue = makeIssue('TARIF_NON_PUBLIE', ['prestations', 'dpo'], TARIF);
    const forged: QuoteIssue = { ...issue, message: 'Un texte quelconque.' };
    expect(rewordIssue(forged, 'bibliotheque').message).toBe(issue.message);
    expect(rewordIssue(forged, 'adherent').message).toBe(rewordIssue(issue, 'adherent').message);
    expect(rewordIssue(issue, 'bibliotheque')).toBe(issue);
    expect(rewordIssue(issue, 'adherent').path).toBe(issue.path);
    expect(rewordIssue(issue, 'adherent').params).toBe(issue.params);
    // Un avertissement aussi.
    const w = makeWarning('PART2_NON_RENSEIGNEE', ['postesLicenceBL'], {});
    expect(rewordIssue({ ...w, message: 'x' }, 'bibliotheque').message).toBe(w.message);
  });

  it('chaque voix dit comment fournir un montant manquant', () => {
    expect(render('TARIF_NON_PUBLIE', TARIF)).toBe(
      "Le montant « DPO mutualisé » de la prestation « Délégué à la protection des données (DPO mutualisé) » n'est pas publié pour 2026 (catalogue : prestations.dpo.composantes.abonnement.montant). Fournissez-le dans un catalogue complété (completeCatalogue, ou --tarifs en ligne de commande).",
    );
  });

  it('un booléen attendu se dit « un booléen (true ou false) », et l’exemple d’une prestation obligatoire en objet', () => {
    expect(render('ENTREE_INVALIDE', { raison: 'type', attendu: 'boolean', recu: 'le nombre 2' })).toBe('Attendu : un booléen (true ou false) ; reçu : le nombre 2.');
    const [mb, sans] = SAMPLES.MAINTENANCE_BASE_OBLIGATOIRE;
    expect(render('MAINTENANCE_BASE_OBLIGATOIRE', mb!)).toContain('(ex. « maintenanceBase: { postes: 1 } »).');
    expect(render('MAINTENANCE_BASE_OBLIGATOIRE', sans!)).toContain('(ex. « autre: {} »).');
  });

  it('les rédactions prévues pour les sites encore à convertir sont celles d’aujourd’hui', () => {
    expect(render('TARIF_DEJA_PUBLIE', { champ: 'prixUnitaire', valeur: '50.00' })).toBe(
      'Ce montant est déjà publié ("50.00") : un fichier de tarifs ne complète que les montants non publiés.',
    );
    expect(render('VALEUR_NON_ADMISE', SAMPLES.VALEUR_NON_ADMISE[2]!)).toBe(
      'Cette composante suit le modèle « coefficientParPalier » : elle se révise par « prixUnitaire » ou « paliers », pas par « montant ».',
    );
    expect(render('VALEUR_NON_ADMISE', SAMPLES.VALEUR_NON_ADMISE[3]!)).toBe('Cette composante suit le modèle « forfait » : elle se complète par « montant », pas par « grille ».');
    expect(render('VALEUR_NON_ADMISE', SAMPLES.VALEUR_NON_ADMISE[4]!)).toBe(
      "Le modèle « forfait » n'est pas admis pour cette composante ; modèles admis : « unitaire », « coefficientParPalier ».",
    );
    expect(render('MILLESIME_INCOHERENT', { raison: 'tarifs', millesimeTarifs: 2025, millesimeCatalogue: 2026 })).toBe('Les tarifs sont ceux de 2025, le catalogue celui de 2026.');

    // Les textes rendus aujourd'hui par src/pricing et src/prestations, retrouvés à l'identique.
    const dpo = catalogue2026.prestations.dpo;
    const missing = safePricePrestation('dpo', {});
    expect(!missing.success && missing.issues[0]!.message).toBe(
      render('TARIF_NON_PUBLIE', { prestation: 'dpo', composante: 'abonnement', champ: 'montant', libelle: dpo.composantes.abonnement.libelle, libellePrestation: dpo.libelle, millesime: 2026 }),
    );
    const sauvegarde = catalogueTest.prestations.sauvegarde;
    const manquante = safePricePrestation('sauvegarde', { quotaGo: 50 }, { catalogue: catalogueTest });
    expect(!manquante.success && manquante.issues.map((i) => i.message)).toEqual([render('POPULATION_REQUISE', { raison: 'manquante', libellePrestation: sauvegarde.libelle })]);
    const invalide = safePricePrestation('sauvegarde', { quotaGo: 50 }, { catalogue: catalogueTest, collectivite: { population: -3 } });
    expect(!invalide.success && invalide.issues.map((i) => i.message)).toContain(render('POPULATION_REQUISE', { raison: 'invalide', libellePrestation: sauvegarde.libelle }));
    const quotas = sauvegarde.composantes.grille.grille!.quotasGo;
    const quota = safePricePrestation('sauvegarde', { quotaGo: 7 }, { catalogue: catalogueTest, collectivite: { population: 500 } });
    expect(!quota.success && quota.issues.map((i) => i.message)).toEqual([render('QUOTA_INCONNU', { quotaGo: 7, quotasGo: quotas })]);
    const devis = quote({ collectivite: commune, prestations: { maintenanceBase: { postes: 2 } } });
    expect(devis.avertissements.map((w) => w.message)).toEqual([warningMessage('PART2_NON_RENSEIGNEE', {}), warningMessage('BAREME_ETABLISSEMENTS_PUBLICS', {})]);
    expect(safeQuote({ collectivite: epci, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 } } }).success).toBe(true);
  });
});

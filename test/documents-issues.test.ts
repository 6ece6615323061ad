import { describe, expect, it } from 'vitest';
import { rewordIssue, isValidSiret, type QuoteIssue } from '../src/index.js';
import { safeParseEmetteur, validateHtmlOptions } from '@te90/tarifs/documents';
import { emetteurJsonSchema } from '../scripts/json-schemas.js';
import { documentIssue } from '../src/documents/issues.js';
import { issueMessage } from '../src/wording/issues.js';

const EMETTEUR = { nom: 'Syndicat', adresse: '1 rue de l’Exemple\n90000 Exempleville', siret: '25900032500011' };
const raisons = (issues: readonly QuoteIssue[]) => issues.map((i) => [i.path.join('.'), i.code, i.params['raison']]);

describe('problèmes des documents : leurs raisons et leurs messages', () => {
  it('les raisons du devis imprimable se rédigent comme avant leur départ de la bibliothèque', () => {
    const cas: [Parameters<typeof documentIssue>[0], object, string][] = [
      ['ENTREE_INVALIDE', { raison: 'numeroDevis', minimum: 1, maximum: 100 }, 'Le numéro du devis est obligatoire : un texte de 1 à 100 caractères.'],
      ['ENTREE_INVALIDE', { raison: 'dateDevis', format: 'AAAA-MM-JJ', exemple: '2026-11-29' }, 'La date du devis est obligatoire, au format AAAA-MM-JJ (ex. 2026-11-29).'],
      [
        'ENTREE_INVALIDE',
        { raison: 'dateApresMillesime', date: '2027-01-15', millesime: 2026 },
        "La date du devis (15 janvier 2027) est après l'année 2026 de ses tarifs : établissez-le sur le catalogue de l'année en cours.",
      ],
      ['VALEUR_HORS_LIMITES', { raison: 'validiteJours', minimum: 1, maximum: 366 }, 'La durée de validité est un nombre entier de jours, de 1 à 366.'],
      [
        'VALEUR_HORS_LIMITES',
        { raison: 'validiteMillesime', validiteJours: 366, maximum: 213, fin: '2029-06-02', millesime: 2026 },
        "Un devis aux tarifs 2026 est valable au plus tard jusqu'au 31 décembre 2026 : 366 jours le mèneraient au 2 juin 2029 ; 213 jours au plus à partir de sa date.",
      ],
    ];
    for (const [code, params, message] of cas) {
      const issue = documentIssue(code, ['options'], params as never);
      expect(issue).toEqual({ code, path: ['options'], message, params });
    }
  });

  it('ce que les documents jugent comme la bibliothèque (texte, SIRET, champ inconnu…) s’écrit avec les mots de la bibliothèque', () => {
    const cas: [string, object][] = [
      ['ENTREE_INVALIDE', { raison: 'type', attendu: 'string', recu: 'le nombre 3' }],
      ['ENTREE_INVALIDE', { raison: 'type', attendu: 'object', recu: 'une liste' }],
      ['ENTREE_INVALIDE', { raison: 'optionIllisible' }],
      ['VALEUR_HORS_LIMITES', { raison: 'minimum', limite: 1, origine: 'string', inclusif: true, recu: 'la chaîne «  »' }],
      ['VALEUR_HORS_LIMITES', { raison: 'maximum', limite: 200, origine: 'string', inclusif: true, recu: 'une chaîne de caractères' }],
      ['VALEUR_NON_ADMISE', { raison: 'caractereDeControle', caractere: 'U+001B', position: 2 }],
      ['VALEUR_NON_ADMISE', { raison: 'choix', valeurs: ['true'], recu: 'la chaîne « a\u0007 »' }],
      ['CHAMP_MANQUANT', { raison: 'racine', attendu: 'object' }],
      ['CHAMP_MANQUANT', { raison: 'champ', attendu: 'string' }],
      ['CHAMP_INCONNU', { champ: 'tva' }],
      ['SIRET_INVALIDE', { raison: 'longueur', siret: '1'.repeat(30), siren: null }],
      ['SIRET_INVALIDE', { raison: 'cle', siret: '25900032500012', siren: null }],
      ['ERREUR_INTERNE', { detail: 'boum' }],
    ];
    for (const [code, params] of cas) expect(documentIssue(code as never, [], params as never).message).toBe(issueMessage(code as never, params as never));
  });

  it('une voix de la bibliothèque laisse tel quel le message d’une raison qu’elle ne connaît pas', () => {
    const issue = documentIssue('ENTREE_INVALIDE', ['options', 'numero'], { raison: 'numeroDevis', minimum: 1, maximum: 100 });
    expect(rewordIssue(issue, 'adherent')).toBe(issue);
    // Chaque problème des options du devis imprimable, quelle que soit la voix, garde son message.
    const all = [
      ...validateHtmlOptions({ numero: '', date: '2026-13-40', validiteJours: 0 }, 2026),
      ...validateHtmlOptions({ numero: 'D-1', date: '2026-12-01', validiteJours: 200 }, 2026),
      ...validateHtmlOptions({ numero: 'D-1', date: '2027-01-02', validiteJours: 30 }, 2026),
    ];
    expect(new Set(all.map((i) => i.params['raison']))).toEqual(new Set(['numeroDevis', 'dateDevis', 'validiteJours', 'validiteMillesime', 'dateApresMillesime']));
    for (const i of all) for (const voice of ['bibliotheque', 'adherent'] as const) expect(rewordIssue(i, voice).message).toBe(i.message);
  });
});

describe('validateHtmlOptions', () => {
  it('rend tous les problèmes des options, sans lever, aucun si elles sont bonnes', () => {
    expect(validateHtmlOptions({ numero: 'D-1', date: '2026-11-29', validiteJours: 30, emetteur: EMETTEUR }, 2026)).toEqual([]);
    expect(raisons(validateHtmlOptions({ numero: ' ', date: '2027-01-04', validiteJours: 0, emetteur: { ...EMETTEUR, tva: 'x' } }, 2026))).toEqual([
      ['options.numero', 'ENTREE_INVALIDE', 'numeroDevis'],
      ['options.date', 'ENTREE_INVALIDE', 'dateApresMillesime'],
      ['options.validiteJours', 'VALEUR_HORS_LIMITES', 'validiteJours'],
      ['options.emetteur.tva', 'CHAMP_INCONNU', undefined],
    ]);
    expect(raisons(validateHtmlOptions({ numero: 'D-1', date: '2026-06-01', validiteJours: 366 }, 2026))).toEqual([['options.validiteJours', 'VALEUR_HORS_LIMITES', 'validiteMillesime']]);
  });

  it('une entrée hostile donne des problèmes, jamais une exception', () => {
    const piege = new Proxy({}, { ownKeys: () => { throw new Error('piège'); } });
    expect(raisons(validateHtmlOptions(piege, 2026))).toEqual([['options', 'ENTREE_INVALIDE', 'illisible']]);
    const getter = Object.defineProperty({ numero: 'D-1' }, 'date', { enumerable: true, get: () => { throw new Error('x'); } });
    expect(raisons(validateHtmlOptions(getter, 2026))).toEqual([['options.date', 'ENTREE_INVALIDE', 'illisible']]);
    expect(raisons(validateHtmlOptions(null, 2026))).toEqual([
      ['options.numero', 'ENTREE_INVALIDE', 'numeroDevis'],
      ['options.date', 'ENTREE_INVALIDE', 'dateDevis'],
    ]);
  });
});

describe('safeParseEmetteur', () => {
  it('rend l’émetteur rogné, son SIRET sans espaces, sans la clé $schema', () => {
    const r = safeParseEmetteur({ $schema: 'emetteur.schema.json', nom: '  Syndicat ', adresse: ' 1 rue\n90000 Belfort ', siret: '259 000 325 00011', signataire: { nom: ' A ', qualite: 'B' }, exemple: true });
    expect(r).toEqual({ success: true, data: { nom: 'Syndicat', adresse: '1 rue\n90000 Belfort', siret: '25900032500011', signataire: { nom: 'A', qualite: 'B' }, exemple: true } });
    expect(isValidSiret('25900032500011')).toBe(true);
  });

  it('juge chaque champ dans l’ordre, puis les champs inconnus, tous les problèmes à la fois', () => {
    const r = safeParseEmetteur({ zzz: 1, nom: '', adresse: 3, siret: 'x', signataire: { qualite: ' ' }, exemple: 1 }, ['emetteur']);
    expect(!r.success && raisons(r.issues)).toEqual([
      ['emetteur.nom', 'VALEUR_HORS_LIMITES', 'minimum'],
      ['emetteur.adresse', 'ENTREE_INVALIDE', 'type'],
      ['emetteur.siret', 'SIRET_INVALIDE', 'longueur'],
      ['emetteur.signataire.nom', 'CHAMP_MANQUANT', 'champ'],
      ['emetteur.signataire.qualite', 'VALEUR_HORS_LIMITES', 'minimum'],
      ['emetteur.exemple', 'VALEUR_NON_ADMISE', 'choix'],
      ['emetteur.zzz', 'CHAMP_INCONNU', undefined],
    ]);
  });

  it('un texte trop long et porteur d’un caractère de contrôle a ses deux problèmes ; une valeur illisible, le seul problème de sa lecture', () => {
    const long = safeParseEmetteur({ ...EMETTEUR, nom: 'a'.repeat(250) + '\u0007' });
    expect(!long.success && raisons(long.issues)).toEqual([
      ['nom', 'VALEUR_HORS_LIMITES', 'maximum'],
      ['nom', 'VALEUR_NON_ADMISE', 'caractereDeControle'],
    ]);
    const illisible = safeParseEmetteur(Object.defineProperty({ ...EMETTEUR }, 'nom', { enumerable: true, get: () => { throw new Error('boum'); } }));
    expect(!illisible.success && illisible.issues.map((i) => i.message)).toEqual(['Donnée illisible : sa lecture a levé une exception (boum).']);
    expect(safeParseEmetteur(undefined)).toEqual({ success: false, issues: [{ code: 'CHAMP_MANQUANT', path: [], message: 'Aucune donnée reçue.', params: { raison: 'racine', attendu: 'object' } }] });
  });

  it('le schéma JSON de l’émetteur se déduit des mêmes règles', () => {
    const schema = emetteurJsonSchema() as { required: string[]; additionalProperties: boolean; properties: Record<string, object> };
    expect(schema.required).toEqual(['nom', 'adresse', 'siret']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'nom', 'adresse', 'siret', 'contact', 'signataire', 'mentionFiscale', 'convention', 'conditions', 'exemple']);
    expect(schema.properties['nom']).toEqual({ type: 'string', minLength: 1, maxLength: 200 });
  });
});

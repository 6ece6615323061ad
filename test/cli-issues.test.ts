/**
 * Les problèmes propres à la ligne de commande (`FICHIER_ILLISIBLE`, `JSON_INVALIDE`) : chaque raison a
 * sa rédaction, faite de son code et de ses paramètres seuls, des données simples ; la voix de
 * `comparer` rédige un montant manquant d'après son code et ses paramètres, jamais d'après le texte.
 */
import { describe, expect, it } from 'vitest';
import { safePricePrestation, type QuoteIssue } from '@te90/tarifs';
import { cliIssue, cliIssueMessage, inCompareVoice, RefusedInput, type CliIssue, type CliIssueCode, type CliIssueParamsByCode } from '../src/cli/issues.js';
import { batchFromText } from '../src/cli/sources.js';

/** Des paramètres pour chaque code, et chaque raison : le type oblige à n'en oublier aucun code. */
const SAMPLES: { readonly [C in CliIssueCode]: readonly CliIssueParamsByCode[C][] } = {
  JSON_INVALIDE: [
    { raison: 'syntaxe', source: 'a.json', erreur: 'fin', attendu: 'virguleOuAccolade', ligneTexte: 4, colonne: 1 },
    { raison: 'syntaxe', source: 'a.jsonl', ligne: 3, erreur: 'caractere', attendu: 'nom', trouve: '}', apresVirgule: true, ligneTexte: 1, colonne: 12 },
    { raison: 'syntaxe', source: 'a.json', erreur: 'apres', trouve: '{', ligneTexte: 2, colonne: 1, jsonl: false },
    { raison: 'syntaxe', source: 'a.json', erreur: 'controle', ligneTexte: 2, colonne: 7 },
    { raison: 'syntaxe', source: 'a.json', erreur: 'echappement', trouve: '\\x', ligneTexte: 2, colonne: 7 },
    { raison: 'syntaxe', source: 'a.json', erreur: 'nombre', ligneTexte: 2, colonne: 7 },
    { raison: 'syntaxe', source: 'a.json' },
    { raison: 'vide', source: "L'entrée standard" },
  ],
  FICHIER_ILLISIBLE: [
    { raison: 'tropVolumineux', fichier: 'a.json', octets: 600_000_000 },
    { raison: 'encodage', fichier: 'a.json', octet: 0xe9, ligne: 2, position: 14 },
    { raison: 'encodage', fichier: 'a.json', octet: null, ligne: 2, position: 14 },
    { raison: 'dossier', fichier: 'd' },
    { raison: 'lecture', fichier: 'a.json', erreur: 'permission refusée (EACCES)' },
    { raison: 'lectureDossier', fichier: 'd', erreur: 'permission refusée (EACCES)' },
    { raison: 'entreeStandard', erreur: 'erreur inconnue' },
    { raison: 'depasseLimite', fichier: 'a.json', maximum: 268_435_456 },
    { raison: 'utf16', fichier: 'a.json', boutisme: 'LE' },
    { raison: 'pasUnFichier', fichier: 'd/tube.json' },
  ],
};

const ALL = Object.entries(SAMPLES).flatMap(([code, list]) => (list as readonly object[]).map((params) => ({ code: code as CliIssueCode, params })));

function issuesOf(run: () => unknown): readonly CliIssue[] {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof RefusedInput) return error.issues as readonly CliIssue[];
    throw error;
  }
}

describe('problèmes de la ligne de commande', () => {
  it('chaque raison a un message, sans « undefined » ni « [object », fonction du code et des paramètres seuls', () => {
    for (const { code, params } of ALL) {
      const a = cliIssue(code, ['a'], params as never);
      const b = cliIssue(code, [], JSON.parse(JSON.stringify(params)) as never);
      expect(a.message.length, `${code} ${JSON.stringify(params)}`).toBeGreaterThan(10);
      expect(a.message).not.toMatch(/undefined|\[object/);
      expect(a.message).toBe(b.message);
      expect(a.message).toBe(cliIssueMessage(code, params as never));
      expect(JSON.parse(JSON.stringify(a.params))).toEqual(a.params);
    }
  });

  it('un nom de fichier à caractère de contrôle est montré échappé', () => {
    expect(cliIssueMessage('FICHIER_ILLISIBLE', { raison: 'dossier', fichier: 'd\u001b[2J' })).toBe('d\\u001b[2J est un dossier, pas un fichier.');
  });

  it('les lots illisibles portent leurs paramètres : texte vide, ni JSON ni JSONL, ligne JSONL cassée', () => {
    let seen = 0;
    for (const text of ['', '   ', '{', '{"a": 1}\n{', '[1, 2']) {
      for (const issue of issuesOf(() => batchFromText(text, 'lot.json'))) {
        expect(JSON.parse(JSON.stringify(issue.params))).toEqual(issue.params);
        expect(issue.code).toBe('JSON_INVALIDE');
        seen++;
      }
    }
    const jsonl = batchFromText('{"a": 1}\n{ cassé', 'lot.jsonl');
    for (const e of jsonl.entries()) {
      if (e.entry.ok) continue;
      expect(e.entry.issue.params).toMatchObject({ raison: 'syntaxe', ligne: 2 });
      seen++;
    }
    expect(seen).toBe(5);
  });
});

describe('la voix de comparer', () => {
  const missing = safePricePrestation('dpo', {});
  const issue = !missing.success ? missing.issues[0]! : undefined;

  it('un montant manquant se fournit par --tarifs-avant ou --tarifs-apres', () => {
    expect(issue?.code).toBe('TARIF_NON_PUBLIE');
    const voiced = inCompareVoice(issue!);
    expect(voiced.message).toMatch(/\(catalogue : prestations\.dpo\.composantes\.abonnement\.montant\)\. Fournissez-le dans un catalogue complété \(--tarifs-avant ou --tarifs-apres\)\.$/);
    expect(voiced.message.startsWith(issue!.message.slice(0, issue!.message.indexOf(' (catalogue')))).toBe(true);
    expect(voiced.path).toBe(issue!.path);
    expect(voiced.params).toBe(issue!.params);
  });

  it('rédigée d’après le code et les paramètres, jamais d’après le texte ; tout autre problème reste tel quel', () => {
    const forged: QuoteIssue = { ...issue!, message: 'Un texte quelconque.' };
    expect(inCompareVoice(forged).message).toBe(inCompareVoice(issue!).message);
    const other: QuoteIssue = { code: 'SIREN_INVALIDE', path: ['collectivite', 'siren'], message: 'Clé fausse.', params: { raison: 'cle', siren: '123456789' } };
    expect(inCompareVoice(other)).toBe(other);
  });
});

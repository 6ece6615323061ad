import { describe, expect, it } from 'vitest';
import { safePricePrestation } from '../../src/index.js';
import { inSimulatorVoice, jsonFileIssue } from '../../src/simulator/issues.js';

describe('la voix du simulateur', () => {
  it('un montant non publié se fournit par le fichier de tarifs du formulaire, rédigé d’après les paramètres', () => {
    const r = safePricePrestation('dpo', {});
    const issue = !r.success ? r.issues[0]! : undefined;
    expect(issue?.code).toBe('TARIF_NON_PUBLIE');
    const voiced = inSimulatorVoice(issue!);
    const [head] = issue!.message.split('). ');
    expect(voiced.message).toBe(`${head}). Chargez un fichier de tarifs qui le fournit (en bas du formulaire).`);
    expect([voiced.code, voiced.path, voiced.params]).toEqual([issue!.code, issue!.path, issue!.params]);
    // Jamais d'après le texte du message : un message forgé est réécrit de même.
    expect(inSimulatorVoice({ ...issue!, message: 'x' }).message).toBe(voiced.message);
  });

  it('tout autre problème garde son message ; des paramètres incomplets aussi', () => {
    const autre = { code: 'SIREN_INVALIDE', path: ['collectivite', 'siren'], message: 'm', params: { raison: 'cle', siren: '1' } } as const;
    expect(inSimulatorVoice(autre)).toBe(autre);
    const incomplet = { code: 'TARIF_NON_PUBLIE', path: [], message: 'm', params: { prestation: 'dpo' } } as const;
    expect(inSimulatorVoice(incomplet)).toBe(incomplet);
  });

  it('un fichier de tarifs qui n’est pas du JSON', () => {
    expect(jsonFileIssue('tarifs.json')).toEqual({ code: 'JSON_INVALIDE', path: ['tarifs'], message: "Le fichier « tarifs.json » n'est pas du JSON valide.", params: { raison: 'fichier', fichier: 'tarifs.json' } });
    expect(jsonFileIssue('a\u001b.json').message).toBe("Le fichier « a\\u001b.json » n'est pas du JSON valide.");
  });
});

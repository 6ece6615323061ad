/**
 * Ligne de commande : ce que ses utilisateurs rencontrent (issue 20) — caractères de contrôle,
 * une passe sur tous les fichiers, lecteur borné, terminal sur l'entrée standard, suggestions.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { memoryIo } from './cli-helpers.js';

/** Un caractère de contrôle quelconque (C0, DEL, C1). */
const CONTROLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const avecNom = (nom: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ collectivite: { nom, siren: '200000172', type: 'epci', ...extra }, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 } } });

describe('caractères de contrôle : jamais imprimés tels quels', () => {
  const NOMS = { ESC: 'Commune\u001b]0;titre forgé\u0007', BEL: 'Commune\u0007', CR: 'Commune\rTOTAL : 0,00 €', LF: 'Commune\nTOTAL : 0,00 €' };

  it.each(Object.entries(NOMS))('devis : un nom avec %s est refusé (VALEUR_NON_ADMISE), sans caractère de contrôle en sortie', async (_, nom) => {
    const m = memoryIo(avecNom(nom));
    expect(await runCli(['devis', '-'], m.io)).toBe(1);
    expect(m.err()).toMatch(/caractère de contrôle \(U\+00(1B|07|0D|0A), position 8\)/);
    expect(m.out() + m.err().replace(/\n/g, '')).not.toMatch(CONTROLE);
  });

  it.each(Object.entries(NOMS))('lot : une adhésion au nom avec %s est refusée, la sortie texte reste propre', async (_, nom) => {
    const m = memoryIo(`[${avecNom('Commune propre')}, ${avecNom(nom)}]`);
    expect(await runCli(['lot', '-'], m.io)).toBe(1);
    expect(m.out()).toMatch(/REFUSÉE/);
    expect((m.out() + m.err()).replace(/\n/g, '')).not.toMatch(CONTROLE);
  });

  it('une valeur reçue citée dans un message (type, clé inconnue) y est échappée : \\u001b', async () => {
    const entree = JSON.parse(avecNom('Commune')) as { collectivite: Record<string, unknown> };
    entree.collectivite['type'] = 'ep\u001bci';
    entree.collectivite['x\u001b[2J'] = 1;
    const m = memoryIo(JSON.stringify(entree));
    expect(await runCli(['devis', '-'], m.io)).toBe(1);
    expect(m.err()).toContain('« ep\\u001bci »');
    expect(m.err()).toContain('collectivite.x\\u001b[2J');
    expect(m.err().replace(/\n/g, '')).not.toMatch(CONTROLE);
  });

  it('témoin : un nom sans caractère de contrôle donne un devis', async () => {
    const m = memoryIo(avecNom('Commune « propre »'));
    expect(await runCli(['devis', '-'], m.io)).toBe(0);
    expect(m.out()).toContain('Commune « propre »');
  });
});

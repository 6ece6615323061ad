/**
 * Ligne de commande : « - » sur un terminal montre l'usage au lieu d'attendre ; une commande mal
 * tapée suggère la plus proche.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { memoryIo } from './cli-helpers.js';

const avecNom = (nom: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ collectivite: { nom, siren: '200000172', type: 'epci', ...extra }, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 } } });

describe('ligne de commande : terminal sur l’entrée standard, suggestions', () => {
  it('« devis - » sur un terminal affiche l’usage au lieu d’attendre (code 2), sans lire l’entrée', async () => {
    const m = memoryIo();
    let lu = false;
    const io = { ...m.io, stdinIsTty: true, readStdin: async () => ((lu = true), new Uint8Array()) };
    expect(await runCli(['devis', '-'], io)).toBe(2);
    expect(lu).toBe(false);
    expect(m.err()).toContain("L'entrée standard est un terminal");
    expect(m.err()).toContain('te90-tarifs devis');
  });

  it('témoin : « devis - » sur un tube lit l’entrée', async () => {
    const m = memoryIo(avecNom('Commune'));
    expect(await runCli(['devis', '-'], { ...m.io, stdinIsTty: false })).toBe(0);
  });

  it.each([
    ['devsi', 'devis'],
    ['lto', 'lot'],
    ['reviseur', 'reviser'],
    ['comparé', 'comparer'],
    ['factu', 'facturation'],
  ])('une commande inconnue « %s » suggère « %s »', async (tape, attendu) => {
    const m = memoryIo();
    expect(await runCli([tape], m.io)).toBe(2);
    expect(m.err()).toContain(`Vouliez-vous dire « ${attendu} » ?`);
  });

  it('une commande sans voisine proche n’a pas de suggestion', async () => {
    const m = memoryIo();
    expect(await runCli(['zzz'], m.io)).toBe(2);
    expect(m.err()).not.toContain('Vouliez-vous dire');
  });
});

import { describe, expect, it } from 'vitest';
import { fitMessage, tableau } from '../../src/spreadsheet/functions.js';
import type { Cell } from '../../src/spreadsheet/cells.js';

const HEADER = ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL'];

/** `n` lignes de la même collectivité (même SIREN, même nom) : un seul conflit, qui nomme les `n` lignes. */
function shared(n: number): Cell[][] {
  return [HEADER, ...Array.from({ length: n }, () => ['Foussemagne', '219000494', 'commune', 4, 0])];
}

/** Le temps processeur de `tableau` sur `n` lignes, le meilleur de deux essais. */
function cpu(n: number): number {
  const table = shared(n);
  let best = Infinity;
  for (let k = 0; k < 2; k++) {
    const t0 = process.cpuUsage();
    tableau(table);
    const t = process.cpuUsage(t0);
    best = Math.min(best, t.user + t.system);
  }
  return best;
}

describe('TABLEAU : des lignes qui partagent un SIREN', () => {
  it("chaque ligne en cause dit le conflit, coupé à la limite d'une cellule, comme s'il était rédigé pour elle seule", () => {
    const n = 6_000;
    const out = tableau(shared(n));
    expect(out).toHaveLength(n + 1);
    const rows = Array.from({ length: n }, (_, i) => `n° ${i + 2}`).join(', ');
    const full = `Les adhésions ${rows} portent toutes le SIREN 219000494 de la collectivité : une collectivité n'adhère qu'une fois ; gardez-en une seule.`;
    for (const i of [1, 2, 999, n]) {
      expect(out[i]![0]).toBe(fitMessage([`tableau, ligne ${i + 1} : ${full}`]));
      expect(String(out[i]![0]).length).toBe(32_767);
    }
    // Peu de lignes : le message entier.
    const small = tableau(shared(3));
    expect(small[3]![0]).toBe('Erreur : tableau, ligne 4 : Les adhésions n° 2, n° 3, n° 4 portent toutes le SIREN 219000494 de la collectivité : une collectivité n\'adhère qu\'une fois ; gardez-en une seule.');
  });

  // Pas une mesure de vitesse (le banc d'essai chiffre 100 000 lignes) : la croissance. Seize fois plus
  // de lignes coûtent environ seize fois plus quand le temps est linéaire ; plus de soixante quand chaque
  // ligne recopiait le message du conflit, qui grandit avec elles.
  it('le temps croît comme le nombre de lignes, pas comme son carré', { timeout: 120_000 }, () => {
    cpu(500);
    const small = cpu(1_000);
    const large = cpu(16_000);
    expect(large / small).toBeLessThan(36);
  });
});

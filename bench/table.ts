/**
 * `TABLEAU` sur un grand tableau dont les lignes partagent un SIREN : la même collectivité sur
 * chaque ligne, soit un seul conflit qui nomme toutes les lignes, dit sur chacune (le pire cas :
 * chaque ligne en cause porte un message coupé à la limite d'une cellule).
 */
import { tableau } from '../dist/tableur.js';

const HEADER = ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL'];

export interface TableResult {
  readonly lignes: number;
  readonly medianeMs: number;
  readonly durees: readonly number[];
}

/** Médiane de trois appels à `tableau` sur `lignes` lignes qui partagent le SIREN 219000494 . */
export function measureTable(lignes = 100_000): TableResult {
  const table = [HEADER, ...Array.from({ length: lignes }, () => ['Foussemagne', '219000494', 'commune', 4, 0])];
  const durees: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const out = tableau(table);
    durees.push(Number((performance.now() - t0).toFixed(0)));
    if (out.length !== lignes + 1 || !String(out[lignes]![0]).startsWith('Erreur : ')) throw new Error('TABLEAU doit signaler le SIREN partagé sur chaque ligne');
  }
  return { lignes, medianeMs: [...durees].sort((a, b) => a - b)[1]!, durees };
}

import type { Path } from '../core/shapes.js';
import { lintMessage, type LintFacts } from '../wording/lint.js';

/**
 * Une remarque de cohérence sur un tarif, sans la prestation ni la composante (le catalogue les
 * ajoute) : code, niveau, chemin depuis la composante, message et chiffres.
 *
 * @internal
 */
export interface ModelFinding {
  readonly code: 'CHEVAUCHEMENT' | 'LACUNE' | 'DEBUT_MANQUANT' | 'BORNES_INVERSEES' | 'QUOTA_EN_DOUBLE' | 'BAISSE_AU_SEUIL';
  readonly niveau: 'erreur' | 'avertissement';
  readonly path: Path;
  readonly message: string;
  readonly chiffres: LintFacts;
}

/**
 * Une remarque de cohérence, son message rédigé à partir de son code et de ses chiffres.
 *
 * @internal
 */
export function finding(code: ModelFinding['code'], niveau: ModelFinding['niveau'], path: Path, chiffres: LintFacts): ModelFinding {
  return { code, niveau, path, message: lintMessage(code, chiffres), chiffres };
}

/**
 * Reçoit une remarque de cohérence.
 *
 * @internal
 */
export type Push = (f: ModelFinding) => void;

/**
 * Une bande de valeurs : de `de` à `a`, bornes comprises (`a: null` : sans limite).
 *
 * @internal
 */
export interface Band {
  readonly de: number;
  readonly a: number | null;
}

/**
 * Trouve la bande qui contient une valeur (palier, strate), ou `-1`.
 *
 * @internal
 */
export function findBand(bands: readonly Band[], value: number): number {
  return bands.findIndex((s) => value >= s.de && (s.a === null || value <= s.a));
}

/**
 * Ce que sont des bandes : des paliers (d'unités, dès 1) ou des strates (de population, dès 0).
 *
 * @internal
 */
export interface Noun {
  readonly objet: 'palier' | 'strate';
  /** La première valeur qui doit être couverte (1 unité, 0 habitant). */
  readonly debut: number;
}

/** @internal */
export const PALIER: Noun = { objet: 'palier', debut: 1 };
/** @internal */
export const STRATE: Noun = { objet: 'strate', debut: 0 };

/**
 * Vérifie des bandes consécutives : début à la première valeur, ni chevauchement ni lacune, bornes
 * dans l'ordre.
 *
 * @internal
 */
export function checkBounds(items: readonly Band[], what: Noun, path: Path, push: Push): void {
  const first = what.debut;
  const objet = what.objet;
  items.forEach((item, i) => {
    if (item.a !== null && item.a < item.de) push(finding('BORNES_INVERSEES', 'erreur', [...path, i], { de: item.de, a: item.a, objet, rang: i + 1 }));
  });
  const sorted = items.map((item, i) => ({ item, i })).sort((x, y) => x.item.de - y.item.de);
  const start = sorted[0];
  if (start && start.item.de !== first) push(finding('DEBUT_MANQUANT', 'erreur', [...path, start.i], { attendu: first, de: start.item.de, objet }));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    const end = prev.item.a;
    if (end === null || cur.item.de <= end) {
      push(
        finding('CHEVAUCHEMENT', 'erreur', [...path, cur.i], {
          finPrecedent: end,
          debut: cur.item.de,
          objet,
          rangPrecedent: prev.i + 1,
          dePrecedent: prev.item.de,
          rang: cur.i + 1,
          fin: cur.item.a,
        }),
      );
    } else if (cur.item.de > end + 1) {
      push(finding('LACUNE', 'erreur', [...path, cur.i], { de: end + 1, a: cur.item.de - 1, objet }));
    }
  }
  const last = sorted[sorted.length - 1];
  if (last && last.item.a !== null) push(finding('LACUNE', 'erreur', [...path, last.i], { de: last.item.a + 1, a: null, objet }));
}

/**
 * Vérifie des quotas sans doublon.
 *
 * @internal
 */
export function checkQuotas(quotasGo: readonly number[], path: Path, push: Push): void {
  quotasGo.forEach((q, j) => {
    if (quotasGo.indexOf(q) !== j) {
      push(finding('QUOTA_EN_DOUBLE', 'erreur', [...path, j], { quotaGo: q }));
    }
  });
}

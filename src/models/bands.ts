import type { Path, Strate } from '../core/shapes.js';
import { formatNombre } from '../money/format.js';

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
  readonly chiffres: Readonly<Record<string, string | number | null>>;
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
 * Écrit une strate en français : `de 500 à 1 999 habitants`, `à partir de 10 000 habitants`.
 *
 * @internal
 */
export function formatStrate(strate: Strate): string {
  return strate.a === null
    ? `à partir de ${formatNombre(String(strate.de))} habitants`
    : `de ${formatNombre(String(strate.de))} à ${formatNombre(String(strate.a))} habitants`;
}

/**
 * Ce qu'on appelle une bande dans les messages : un palier (d'unités) ou une strate (de population).
 *
 * @internal
 */
export interface Noun {
  readonly nom: string;
  readonly noms: string;
  readonly premier: string;
  readonly dernier: string;
  readonly aucun: string;
  /** La première valeur qui doit être couverte (1 unité, 0 habitant). */
  readonly debut: number;
}

/** @internal */
export const PALIER: Noun = { nom: 'Palier', noms: 'Paliers', premier: 'Le premier palier', dernier: 'Le dernier palier', aucun: 'Aucun palier', debut: 1 };
/** @internal */
export const STRATE: Noun = { nom: 'Strate', noms: 'Strates', premier: 'La première strate', dernier: 'La dernière strate', aucun: 'Aucune strate', debut: 0 };

function label(n: number | null): string {
  return n === null ? 'sans limite' : formatNombre(String(n));
}

/**
 * Vérifie des bandes consécutives : début à la première valeur, ni chevauchement ni lacune, bornes
 * dans l'ordre.
 *
 * @internal
 */
export function checkBounds(items: readonly Band[], what: Noun, path: Path, push: Push): void {
  const first = what.debut;
  items.forEach((item, i) => {
    if (item.a !== null && item.a < item.de) {
      push({
        code: 'BORNES_INVERSEES',
        niveau: 'erreur',
        path: [...path, i],
        message: `${what.nom} ${i + 1} va de ${label(item.de)} à ${label(item.a)} : la fin précède le début.`,
        chiffres: { de: item.de, a: item.a },
      });
    }
  });
  const sorted = items.map((item, i) => ({ item, i })).sort((x, y) => x.item.de - y.item.de);
  const start = sorted[0];
  if (start && start.item.de !== first) {
    push({
      code: 'DEBUT_MANQUANT',
      niveau: 'erreur',
      path: [...path, start.i],
      message: `${what.premier} commence à ${label(start.item.de)} au lieu de ${label(first)} : les valeurs de ${label(first)} à ${label(start.item.de - 1)} n'ont pas de tarif.`,
      chiffres: { attendu: first, de: start.item.de },
    });
  }
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    const end = prev.item.a;
    if (end === null || cur.item.de <= end) {
      push({
        code: 'CHEVAUCHEMENT',
        niveau: 'erreur',
        path: [...path, cur.i],
        message: `${what.noms} ${prev.i + 1} (${label(prev.item.de)} à ${label(end)}) et ${cur.i + 1} (${label(cur.item.de)} à ${label(cur.item.a)}) se chevauchent.`,
        chiffres: { finPrecedent: end, debut: cur.item.de },
      });
    } else if (cur.item.de > end + 1) {
      push({
        code: 'LACUNE',
        niveau: 'erreur',
        path: [...path, cur.i],
        message: `${what.aucun} ne couvre ${label(end + 1)} à ${label(cur.item.de - 1)}.`,
        chiffres: { de: end + 1, a: cur.item.de - 1 },
      });
    }
  }
  const last = sorted[sorted.length - 1];
  if (last && last.item.a !== null) {
    push({
      code: 'LACUNE',
      niveau: 'erreur',
      path: [...path, last.i],
      message: `${what.dernier} s'arrête à ${label(last.item.a)} : au-delà, aucun tarif.`,
      chiffres: { de: last.item.a + 1, a: null },
    });
  }
}

/**
 * Vérifie des quotas sans doublon.
 *
 * @internal
 */
export function checkQuotas(quotasGo: readonly number[], path: Path, push: Push): void {
  quotasGo.forEach((q, j) => {
    if (quotasGo.indexOf(q) !== j) {
      push({ code: 'QUOTA_EN_DOUBLE', niveau: 'erreur', path: [...path, j], message: `Le quota de ${q} Go figure deux fois.`, chiffres: { quotaGo: q } });
    }
  });
}

/**
 * Écrit une borne d'une bande (`sans limite` pour `null`).
 *
 * @internal
 */
export const bandLabel = label;

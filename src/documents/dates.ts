/**
 * Les dates des documents : une date `AAAA-MM-JJ` lue en jours, et écrite en toutes lettres.
 * Calendrier grégorien, sans fuseau : un document ne lit jamais l'horloge.
 */

const DAY = 86_400_000;

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/**
 * Une date `AAAA-MM-JJ` en toutes lettres : `1er juillet 2024`.
 *
 * @internal
 */
export function dateEnLettres(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d === 1 ? '1er' : d} ${MOIS[m - 1]} ${y}`;
}

/**
 * Une date `AAAA-MM-JJ` valide, en jours depuis l'époque ; `undefined` si elle n'existe pas.
 *
 * @internal
 */
export function dayNumber(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t / DAY : undefined;
}

/**
 * Le jour (en jours depuis l'époque) du 31 décembre d'une année.
 *
 * @internal
 */
export function lastDayOf(year: number): number {
  return Date.UTC(year, 11, 31) / DAY;
}

/**
 * Un jour (en jours depuis l'époque) en date `AAAA-MM-JJ`.
 *
 * @internal
 */
export function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/**
 * Les options du devis imprimable : leur forme ({@link HtmlOptions}), et leur jugement pour un
 * catalogue d'un millésime (numéro, date, validité, émetteur), avant ou pendant l'écriture du devis.
 */
import { QuoteError, readInput, type Path, type QuoteIssue } from '@te90/tarifs';
import { dayNumber, isoDate, lastDayOf } from './dates.js';
import { safeParseEmetteur, type Emetteur } from './emetteur.js';
import { controlCharacter } from '@te90/tarifs';
import { documentIssue, guarded } from './issues.js';

/**
 * Ce que le devis imprimable affiche en plus du devis : son numéro, sa date et sa durée de validité,
 * donnés par l'appelant (la bibliothèque ne lit pas l'horloge), et l'émetteur.
 *
 * @category Devis
 * @example
 * ```ts
 * const o: HtmlOptions = { numero: 'D-2026-0042', date: '2026-11-29', validiteJours: 30, emetteur };
 * ```
 */
export interface HtmlOptions {
  /** Le numéro du devis. */
  readonly numero: string;
  /** La date du devis, `AAAA-MM-JJ`, au plus tard le 31 décembre de l'année du catalogue. */
  readonly date: string;
  /**
   * La durée de validité, en jours : la validité s'arrête au plus tard le 31 décembre de l'année
   * du catalogue (au-delà, refusée). Par défaut 30 jours, ramenés à la fin de l'année s'il le faut.
   */
  readonly validiteJours?: number | undefined;
  /**
   * L'émetteur (le syndicat) : nom, adresse, SIRET, contact, signataire, mention fiscale. Sans
   * émetteur ou sans mention fiscale, le devis porte un bandeau « document de travail ».
   */
  readonly emetteur?: Emetteur | undefined;
}

/**
 * Ce que fixent des options jugées bonnes.
 *
 * @internal
 */
export interface Checked {
  readonly numero: string;
  readonly jour: number;
  /** Le dernier jour de validité. */
  readonly fin: number;
  /** La durée de validité en jours, ou `undefined` si elle a été ramenée à la fin de l'année. */
  readonly validite: number | undefined;
  /** `true` si l'appelant a donné la durée de validité ; sinon elle est la durée par défaut de l'outil. */
  readonly validiteDonnee: boolean;
  readonly emetteur: Emetteur | undefined;
}

/**
 * Juge les options du devis imprimable pour un catalogue de ce millésime : ce qu'elles fixent, ou
 * tous leurs problèmes (chemins `options.…`).
 *
 * @internal
 */
export function judgeHtmlOptions(options: unknown, millesime: number): { readonly checked?: Checked; readonly issues: readonly QuoteIssue[] } {
  const issues: QuoteIssue[] = [];
  let o: Record<string, unknown> = {};
  if (typeof options === 'object' && options !== null) {
    // Chaque option est lue une fois, protégée : une option illisible est un problème de l'entrée.
    for (const name of ['numero', 'date', 'validiteJours', 'emetteur']) {
      try {
        o = { ...o, [name]: (options as Record<string, unknown>)[name] };
      } catch {
        issues.push(documentIssue('ENTREE_INVALIDE', ['options', name], { raison: 'optionIllisible' }));
      }
    }
  }
  const at = (field: string): Path => ['options', field];
  const numero = o['numero'];
  if (typeof numero !== 'string' || numero.trim() === '' || numero.length > 100) {
    issues.push(documentIssue('ENTREE_INVALIDE', at('numero'), { raison: 'numeroDevis', minimum: 1, maximum: 100 }));
  } else {
    // Le numéro est imprimé sur le devis : un caractère de contrôle n'y a pas sa place.
    const found = controlCharacter(numero);
    if (found !== undefined) issues.push(documentIssue('VALEUR_NON_ADMISE', at('numero'), { raison: 'caractereDeControle', ...found }));
  }
  const finAnnee = lastDayOf(millesime);
  const jour = typeof o['date'] === 'string' ? dayNumber(o['date']) : undefined;
  if (jour === undefined) issues.push(documentIssue('ENTREE_INVALIDE', at('date'), { raison: 'dateDevis', format: 'AAAA-MM-JJ', exemple: `${millesime}-11-29` }));
  else if (jour > finAnnee) issues.push(documentIssue('ENTREE_INVALIDE', at('date'), { raison: 'dateApresMillesime', date: o['date'] as string, millesime }));
  const given = o['validiteJours'];
  let validite: number | undefined;
  if (given !== undefined) {
    if (typeof given !== 'number' || !Number.isSafeInteger(given) || given < 1 || given > 366) {
      issues.push(documentIssue('VALEUR_HORS_LIMITES', at('validiteJours'), { raison: 'validiteJours', minimum: 1, maximum: 366 }));
    } else if (jour !== undefined && jour <= finAnnee && jour + given > finAnnee) {
      issues.push(
        documentIssue('VALEUR_HORS_LIMITES', at('validiteJours'), {
          raison: 'validiteMillesime',
          validiteJours: given,
          maximum: finAnnee - jour,
          fin: isoDate(jour + given),
          millesime,
        }),
      );
    } else validite = given;
  }
  let emetteur: Emetteur | undefined;
  if (o['emetteur'] !== undefined) {
    const r = safeParseEmetteur(o['emetteur'], at('emetteur'));
    if (r.success) emetteur = r.data;
    else issues.push(...r.issues);
  }
  if (issues.length > 0) return { issues };
  const fin = validite !== undefined ? jour! + validite : Math.min(jour! + 30, finAnnee);
  return { checked: { numero: (numero as string).trim(), jour: jour!, fin, validite: validite ?? (fin === jour! + 30 ? 30 : undefined), validiteDonnee: validite !== undefined, emetteur }, issues };
}

/**
 * Juge les options du devis imprimable ({@link HtmlOptions}) pour un catalogue de ce millésime, sans
 * écrire le devis : le numéro, la date (au plus tard le 31 décembre du millésime), la durée de
 * validité et l'émetteur. Rend tous leurs problèmes à la fois (chemins `options.…`), aucun si les
 * options sont bonnes : {@link renderQuoteHtml} les accepte alors pour un devis de ce millésime. Ne
 * lève jamais. Les problèmes qui tiennent au millésime ont pour raison (`params.raison`)
 * `dateApresMillesime` ou `validiteMillesime`.
 *
 * @param options - les options à juger, lues une seule fois
 * @param millesime - le millésime du catalogue du devis
 * @returns les problèmes des options, dans l'ordre des options
 * @category Devis
 * @example
 * ```ts
 * validateHtmlOptions({ numero: 'D-2026-0042', date: '2027-01-04' }, 2026).map((i) => i.params['raison']);
 * //=> ['dateApresMillesime']
 * ```
 */
export function validateHtmlOptions(options: unknown, millesime: number): readonly QuoteIssue[] {
  return guarded(() => {
    const read = readInput(options, ['options']);
    return read.issues.length > 0 ? read.issues : judgeHtmlOptions(read.value, millesime).issues;
  });
}

/**
 * Lit les options une seule fois (getters, proxies) : la suite ne voit que la copie ; lève une
 * {@link QuoteError} si elles ne peuvent pas être lues.
 *
 * @internal
 */
export function readHtmlOptions(options: unknown): unknown {
  const read = readInput(options, ['options']);
  if (read.issues.length > 0) throw new QuoteError(read.issues);
  return read.value;
}

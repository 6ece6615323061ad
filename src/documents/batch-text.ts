import { formatEuros, formatSiren, type BatchQuote, type BatchResult, type QuoteIssue } from '@te90/tarifs';
import { pad, renderIssuesText } from './quote-text.js';
import { guardedInput } from './issues.js';

/**
 * La première ligne d'un lot en texte : « Lot de 12 adhésion(s) ».
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * renderBatchHeading(12);
 * //=> 'Lot de 12 adhésion(s)'
 * ```
 */
export function renderBatchHeading(count: number): string {
  return guardedInput(() => {
    return `Lot de ${count} adhésion(s)`;
  });
}

/**
 * Un résultat d'un lot en texte : une ligne (nom, SIREN, total, « (total partiel) » s'il omet une
 * part non chiffrée), ou le refus et ses problèmes ; avec `fichier`, le fichier d'où vient l'adhésion.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * const lot = quoteAll(adhesions);
 * lot.resultats.map((r) => renderBatchResultText(r, 'lot.json'));
 * ```
 */
export function renderBatchResultText(r: BatchResult, fichier?: string): string {
  return guardedInput(() => {
    const siren = r.siren ? `SIREN ${formatSiren(r.siren)}` : 'SIREN illisible';
    if (r.success) {
      const partiel = r.data.totalPartiel ? '  (total partiel)' : '';
      const line = `  #${r.index + 1}  ${pad(r.data.collectivite.nom, 40)} ${pad(siren, 17)} ${pad(formatEuros(r.data.total), 14, true)}${partiel}`;
      return fichier === undefined ? line : `${line}  ${fichier}`;
    }
    const where = fichier === undefined ? '' : ` — ${fichier}`;
    return [`  #${r.index + 1}  REFUSÉE (${siren})${where} :`, renderIssuesText(r.issues).replace(/^/gm, '    ')].join('\n');
  });
}

/**
 * La synthèse d'un lot en texte : par prestation, puis le total et le nombre d'adhésions acceptées
 * et refusées.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * console.log(renderBatchSummaryText(quoteAll(adhesions).synthese));
 * ```
 */
export function renderBatchSummaryText(s: BatchQuote['synthese']): string {
  return guardedInput(() => {
    const out: string[] = [];
    const width = Math.max(...s.parPrestation.map((p) => [...p.libelle].length));
    out.push('Synthèse par prestation :');
    out.push(`  ${pad('Prestation', width)}  ${pad('Adhérents', 9, true)}  ${pad('Montant', 16, true)}`);
    for (const p of s.parPrestation) {
      out.push(`  ${pad(p.libelle, width)}  ${pad(String(p.adherents), 9, true)}  ${pad(formatEuros(p.total), 16, true)}`);
    }
    out.push('', `Total général : ${formatEuros(s.total)}`, `Adhésions acceptées : ${s.acceptes} ; refusées : ${s.refuses}`);
    for (const [titre, conflits] of conflictGroups(s.conflits)) {
      out.push('', `${titre} (${conflits.length}) : à trancher avant de facturer`);
      for (const c of conflits) out.push(`  - ${c.message} [${c.code}]`);
    }
    return out.join('\n');
  });
}

/**
 * Écrit un lot en texte : une ligne par adhésion (total, ou refus avec ses problèmes), puis la
 * synthèse par prestation.
 *
 * @param lot - un lot rendu par {@link "@te90/tarifs"!quoteAll}
 * @returns le texte
 * @category Lot
 * @example
 * ```ts
 * console.log(renderBatchText(quoteAll(adhesions)));
 * ```
 */
export function renderBatchText(lot: BatchQuote): string {
  return guardedInput(() => {
    return [renderBatchHeading(lot.resultats.length), '', ...lot.resultats.map((r) => renderBatchResultText(r)), '', renderBatchSummaryText(lot.synthese)].join('\n');
  });
}

/**
 * Les conflits d'un lot par famille, chacune avec son titre : ce qui serait facturé deux fois au même
 * SIREN, puis les débiteurs décrits deux fois autrement ; une famille sans conflit n'y est pas.
 *
 * @internal
 */
export function conflictGroups(conflits: readonly QuoteIssue[], suffixe = ''): [string, QuoteIssue[]][] {
  const twice = conflits.filter((c) => c.code !== 'DEBITEUR_CONTRADICTOIRE');
  const debtors = conflits.filter((c) => c.code === 'DEBITEUR_CONTRADICTOIRE');
  const out: [string, QuoteIssue[]][] = [];
  if (twice.length > 0) out.push([`Facturé deux fois au même SIREN${suffixe}`, twice]);
  if (debtors.length > 0) out.push([`Débiteur décrit deux fois autrement${suffixe}`, debtors]);
  return out;
}

import type { BatchQuote } from '../batch/quote-all.js';
import { formatEuros } from '../money/format.js';
import { formatSiren, pad, renderIssuesText } from './quote-text.js';

/**
 * Écrit un lot en texte : une ligne par adhésion (total, ou refus avec ses problèmes), puis la
 * synthèse par prestation.
 *
 * @param lot - un lot rendu par {@link quoteAll}
 * @returns le texte
 * @category Affichage
 * @example
 * ```ts
 * console.log(renderBatchText(quoteAll(adhesions)));
 * ```
 */
export function renderBatchText(lot: BatchQuote): string {
  const out: string[] = [`Lot de ${lot.resultats.length} adhésion(s)`, ''];
  for (const r of lot.resultats) {
    const siren = r.siren ? `SIREN ${formatSiren(r.siren)}` : 'SIREN illisible';
    if (r.success) {
      out.push(`  #${r.index + 1}  ${pad(r.data.collectivite.nom, 40)} ${pad(siren, 17)} ${pad(formatEuros(r.data.total), 14, true)}`);
    } else {
      out.push(`  #${r.index + 1}  REFUSÉE (${siren}) :`, renderIssuesText(r.issues).replace(/^/gm, '    '));
    }
  }
  const s = lot.synthese;
  const width = Math.max(...s.parPrestation.map((p) => [...p.libelle].length));
  out.push('', 'Synthèse par prestation :');
  out.push(`  ${pad('Prestation', width)}  ${pad('Adhérents', 9, true)}  ${pad('Montant', 16, true)}`);
  for (const p of s.parPrestation) {
    out.push(`  ${pad(p.libelle, width)}  ${pad(String(p.adherents), 9, true)}  ${pad(formatEuros(p.total), 16, true)}`);
  }
  out.push('', `Total général : ${formatEuros(s.total)}`, `Adhésions acceptées : ${s.acceptes} ; refusées : ${s.refuses}`);
  return out.join('\n');
}

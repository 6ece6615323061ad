import type { QuoteIssue } from '../core/shapes.js';
import { formatPath } from '../errors/quote-error.js';
import { formatEuros, formatNombre } from '../money/format.js';
import type { Quote } from '../core/shapes.js';

/**
 * La nature d'une collectivité, écrite pour un lecteur.
 *
 * @internal
 */
export const TYPES: Readonly<Record<Quote['collectivite']['type'], string>> = {
  commune: 'commune',
  epci: 'EPCI',
  syndicat: 'syndicat',
  ccas: 'CCAS',
  autre: 'autre organisme public',
};

/**
 * Complète un texte par des espaces jusqu'à `width` caractères (à droite, ou à gauche si `right`).
 *
 * @internal
 */
export function pad(text: string, width: number, right = false): string {
  const missing = Math.max(0, width - [...text].length);
  return right ? ' '.repeat(missing) + text : text + ' '.repeat(missing);
}

/**
 * Écrit un devis en texte lisible, en français : un bloc par facture (SIREN), une ligne par
 * prestation avec son calcul, les totaux et les avertissements.
 *
 * @param devis - un devis rendu par {@link quote}
 * @returns le texte, lignes séparées par `\n`
 * @category Affichage
 * @example
 * ```ts
 * console.log(renderQuoteText(quote(adhesion)));
 * // Devis 2026 — Commune exemple (commune), SIREN 219 000 106
 * // …
 * // Total général : 2 069,57 €
 * ```
 */
export function renderQuoteText(devis: Quote): string {
  const c = devis.collectivite;
  const out: string[] = [];
  out.push(`Devis ${devis.millesime} — ${c.nom} (${TYPES[c.type]}), SIREN ${formatSiren(c.siren)}`);
  if (c.population !== undefined) out.push(`Population : ${formatNombre(String(c.population))} habitants`);
  if (c.parcTransfere) out.push('Parc informatique transféré au syndicat');
  const width = Math.min(64, Math.max(...devis.lignes.map((l) => [...l.libelle].length), 20));
  for (const facture of devis.factures) {
    out.push('', `Facture SIREN ${formatSiren(facture.siren)}${facture.nom === undefined ? '' : ` — ${facture.nom}`}`);
    const d = facture.destinataire;
    const adresse = [d?.siret && `SIRET ${d.siret}`, d?.codeService && `code service ${d.codeService}`, d?.engagement && `engagement n° ${d.engagement}`].filter(Boolean);
    if (adresse.length > 0) out.push(`  ${adresse.join(' ; ')}`);
    for (const ligne of facture.lignes) {
      out.push(`  ${pad(ligne.libelle, width)}  ${pad(formatEuros(ligne.montant), 14, true)}`);
      out.push(`      ${ligne.detail}`);
      if (ligne.remarque !== undefined) out.push(`      ${ligne.remarque}`);
      if (ligne.source.origine === 'complement') out.push(`      Montant fourni : ${ligne.source.reference}`);
    }
    out.push(`  ${pad('Total de la facture', width)}  ${pad(formatEuros(facture.total), 14, true)}`);
  }
  out.push('', `Total général : ${formatEuros(devis.total)}`);
  if (devis.avertissements.length > 0) {
    out.push('', 'Avertissements :');
    for (const w of devis.avertissements) out.push(`  - ${w.message}`);
  }
  return out.join('\n');
}

/**
 * Écrit une liste de problèmes en texte, un par ligne, avec le chemin de la donnée en cause.
 *
 * @param issues - les problèmes d'une {@link QuoteError}
 * @returns le texte
 * @category Affichage
 * @example
 * ```ts
 * renderIssuesText([{ code: 'SIREN_INVALIDE', path: ['collectivite', 'siren'], message: 'Clé fausse.', params: { raison: 'cle', siren: '123456789' } }]);
 * //=> '  - collectivite.siren : Clé fausse. [SIREN_INVALIDE]'
 * ```
 */
export function renderIssuesText(issues: readonly QuoteIssue[]): string {
  return issues.map((i) => `  - ${formatPath(i.path)} : ${i.message} [${i.code}]`).join('\n');
}

/**
 * Écrit un SIREN par groupes de trois chiffres : `219 000 106`.
 *
 * @category Affichage
 * @example
 * ```ts
 * formatSiren('219000106');
 * //=> '219 000 106'
 * ```
 */
export function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

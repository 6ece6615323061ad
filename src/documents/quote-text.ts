import { describeQuoteLine, formatEuros, formatNumber, formatPath, formatSiren, type Quote, type QuoteIssue } from '@te90/tarifs';
import { lineSourceText, manquantsText, REGLE_ARRONDI, sectionsOf, sirenFacture, totauxParNature } from './devis-parts.js';
import { guarded, guardedInput } from './issues.js';
import { check, QUOTE } from './input-shapes.js';

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
 * Coupe un texte en lignes d'au plus `width` caractères, aux espaces simples (jamais à une espace
 * insécable : un montant ou une quantité ne se coupe pas) ; un mot plus long reste entier.
 *
 * @internal
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  // Les guillemets français restent avec le mot qu'ils encadrent.
  const words: string[] = [];
  let glue = false;
  for (const word of text.split(' ')) {
    if (glue || (word === '»' || word === ':' || word === ';' || word === '?' || word === '!') && words.length > 0) words[words.length - 1] += ' ' + word;
    else words.push(word);
    glue = word === '«';
  }
  for (const word of words) {
    if (current === '') current = word;
    else if ([...current].length + 1 + [...word].length <= width) current += ' ' + word;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  return lines;
}

/**
 * Ce que le devis en texte montre en plus : `verifications: true` ajoute les vérifications pour le
 * personnel du syndicat (`avertissements`), qui ne vont pas sur l'exemplaire de l'adhérent.
 *
 * @category Devis
 * @example
 * ```ts
 * const o: TextOptions = { verifications: true };
 * ```
 */
export interface TextOptions {
  /** `true` : ajoute les vérifications pour le syndicat (par défaut, seules les remarques pour l'adhérent). */
  readonly verifications?: boolean | undefined;
}

const LABEL = 48;
const AMOUNT = 16;
const INDENT = '    ';

/**
 * Écrit un devis en texte lisible, en français : un bloc par SIREN facturé, ses abonnements annuels
 * et ses prestations ponctuelles en sections séparées (période et sous-total), une ligne par
 * prestation avec son calcul et l'origine de son montant (« (montant d'exemple) » pour un montant
 * d'exemple), le total (« Total partiel » s'il omet une part non chiffrée), la règle d'arrondi et
 * les remarques pour l'adhérent ; les vérifications du syndicat seulement si on les demande. Les
 * libellés longs passent à la ligne, les montants restent alignés ; espaces insécables dans les
 * montants et avant les unités.
 *
 * @param devis - un devis rendu par {@link "@te90/tarifs"!quote}
 * @param options - `verifications: true` pour ajouter les vérifications du syndicat
 * @returns le texte, lignes séparées par `\n`
 * @category Devis
 * @example
 * ```ts
 * console.log(renderQuoteText(quote(adhesion)));
 * // Devis 2026 — Foussemagne (commune), SIREN 219 000 494
 * // …
 * // Total du devis : 2 069,57 €
 * ```
 */
export function renderQuoteText(devis: Quote, options?: TextOptions): string {
  return guarded(() => {
    check(devis, QUOTE, ['devis']);
    const typo = { insecable: true } as const;
    const euros = (m: string) => formatEuros(m, typo);
    const c = devis.collectivite;
    const out: string[] = [];
    /** Un libellé (coupé s'il est long) et son montant, aligné à droite sur la première ligne. */
    const row = (indent: string, label: string, montant: string) => {
      // Le libellé s'élargit de ce que le retrait perd : tous les montants finissent à la même colonne.
      const width = LABEL + INDENT.length - indent.length;
      const [first, ...rest] = wrap(label, width);
      out.push(`${indent}${pad(first!, width)}  ${pad(montant, AMOUNT, true)}`);
      for (const r of rest) out.push(`${indent}  ${r}`);
    };
    const note = (text: string) => {
      for (const l of wrap(text, LABEL + AMOUNT - 2)) out.push(`${INDENT}    ${l}`);
    };
    out.push(`Devis ${devis.millesime} — ${c.nom} (${TYPES[c.type]}), SIREN ${formatSiren(c.siren)}`);
    if (c.population !== undefined) out.push(`Population : ${formatNumber(String(c.population), typo)}\u00a0habitants`);
    if (c.parcTransfere) out.push('Parc informatique transféré au syndicat');
    // Le texte n'a ni émetteur, ni mention fiscale, ni bon pour accord : il reste un document de travail,
    // et le dit à l'adhérent, qui le lit (rien ici ne s'adresse à qui le produit).
    out.push('', ...wrap("DOCUMENT DE TRAVAIL : ce récapitulatif n'est pas un devis à signer ; le devis à signer, avec son bon pour accord, est celui que le syndicat vous adresse.", LABEL + AMOUNT + 4));
    if (devis.lignes.some((l) => l.source.exemple === true)) {
      out.push('', ...wrap("MONTANTS D'EXEMPLE : certains montants de ce devis ont été inventés pour une démonstration ; ils ne sont ni publiés ni votés par le syndicat. Ce document n'est pas un devis réel.", LABEL + AMOUNT + 4));
    }
    for (const facture of devis.factures) {
      out.push('', `Montants facturés au ${sirenFacture(facture, false)}`);
      const d = facture.destinataire;
      const adresse = [d?.siret && `SIRET ${d.siret}`, d?.codeService && `code service ${d.codeService}`, d?.engagement && `engagement n° ${d.engagement}`].filter(Boolean);
      if (adresse.length > 0) out.push(`  ${adresse.join(' ; ')}`);
      for (const section of sectionsOf(facture, devis.millesime)) {
        out.push(...wrap(`${section.titre} (${section.periode})`, LABEL + AMOUNT).map((l, i) => `${i === 0 ? '  ' : '    '}${l}`));
        for (const ligne of section.lignes) {
          row(INDENT, ligne.libelle, euros(ligne.montant));
          note(describeQuoteLine(ligne, typo));
          if (ligne.remarque !== undefined) note(ligne.remarque);
          note(lineSourceText(devis, ligne));
        }
        row(INDENT, `Sous-total des ${section.titre.toLowerCase()}`, euros(section.sousTotal));
      }
      row('  ', `${facture.totalPartiel ? 'Total partiel' : 'Total'} pour ce SIREN`, euros(facture.total));
    }
    out.push('');
    const parNature = totauxParNature(devis);
    if (parNature) {
      out.push(`Total des abonnements annuels ${devis.millesime} : ${euros(parNature.annuelles)}`, `Total des prestations ponctuelles : ${euros(parNature.ponctuelles)}`);
    }
    out.push(`${devis.totalPartiel ? 'Total partiel du devis' : 'Total du devis'} : ${euros(devis.total)}`);
    if (devis.totalPartiel) out.push(...wrap(`Total partiel : ${manquantsText(devis)} ; le total n'en tient pas compte.`, LABEL + AMOUNT + 4));
    out.push('', ...wrap(`Montants en euros. ${REGLE_ARRONDI}`, LABEL + AMOUNT + 4));
    if (devis.remarques.length > 0) {
      out.push('', 'À noter :');
      for (const w of devis.remarques) out.push(...wrap(w.message, LABEL + AMOUNT).map((l, i) => `${i === 0 ? '  - ' : '    '}${l}`));
    }
    if (options?.verifications === true && devis.avertissements.length > 0) {
      out.push('', 'Vérifications pour le syndicat :');
      for (const w of devis.avertissements) out.push(...wrap(`${w.message} [${w.code}]`, LABEL + AMOUNT).map((l, i) => `${i === 0 ? '  - ' : '    '}${l}`));
    }
    return out.join('\n');
  });
}

/**
 * Écrit une liste de problèmes en texte, un par ligne, avec le chemin de la donnée en cause.
 *
 * @param issues - les problèmes d'une {@link "@te90/tarifs"!QuoteError}
 * @returns le texte
 * @category Devis
 * @example
 * ```ts
 * renderIssuesText([{ code: 'SIREN_INVALIDE', path: ['collectivite', 'siren'], message: 'Clé fausse.', params: { raison: 'cle', siren: '123456789' } }]);
 * //=> '  - collectivite.siren : Clé fausse. [SIREN_INVALIDE]'
 * ```
 */
export function renderIssuesText(issues: readonly QuoteIssue[]): string {
  return guardedInput(() => {
    return issues.map((i) => `  - ${formatPath(i.path)} : ${i.message} [${i.code}]`).join('\n');
  });
}

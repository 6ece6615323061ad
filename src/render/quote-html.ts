import { formatPrix } from '../wording/terms.js';
import type { Invoice, Path, Quote, QuoteIssue } from '../core/shapes.js';
import { guard, QuoteError, unwrap } from '../errors/quote-error.js';
import { snapshot } from '../input/snapshot.js';
import { makeIssue } from '../wording/issues.js';
import { formatEuros, formatNombre } from '../money/format.js';
import { formatSiren, TYPES } from './quote-text.js';

/**
 * Ce que le devis imprimable affiche en plus du devis : son numéro, sa date et sa durée de validité,
 * donnés par l'appelant (la bibliothèque ne lit pas l'horloge), et l'émetteur.
 *
 * @category Affichage
 * @example
 * ```ts
 * const o: HtmlOptions = { numero: 'D-2026-0042', date: '2026-11-29', validiteJours: 30 };
 * ```
 */
export interface HtmlOptions {
  /** Le numéro du devis. */
  readonly numero: string;
  /** La date du devis, `AAAA-MM-JJ`. */
  readonly date: string;
  /** La durée de validité, en jours (30 par défaut). */
  readonly validiteJours?: number | undefined;
  /** L'émetteur (par défaut : Territoire d'énergie 90, service informatique). */
  readonly emetteur?: string | undefined;
}

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Une date `AAAA-MM-JJ` valide, en jours depuis l'époque (calendrier grégorien, sans fuseau). */
function dayNumber(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t / 86_400_000 : undefined;
}

function frenchDate(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCDate() === 1 ? '1er' : d.getUTCDate()} ${MOIS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function checkOptions(options: unknown): { numero: string; jour: number; validite: number; emetteur: string } {
  const issues: QuoteIssue[] = [];
  const o = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const at = (field: string): Path => ['options', field];
  const numero = o['numero'];
  if (typeof numero !== 'string' || numero.trim() === '' || numero.length > 100) {
    issues.push(makeIssue('ENTREE_INVALIDE', at('numero'), { raison: 'numeroDevis', minimum: 1, maximum: 100 }));
  }
  const jour = typeof o['date'] === 'string' ? dayNumber(o['date']) : undefined;
  if (jour === undefined) issues.push(makeIssue('ENTREE_INVALIDE', at('date'), { raison: 'dateDevis', format: 'AAAA-MM-JJ', exemple: '2026-11-29' }));
  const validite = o['validiteJours'] ?? 30;
  if (typeof validite !== 'number' || !Number.isSafeInteger(validite) || validite < 1 || validite > 366) {
    issues.push(makeIssue('VALEUR_HORS_LIMITES', at('validiteJours'), { raison: 'validiteJours', minimum: 1, maximum: 366 }));
  }
  const emetteur = o['emetteur'] ?? "Territoire d'énergie 90 — service informatique";
  if (typeof emetteur !== 'string' || emetteur.trim() === '' || emetteur.length > 200) {
    issues.push(makeIssue('ENTREE_INVALIDE', at('emetteur'), { raison: 'emetteur', minimum: 1, maximum: 200 }));
  }
  if (issues.length > 0) throw new QuoteError(issues);
  return { numero: (numero as string).trim(), jour: jour!, validite: validite as number, emetteur: emetteur as string };
}

const STYLE = `
  @page { size: A4; margin: 16mm 14mm; }
  * { box-sizing: border-box; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #161616; margin: 0 auto; max-width: 190mm; padding: 8mm 0; font-size: 10.5pt; line-height: 1.4; }
  header { display: flex; justify-content: space-between; gap: 8mm; border-bottom: 2px solid #000091; padding-bottom: 4mm; margin-bottom: 6mm; }
  h1 { font-size: 18pt; margin: 0 0 2mm; color: #000091; }
  h2 { font-size: 12.5pt; margin: 7mm 0 2mm; }
  .meta { text-align: right; }
  .meta p, header p { margin: 0.5mm 0; }
  .exemple { border: 2px solid #b34000; background: #fff4ec; color: #6b2400; padding: 3mm 4mm; font-weight: 700; margin: 0 0 5mm; }
  table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
  caption { text-align: left; font-weight: 700; padding: 0 0 1.5mm; }
  th, td { border-bottom: 1px solid #929292; padding: 1.8mm 2mm; vertical-align: top; text-align: left; }
  thead th { background: #eeeeee; border-bottom: 2px solid #3a3a3a; }
  tr { page-break-inside: avoid; }
  td.montant, th.montant { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .detail { display: block; color: #3a3a3a; font-size: 9.5pt; font-weight: 400; }
  .source { display: block; color: #595959; font-size: 8.5pt; font-weight: 400; }
  .remarque { display: block; color: #3a3a3a; font-size: 9pt; font-style: italic; font-weight: 400; }
  dl.destinataire { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em; margin: 0 0 0.5em; font-size: 9.5pt; }
  dl.destinataire dd { margin: 0; }
  tfoot th, tfoot td { border-top: 2px solid #3a3a3a; font-weight: 700; }
  .total { font-size: 13pt; font-weight: 700; text-align: right; margin: 6mm 0 0; }
  .avertissements { margin-top: 6mm; border-left: 4px solid #000091; padding: 1mm 4mm; }
  footer { margin-top: 10mm; color: #3a3a3a; font-size: 9pt; }
  @media print { body { padding: 0; max-width: none; } .exemple { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

/** Ce qu'il faut pour adresser la facture : SIRET, code service, engagement, quand l'adhésion les donne. */
function destinataireHtml(d: Invoice['destinataire']): string[] {
  if (d === undefined) return [];
  const items = [
    d.siret === undefined ? '' : `<dt>SIRET</dt><dd>${escape(d.siret)}</dd>`,
    d.codeService === undefined ? '' : `<dt>Code service</dt><dd>${escape(d.codeService)}</dd>`,
    d.engagement === undefined ? '' : `<dt>Engagement</dt><dd>${escape(d.engagement)}</dd>`,
  ].join('');
  return items === '' ? [] : [`<dl class="destinataire">${items}</dl>`];
}

/**
 * Écrit un devis en document HTML autonome et imprimable (A4) : l'émetteur, la collectivité, le numéro,
 * la date et la validité du devis (donnés par l'appelant : aucune horloge n'est lue), une section par
 * facture (SIREN) avec ses lignes, le calcul et la source de chaque montant, les totaux et les
 * avertissements. Un bandeau visible signale tout montant d'exemple (`source.exemple`). Aucune
 * ressource externe : le document s'ouvre et s'imprime hors ligne.
 *
 * @param devis - un devis rendu par {@link quote}
 * @param options - numéro, date (`AAAA-MM-JJ`), validité en jours, émetteur
 * @returns le document HTML complet
 * @throws {@link QuoteError} si une option manque ou est invalide (tous les problèmes à la fois), ou si le devis ne peut pas être écrit ; jamais d'autre exception
 * @category Affichage
 * @example
 * ```ts
 * const html = renderQuoteHtml(quote(adhesion), { numero: 'D-2026-0042', date: '2026-11-29', validiteJours: 30 });
 * html.startsWith('<!doctype html>');
 * //=> true
 * ```
 */
export function renderQuoteHtml(devis: Quote, options: HtmlOptions): string {
  // Les options sont lues une fois ; toute exception devient une QuoteError.
  return unwrap(guard(() => writeQuoteHtml(devis, readHtmlOptions(options))));
}

/** Lit les options une seule fois (getters, proxies) : la suite ne voit que la copie. */
function readHtmlOptions(options: unknown): unknown {
  const snap = snapshot(options, ['options']);
  if (snap.issues.length > 0) throw new QuoteError(snap.issues);
  return snap.value;
}

function writeQuoteHtml(devis: Quote, options: unknown): string {
  const o = checkOptions(options);
  const c = devis.collectivite;
  const exemple = devis.lignes.some((l) => l.source.exemple === true);
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Devis ${escape(o.numero)} — ${escape(c.nom)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<div>',
    `<h1>Devis ${devis.millesime}</h1>`,
    `<p>${escape(o.emetteur)}</p>`,
    `<p><strong>${escape(c.nom)}</strong> (${TYPES[c.type]}), SIREN ${formatSiren(c.siren)}</p>`,
    ...(c.population !== undefined ? [`<p>Population : ${formatNombre(String(c.population))} habitants</p>`] : []),
    ...(c.parcTransfere ? ['<p>Parc informatique transféré au syndicat</p>'] : []),
    '</div>',
    '<div class="meta">',
    `<p>Devis n° <strong>${escape(o.numero)}</strong></p>`,
    `<p>Date : ${frenchDate(o.jour)}</p>`,
    `<p>Valable ${o.validite} jours, jusqu'au ${frenchDate(o.jour + o.validite)}</p>`,
    '</div>',
    '</header>',
    '<main>',
  );
  if (exemple) {
    out.push(
      '<p class="exemple" role="note">Montants d\'exemple : certains montants de ce devis ont été inventés pour une démonstration ; ils ne sont ni publiés ni votés par le syndicat. Ce document n\'est pas un devis réel.</p>',
    );
  }
  devis.factures.forEach((f, i) => {
    out.push(
      `<section aria-labelledby="facture-${i + 1}">`,
      `<h2 id="facture-${i + 1}">Facture — SIREN ${formatSiren(f.siren)}${f.nom === undefined ? '' : ` — ${escape(f.nom)}`}</h2>`,
      ...destinataireHtml(f.destinataire),
      '<table>',
      `<caption>Prestations facturées au SIREN ${formatSiren(f.siren)}</caption>`,
      '<thead><tr><th scope="col">Prestation</th><th scope="col">Quantité</th><th scope="col" class="montant">Prix unitaire</th><th scope="col" class="montant">Montant</th></tr></thead>',
      '<tbody>',
    );
    for (const l of f.lignes) {
      const source = `${l.source.origine === 'publie' ? 'Montant publié' : l.source.origine === 'revision' ? 'Montant révisé' : 'Montant fourni'} : ${l.source.reference}${l.source.exemple ? " (montant d'exemple)" : ''}`;
      out.push(
        '<tr>',
        `<th scope="row">${escape(l.libelle)}<span class="detail">${escape(l.detail)}</span>${l.remarque === undefined ? '' : `<span class="remarque">${escape(l.remarque)}</span>`}<span class="source">${escape(source)}</span></th>`,
        `<td>${escape(formatNombre(l.quantite))} ${escape(l.unite)}</td>`,
        `<td class="montant">${formatPrix(l.prixUnitaire)}</td>`,
        `<td class="montant">${formatEuros(l.montant)}</td>`,
        '</tr>',
      );
    }
    out.push('</tbody>', `<tfoot><tr><th scope="row" colspan="3">Total de la facture</th><td class="montant">${formatEuros(f.total)}</td></tr></tfoot>`, '</table>', '</section>');
  });
  out.push(`<p class="total">Total général : ${formatEuros(devis.total)}</p>`);
  if (devis.avertissements.length > 0) {
    out.push('<section class="avertissements" aria-labelledby="avertissements">', '<h2 id="avertissements">Avertissements</h2>', '<ul>');
    for (const w of devis.avertissements) out.push(`<li>${escape(w.message)}</li>`);
    out.push('</ul>', '</section>');
  }
  out.push(
    '</main>',
    `<footer>Montants en euros, chaque ligne arrondie au centime ; catalogue ${devis.millesime}. Établi avec @te90/tarifs.</footer>`,
    '</body>',
    '</html>',
  );
  return out.join('\n') + '\n';
}

import { describeQuoteLine, formatEuros, formatNumber, formatUnitPrice, isQuoteError, QuoteError, type Invoice, type Quote, type QuoteIssue, type QuoteLine } from '@te90/tarifs';
import { check, QUOTE } from './input-shapes.js';
import { html, joinHtml, styleElement, type Html } from './html.js';
import { cssString, sirenUnbroken } from './words.js';
import { dateEnLettres, isoDate } from './dates.js';
import { hypotheses, manquantsText, nomFacture, REGLE_ARRONDI, sectionsOf, sirenFacture, sourcesDuDevis, sourceText, totauxParNature } from './devis-parts.js';
import type { Emetteur } from './emetteur.js';
import { guarded } from './issues.js';
import { judgeHtmlOptions, readHtmlOptions, validateHtmlOptions, type HtmlOptions } from './quote-html-options.js';
import { TYPES } from './quote-text.js';

function frenchDate(day: number): string {
  return dateEnLettres(isoDate(day));
}

/**
 * La feuille de style. À l'impression (Chromium 131 et suivants, qui lit les boîtes de marge de
 * `@page`), chaque page porte en pied le numéro du devis et « page N / M », et en tête le bandeau
 * d'un document de travail ou d'exemple : ce sont des boîtes de marge, répétées par le navigateur
 * sur chaque page, sans script et sans outil d'impression particulier.
 */
function style(numero: string, bandeau: string | undefined): string {
  const marge = "font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; font-size: 8.5pt; color: #3a3a3a;";
  return `
  @page {
    size: A4; margin: 16mm 14mm 16mm;
    @bottom-left { content: ${cssString(`Devis n° ${numero}`)}; ${marge} }
    @bottom-right { content: "page " counter(page) " / " counter(pages); ${marge} }${
      bandeau === undefined ? '' : `
    @top-center { content: ${cssString(bandeau)}; ${marge} color: #8f0000; font-weight: 700; font-size: 10pt; }`
    }
  }
  * { box-sizing: border-box; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #161616; margin: 0 auto; max-width: 190mm; padding: 8mm 0; font-size: 10pt; line-height: 1.35; }
  header { display: flex; justify-content: space-between; gap: 8mm; border-bottom: 2px solid #000091; padding-bottom: 3mm; margin-bottom: 5mm; }
  h1 { font-size: 17pt; margin: 0 0 2mm; color: #000091; }
  section.siren h2 { border-bottom: 1px solid #000091; padding-bottom: 1mm; }
  h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
  .meta { text-align: right; }
  .meta p, header p { margin: 0.5mm 0; }
  .exemple { border: 2px solid #b34000; background: #fff4ec; color: #6b2400; padding: 2.5mm 4mm; font-weight: 700; margin: 0 0 4mm; }
  table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; }
  caption { text-align: left; font-weight: 700; padding: 0 0 1.5mm; break-after: avoid; page-break-after: avoid; }
  th, td { border-bottom: 1px solid #929292; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
  thead th { background: #eeeeee; border-bottom: 2px solid #3a3a3a; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { break-after: avoid; page-break-after: avoid; }
  tbody tr:first-child, tr.sous-total { break-before: avoid; page-break-before: avoid; }
  table.courte { break-inside: avoid; page-break-inside: avoid; }
  td.montant, th.montant { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .detail { display: block; color: #3a3a3a; font-size: 9pt; font-weight: 400; }
  .source { display: block; color: #595959; font-size: 8.5pt; font-weight: 400; }
  .source.hypothese { color: #6b2400; font-weight: 700; }
  .remarque { display: block; color: #3a3a3a; font-size: 9pt; font-style: italic; font-weight: 400; }
  dl.destinataire { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em; margin: 0 0 0.5em; font-size: 9.5pt; break-after: avoid; }
  dl.destinataire dd { margin: 0; }
  tr.sous-total th, tr.sous-total td { border-top: 2px solid #3a3a3a; font-weight: 700; }
  .debut { break-inside: avoid; page-break-inside: avoid; }
  .total { font-size: 13pt; font-weight: 700; text-align: right; margin: 4mm 0 0; }
  .remarques { margin-top: 5mm; border-left: 4px solid #000091; padding: 1mm 4mm; }
  .remarques ul { margin: 1mm 0; }
  .travail { border: 2px solid #ce0500; background: #fff0f0; color: #8f0000; padding: 2.5mm 4mm; margin: 0 0 4mm; }
  .manque { color: #8f0000; font-weight: 700; }
  .marque-exemple, .exemple-source { color: #6b2400; font-weight: 700; }
  .emetteur p { margin: 0.3mm 0; }
  .references { font-size: 9pt; color: #3a3a3a; margin: 1mm 0; }
  ul.references { padding-left: 5mm; }
  .defaut { font-size: 9pt; color: #3a3a3a; }
  .periode { font-weight: 400; color: #3a3a3a; }
  .total-siren { text-align: right; font-weight: 700; margin: 0 0 5mm; break-before: avoid; page-break-before: avoid; }
  .partiel { display: block; color: #8f0000; font-weight: 700; font-size: 9.5pt; }
  .totaux { margin-top: 4mm; text-align: right; }
  .totaux p { margin: 1mm 0; }
  .fin { break-inside: avoid; page-break-inside: avoid; }
  .accord { margin-top: 5mm; border: 1px solid #3a3a3a; padding: 2mm 4mm 3mm; break-inside: avoid; page-break-inside: avoid; }
  .accord h2 { margin-top: 1mm; }
  .cases { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
  .case { border: 1px solid #929292; min-height: 11mm; padding: 1mm 2mm; font-size: 9pt; color: #3a3a3a; }
  .case.haute { min-height: 24mm; }
  table.accords td, table.accords th { height: 16mm; }
  table.accords thead th { height: auto; }
  table.accords th[scope="row"] { width: 34%; }
  .sans-accord { margin-top: 5mm; border: 2px solid #ce0500; color: #8f0000; padding: 2mm 4mm; font-weight: 700; }
  footer { margin-top: 8mm; color: #3a3a3a; font-size: 9pt; }
  @media print { footer { display: none; } body { padding: 0; max-width: none; } .exemple, .travail { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;
}

/** Ce qu'il faut pour adresser la facture : SIRET, code service, engagement, quand l'adhésion les donne. */
function destinataireHtml(d: Invoice['destinataire']): Html[] {
  if (d === undefined) return [];
  const items = [
    ...(d.siret === undefined ? [] : [html`<dt>SIRET</dt><dd>${d.siret}</dd>`]),
    ...(d.codeService === undefined ? [] : [html`<dt>Code service</dt><dd>${d.codeService}</dd>`]),
    ...(d.engagement === undefined ? [] : [html`<dt>Engagement</dt><dd>${d.engagement}</dd>`]),
  ];
  return items.length === 0 ? [] : [html`<dl class="destinataire">${items}</dl>`];
}

/** Ce qui manque pour que le devis puisse être envoyé : rien, ou la liste de ce qui manque. */
function missingForFinal(e: Emetteur | undefined): string[] {
  if (e === undefined) return ["l'émetteur n'est pas renseigné (nom, adresse, SIRET)", "la mention fiscale (TVA) n'est pas renseignée"];
  const out: string[] = [];
  if (e.exemple === true) out.push("l'émetteur est un émetteur d'exemple, aux coordonnées inventées");
  if (e.mentionFiscale === undefined) out.push("la mention fiscale (TVA) n'est pas renseignée");
  return out;
}

function emetteurHtml(e: Emetteur | undefined): Html[] {
  if (e === undefined) return [html`<p class="manque">Émetteur non renseigné</p>`];
  return [
    html`<p><strong>${e.nom}</strong>${e.exemple ? html` <span class="marque-exemple">(émetteur d&#39;exemple)</span>` : undefined}</p>`,
    ...e.adresse.split('\n').map((l) => html`<p>${l.trim()}</p>`),
    html`<p>SIRET ${e.siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1\u00a0$2\u00a0$3\u00a0$4')}</p>`,
    ...(e.contact === undefined ? [] : [html`<p>${e.contact}</p>`]),
  ];
}

function lineHtml(l: QuoteLine, horsSource: boolean): Html[] {
  const typo = { insecable: true } as const;
  const detail = describeQuoteLine(l, typo);
  const classes = ['source', ...(l.source.exemple ? ['exemple-source'] : []), ...(horsSource ? ['hypothese'] : [])].join(' ');
  return [
    html`<tr>`,
    html`<th scope="row">${l.libelle}<span class="detail">${detail}</span>${l.remarque === undefined ? undefined : html`<span class="remarque">${l.remarque}</span>`}<span class="${classes}">${sourceText(l.source, horsSource)}</span></th>`,
    html`<td>${formatNumber(l.quantite, typo)}\u00a0${l.unite}</td>`,
    html`<td class="montant">${formatUnitPrice(l.prixUnitaire, typo)}</td>`,
    html`<td class="montant">${formatEuros(l.montant, typo)}</td>`,
    html`</tr>`,
  ];
}

/**
 * L'accord de chaque autre SIREN facturé (une personne morale distincte de l'adhérent) : une ligne
 * par SIREN, son nom (ou qu'il n'est pas donné), son montant et les cases à remplir.
 */
function accordsAutres(autres: readonly Invoice[], euros: (m: string) => string): Html[] {
  return [
    html`<section class="accords-autres" aria-labelledby="accords-autres">`,
    html`<h2 id="accords-autres">Bon pour accord des autres SIREN facturés</h2>`,
    html`<p>Chaque SIREN facturé ci-dessus est une personne morale distincte : chacun accepte les montants qui lui sont facturés, daté et signé par son représentant, avec son cachet.</p>`,
    html`<table class="accords">`,
    html`<thead><tr><th scope="col">SIREN facturé</th><th scope="col" class="montant">Montant</th><th scope="col">Date</th><th scope="col">Nom et qualité du signataire</th><th scope="col">Signature et cachet</th></tr></thead>`,
    html`<tbody>`,
    ...autres.map((f) => html`<tr><th scope="row">${sirenFacture(f, true)}</th><td class="montant">${euros(f.total)}</td><td></td><td></td><td></td></tr>`),
    html`</tbody>`,
    html`</table>`,
    html`</section>`,
  ];
}

/** Un bloc « bon pour accord » : qui s'engage, sur quel montant, et les cases à remplir. */
function accordHtml(id: string, titre: string, engagement: Html, cachet: string): Html[] {
  return [
    html`<section class="accord" aria-labelledby="${id}">`,
    html`<h2 id="${id}">${titre}</h2>`,
    html`<p>${engagement}</p>`,
    html`<div class="cases">`,
    html`<div class="case"><span>Date</span></div>`,
    html`<div class="case"><span>Nom et qualité du signataire</span></div>`,
    html`<div class="case haute"><span>Signature</span></div>`,
    html`<div class="case haute"><span>${cachet}</span></div>`,
    html`</div>`,
    html`</section>`,
  ];
}

/**
 * Écrit un devis en document HTML autonome et imprimable (A4), que le syndicat peut envoyer à un
 * adhérent : l'émetteur (donné par l'appelant, jamais supposé), la collectivité, le numéro, la date
 * et la validité du devis (qui s'arrête au plus tard à la fin de l'année du catalogue ; la durée par
 * défaut est dite comme telle), la convention et les conditions que donne l'émetteur (aucune sinon),
 * les sources des montants ; pour chaque SIREN facturé, nommé (ou dit sans nom), ses abonnements
 * annuels et ses prestations ponctuelles en sections séparées, avec leur période et leur sous-total ;
 * le calcul et l'origine de chaque montant (« hypothèse du syndicat » pour un barème appliqué au-delà
 * de ce que sa source couvre) ; la règle d'arrondi, la mention fiscale, les remarques pour l'adhérent
 * (jamais les vérifications du syndicat) et un « bon pour accord » pour l'adhérent et pour chaque
 * autre SIREN facturé. Un total qui omet une part non chiffrée est écrit « total partiel » et fait un
 * document de travail, sans bon pour accord. Des bandeaux signalent tout montant d'exemple et un
 * document de travail (émetteur ou mention fiscale manquants, émetteur d'exemple, total partiel).
 * Imprimé, chaque page porte le numéro du devis, « page N / M » et ces bandeaux (boîtes de marge
 * `@page`) ; un sous-total s'imprime une fois, la fin du devis d'un seul tenant. Aucune ressource
 * externe : le document s'ouvre et s'imprime hors ligne. Espaces insécables dans les montants et
 * avant les unités.
 *
 * @param devis - un devis rendu par {@link "@te90/tarifs"!quote}
 * @param options - numéro, date (`AAAA-MM-JJ`), validité en jours, émetteur
 * @returns le document HTML complet
 * @throws {@link "@te90/tarifs"!QuoteError} si une option manque ou est invalide (tous les problèmes à la fois), ou si le devis ne peut pas être écrit ; jamais d'autre exception
 * @category Devis
 * @example
 * ```ts
 * const html = renderQuoteHtml(quote(adhesion), { numero: 'D-2026-0042', date: '2026-11-29', validiteJours: 30, emetteur });
 * html.startsWith('<!doctype html>');
 * //=> true
 * ```
 */
export function renderQuoteHtml(devis: Quote, options: HtmlOptions): string {
  // Le devis est jugé (il peut venir d'un fichier) et les options lues une fois, leurs problèmes
  // ensemble ; toute autre exception devient une QuoteError.
  return guarded(() => {
    const issues: QuoteIssue[] = [];
    try {
      check(devis, QUOTE, ['devis']);
    } catch (error) {
      if (!isQuoteError(error)) throw error;
      issues.push(...error.issues);
    }
    if (issues.length > 0) {
      // Les options sont jugées pour le millésime du devis, s'il se lit.
      const millesime = (devis as { millesime?: unknown } | null)?.millesime;
      if (typeof millesime === 'number' && Number.isSafeInteger(millesime)) issues.push(...validateHtmlOptions(options, millesime));
      throw new QuoteError(issues);
    }
    return writeQuoteHtml(devis, readHtmlOptions(options));
  });
}

function writeQuoteHtml(devis: Quote, options: unknown): string {
  const judged = judgeHtmlOptions(options, devis.millesime);
  if (judged.checked === undefined) throw new QuoteError(judged.issues);
  const o = judged.checked;
  const typo = { insecable: true } as const;
  const euros = (m: string) => formatEuros(m, typo);
  const c = devis.collectivite;
  const e = o.emetteur;
  const exemple = devis.lignes.some((l) => l.source.exemple === true);
  // Un total partiel ne se signe pas : le devis est un document de travail, sans bon pour accord.
  const manque = [...missingForFinal(e), ...(devis.totalPartiel ? [`le total est partiel (${manquantsText(devis)})`] : [])];
  const bandeau = [...(manque.length > 0 ? ['Document de travail — ne pas signer'] : []), ...(exemple ? ["Montants d'exemple — pas un devis réel"] : [])];
  const horsSource = hypotheses(devis);
  const out: Html[] = [];
  out.push(
    html`<!doctype html>`,
    html`<html lang="fr">`,
    html`<head>`,
    html`<meta charset="utf-8">`,
    html`<meta name="viewport" content="width=device-width, initial-scale=1">`,
    html`<title>Devis ${o.numero} — ${c.nom}</title>`,
    styleElement(style(o.numero, bandeau.length > 0 ? bandeau.join(' · ') : undefined)),
    html`</head>`,
    html`<body>`,
    html`<header>`,
    html`<div class="emetteur">`,
    ...emetteurHtml(e),
    html`</div>`,
    html`<div class="meta">`,
    html`<h1>Devis ${devis.millesime}</h1>`,
    html`<p>Devis n° <strong>${o.numero}</strong></p>`,
    html`<p>Date : ${frenchDate(o.jour)}</p>`,
    o.validiteDonnee
      ? html`<p>Valable ${o.validite} jours, jusqu'au ${frenchDate(o.fin)}</p>`
      : o.validite !== undefined
        ? html`<p>Valable ${o.validite} jours, jusqu'au ${frenchDate(o.fin)}</p><p class="defaut">(durée par défaut de l'outil)</p>`
        : html`<p>Valable jusqu'au ${frenchDate(o.fin)}</p><p class="defaut">(durée par défaut de l'outil, 30 jours, ramenée à la fin de l'année des tarifs ${devis.millesime})</p>`,
    html`</div>`,
    html`</header>`,
    html`<main>`,
  );
  if (manque.length > 0) {
    out.push(html`<p class="travail" role="note"><strong>Document de travail</strong> — ce devis ne peut pas être envoyé tel quel : ${manque.join(' ; ')}.</p>`);
  }
  if (exemple) {
    out.push(
      html`<p class="exemple" role="note">Montants d'exemple : certains montants de ce devis ont été inventés pour une démonstration ; ils ne sont ni publiés ni votés par le syndicat. Ce document n'est pas un devis réel.</p>`,
    );
  }
  out.push(
    html`<section class="adherent" aria-labelledby="adherent">`,
    html`<h2 id="adherent">Collectivité</h2>`,
    html`<p><strong>${c.nom}</strong> (${TYPES[c.type] ?? c.type}), SIREN ${sirenUnbroken(c.siren)}</p>`,
    ...(c.population !== undefined ? [html`<p>Population : ${formatNumber(String(c.population), typo)}\u00a0habitants</p>`] : []),
    ...(c.parcTransfere ? [html`<p>Parc informatique transféré au syndicat</p>`] : []),
    // La convention n'est citée que si l'émetteur la donne, dans ses mots : l'outil n'en suppose aucune.
    ...(e?.convention === undefined ? [] : [html`<p class="references convention">Convention d'adhésion (référence donnée par l'émetteur) : ${e.convention}</p>`]),
    html`<p class="references">Aux tarifs du catalogue ${devis.millesime}. Sources des montants :</p>`,
    html`<ul class="references">`,
    ...sourcesDuDevis(devis).map((src) => html`<li>${src}</li>`),
    html`</ul>`,
    html`</section>`,
  );
  devis.factures.forEach((f, i) => {
    out.push(
      html`<section class="siren" aria-labelledby="siren-${i + 1}">`,
      html`<h2 id="siren-${i + 1}">Montants facturés au ${sirenFacture(f, true)}</h2>`,
      ...destinataireHtml(f.destinataire),
    );
    for (const section of sectionsOf(f, devis.millesime)) {
      // Le sous-total est la dernière ligne du corps du tableau : imprimé une fois, après ses lignes
      // (un pied de tableau, lui, se répète en bas de chaque page).
      out.push(
        html`<table class="${section.nature}${section.lignes.length <= 3 ? ' courte' : ''}">`,
        html`<caption>${section.titre} <span class="periode">— ${section.periode}</span></caption>`,
        html`<thead><tr><th scope="col">Prestation</th><th scope="col">Quantité</th><th scope="col" class="montant">Prix unitaire</th><th scope="col" class="montant">Montant</th></tr></thead>`,
        html`<tbody>`,
        ...section.lignes.flatMap((l) => lineHtml(l, horsSource.has(l.prestation))),
        html`<tr class="sous-total"><th scope="row" colspan="3">Sous-total des ${section.titre.toLowerCase()}</th><td class="montant">${euros(section.sousTotal)}</td></tr>`,
        html`</tbody>`,
        html`</table>`,
      );
    }
    const partiel = f.totalPartiel === true;
    out.push(
      html`<p class="total-siren">${partiel ? 'Total partiel' : 'Total'} pour le SIREN ${sirenUnbroken(f.siren)} : ${euros(f.total)}${partiel ? html`<span class="partiel">Total partiel : ${manquantsText(devis, f.siren)}.</span>` : undefined}</p>`,
      html`</section>`,
    );
  });
  // La fin du devis tient sur une page : totaux, conditions, remarques et bon pour accord ensemble.
  out.push(html`<div class="fin">`);
  const parNature = totauxParNature(devis);
  out.push(html`<section class="totaux" aria-label="Totaux">`);
  if (parNature) {
    out.push(
      html`<p>Total des abonnements annuels ${devis.millesime} : ${euros(parNature.annuelles)}</p>`,
      html`<p>Total des prestations ponctuelles : ${euros(parNature.ponctuelles)}</p>`,
    );
  }
  out.push(html`<p class="total">${devis.totalPartiel ? 'Total partiel du devis' : 'Total du devis'} : ${euros(devis.total)}</p>`);
  if (devis.totalPartiel) out.push(html`<p class="partiel">Total partiel : ${manquantsText(devis)} ; le total n'en tient pas compte.</p>`);
  out.push(html`</section>`);
  out.push(
    html`<section class="conditions" aria-labelledby="conditions">`,
    html`<h2 id="conditions">Conditions</h2>`,
    ...(e?.conditions === undefined ? [] : [html`<p class="conditions-emetteur">${e.conditions}</p>`]),
    html`<p>Montants en euros. ${REGLE_ARRONDI}</p>`,
    e?.mentionFiscale !== undefined ? html`<p class="mention-fiscale">${e.mentionFiscale}</p>` : html`<p class="manque">Mention fiscale (TVA) : non renseignée.</p>`,
    html`</section>`,
  );
  if (devis.remarques.length > 0) {
    out.push(html`<section class="remarques" aria-labelledby="remarques">`, html`<h2 id="remarques">À noter</h2>`, html`<ul>`);
    for (const w of devis.remarques) out.push(html`<li>${w.message}</li>`);
    out.push(html`</ul>`, html`</section>`);
  }
  let autresHtml: Html[] = [];
  if (devis.totalPartiel) {
    out.push(html`<p class="sans-accord" role="note">Pas de bon pour accord : le total de ce devis est partiel (${manquantsText(devis)}) : il ne peut pas être signé tel quel.</p>`);
  } else {
    // Chaque SIREN facturé est une personne morale : chacun accepte les montants qui lui sont facturés.
    const membre = devis.factures.find((f) => f.siren === c.siren);
    const autres = devis.factures.filter((f) => f.siren !== c.siren);
    const objet = membre === undefined ? 'les prestations de ce devis' : autres.length === 0 ? `ce devis, pour un total de ${euros(devis.total)}` : `les montants facturés à son SIREN (${sirenUnbroken(c.siren)}), soit ${euros(membre.total)}`;
    out.push(...accordHtml('accord', 'Bon pour accord', html`À retourner daté et signé par la collectivité (${c.nom}), qui accepte ${objet}.`, 'Cachet de la collectivité'));
    if (autres.length > 0) autresHtml = accordsAutres(autres, euros);
  }
  const s = e?.signataire;
  out.push(
    ...(s === undefined ? [] : [html`<p class="signataire">Pour l'émetteur : ${s.nom}, ${s.qualite}</p>`]),
    html`</div>`,
    ...autresHtml,
    html`</main>`,
    html`<footer>Devis ${o.numero} — tarifs du catalogue ${devis.millesime}.</footer>`,
    html`</body>`,
    html`</html>`,
  );
  return joinHtml(out).toString() + '\n';
}

import { compareAmounts, formatBand, formatEuros, formatNumber, formatUnitPrice, sumAmounts, tariffChanges, type AdherentCompare, type Catalogue, type Comparaison, type TariffChange } from '@te90/tarifs';
import { html, joinHtml, styleElement, type Html } from './html.js';
import { check, checkAll, ADHERENT_COMPARE, COMPARAISON, COMPARISON_OPTIONS, SYNTHESE } from './input-shapes.js';
import { guarded, guardedChunks } from './issues.js';
import { agreeing, cssString, enumerate, sirenUnbroken } from './words.js';

/**
 * Ce que le rapport de comparaison affiche en plus de la comparaison : les deux catalogues comparés
 * (leur millésime et leur libellé titrent le rapport ; un montant d'exemple dans l'un d'eux fait
 * porter au rapport le bandeau « montants d'exemple »), et un titre facultatif.
 *
 * @category Lot
 * @example
 * ```ts
 * const o: ComparisonHtmlOptions = { avant: catalogue2026, apres: catalogue };
 * ```
 */
export interface ComparisonHtmlOptions {
  /** Le catalogue de référence (l'année en cours). */
  readonly avant: Catalogue;
  /** Le catalogue comparé (l'année prochaine). */
  readonly apres: Catalogue;
  /** Le titre du rapport (par défaut : « Comparaison des tarifs 2026 et 2027 »). */
  readonly titre?: string | undefined;
}

const TYPO = { insecable: true } as const;
const euros = (m: string) => formatEuros(m, TYPO);

/** Le signe d'une chaîne décimale : -1, 0 ou 1. */
function sign(value: string): -1 | 0 | 1 {
  return compareAmounts(value, '0');
}

/** La valeur absolue d'une chaîne décimale. */
function abs(value: string): string {
  return value.replace(/^-/, '');
}

function signed(value: string | null): string {
  if (value === null) return '—';
  const s = sign(value);
  if (s === 0) return euros('0.00');
  return s < 0 ? `−${euros(abs(value))}` : `+${euros(value)}`;
}

function pourcent(value: string | null): string {
  if (value === null) return '—';
  const s = sign(value);
  if (s === 0) return '0\u00a0%';
  return `${s < 0 ? '−' : '+'}${formatNumber(abs(value), TYPO)}\u00a0%`;
}

/** Un catalogue porte-t-il un montant d'exemple ? */
function usesExample(catalogue: Catalogue): boolean {
  for (const p of Object.values(catalogue.prestations) as { composantes: Record<string, { source: { exemple?: true } }> }[]) {
    for (const c of Object.values(p.composantes)) if (c.source.exemple === true) return true;
  }
  return false;
}

/** Une chaîne décimale en entier et nombre de décimales : `"12.50"` → 1250 et 2. */
function digits(value: string): { readonly n: bigint; readonly decimales: number } {
  const [int = '0', frac = ''] = abs(value).split('.');
  return { n: BigInt(int + frac), decimales: frac.length };
}

/**
 * Une longueur en pixels, proportionnelle à un montant : `|value| / max × width`, en entiers exacts,
 * arrondie au dixième de pixel (au demi supérieur).
 */
function scale(value: string, max: string, width: number): number {
  if (sign(max) === 0) return 0;
  const v = digits(value);
  const m = digits(max);
  const ten = BigInt(10);
  const num = v.n * ten ** BigInt(m.decimales) * BigInt(width) * ten;
  const den = m.n * ten ** BigInt(v.decimales);
  const dixiemes = (BigInt(2) * num + den) / (BigInt(2) * den);
  return Number(dixiemes) / 10;
}

/** Le plus grand de deux nombres en chaînes décimales. */
function larger(a: string, b: string): string {
  return compareAmounts(a, b) < 0 ? b : a;
}

/** Coupe un libellé en lignes d'au plus `width` caractères, aux espaces ; au plus `max` lignes, jamais un mot coupé. */
function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Un pas « rond » (1, 2 ou 5 × 10^k) pour au plus `ticks` graduations jusqu'à `max` (un entier). */
function niceStep(max: bigint, ticks: number): bigint {
  const n = BigInt(ticks);
  for (let p = BigInt(1); ; p *= BigInt(10)) {
    for (const m of [1, 2, 5]) {
      const step = p * BigInt(m);
      if (step * n >= max) return step;
    }
  }
}

/** Les graduations d'un axe jusqu'à `max` (chaîne décimale) : le pas, et la borne de l'axe (un multiple du pas, au moins `max`). */
function axis(max: string, ticks: number): { readonly step: bigint; readonly top: bigint } {
  const ceil = BigInt(abs(max).split('.')[0] ?? '0') + (/\.\d*[1-9]/.test(max) ? BigInt(1) : BigInt(0));
  const step = niceStep(ceil > BigInt(0) ? ceil : BigInt(1), ticks);
  const top = ((ceil + step - BigInt(1)) / step) * step;
  return { step, top: top > BigInt(0) ? top : step };
}

/**
 * Barres horizontales appariées (avant, après), une paire par prestation, sur un axe gradué en
 * euros ; le total, d'un autre ordre de grandeur, n'y est pas (il est écrit en chiffres). Les
 * libellés vont à la ligne plutôt que d'être coupés.
 */
function revenueChart(rows: readonly { readonly libelle: string; readonly avant: string; readonly apres: string }[], t1: string, t2: string): Html {
  const label = 300;
  const bar = 330;
  const labelWidth = 38;
  const top = 26;
  const lines = rows.map((r) => wrapLabel(r.libelle, labelWidth));
  const heights = lines.map((l) => Math.max(34, l.length * 13 + 8));
  const max = rows.reduce((m, r) => larger(larger(m, r.avant), r.apres), '0');
  const { step, top: axisTop } = axis(max, 5);
  const axisMax = axisTop.toString();
  const plotHeight = heights.reduce((a, b) => a + b, 0);
  const height = top + plotHeight + 34;
  const width = label + bar + 110;
  const out: Html[] = [
    html`<svg class="graphique" role="img" aria-label="Recette ${t1} et ${t2}, par prestation, en euros" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">`,
    html`<rect x="${label}" y="4" width="12" height="10" class="avant"/><text x="${label + 16}" y="13">${t1}</text>`,
    html`<rect x="${label + 80}" y="4" width="12" height="10" class="apres"/><text x="${label + 96}" y="13">${t2}</text>`,
  ];
  // L'axe des euros : une graduation par pas, et sa ligne de rappel.
  for (let v = BigInt(0); v <= axisTop; v += step) {
    const x = label + scale(v.toString(), axisMax, bar);
    out.push(
      html`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${top + plotHeight}" class="grille"/>`,
      html`<text x="${x}" y="${top + plotHeight + 14}" text-anchor="middle" class="valeur">${formatNumber(v.toString(), TYPO)}</text>`,
    );
  }
  out.push(
    html`<line x1="${label}" y1="${top + plotHeight}" x2="${label + bar}" y2="${top + plotHeight}" class="axe"/>`,
    html`<line x1="${label}" y1="${top - 4}" x2="${label}" y2="${top + plotHeight}" class="axe"/>`,
    html`<text x="${label + bar / 2}" y="${top + plotHeight + 29}" text-anchor="middle">Recette de la prestation, en euros</text>`,
  );
  let y = top;
  rows.forEach((r, i) => {
    const h = heights[i]!;
    const wa = scale(r.avant, axisMax, bar);
    const wb = scale(r.apres, axisMax, bar);
    const mid = y + h / 2;
    const first = mid - ((lines[i]!.length - 1) * 13) / 2 + 4;
    out.push(
      html`<text x="${label - 6}" y="${first}" text-anchor="end">${lines[i]!.map((l, k) => html`<tspan x="${label - 6}" dy="${k === 0 ? 0 : 13}">${l}</tspan>`)}</text>`,
      html`<rect x="${label}" y="${mid - 14}" width="${wa}" height="13" class="avant"/><text x="${label + wa + 4}" y="${mid - 3}" class="valeur">${euros(r.avant)}</text>`,
      html`<rect x="${label}" y="${mid + 1}" width="${wb}" height="13" class="apres"/><text x="${label + wb + 4}" y="${mid + 12}" class="valeur">${euros(r.apres)}</text>`,
    );
    y += h;
  });
  out.push(html`</svg>`);
  return joinHtml(out);
}

/**
 * Les classes de l'histogramme des écarts en pour cent, chacune avec ses bornes dites : une baisse
 * compte avec sa borne la plus proche de zéro exclue, une hausse avec sa borne haute comprise (un
 * adhérent à +2 % exactement, l'indexation, est dans « de 0 % (exclu) à +2 % (inclus) »).
 */
const CLASSES: readonly (readonly [string, string])[] = [
  ['moins de', '−10 %'],
  ['de −10 % (inclus)', 'à −5 % (exclu)'],
  ['de −5 % (inclus)', 'à 0 % (exclu)'],
  ['stable', '(écart nul)'],
  ['de 0 % (exclu)', 'à +2 % (inclus)'],
  ['de +2 % (exclu)', 'à +5 % (inclus)'],
  ['de +5 % (exclu)', 'à +10 % (inclus)'],
  ['plus de', '+10 %'],
];

type Distribution = { readonly classes: readonly { readonly libelle: string; readonly nombre: number }[]; readonly sansAvant: number };

/**
 * La classe de l'écart d'un adhérent accepté des deux côtés (son rang dans `CLASSES`), `'sansAvant'`
 * si son total avant était nul, `undefined` s'il est refusé d'un côté. L'écart en pour cent est
 * celui que le rapport affiche (deux décimales) : un adhérent affiché à +2 % est dans la classe
 * qui dit « +2 % (inclus) ».
 */
function classOf(a: AdherentCompare): number | 'sansAvant' | undefined {
  if (a.ecart === null) return undefined;
  if (sign(a.ecart) === 0) return 3;
  if (a.ecartPourcent === null) return 'sansAvant';
  const p = a.ecartPourcent;
  const cmp = (bound: string) => compareAmounts(p, bound);
  if (sign(a.ecart) < 0) {
    if (cmp('-10') < 0) return 0;
    if (cmp('-5') < 0) return 1;
    return 2;
  }
  if (cmp('2') <= 0) return 4;
  if (cmp('5') <= 0) return 5;
  if (cmp('10') <= 0) return 6;
  return 7;
}

/**
 * La répartition des adhérents acceptés des deux côtés selon l'écart de leur total, en pour cent :
 * le nombre d'adhérents par classe, et ceux dont le total avant était nul.
 *
 * @internal
 */
export function distribution(adherents: readonly AdherentCompare[]): Distribution {
  const counts = CLASSES.map(() => 0);
  let sansAvant = 0;
  for (const a of adherents) sansAvant += count(counts, a);
  return toDistribution(counts, sansAvant);
}

/** Compte un adhérent dans sa classe ; rend 1 s'il n'a pas de montant avant (aucune classe), 0 sinon. */
function count(counts: number[], a: AdherentCompare): number {
  const k = classOf(a);
  if (k === 'sansAvant') return 1;
  if (k !== undefined) counts[k]!++;
  return 0;
}

function toDistribution(counts: readonly number[], sansAvant: number): Distribution {
  return { classes: CLASSES.map((libelle, i) => ({ libelle: libelle.join(' '), nombre: counts[i]! })), sansAvant };
}

/** L'histogramme des écarts : une colonne par classe, un axe vertical gradué en nombre d'adhérents, chaque nombre au-dessus de sa colonne. */
function histogram(d: Distribution): Html {
  const col = 92;
  const h = 160;
  const left = 56;
  const top = 22;
  const max = Math.max(1, ...d.classes.map((c) => c.nombre));
  const { step, top: axisTop } = axis(String(max), 5);
  const yMax = Number(axisTop);
  const width = left + CLASSES.length * col + 10;
  const base = top + h;
  const out: Html[] = [
    html`<svg class="graphique" role="img" aria-label="Répartition des adhérents selon l'écart de leur total, en pour cent" viewBox="0 0 ${width} ${base + 48}" width="100%" xmlns="http://www.w3.org/2000/svg">`,
    html`<text x="14" y="${top + h / 2}" transform="rotate(-90 14 ${top + h / 2})" text-anchor="middle">Nombre d'adhérents</text>`,
  ];
  for (let v = 0; v <= yMax; v += Number(step)) {
    const y = base - Math.round((v / yMax) * h * 10) / 10;
    out.push(html`<line x1="${left}" y1="${y}" x2="${width - 10}" y2="${y}" class="grille"/>`, html`<text x="${left - 6}" y="${y + 4}" text-anchor="end" class="valeur">${v}</text>`);
  }
  out.push(html`<line x1="${left}" y1="${top - 6}" x2="${left}" y2="${base}" class="axe"/>`);
  d.classes.forEach((c, i) => {
    const bh = Math.round((c.nombre / yMax) * h * 10) / 10;
    const x = left + i * col;
    const cls = i < 3 ? 'baisse' : i === 3 ? 'stable' : 'hausse';
    const [l1, l2] = CLASSES[i]!;
    out.push(
      html`<rect x="${x + 10}" y="${base - bh}" width="${col - 20}" height="${bh}" class="${cls}"/>`,
      html`<text x="${x + col / 2}" y="${base - bh - 4}" text-anchor="middle" class="valeur">${c.nombre}</text>`,
      html`<text x="${x + col / 2}" y="${base + 16}" text-anchor="middle" class="classe">${l1}</text>`,
      html`<text x="${x + col / 2}" y="${base + 29}" text-anchor="middle" class="classe">${l2}</text>`,
    );
  });
  out.push(html`<line x1="${left}" y1="${base}" x2="${width - 10}" y2="${base}" class="axe"/>`, html`<text x="${left + (CLASSES.length * col) / 2}" y="${base + 45}" text-anchor="middle">Écart du total de l'adhérent, en pour cent</text>`, html`</svg>`);
  return joinHtml(out);
}

/** Un adhérent parmi les plus forts écarts : ce que le tableau en montre, et son écart. */
interface Extreme {
  readonly row: Html;
  readonly index: number;
  /** L'écart, en chaîne décimale. */
  readonly ecart: string;
}

/** Les dix plus forts écarts d'un sens (`sens` = 1 : hausses, −1 : baisses), les plus forts d'abord ; à égalité, dans l'ordre du lot. */
function strongest(list: readonly Extreme[], sens: 1 | -1): Extreme[] {
  return [...list].sort((x, y) => sens * compareAmounts(y.ecart, x.ecart) || x.index - y.index).slice(0, 10);
}

function nomOf(a: { readonly nom: string | null; readonly index: number }): string {
  return a.nom ?? `adhésion n° ${a.index + 1}`;
}

/** `1 adhésion`, `104 adhésions`. */
function plural(n: number, un: string, plusieurs: string): string {
  return `${formatNumber(String(n), TYPO)}\u00a0${agreeing(n, un, plusieurs)}`;
}

/** Un montant ou l'intervalle de plusieurs, sur deux lignes : `300,00 €`, `de 100,00 €<br>à 550,00 €`. */
function range(values: readonly string[], write: (v: string) => string): Html {
  const sorted = [...values].sort(compareAmounts);
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  return compareAmounts(lo, hi) === 0 ? html`${write(lo)}` : html`de ${write(lo)}<br>à ${write(hi)}`;
}

/** Ce que désigne un tarif changé : sa composante, puis son unité ou sa case (strate, quota). */
function tariffLabel(t: TariffChange): string {
  const where = [t.strate === undefined ? '' : formatBand(t.strate, TYPO), t.quotaGo === undefined ? '' : `${formatNumber(String(t.quotaGo), TYPO)}\u00a0Go`].filter(Boolean).join(', ');
  const unit = t.unite === undefined ? '' : `par ${t.unite.un}`;
  return [t.libelleComposante, [unit, where].filter(Boolean).join(', ')].filter(Boolean).join(' — ');
}

function unitPrice(v: string | null): string {
  return v === null ? 'non publié' : formatUnitPrice(v, TYPO);
}

/**
 * Les lignes du tableau des tarifs votés : une par montant changé ; les montants d'une même
 * composante (les cases d'une grille) qui changent tous du même pour cent en une seule ligne,
 * leur détail montant par montant venant plus loin.
 */
function tariffRows(changes: readonly TariffChange[], grouped: boolean): Html[] {
  const out: Html[] = [];
  const groups = new Map<string, TariffChange[]>();
  for (const t of changes) {
    const key = `${t.prestation}|${t.composante}|${t.champ}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [t]);
    else g.push(t);
  }
  // La synthèse nomme chaque tarif par sa composante ; le détail y ajoute la prestation.
  const head = (t: TariffChange, label: string) =>
    grouped ? html`<th scope="row">${label}</th>` : html`<th scope="row">${t.libellePrestation}</th><td>${label}</td>`;
  for (const g of groups.values()) {
    const first = g[0]!;
    const same = g.every((t) => t.avant !== null && t.apres !== null && t.ecartPourcent === first.ecartPourcent);
    if (grouped && g.length > 1 && same) {
      const label = `${first.libelleComposante} — ${plural(g.length, 'montant', 'montants')}, chacun ${pourcent(first.ecartPourcent)} (détail plus loin)`;
      out.push(
        html`<tr>${head(first, label)}<td class="n">${range(g.map((x) => x.avant!), unitPrice)}</td><td class="n">${range(g.map((x) => x.apres!), unitPrice)}</td><td class="n">${range(g.map((x) => x.ecart!), (v) => signed(v))}</td><td class="n">${pourcent(first.ecartPourcent)}</td></tr>`,
      );
      continue;
    }
    for (const t of g) {
      out.push(
        html`<tr>${head(t, tariffLabel(t))}<td class="n">${unitPrice(t.avant)}</td><td class="n">${unitPrice(t.apres)}</td><td class="n${ecartClass(t.ecart)}">${t.ecart === null ? '—' : signed(t.ecart)}</td><td class="n">${pourcent(t.ecartPourcent)}</td></tr>`,
      );
    }
  }
  return out;
}

const STYLE = `
  @page { size: A4; margin: 18mm 12mm 16mm; }
  * { box-sizing: border-box; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #161616; margin: 0 auto; max-width: 190mm; padding: 8mm 0; font-size: 10pt; line-height: 1.4; }
  header { border-bottom: 2px solid #000091; padding-bottom: 2mm; margin-bottom: 3mm; }
  h1 { font-size: 17pt; margin: 0 0 1mm; color: #000091; }
  h2 { font-size: 12.5pt; margin: 7mm 0 2mm; }
  h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
  /* Un titre ne reste jamais seul en bas de page : il emporte 35 mm de place avec lui. */
  h2, h3 { break-after: avoid; break-inside: avoid; page-break-after: avoid; page-break-inside: avoid; }
  h2::after { content: ""; display: block; height: 35mm; margin-bottom: -35mm; }
  h3::after { content: ""; display: block; height: 14mm; margin-bottom: -14mm; }
  header p { margin: 0.5mm 0; }
  /* Un graphique reste sur la page de son titre. */
  .tenir { break-inside: avoid; page-break-inside: avoid; }
  .exemple { border: 2px solid #b34000; background: #fff4ec; color: #6b2400; padding: 2.5mm 4mm; font-weight: 700; margin: 0 0 4mm; }
  .synthese { break-after: page; page-break-after: always; font-size: 9.5pt; }
  .synthese p { margin: 1mm 0 2mm; }
  .synthese h2 { margin-top: 2mm; }
  .synthese table { font-size: 9pt; }
  .synthese th, .synthese td { padding: 0.8mm 1.5mm; }
  .chiffres { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 0 0 2mm; }
  .chiffres div { border: 1px solid #929292; padding: 2mm 3mm; }
  .chiffres strong { display: block; font-size: 13pt; }
  .a-trancher { border-left: 4px solid #b34000; background: #fff4ec; padding: 1.5mm 3mm; margin: 0 0 2mm; }
  .synthese ul { margin: 0 0 2mm; padding-left: 5mm; }
  .note { color: #3a3a3a; font-size: 9pt; }
  table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
  th, td { border-bottom: 1px solid #c9c9c9; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
  thead th { background: #eeeeee; border-bottom: 2px solid #3a3a3a; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tr.total th, tr.total td { font-weight: 700; border-top: 2px solid #3a3a3a; border-bottom: 2px solid #3a3a3a; }
  td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .hausse-txt { color: #8f0000; }
  .baisse-txt { color: #18753c; }
  svg.graphique { max-width: 100%; height: auto; font-size: 11px; margin: 0 0 3mm; break-inside: avoid; page-break-inside: avoid; }
  svg text { fill: #161616; }
  svg .valeur { fill: #3a3a3a; font-size: 10px; }
  svg .classe { font-size: 10px; }
  svg .avant { fill: #8585f6; }
  svg .apres { fill: #000091; }
  svg .hausse { fill: #ce0500; }
  svg .baisse { fill: #18753c; }
  svg .stable { fill: #929292; }
  svg .axe { stroke: #3a3a3a; stroke-width: 1; }
  svg .grille { stroke: #dddddd; stroke-width: 1; }
  .refus li { margin: 0 0 1mm; }
  footer { margin-top: 8mm; color: #3a3a3a; font-size: 8.5pt; }
  @media print { body { padding: 0; max-width: none; } .exemple, .a-trancher, svg, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

/**
 * Les marges de chaque page imprimée : le titre du rapport (en haut à gauche), le bandeau des
 * montants d'exemple (en haut à droite), « page N / M » (en bas à droite). Les boîtes de marge de
 * `@page` se répètent sur chaque page ; un navigateur qui ne les connaît pas imprime le rapport
 * sans elles, le bandeau restant en tête de la première page.
 */
function pageMargins(titre: string, bandeau: string | undefined): string {
  const box = 'font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 8pt; color: #3a3a3a;';
  return [
    '@page {',
    `  @top-left { content: ${cssString(titre)}; ${box} }`,
    ...(bandeau === undefined ? [] : [`  @top-right { content: ${cssString(bandeau)}; ${box} color: #b34000; font-weight: 700; }`]),
    `  @bottom-left { content: ${cssString(`${titre} — document de travail pour le comité syndical`)}; ${box} }`,
    `  @bottom-right { content: "page " counter(page) " / " counter(pages); ${box} }`,
    '}',
  ].join('\n');
}

/**
 * Écrit une comparaison en rapport HTML autonome et imprimable (A4) pour le comité syndical. Il
 * s'ouvre sur une page de synthèse pour le vote : la recette avant et après (sans ce qui serait
 * facturé deux fois, montré à part), chaque tarif changé (avant → après, en euros et en pour cent,
 * d'après les deux catalogues : voir {@link "@te90/tarifs"!tariffChanges}), ce qui est à trancher
 * (facturé deux fois au même SIREN) et les adhésions refusées, nommés par les collectivités. Suivent
 * la recette par prestation (graphique gradué en euros), la répartition des écarts des adhérents
 * (histogramme aux classes bornées sans ambiguïté, axe du nombre d'adhérents), les plus fortes
 * hausses et baisses (classées en euros), la ligne de chaque adhérent et le détail des refus et des
 * conflits. Les graphiques sont dessinés en SVG dans la page : aucun script, aucune ressource
 * externe ; le rapport s'ouvre et s'imprime hors ligne. Imprimé (Chromium), chaque page porte le
 * titre du rapport, « page N / M » et, dès qu'un catalogue porte un montant d'exemple, le bandeau
 * qui le dit ; un titre n'est jamais seul en bas de page.
 *
 * @param comparaison - une comparaison rendue par {@link "@te90/tarifs"!compareCatalogues}
 * @param options - les deux catalogues comparés, et un titre facultatif
 * @returns le document HTML complet
 * @category Lot
 * @example
 * ```ts
 * const html = renderComparisonHtml(compareCatalogues(adhesions, { avant: catalogue2026, apres: catalogue }), { avant: catalogue2026, apres: catalogue });
 * html.startsWith('<!doctype html>');
 * //=> true
 * ```
 */
export function renderComparisonHtml(comparaison: Comparaison, options: ComparisonHtmlOptions): string {
  return guarded(() => {
    checkAll([
      [comparaison, COMPARAISON, ['comparaison']],
      [options, COMPARISON_OPTIONS, ['options']],
    ]);
    const report = new ComparisonHtmlReport(options);
    const rows: string[] = [];
    const refus: string[] = [];
    for (const a of comparaison.adherents) {
      const r = report.add(a);
      rows.push(r.row);
      if (r.refus !== undefined) refus.push(r.refus);
    }
    return report.head(comparaison.synthese) + rows.join('') + report.middle() + refus.join('') + report.tail(comparaison.synthese);
  });
}

/** `deux fois`, `trois fois` : le nombre de fois en lettres, jusqu'à dix. */
const FOIS: Readonly<Record<number, string>> = { 2: 'deux fois', 3: 'trois fois', 4: 'quatre fois', 5: 'cinq fois', 6: 'six fois', 7: 'sept fois', 8: 'huit fois', 9: 'neuf fois', 10: 'dix fois' };

/** Les adhésions nommées dans un conflit, au plus : les autres sont comptées. */
const ENTREES_NOMMEES = 6;

/** Les conflits nommés dans la page de synthèse, au plus : les autres sont comptés, et tous sont détaillés plus loin. */
const CONFLITS_EN_SYNTHESE = 10;

/** Les refus nommés dans la page de synthèse, au plus : les autres sont comptés, et détaillés plus loin. */
const REFUS_EN_SYNTHESE = 10;

/**
 * Le rapport HTML d'une comparaison, écrit au fil des adhérents : {@link ComparisonHtmlReport.add}
 * rend la ligne de chaque adhérent (et son refus) et ne garde que des compteurs, les dix plus forts
 * écarts de chaque sens et le nom de chaque adhérent (pour nommer les collectivités en cause dans
 * un conflit) ; le début du document (synthèse, graphiques, plus forts écarts), écrit à la fin,
 * précède les lignes. `head + lignes + middle + refus + tail` est le document de
 * {@link renderComparisonHtml}.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * const c = compareCatalogues(adhesions, { avant: catalogue2026, apres: catalogue });
 * const rapport = new ComparisonHtmlReport({ avant: catalogue2026, apres: catalogue });
 * const lignes: string[] = [];
 * const refus: string[] = [];
 * for (const a of c.adherents) {
 *   const r = rapport.add(a);
 *   lignes.push(r.row);
 *   if (r.refus !== undefined) refus.push(r.refus);
 * }
 * const html = rapport.head(c.synthese) + lignes.join('') + rapport.middle() + refus.join('') + rapport.tail(c.synthese);
 * ```
 */
export class ComparisonHtmlReport {
  private readonly t1: string;
  private readonly t2: string;
  private readonly titre: string;
  private count = 0;
  private both = 0;
  private refusees = 0;
  private sansAvant = 0;
  private readonly counts = CLASSES.map(() => 0);
  private hausses: Extreme[] = [];
  private baisses: Extreme[] = [];
  /** Le nom de chaque adhésion, par position ; le nom de chaque collectivité, par SIREN. */
  private readonly noms = new Map<number, string>();
  private readonly sirens = new Map<string, string>();
  /** Les premiers refus, pour la page de synthèse. */
  private readonly premiersRefus: Html[] = [];

  /**
   * Commence un rapport.
   *
   * @param options - les deux catalogues comparés, et un titre facultatif
   */
  constructor(private readonly options: ComparisonHtmlOptions) {
    guarded(() => check(options, COMPARISON_OPTIONS, ['options']));
    this.t1 = String(options.avant.millesime);
    this.t2 = String(options.apres.millesime);
    this.titre = options.titre ?? `Comparaison des tarifs ${this.t1} et ${this.t2}`;
  }

  /** Ajoute un adhérent : rend sa ligne du tableau « Chaque adhérent » et, s'il est refusé d'un côté, son élément de la liste des refus. */
  add(a: AdherentCompare): {
    /** La ligne de l'adhérent dans le tableau « Chaque adhérent », avec son saut de ligne. */
    readonly row: string;
    /** Son élément de la liste des adhésions refusées, s'il est refusé d'un côté. */
    readonly refus: string | undefined;
  } {
    return guarded(() => {
      check(a, ADHERENT_COMPARE, ['adherent']);
      return this.addChecked(a);
    });
  }

  private addChecked(a: AdherentCompare): { readonly row: string; readonly refus: string | undefined } {
    const { t1, t2 } = this;
    this.count++;
    this.sansAvant += count(this.counts, a);
    if (a.nom !== null) {
      this.noms.set(a.index, a.nom);
      if (a.siren !== null && !this.sirens.has(a.siren)) this.sirens.set(a.siren, a.nom);
    }
    const siren = a.siren ? sirenUnbroken(a.siren) : '—';
    if (a.ecart !== null) {
      this.both++;
      const e = a.ecart;
      if (sign(e) !== 0) {
        const row = html`<tr><th scope="row">${nomOf(a)}</th><td>${siren}</td><td class="n">${euros(a.avant!.total)}</td><td class="n">${euros(a.apres!.total)}</td><td class="n${ecartClass(a.ecart)}">${signed(a.ecart)}</td><td class="n">${pourcent(a.ecartPourcent)}</td></tr>`;
        if (sign(e) < 0) {
          this.baisses.push({ row, index: a.index, ecart: e });
          if (this.baisses.length >= 1000) this.baisses = strongest(this.baisses, -1);
        } else {
          this.hausses.push({ row, index: a.index, ecart: e });
          if (this.hausses.length >= 1000) this.hausses = strongest(this.hausses, 1);
        }
      }
    }
    const row = html`<tr><td>${a.index + 1}</td><th scope="row">${nomOf(a)}</th><td>${siren}</td><td class="n">${a.avant ? euros(a.avant.total) : 'refusée'}</td><td class="n">${a.apres ? euros(a.apres.total) : 'refusée'}</td><td class="n${ecartClass(a.ecart)}">${signed(a.ecart)}</td><td class="n">${pourcent(a.ecartPourcent)}</td></tr>\n`.toString();
    if (a.refus.avant === undefined && a.refus.apres === undefined) return { row, refus: undefined };
    this.refusees++;
    const cotes = [...(a.refus.avant ? [t1] : []), ...(a.refus.apres ? [t2] : [])];
    const qui = `${nomOf(a)}${a.siren ? ` (SIREN ${sirenUnbroken(a.siren)})` : ''}`;
    if (this.premiersRefus.length < REFUS_EN_SYNTHESE) this.premiersRefus.push(html`<li><strong>${qui}</strong> : refusée ${cotes.map((t) => `en ${t}`).join(' et ')}</li>`);
    const raisons = [
      ...(a.refus.avant ? [`en ${t1} : ${a.refus.avant.map((i) => i.message).join(' ; ')}`] : []),
      ...(a.refus.apres ? [`en ${t2} : ${a.refus.apres.map((i) => i.message).join(' ; ')}`] : []),
    ];
    return { row, refus: html`<li><strong>${qui}</strong> — refusée ${raisons.join(' ; ')}</li>\n`.toString() };
  }

  /**
   * La répartition des écarts des adhérents ajoutés.
   *
   * @internal
   */
  distribution(): Distribution {
    return toDistribution(this.counts, this.sansAvant);
  }

  /** Une collectivité nommée par son SIREN : `Belfort (SIREN 219 000 106)`, ou le SIREN seul s'il n'est celui d'aucun adhérent. */
  private sirenNamed(siren: string): string {
    const nom = this.sirens.get(siren);
    return nom === undefined ? `SIREN ${sirenUnbroken(siren)}` : `${nom} (SIREN ${sirenUnbroken(siren)})`;
  }

  /** Les adhésions en cause, nommées : `CA Grand Belfort et Belfort`. */
  private entriesNamed(entrees: readonly number[]): string {
    const noms = entrees.slice(0, ENTREES_NOMMEES).map((e) => this.noms.get(e) ?? `adhésion n° ${e + 1}`);
    const autres = entrees.length - noms.length;
    return autres > 0 ? `${noms.join(', ')} et ${plural(autres, 'autre adhésion', 'autres adhésions')}` : enumerate(noms);
  }

  /**
   * Les conflits des deux côtés, chacun une fois avec les millésimes où il se pose, dits par les
   * noms des collectivités (jamais de code ni de fichier).
   */
  private conflicts(s: Comparaison['synthese']): string[] {
    const out = new Map<string, { texte: string; cotes: string[] }>();
    for (const [side, t] of [['avant', this.t1], ['apres', this.t2]] as const) {
      for (const c of s.conflits[side]) {
        const p = c.params as { raison?: string; siren?: string; libellePrestation?: string; entrees?: readonly number[]; champs?: readonly string[] };
        const siren = typeof p.siren === 'string' ? p.siren : '';
        const entrees = Array.isArray(p.entrees) ? p.entrees : [];
        const fois = FOIS[entrees.length] ?? `${entrees.length} fois`;
        const texte =
          c.code === 'DEBITEUR_CONTRADICTOIRE'
            ? `${this.sirenNamed(siren)} est décrit autrement par ${this.entriesNamed(entrees)} (${(p.champs ?? []).join(', ')}) : une facture n'a qu'un débiteur.`
            : p.raison === 'collectivite'
            ? `${this.sirenNamed(siren)} adhère ${fois} (${this.entriesNamed(entrees)}) : une collectivité n'adhère qu'une fois.`
            : `« ${p.libellePrestation ?? ''} » serait facturé ${fois} à ${this.sirenNamed(siren)}, par ${this.entriesNamed(entrees)} : la prestation n'est due qu'une fois par SIREN.`;
        const known = out.get(texte);
        if (known === undefined) out.set(texte, { texte, cotes: [t] });
        else known.cotes.push(t);
      }
    }
    return [...out.values()].map((c) => `En ${c.cotes.join(' et en ')} : ${c.texte}`);
  }

  /** Le début du document, jusqu'à l'ouverture du tableau « Chaque adhérent », une fois tous les adhérents ajoutés. */
  head(s: Comparaison['synthese']): string {
    return guarded(() => {
      check(s, SYNTHESE, ['synthese']);
      return this.headChecked(s);
    });
  }

  private headChecked(s: Comparaison['synthese']): string {
    const { t1, t2, titre, options } = this;
    const ex1 = usesExample(options.avant);
    const ex2 = usesExample(options.apres);
    const quels = ex1 && ex2 ? 'les deux catalogues comparés portent' : `le catalogue ${ex1 ? t1 : t2} porte`;
    const bandeau = ex1 || ex2 ? `Montants d'exemple : ${ex1 && ex2 ? `catalogues ${t1} et ${t2}` : `catalogue ${ex1 ? t1 : t2}`} — ne fonde aucune décision` : undefined;
    const doubles = { avant: s.factureDeuxFois?.avant ?? '0.00', apres: s.factureDeuxFois?.apres ?? '0.00' };
    const avecDoubles = sign(doubles.avant) !== 0 || sign(doubles.apres) !== 0;
    const net = {
      avant: sumAmounts([s.avant, `-${doubles.avant}`]),
      apres: sumAmounts([s.apres, `-${doubles.apres}`]),
    };
    const netEcart = sumAmounts([net.apres, `-${net.avant}`]);
    const netPourcent = percentOf(netEcart, net.avant);
    const changes = tariffChanges(options.avant, options.apres);
    const conflits = this.conflicts(s);
    const out: Html[] = [
      html`<!doctype html>`,
      html`<html lang="fr">`,
      html`<head>`,
      html`<meta charset="utf-8">`,
      html`<meta name="viewport" content="width=device-width, initial-scale=1">`,
      html`<title>${titre}</title>`,
      styleElement(`${STYLE}${pageMargins(titre, bandeau)}\n`),
      html`</head>`,
      html`<body>`,
      html`<header>`,
      html`<h1>${titre}</h1>`,
      html`<p>Catalogue ${t1} : ${options.avant.libelle}</p>`,
      html`<p>Catalogue ${t2} : ${options.apres.libelle}</p>`,
      html`<p>${plural(this.count, 'adhésion', 'adhésions')} ; acceptées en ${t1} : ${s.acceptesAvant} ; en ${t2} : ${s.acceptesApres}.</p>`,
      html`</header>`,
      html`<main>`,
    ];
    if (bandeau !== undefined) {
      out.push(
        html`<p class="exemple" role="note">Montants d'exemple : ${quels} des montants inventés pour une démonstration, ni publiés ni votés par le syndicat. Ce rapport ne peut pas fonder une décision.</p>`,
      );
    }
    // La page de synthèse, pour le vote.
    out.push(
      html`<section class="synthese" aria-labelledby="synthese">`,
      html`<h2 id="synthese">Synthèse pour le vote</h2>`,
      html`<div class="chiffres">`,
      html`<div>Recette ${t1} <strong>${euros(net.avant)}</strong></div>`,
      html`<div>Recette ${t2} <strong>${euros(net.apres)}</strong></div>`,
      html`<div>Écart <strong class="${ecartClass(netEcart).trim()}">${signed(netEcart)} (${pourcent(netPourcent)})</strong></div>`,
      html`</div>`,
      html`<p>Adhérents acceptés des deux côtés : ${this.both} — en hausse : ${s.enHausse} ; en baisse : ${s.enBaisse} ; stables : ${s.stables}.</p>`,
    );
    if (avecDoubles) {
      out.push(
        html`<p class="a-trancher">Facturé deux fois au même SIREN, à trancher avant de facturer, et non compris dans ces recettes : <strong>${euros(doubles.avant)} en ${t1}</strong>, <strong>${euros(doubles.apres)} en ${t2}</strong> (factures émises telles quelles : ${euros(s.avant)} en ${t1}, ${euros(s.apres)} en ${t2}).</p>`,
      );
    } else out.push(html`<p class="note">Recette des adhésions acceptées de chaque côté, sans SIREN facturé deux fois.</p>`);
    out.push(html`<h3>Tarifs soumis au vote : ce qui change de ${t1} à ${t2}</h3>`);
    if (changes.length === 0) out.push(html`<p>Aucun tarif ne change de ${t1} à ${t2}.</p>`);
    else {
      out.push(
        html`<table class="tarifs">`,
        html`<thead><tr><th scope="col">Tarif</th><th scope="col" class="n">${t1}</th><th scope="col" class="n">${t2}</th><th scope="col" class="n">Écart</th><th scope="col" class="n">%</th></tr></thead>`,
        html`<tbody>`,
        ...tariffRows(changes, true),
        html`</tbody>`,
        html`</table>`,
      );
    }
    out.push(html`<h3>À trancher avant de facturer</h3>`);
    if (conflits.length === 0) out.push(html`<p>Aucun SIREN facturé deux fois.</p>`);
    else {
      const autres = conflits.length - CONFLITS_EN_SYNTHESE;
      out.push(html`<ul class="conflits">\n${joinHtml(conflits.slice(0, CONFLITS_EN_SYNTHESE).map((c) => html`<li>${c}</li>`))}\n</ul>`);
      if (autres > 0) out.push(html`<p class="note">Et ${plural(autres, 'autre', 'autres')}, détaillés en fin de rapport.</p>`);
    }
    out.push(html`<h3>Adhésions refusées</h3>`);
    if (this.refusees === 0) out.push(html`<p>Aucune : toutes les adhésions sont acceptées en ${t1} et en ${t2}.</p>`);
    else {
      const autres = this.refusees - this.premiersRefus.length;
      out.push(html`<ul>\n${joinHtml(this.premiersRefus)}\n</ul>`, html`<p class="note">${autres > 0 ? `Et ${plural(autres, 'autre', 'autres')}. ` : ''}Les raisons sont détaillées en fin de rapport.</p>`);
    }
    out.push(html`</section>`);
    out.push(
      html`<section aria-labelledby="recette">`,
      html`<div class="tenir">`,
      html`<h2 id="recette">Recette du syndicat, par prestation</h2>`,
      revenueChart(s.parPrestation.map((p) => ({ libelle: p.libelle, avant: p.avant ?? '0.00', apres: p.apres ?? '0.00' })), t1, t2),
      html`</div>`,
      html`<table>`,
      html`<thead><tr><th scope="col">Prestation</th><th scope="col" class="n">${t1}</th><th scope="col" class="n">${t2}</th><th scope="col" class="n">Écart</th><th scope="col" class="n">%</th></tr></thead>`,
      html`<tbody>`,
      ...s.parPrestation.map(
        (p) =>
          html`<tr><th scope="row">${p.libelle}</th><td class="n">${euros(p.avant ?? '0.00')}</td><td class="n">${euros(p.apres ?? '0.00')}</td><td class="n${ecartClass(p.ecart)}">${signed(p.ecart)}</td><td class="n">${pourcent(p.ecartPourcent)}</td></tr>`,
      ),
      html`<tr class="total"><th scope="row">Total${avecDoubles ? ', double facturation comprise' : ''}</th><td class="n">${euros(s.avant)}</td><td class="n">${euros(s.apres)}</td><td class="n${ecartClass(s.ecart)}">${signed(s.ecart)}</td><td class="n">${pourcent(s.ecartPourcent)}</td></tr>`,
      ...(avecDoubles
        ? [
            html`<tr><th scope="row">dont facturé deux fois au même SIREN (à trancher)</th><td class="n">${euros(doubles.avant)}</td><td class="n">${euros(doubles.apres)}</td><td class="n"></td><td class="n"></td></tr>`,
            html`<tr class="total"><th scope="row">Total sans double facturation</th><td class="n">${euros(net.avant)}</td><td class="n">${euros(net.apres)}</td><td class="n${ecartClass(netEcart)}">${signed(netEcart)}</td><td class="n">${pourcent(netPourcent)}</td></tr>`,
          ]
        : []),
      html`</tbody>`,
      html`</table>`,
      html`<p class="note">Recette des adhésions acceptées de chaque côté ; chaque ligne de devis est arrondie au centime, les totaux sont les sommes des lignes.</p>`,
      html`</section>`,
    );
    if (changes.some((t, i) => i > 0 && changes[i - 1]!.prestation === t.prestation && changes[i - 1]!.composante === t.composante && changes[i - 1]!.champ === t.champ)) {
      out.push(
        html`<section aria-labelledby="tarifs">`,
        html`<h2 id="tarifs">Tarifs changés, montant par montant</h2>`,
        html`<table class="tarifs">`,
        html`<thead><tr><th scope="col">Prestation</th><th scope="col">Tarif</th><th scope="col" class="n">${t1}</th><th scope="col" class="n">${t2}</th><th scope="col" class="n">Écart</th><th scope="col" class="n">%</th></tr></thead>`,
        html`<tbody>`,
        ...tariffRows(changes, false),
        html`</tbody>`,
        html`</table>`,
        html`</section>`,
      );
    }
    const d = this.distribution();
    out.push(
      html`<section aria-labelledby="repartition">`,
      html`<div class="tenir">`,
      html`<h2 id="repartition">Répartition des écarts des adhérents</h2>`,
      html`<p>Adhérents acceptés des deux côtés : ${this.both} — en hausse : ${s.enHausse} ; en baisse : ${s.enBaisse} ; stables : ${s.stables}${d.sansAvant > 0 ? ` ; sans montant en ${t1} : ${d.sansAvant}` : ''}.</p>`,
      histogram(d),
      html`</div>`,
      html`<p class="note">L'écart d'un adhérent est celui de son total, en pour cent de son total ${t1}, arrondi au centième. Chaque classe dit ses bornes : un adhérent à +2 % exactement compte dans « de 0 % (exclu) à +2 % (inclus) ».</p>`,
      html`</section>`,
    );
    const extremes = (id: string, titreSection: string, list: readonly Extreme[]) => {
      out.push(html`<section aria-labelledby="${id}">`, html`<h2 id="${id}">${titreSection}</h2>`);
      if (list.length === 0) {
        out.push(html`<p>Aucune.</p>`, html`</section>`);
        return;
      }
      out.push(
        html`<p class="note">Classées selon l'écart en euros, du plus fort au plus faible ; l'écart en pour cent est donné à côté.</p>`,
        html`<table>`,
        html`<thead><tr><th scope="col">Adhérent</th><th scope="col">SIREN</th><th scope="col" class="n">${t1}</th><th scope="col" class="n">${t2}</th><th scope="col" class="n">Écart</th><th scope="col" class="n">%</th></tr></thead>`,
        html`<tbody>`,
        ...list.map((e) => e.row),
        html`</tbody>`,
        html`</table>`,
        html`</section>`,
      );
    };
    extremes('hausses', 'Plus fortes hausses, en euros', strongest(this.hausses, 1));
    extremes('baisses', 'Plus fortes baisses, en euros', strongest(this.baisses, -1));
    out.push(
      html`<section aria-labelledby="adherents">`,
      html`<h2 id="adherents">Chaque adhérent</h2>`,
      html`<table>`,
      html`<thead><tr><th scope="col">N°</th><th scope="col">Adhérent</th><th scope="col">SIREN</th><th scope="col" class="n">${t1}</th><th scope="col" class="n">${t2}</th><th scope="col" class="n">Écart</th><th scope="col" class="n">%</th></tr></thead>`,
      html`<tbody>`,
    );
    return joinHtml(out).toString() + '\n';
  }

  /** Entre les lignes des adhérents et la liste des refus. */
  middle(): string {
    const out = [html`</tbody>`, html`</table>`, html`</section>`, html`<section class="refus" aria-labelledby="refus">`, html`<h2 id="refus">Adhésions refusées, et pourquoi</h2>`];
    out.push(this.refusees === 0 ? html`<p>Aucune : toutes les adhésions sont acceptées en ${this.t1} et en ${this.t2}.</p>` : html`<ul>`);
    return joinHtml(out).toString() + '\n';
  }

  /** La fin du document, après la liste des refus : ce qui serait facturé deux fois au même SIREN. */
  tail(s: Comparaison['synthese']): string {
    return guarded(() => [...this.tailLines(s)].join(''));
  }

  /** Les lignes de {@link ComparisonHtmlReport.tail}, une à une (avec leur saut de ligne). */
  *tailLines(s: Comparaison['synthese']): Generator<string> {
    yield* guardedChunks(() => {
      check(s, SYNTHESE, ['synthese']);
      return this.tailLinesChecked(s);
    }, true);
  }

  private *tailLinesChecked(s: Comparaison['synthese']): Generator<string> {
    if (this.refusees > 0) yield html`</ul>\n`.toString();
    yield html`</section>\n`.toString();
    const conflits = this.conflicts(s);
    if (conflits.length > 0) {
      const debtors = [...s.conflits.avant, ...s.conflits.apres].some((c) => c.code === 'DEBITEUR_CONTRADICTOIRE');
      yield html`<section aria-labelledby="conflits">\n<h2 id="conflits">${debtors ? 'Facturé deux fois, débiteur décrit deux fois autrement' : 'Facturé deux fois au même SIREN'} : à trancher avant de facturer</h2>\n<ul>\n`.toString();
      for (const c of conflits) yield html`<li>${c}</li>\n`.toString();
      yield html`</ul>\n</section>\n`.toString();
    }
    yield html`</main>\n<footer>${this.titre}. Établi avec @te90/tarifs.</footer>\n</body>\n</html>\n`.toString();
  }
}

/** L'écart en pour cent de `base`, deux décimales (au demi supérieur) ; `null` si `base` est nul. */
function percentOf(ecart: string, base: string): string | null {
  if (sign(base) === 0) return null;
  // Centièmes de pour cent, en entiers exacts : ecart × 10 000 / base, arrondi au demi supérieur.
  const e = digits(ecart);
  const b = digits(base);
  const ten = BigInt(10);
  const num = e.n * ten ** BigInt(b.decimales) * BigInt(10000);
  const den = b.n * ten ** BigInt(e.decimales);
  const q = (BigInt(2) * num + den) / (BigInt(2) * den);
  const negative = sign(ecart) * sign(base) < 0 && q !== BigInt(0);
  const str = q.toString().padStart(3, '0');
  return `${negative ? '-' : ''}${str.slice(0, -2)}.${str.slice(-2)}`;
}

function ecartClass(v: string | null): string {
  return v === null || sign(v) === 0 ? '' : sign(v) < 0 ? ' baisse-txt' : ' hausse-txt';
}

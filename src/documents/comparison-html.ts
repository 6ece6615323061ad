import { compareAmounts, formatEuros, formatNumber, formatSiren, type AdherentCompare, type Catalogue, type Comparaison } from '@te90/tarifs';

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

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

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

/** Barres horizontales appariées (avant, après) : la recette totale et par prestation. */
function revenueChart(rows: readonly { readonly libelle: string; readonly avant: string; readonly apres: string }[], t1: string, t2: string): string {
  const label = 320;
  const bar = 300;
  const rowHeight = 40;
  const max = rows.reduce((m, r) => larger(larger(m, r.avant), r.apres), '0');
  const height = rows.length * rowHeight + 30;
  const out: string[] = [
    `<svg class="graphique" role="img" aria-label="Recette ${escape(t1)} et ${escape(t2)}, par prestation" viewBox="0 0 ${label + bar + 130} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">`,
    `<rect x="${label}" y="4" width="12" height="10" class="avant"/><text x="${label + 16}" y="13">${escape(t1)}</text>`,
    `<rect x="${label + 80}" y="4" width="12" height="10" class="apres"/><text x="${label + 96}" y="13">${escape(t2)}</text>`,
  ];
  rows.forEach((r, i) => {
    const y = 24 + i * rowHeight;
    const wa = scale(r.avant, max, bar);
    const wb = scale(r.apres, max, bar);
    const libelle = r.libelle.length > 40 ? `${r.libelle.slice(0, 39)}…` : r.libelle;
    out.push(
      `<text x="${label - 6}" y="${y + 17}" text-anchor="end">${escape(libelle)}</text>`,
      `<rect x="${label}" y="${y}" width="${wa}" height="13" class="avant"/><text x="${label + wa + 4}" y="${y + 11}" class="valeur">${euros(r.avant)}</text>`,
      `<rect x="${label}" y="${y + 15}" width="${wb}" height="13" class="apres"/><text x="${label + wb + 4}" y="${y + 26}" class="valeur">${euros(r.apres)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

/** Les classes de l'histogramme des écarts en pour cent : borne de gauche comprise, « stable » pour un écart nul. */
const CLASSES: readonly string[] = ['< −10 %', '−10 à −5 %', '−5 à 0 %', 'stable', '0 à 2 %', '2 à 5 %', '5 à 10 %', '≥ 10 %'];

type Distribution = { readonly classes: readonly { readonly libelle: string; readonly nombre: number }[]; readonly sansAvant: number };

/**
 * La classe de l'écart d'un adhérent accepté des deux côtés (son rang dans `CLASSES`), `'sansAvant'`
 * si son total avant était nul, `undefined` s'il est refusé d'un côté.
 */
function classOf(a: AdherentCompare): number | 'sansAvant' | undefined {
  if (a.ecart === null) return undefined;
  if (a.ecartPourcent === null) return 'sansAvant';
  const p = a.ecartPourcent;
  const lt = (bound: string) => compareAmounts(p, bound) < 0;
  if (sign(p) === 0) return 3;
  if (lt('-10')) return 0;
  if (lt('-5')) return 1;
  if (lt('0')) return 2;
  if (lt('2')) return 4;
  if (lt('5')) return 5;
  if (lt('10')) return 6;
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
  return { classes: CLASSES.map((libelle, i) => ({ libelle, nombre: counts[i]! })), sansAvant };
}

/** L'histogramme des écarts : une colonne par classe. */
function histogram(d: Distribution): string {
  const col = 70;
  const h = 150;
  const max = Math.max(1, ...d.classes.map((c) => c.nombre));
  const out = [`<svg class="graphique" role="img" aria-label="Répartition des adhérents selon l'écart de leur total" viewBox="0 0 ${d.classes.length * col + 20} ${h + 50}" width="100%" xmlns="http://www.w3.org/2000/svg">`];
  d.classes.forEach((c, i) => {
    const bh = Math.round((c.nombre / max) * h * 10) / 10;
    const x = 10 + i * col;
    const cls = i < 3 ? 'baisse' : i === 3 ? 'stable' : 'hausse';
    out.push(
      `<rect x="${x + 8}" y="${h + 10 - bh}" width="${col - 16}" height="${bh}" class="${cls}"/>`,
      `<text x="${x + col / 2}" y="${h + 6 - bh}" text-anchor="middle" class="valeur">${c.nombre}</text>`,
      `<text x="${x + col / 2}" y="${h + 28}" text-anchor="middle">${escape(c.libelle)}</text>`,
    );
  });
  out.push(`<line x1="10" y1="${h + 10}" x2="${d.classes.length * col + 10}" y2="${h + 10}" class="axe"/>`, '</svg>');
  return out.join('\n');
}

/** Un adhérent parmi les plus forts écarts : ce que le tableau en montre, et son écart. */
interface Extreme {
  readonly row: string;
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

const STYLE = `
  @page { size: A4; margin: 14mm 12mm; }
  * { box-sizing: border-box; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #161616; margin: 0 auto; max-width: 190mm; padding: 8mm 0; font-size: 10pt; line-height: 1.4; }
  header { border-bottom: 2px solid #000091; padding-bottom: 3mm; margin-bottom: 5mm; }
  h1 { font-size: 17pt; margin: 0 0 1mm; color: #000091; }
  h2 { font-size: 12.5pt; margin: 7mm 0 2mm; page-break-after: avoid; }
  header p { margin: 0.5mm 0; }
  .exemple { border: 2px solid #b34000; background: #fff4ec; color: #6b2400; padding: 3mm 4mm; font-weight: 700; margin: 0 0 5mm; }
  .chiffres { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 0 0 4mm; }
  .chiffres div { border: 1px solid #929292; padding: 2mm 3mm; }
  .chiffres strong { display: block; font-size: 13pt; }
  table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
  th, td { border-bottom: 1px solid #c9c9c9; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
  thead th { background: #eeeeee; border-bottom: 2px solid #3a3a3a; }
  tr { page-break-inside: avoid; }
  td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .hausse-txt { color: #8f0000; }
  .baisse-txt { color: #18753c; }
  svg.graphique { max-width: 100%; height: auto; font-size: 11px; margin: 0 0 3mm; }
  svg text { fill: #161616; }
  svg .valeur { fill: #3a3a3a; font-size: 10px; }
  svg .avant { fill: #8585f6; }
  svg .apres { fill: #000091; }
  svg .hausse { fill: #ce0500; }
  svg .baisse { fill: #18753c; }
  svg .stable { fill: #929292; }
  svg .axe { stroke: #3a3a3a; stroke-width: 1; }
  .refus li { margin: 0 0 1mm; }
  footer { margin-top: 8mm; color: #3a3a3a; font-size: 8.5pt; }
  @media print { body { padding: 0; max-width: none; } .exemple, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

/**
 * Écrit une comparaison en rapport HTML autonome et imprimable (A4) pour le comité syndical : la
 * recette avant et après, au total et par prestation, la répartition des écarts des adhérents
 * (histogramme), les plus fortes hausses et les plus fortes baisses, la ligne de chaque adhérent,
 * les adhésions refusées d'un côté ou de l'autre et pourquoi, et ce qui serait facturé deux fois au
 * même SIREN. Les graphiques sont dessinés en SVG dans la page : aucun script, aucune ressource
 * externe ; le rapport s'ouvre et s'imprime hors ligne. Un bandeau visible le signale dès qu'un des
 * deux catalogues porte un montant d'exemple.
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
  const report = new ComparisonHtmlReport(options);
  const rows: string[] = [];
  const refus: string[] = [];
  for (const a of comparaison.adherents) {
    const r = report.add(a);
    rows.push(r.row);
    if (r.refus !== undefined) refus.push(r.refus);
  }
  return report.head(comparaison.synthese) + rows.join('') + report.middle() + refus.join('') + report.tail(comparaison.synthese);
}

/**
 * Le rapport HTML d'une comparaison, écrit au fil des adhérents : {@link ComparisonHtmlReport.add}
 * rend la ligne de chaque adhérent (et son refus) et ne garde que des compteurs et les dix plus forts
 * écarts de chaque sens ; le début du document (synthèse, graphiques, plus forts écarts), écrit à la
 * fin, précède les lignes. `head + lignes + middle + refus + tail` est le document de
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

  /**
   * Commence un rapport.
   *
   * @param options - les deux catalogues comparés, et un titre facultatif
   */
  constructor(private readonly options: ComparisonHtmlOptions) {
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
    const { t1, t2 } = this;
    this.count++;
    this.sansAvant += count(this.counts, a);
    const siren = a.siren ? formatSiren(a.siren).replaceAll(' ', '\u00a0') : '—';
    if (a.ecart !== null) {
      this.both++;
      const e = a.ecart;
      if (sign(e) !== 0) {
        const row = `<tr><th scope="row">${escape(nomOf(a))}</th><td>${siren}</td><td class="n">${euros(a.avant!.total)}</td><td class="n">${euros(a.apres!.total)}</td><td class="n${ecartClass(a.ecart)}">${signed(a.ecart)}</td><td class="n">${pourcent(a.ecartPourcent)}</td></tr>`;
        if (sign(e) < 0) {
          this.baisses.push({ row, index: a.index, ecart: e });
          if (this.baisses.length >= 1000) this.baisses = strongest(this.baisses, -1);
        } else {
          this.hausses.push({ row, index: a.index, ecart: e });
          if (this.hausses.length >= 1000) this.hausses = strongest(this.hausses, 1);
        }
      }
    }
    const row = `<tr><td>${a.index + 1}</td><th scope="row">${escape(nomOf(a))}</th><td>${siren}</td><td class="n">${a.avant ? euros(a.avant.total) : 'refusée'}</td><td class="n">${a.apres ? euros(a.apres.total) : 'refusée'}</td><td class="n${ecartClass(a.ecart)}">${signed(a.ecart)}</td><td class="n">${pourcent(a.ecartPourcent)}</td></tr>\n`;
    if (a.refus.avant === undefined && a.refus.apres === undefined) return { row, refus: undefined };
    this.refusees++;
    const cotes = [
      ...(a.refus.avant ? [`en ${t1} : ${a.refus.avant.map((i) => `${i.message} [${i.code}]`).join(' ; ')}`] : []),
      ...(a.refus.apres ? [`en ${t2} : ${a.refus.apres.map((i) => `${i.message} [${i.code}]`).join(' ; ')}`] : []),
    ];
    return { row, refus: `<li><strong>${escape(nomOf(a))}</strong> (n° ${a.index + 1}) — refusée ${escape(cotes.join(' ; '))}</li>\n` };
  }

  /**
   * La répartition des écarts des adhérents ajoutés.
   *
   * @internal
   */
  distribution(): Distribution {
    return toDistribution(this.counts, this.sansAvant);
  }

  /** Le début du document, jusqu'à l'ouverture du tableau « Chaque adhérent », une fois tous les adhérents ajoutés. */
  head(s: Comparaison['synthese']): string {
    const { t1, t2, titre, options } = this;
    const exemple = usesExample(options.avant) || usesExample(options.apres);
    const out: string[] = [
      '<!doctype html>',
      '<html lang="fr">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escape(titre)}</title>`,
      `<style>${STYLE}</style>`,
      '</head>',
      '<body>',
      '<header>',
      `<h1>${escape(titre)}</h1>`,
      `<p>Avant : ${escape(options.avant.libelle)}</p>`,
      `<p>Après : ${escape(options.apres.libelle)}</p>`,
      `<p>${this.count} adhésion(s) ; acceptées en ${t1} : ${s.acceptesAvant} ; en ${t2} : ${s.acceptesApres}.</p>`,
      '</header>',
      '<main>',
    ];
    if (exemple) {
      out.push(
        '<p class="exemple" role="note">Montants d\'exemple : un des deux catalogues comparés porte des montants inventés pour une démonstration, ni publiés ni votés par le syndicat. Ce rapport ne peut pas fonder une décision.</p>',
      );
    }
    out.push(
      '<section aria-labelledby="recette">',
      '<h2 id="recette">Recette du syndicat</h2>',
      '<div class="chiffres">',
      `<div>Total ${t1}<strong>${euros(s.avant)}</strong></div>`,
      `<div>Total ${t2}<strong>${euros(s.apres)}</strong></div>`,
      `<div>Écart<strong class="${ecartClass(s.ecart).trim()}">${signed(s.ecart)} (${pourcent(s.ecartPourcent)})</strong></div>`,
      '</div>',
      revenueChart([{ libelle: 'Total', avant: s.avant, apres: s.apres }, ...s.parPrestation.map((p) => ({ libelle: p.libelle, avant: p.avant ?? '0.00', apres: p.apres ?? '0.00' }))], t1, t2),
      '<table>',
      `<thead><tr><th scope="col">Prestation</th><th scope="col" class="n">${t1}</th><th scope="col" class="n">${t2}</th><th scope="col" class="n">Écart</th><th scope="col" class="n">%</th></tr></thead>`,
      '<tbody>',
      ...s.parPrestation.map(
        (p) =>
          `<tr><th scope="row">${escape(p.libelle)}</th><td class="n">${euros(p.avant ?? '0.00')}</td><td class="n">${euros(p.apres ?? '0.00')}</td><td class="n${ecartClass(p.ecart)}">${signed(p.ecart)}</td><td class="n">${pourcent(p.ecartPourcent)}</td></tr>`,
      ),
      '</tbody>',
      `<tfoot><tr><th scope="row">Total</th><td class="n">${euros(s.avant)}</td><td class="n">${euros(s.apres)}</td><td class="n${ecartClass(s.ecart)}">${signed(s.ecart)}</td><td class="n">${pourcent(s.ecartPourcent)}</td></tr></tfoot>`,
      '</table>',
      '<p>Recette des adhésions acceptées de chaque côté ; chaque ligne de devis est arrondie au centime, les totaux sont les sommes des lignes.</p>',
      '</section>',
    );
    const d = this.distribution();
    out.push(
      '<section aria-labelledby="repartition">',
      '<h2 id="repartition">Répartition des écarts des adhérents</h2>',
      `<p>Adhérents acceptés des deux côtés : ${this.both} — en hausse : ${s.enHausse} ; en baisse : ${s.enBaisse} ; stables : ${s.stables}${d.sansAvant > 0 ? ` ; sans montant en ${t1} : ${d.sansAvant}` : ''}.</p>`,
      histogram(d),
      '</section>',
    );
    const extremes = (id: string, titreSection: string, list: readonly Extreme[]) => {
      out.push(`<section aria-labelledby="${id}">`, `<h2 id="${id}">${titreSection}</h2>`);
      if (list.length === 0) {
        out.push('<p>Aucune.</p>', '</section>');
        return;
      }
      out.push(
        '<table>',
        `<thead><tr><th scope="col">Adhérent</th><th scope="col">SIREN</th><th scope="col" class="n">${t1}</th><th scope="col" class="n">${t2}</th><th scope="col" class="n">Écart</th><th scope="col" class="n">%</th></tr></thead>`,
        '<tbody>',
        ...list.map((e) => e.row),
        '</tbody>',
        '</table>',
        '</section>',
      );
    };
    extremes('hausses', 'Plus fortes hausses', strongest(this.hausses, 1));
    extremes('baisses', 'Plus fortes baisses', strongest(this.baisses, -1));
    out.push(
      '<section aria-labelledby="adherents">',
      '<h2 id="adherents">Chaque adhérent</h2>',
      '<table>',
      `<thead><tr><th scope="col">N°</th><th scope="col">Adhérent</th><th scope="col">SIREN</th><th scope="col" class="n">${t1}</th><th scope="col" class="n">${t2}</th><th scope="col" class="n">Écart</th><th scope="col" class="n">%</th></tr></thead>`,
      '<tbody>',
    );
    return out.join('\n') + '\n';
  }

  /** Entre les lignes des adhérents et la liste des refus. */
  middle(): string {
    const out = ['</tbody>', '</table>', '</section>', '<section class="refus" aria-labelledby="refus">', '<h2 id="refus">Adhésions refusées</h2>'];
    out.push(this.refusees === 0 ? `<p>Aucune : toutes les adhésions sont acceptées en ${this.t1} et en ${this.t2}.</p>` : '<ul>');
    return out.join('\n') + '\n';
  }

  /** La fin du document, après la liste des refus : ce qui serait facturé deux fois au même SIREN. */
  tail(s: Comparaison['synthese']): string {
    return [...this.tailLines(s)].join('');
  }

  /** Les lignes de {@link ComparisonHtmlReport.tail}, une à une (avec leur saut de ligne). */
  *tailLines(s: Comparaison['synthese']): Generator<string> {
    if (this.refusees > 0) yield '</ul>\n';
    yield '</section>\n';
    for (const [side, t] of [['avant', this.t1], ['apres', this.t2]] as const) {
      const conflits = s.conflits[side];
      if (conflits.length === 0) continue;
      yield `<section aria-labelledby="conflits-${side}">\n<h2 id="conflits-${side}">Facturé deux fois au même SIREN en ${t} : à trancher avant de facturer</h2>\n<ul>\n`;
      for (const c of conflits) yield `<li>${escape(c.message)} [${c.code}]</li>\n`;
      yield '</ul>\n</section>\n';
    }
    yield `</main>\n<footer>${escape(this.titre)}. Établi avec @te90/tarifs.</footer>\n</body>\n</html>\n`;
  }
}

function ecartClass(v: string | null): string {
  return v === null || sign(v) === 0 ? '' : sign(v) < 0 ? ' baisse-txt' : ' hausse-txt';
}

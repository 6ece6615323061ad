import { formatEuros, formatNumber, formatSiren, sumAmounts, type AdherentCompare, type Comparaison } from '@te90/tarifs';
import { agreeing } from './words.js';
import { cell, identifierCell, numberCell } from './csv.js';
import { pad, renderIssuesText } from './quote-text.js';
import { conflictGroups } from './batch-text.js';
import { guarded, guardedChunks, guardedInput } from './issues.js';
import { check, ADHERENT_COMPARE, COMPARAISON, SYNTHESE } from './input-shapes.js';

function euros(value: string | null): string {
  return value === null ? 'refusé' : formatEuros(value);
}

function signed(value: string | null): string {
  if (value === null) return '—';
  if (/^-?0\.00$/.test(value)) return formatEuros('0.00');
  return value.startsWith('-') ? formatEuros(value) : `+${formatEuros(value)}`;
}

/**
 * Un côté de la comparaison dans une phrase : `en 2026` pour un millésime, `avant` et `après` tels
 * quels (jamais « en avant »), `dans « Projet »` pour un autre titre.
 */
function under(titre: string): string {
  if (/^\d+$/.test(titre)) return `en ${titre}`;
  if (titre === 'avant' || titre === 'après') return titre;
  return `dans « ${titre} »`;
}

/** `1 adhésion`, `104 adhésions`. */
function plural(n: number, un: string, plusieurs: string): string {
  return `${n} ${agreeing(n, un, plusieurs)}`;
}

function pourcent(value: string | null): string {
  if (value === null) return '—';
  if (/^-?0(\.0+)?$/.test(value)) return '0 %';
  return `${value.startsWith('-') ? '' : '+'}${formatNumber(value)} %`;
}

/**
 * Écrit une comparaison en texte : une ligne par adhérent (avant, après, écart), les refus d'un côté
 * avec leurs problèmes, puis la synthèse (recette par prestation, total, plus fortes hausses).
 *
 * @param comparaison - une comparaison rendue par {@link "@te90/tarifs"!compareCatalogues}
 * @param titres - les noms des deux catalogues (`['2026', '2027']`)
 * @returns le texte
 * @category Lot
 * @example
 * ```ts
 * console.log(renderComparisonText(compareCatalogues(adhesions, { avant: catalogue2026, apres: catalogue }), ['2026', '2027']));
 * ```
 */
export function renderComparisonText(comparaison: Comparaison, titres: readonly [string, string] = ['avant', 'après']): string {
  return guarded(() => {
    check(comparaison, COMPARAISON, ['comparaison']);
    const exemple = comparaison.adherents.some((a) => exampleSides(a) !== '');
    return [
      renderComparisonTextHead(comparaison.adherents.length, exemple, titres),
      ...comparaison.adherents.map((a) => renderComparisonTextRow(a, titres)),
      renderComparisonTextTail(comparaison.synthese, titres),
    ].join('\n');
  });
}

/**
 * Le début du texte d'une comparaison : le titre, le bandeau des montants d'exemple, l'en-tête du tableau.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * console.log(renderComparisonTextHead(2, false, ['2026', '2027']));
 * ```
 */
export function renderComparisonTextHead(count: number, exemple: boolean, titres: readonly [string, string]): string {
  return guardedInput(() => {
    const [t1, t2] = titres;
    const out: string[] = [`Comparaison ${t1} → ${t2} : ${plural(count, 'adhésion', 'adhésions')}`, ''];
    if (exemple) out.push("MONTANTS D'EXEMPLE : des montants de ce rapport ne sont ni publiés ni votés (adhérents marqués « exemple »).", '');
    out.push(`  ${pad('Adhérent', 40)} ${pad('SIREN', 11)} ${pad(t1, 14, true)} ${pad(t2, 14, true)} ${pad('écart', 14, true)} ${pad('%', 9, true)}`);
    return out.join('\n');
  });
}

/**
 * La ligne d'un adhérent dans le texte d'une comparaison (avec ses refus), sans saut de ligne final.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * const c = compareCatalogues(adhesions, { avant: catalogue2026, apres: catalogue });
 * c.adherents.map((a) => renderComparisonTextRow(a, ['2026', '2027']));
 * ```
 */
export function renderComparisonTextRow(a: AdherentCompare, titres: readonly [string, string]): string {
  return guarded(() => {
    check(a, ADHERENT_COMPARE, ['adherent']);
    const [t1, t2] = titres;
    const out = [
      `  ${pad(a.nom ?? `#${a.index + 1}`, 40)} ${pad(a.siren ? formatSiren(a.siren) : '—', 11)} ${pad(euros(a.avant?.total ?? null), 14, true)} ${pad(euros(a.apres?.total ?? null), 14, true)} ${pad(signed(a.ecart), 14, true)} ${pad(pourcent(a.ecartPourcent), 9, true)}`,
    ];
    const exemple = exampleSides(a);
    if (exemple !== '') out.push(`      exemple : montants d'exemple ${exemple === 'avant' ? under(t1) : exemple === 'après' ? under(t2) : `${under(t1)} et ${under(t2)}`}`);
    for (const [side, titre] of [['avant', t1], ['apres', t2]] as const) {
      const issues = a.refus[side];
      if (issues) out.push(`      refusée ${under(titre)} :`, renderIssuesText(issues).replace(/^/gm, '    '));
    }
    return out.join('\n');
  });
}

/**
 * La fin du texte d'une comparaison : la synthèse, les plus fortes hausses, les conflits (sauf si
 * `avecConflits` est faux : ils s'écrivent alors par {@link comparisonConflictLines}).
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * const c = compareCatalogues(adhesions, { avant: catalogue2026, apres: catalogue });
 * console.log(renderComparisonTextTail(c.synthese, ['2026', '2027']));
 * ```
 */
export function renderComparisonTextTail(s: Comparaison['synthese'], titres: readonly [string, string], avecConflits = true): string {
  return guarded(() => {
    check(s, SYNTHESE, ['synthese']);
    const [t1, t2] = titres;
    const out: string[] = [];
    const width = Math.max(10, ...s.parPrestation.map((p) => [...p.libelle].length));
    out.push('', 'Synthèse par prestation (adhésions acceptées de chaque côté) :');
    out.push(`  ${pad('Prestation', width)}  ${pad(t1, 14, true)}  ${pad(t2, 14, true)}  ${pad('écart', 14, true)}  ${pad('%', 9, true)}`);
    for (const p of s.parPrestation) {
      out.push(`  ${pad(p.libelle, width)}  ${pad(formatEuros(p.avant!), 14, true)}  ${pad(formatEuros(p.apres!), 14, true)}  ${pad(signed(p.ecart), 14, true)}  ${pad(pourcent(p.ecartPourcent), 9, true)}`);
    }
    out.push('', `Total ${t1} : ${formatEuros(s.avant)} ; total ${t2} : ${formatEuros(s.apres)} ; écart : ${signed(s.ecart)} (${pourcent(s.ecartPourcent)})`);
    const doubles = s.factureDeuxFois;
    if (doubles !== undefined && (!/^-?0\.00$/.test(doubles.avant) || !/^-?0\.00$/.test(doubles.apres))) {
      const net = [sumAmounts([s.avant, `-${doubles.avant}`]), sumAmounts([s.apres, `-${doubles.apres}`])] as const;
      out.push(`  dont facturé deux fois au même SIREN, à trancher : ${formatEuros(doubles.avant)} ${under(t1)} ; ${formatEuros(doubles.apres)} ${under(t2)}`);
      out.push(`  sans double facturation : ${formatEuros(net[0])} ${under(t1)} ; ${formatEuros(net[1])} ${under(t2)} ; écart : ${signed(sumAmounts([net[1], `-${net[0]}`]))}`);
    }
    out.push(`Adhérents en hausse : ${s.enHausse} ; en baisse : ${s.enBaisse} ; stables : ${s.stables}`);
    out.push(`Acceptées ${under(t1)} : ${s.acceptesAvant} ; ${under(t2)} : ${s.acceptesApres} ; refusées seulement ${under(t2)} : ${s.refuseesApresSeulement} ; seulement ${under(t1)} : ${s.refuseesAvantSeulement}`);
    if (s.hausses.length > 0) {
      out.push('', 'Plus fortes hausses, classées en euros :');
      for (const h of s.hausses) out.push(`  ${pad(h.nom ?? `#${h.index + 1}`, 40)} ${pad(signed(h.ecart), 14, true)} ${pad(pourcent(h.ecartPourcent), 9, true)}`);
    }
    if (avecConflits) {
      const conflits = renderComparisonConflicts(s.conflits, titres);
      if (conflits !== '') out.push('', conflits);
    }
    return out.join('\n');
  });
}

/**
 * Ce qui serait facturé deux fois au même SIREN, sous chaque catalogue, en texte ; rien s'il n'y en a pas.
 *
 * @internal
 */
export function renderComparisonConflicts(conflitsParCote: Comparaison['synthese']['conflits'], titres: readonly [string, string] = ['avant', 'après']): string {
  return [...comparisonConflictLines(conflitsParCote, titres)].join('\n');
}

/**
 * Ce qui serait facturé deux fois au même SIREN, et chaque débiteur décrit deux fois autrement, sous
 * chaque catalogue, ligne par ligne (sans saut de ligne) : une longue liste s'écrit sans être jamais un seul texte. Rien s'il n'y en a pas. Avec
 * `avecConflits: false`, {@link renderComparisonTextTail} les laisse à cette fonction.
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * const c = compareCatalogues(adhesions, { avant: catalogue2026, apres: catalogue });
 * for (const ligne of comparisonConflictLines(c.synthese.conflits, ['2026', '2027'])) console.error(ligne);
 * ```
 */
export function* comparisonConflictLines(conflitsParCote: Comparaison['synthese']['conflits'], titres: readonly [string, string] = ['avant', 'après']): Generator<string> {
  yield* guardedChunks(() => comparisonConflictLinesRaw(conflitsParCote, titres));
}

function* comparisonConflictLinesRaw(conflitsParCote: Comparaison['synthese']['conflits'], titres: readonly [string, string] = ['avant', 'après']): Generator<string> {
  for (const [side, titre] of [['avant', titres[0]], ['apres', titres[1]]] as const) {
    for (const [heading, conflits] of conflictGroups(conflitsParCote[side], ` ${under(titre)}`)) {
      yield `${heading} (${conflits.length}) : à trancher avant de facturer`;
      for (const c of conflits) yield `  - ${c.message} [${c.code}]`;
    }
  }
}

/** Les côtés d'un adhérent chiffrés avec un montant d'exemple : `avant`, `après`, `avant et après`, ou rien. */
function exampleSides(a: AdherentCompare): string {
  return [a.avant?.exemple ? 'avant' : '', a.apres?.exemple ? 'après' : ''].filter(Boolean).join(' et ');
}

/**
 * Écrit une comparaison en CSV pour tableur : une ligne par adhérent (position, nom, SIREN, total avant,
 * total après, écart, écart en %, refus), séparateur `;`, UTF-8 avec BOM ; totaux, écarts et
 * pourcentages sont des nombres à virgule décimale (une baisse, « -308,37 », est un nombre négatif),
 * seules les cellules de texte sont protégées contre les formules.
 *
 * @param comparaison - une comparaison rendue par {@link "@te90/tarifs"!compareCatalogues}
 * @returns le texte CSV
 * @category Lot
 * @example
 * ```ts
 * renderComparisonCsv(compareCatalogues(adhesions, { avant: catalogue2026, apres: catalogue })).split('\r\n')[0];
 * //=> '\uFEFFposition;collectivite;siren;total_avant;total_apres;ecart;ecart_pourcent;refus'
 * ```
 */
export function renderComparisonCsv(comparaison: Comparaison): string {
  return guarded(() => {
    check(comparaison, COMPARAISON, ['comparaison']);
    return COMPARISON_CSV_HEADER + comparaison.adherents.map(renderComparisonCsvRow).join('');
  });
}

/**
 * L'en-tête du CSV d'une comparaison (avec le BOM et le saut de ligne).
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * COMPARISON_CSV_HEADER.startsWith('\uFEFFposition;');
 * //=> true
 * ```
 */
export const COMPARISON_CSV_HEADER = '\uFEFFposition;collectivite;siren;total_avant;total_apres;ecart;ecart_pourcent;refus;montants_exemple\r\n';

/**
 * La ligne d'un adhérent dans le CSV d'une comparaison (avec son saut de ligne).
 *
 * @category Au fil de l'eau
 * @example
 * ```ts
 * const c = compareCatalogues(adhesions, { avant: catalogue2026, apres: catalogue });
 * const csv = COMPARISON_CSV_HEADER + c.adherents.map(renderComparisonCsvRow).join('');
 * ```
 */
export function renderComparisonCsvRow(a: AdherentCompare): string {
  return guarded(() => {
    check(a, ADHERENT_COMPARE, ['adherent']);
    const n = (v: string | null | undefined) => (v === null || v === undefined ? '' : numberCell(v));
    const refus = [...(a.refus.avant ?? []).map((i) => `avant : ${i.code}`), ...(a.refus.apres ?? []).map((i) => `après : ${i.code}`)].join(', ');
    return [String(a.index + 1), cell(a.nom ?? ''), identifierCell(a.siren ?? ''), n(a.avant?.total), n(a.apres?.total), n(a.ecart), n(a.ecartPourcent), cell(refus), cell(exampleSides(a))].join(';') + '\r\n';
  });
}

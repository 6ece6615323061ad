import type { Calcul, QuoteLine, Strate, Unite } from '../core/shapes.js';
import { Dec } from '../money/decimal.js';
import { espace, formatEuros, formatNumber, type Typographie } from '../money/format.js';
import { checkNumberArgument, readingArgument } from '../errors/arguments.js';

/**
 * Une quantité et son unité, accordée à la française (singulier en dessous de 2) : `3,6 postes`.
 *
 * @internal
 */
export function quantiteUnite(quantite: string, unite: Unite, typo?: Typographie): string {
  return `${formatNumber(quantite, typo)}${espace(typo)}${new Dec(quantite).gte(2) ? unite.plusieurs : unite.un}`;
}

/**
 * Écrit un prix unitaire en euros, à la française, avec au moins deux décimales et jusqu'à quatre :
 * `50,00 €`, `0,045 €`. Avec `{ insecable: true }`, les espaces des milliers et avant « € » sont
 * insécables.
 *
 * @param prix - un prix, en chaîne décimale (`"0.045"`)
 * @param typo - la typographie (espaces simples par défaut)
 * @category Affichage
 * @example
 * ```ts
 * formatUnitPrice('0.045');
 * //=> '0,045 €'
 * formatUnitPrice('574.88');
 * //=> '574,88 €'
 * ```
 */
export function formatUnitPrice(prix: string, typo?: Typographie): string {
  checkNumberArgument('prix', prix);
  const d = new Dec(prix);
  if (d.decimalPlaces() <= 2) return formatEuros(prix, typo);
  return `${formatNumber(d, typo)}${espace(typo)}€`;
}

/**
 * Écrit une strate de population en français : `de 500 à 1 999 habitants`, `à partir de 10 000 habitants`.
 *
 * @param strate - la strate (`de`, `a` ; `a: null` pour la dernière)
 * @param typo - la typographie (espaces simples par défaut)
 * @category Affichage
 * @example
 * ```ts
 * formatBand({ de: 500, a: 1999 });
 * //=> 'de 500 à 1 999 habitants'
 * formatBand({ de: 10000, a: null });
 * //=> 'à partir de 10 000 habitants'
 * ```
 */
export function formatBand(strate: Strate, typo?: Typographie): string {
  return readingArgument('strate', strate, () => formatBandUnchecked(strate, typo));
}

function formatBandUnchecked(strate: Strate, typo?: Typographie): string {
  const n = (v: number) => formatNumber(String(v), typo);
  const s = espace(typo);
  return strate.a === null ? `à partir de ${n(strate.de)}${s}habitants` : `de ${n(strate.de)} à ${n(strate.a)}${s}habitants`;
}

/**
 * Écrit le calcul d'une ligne en français, à partir de ses termes en données :
 * `574,88 € × (4 postes × 0,9) = 2 069,57 €`.
 *
 * @internal
 */
export function describeCalcul(c: Calcul, typo?: Typographie): string {
  const euros = (m: string) => formatEuros(m, typo);
  const s = espace(typo);
  switch (c.type) {
    case 'fixe':
      return `Forfait : ${euros(c.montant)}`;
    case 'produit': {
      const demande = c.demandee === undefined ? '' : ` (quantité demandée : ${formatNumber(c.demandee, typo)}, arrondie à l'unité supérieure)`;
      return `${quantiteUnite(c.quantite, c.unite, typo)}${demande} × ${formatUnitPrice(c.prixUnitaire, typo)} = ${euros(c.montant)}`;
    }
    case 'pondere':
      return `${formatUnitPrice(c.prixUnitaire, typo)} × (${quantiteUnite(c.unites, c.unite, typo)} × ${formatNumber(c.coefficient, typo)}) = ${euros(c.montant)}`;
    case 'case':
      return `Strate ${formatBand(c.strate, typo)}, quota ${formatNumber(String(c.quotaGo), typo)}${s}Go : ${euros(c.montant)}`;
    case 'proportionnel': {
      const calcul = `${formatNumber(String(c.population), typo)}${s}${c.population >= 2 ? 'habitants' : 'habitant'} × ${formatUnitPrice(c.prixParHabitant, typo)} = ${euros(c.brut)}`;
      if (c.retenu === 'plancher') return `${calcul}, relevé au plancher de ${euros(c.plancher!)}`;
      if (c.retenu === 'plafond') return `${calcul}, ramené au plafond de ${euros(c.plafond!)}`;
      return calcul;
    }
    case 'parStrate':
      return `Strate ${formatBand(c.strate, typo)} (${formatNumber(String(c.population), typo)}${s}${c.population >= 2 ? 'habitants' : 'habitant'}) : ${euros(c.montant)}`;
  }
}

/**
 * Écrit le détail d'une ligne : son calcul, précédé au besoin de ce qui la distingue (incluse
 * d'office, rang de l'intervention).
 *
 * @param text - le calcul déjà écrit (`describeCalcul(c)`), s'il l'est
 *
 * @internal
 */
export function describeLine(
  c: Calcul,
  dOffice: boolean,
  intervention: { readonly rang: number; readonly sur: number } | undefined,
  typo?: Typographie,
  text: string = describeCalcul(c, typo),
): string {
  const rang = intervention === undefined ? '' : `Intervention ${intervention.rang} sur ${intervention.sur} : `;
  return `${dOffice ? "Inclus d'office (parc informatique transféré au syndicat). " : ''}${rang}${text}`;
}

/**
 * Écrit le détail d'une ligne de devis en français, à partir de ses données : son calcul
 * (`574,88 € × (4 postes × 0,9) = 2 069,57 €`), précédé au besoin de ce qui la distingue (incluse
 * d'office, rang de l'intervention). En typographie simple, c'est le texte de `ligne.detail` ; un
 * document imprimable le demande avec `{ insecable: true }`, pour qu'aucun montant ni aucune
 * quantité ne soit coupé en fin de ligne.
 *
 * @param ligne - une ligne d'un devis rendu par {@link quote}
 * @param typo - la typographie (espaces simples par défaut)
 * @returns le détail de la ligne
 * @category Devis
 * @example
 * ```ts
 * const ligne = quote(adhesion).lignes[0]!;
 * describeQuoteLine(ligne) === ligne.detail;
 * //=> true
 * describeQuoteLine(ligne, { insecable: true });
 * ```
 */
export function describeQuoteLine(ligne: Pick<QuoteLine, 'calcul' | 'inclusDOffice' | 'intervention'>, typo?: Typographie): string {
  return readingArgument('ligne', ligne, () => describeQuoteLineUnchecked(ligne, typo));
}

function describeQuoteLineUnchecked(ligne: Pick<QuoteLine, 'calcul' | 'inclusDOffice' | 'intervention'>, typo?: Typographie): string {
  return describeLine(ligne.calcul, ligne.inclusDOffice === true, ligne.intervention, typo);
}

import type { Calcul, Strate, Unite } from '../core/shapes.js';
import { Dec } from '../money/decimal.js';
import { formatEuros, formatNombre } from '../money/format.js';

/** Une quantité et son unité, accordée à la française (singulier en dessous de 2). */
function quantiteUnite(quantite: string, unite: Unite): string {
  return `${formatNombre(quantite)} ${new Dec(quantite).gte(2) ? unite.plusieurs : unite.un}`;
}

/**
 * Écrit un prix en euros avec au moins deux décimales et jusqu'à quatre : `50,00 €`, `0,045 €`.
 *
 * @internal
 */
export function formatPrix(prix: string): string {
  const d = new Dec(prix);
  if (d.decimalPlaces() <= 2) return formatEuros(prix);
  return `${formatNombre(d)} €`;
}

/**
 * Écrit une strate en français : `de 500 à 1 999 habitants`, `à partir de 10 000 habitants`.
 *
 * @internal
 */
export function formatStrate(strate: Strate): string {
  return strate.a === null
    ? `à partir de ${formatNombre(String(strate.de))} habitants`
    : `de ${formatNombre(String(strate.de))} à ${formatNombre(String(strate.a))} habitants`;
}

/**
 * Écrit le calcul d'une ligne en français, à partir de ses termes en données :
 * `574,88 € × (4 postes × 0,9) = 2 069,57 €`.
 *
 * @internal
 */
export function describeCalcul(c: Calcul): string {
  switch (c.type) {
    case 'fixe':
      return `Forfait : ${formatEuros(c.montant)}`;
    case 'produit': {
      const demande = c.demandee === undefined ? '' : ` (quantité demandée : ${formatNombre(c.demandee)}, arrondie à l'unité supérieure)`;
      return `${quantiteUnite(c.quantite, c.unite)}${demande} × ${formatPrix(c.prixUnitaire)} = ${formatEuros(c.montant)}`;
    }
    case 'pondere':
      return `${formatPrix(c.prixUnitaire)} × (${quantiteUnite(c.unites, c.unite)} × ${formatNombre(c.coefficient)}) = ${formatEuros(c.montant)}`;
    case 'case':
      return `Strate ${formatStrate(c.strate)}, quota ${formatNombre(String(c.quotaGo))} Go : ${formatEuros(c.montant)}`;
    case 'proportionnel': {
      const calcul = `${formatNombre(String(c.population))} ${c.population >= 2 ? 'habitants' : 'habitant'} × ${formatPrix(c.prixParHabitant)} = ${formatEuros(c.brut)}`;
      if (c.retenu === 'plancher') return `${calcul}, relevé au plancher de ${formatEuros(c.plancher!)}`;
      if (c.retenu === 'plafond') return `${calcul}, ramené au plafond de ${formatEuros(c.plafond!)}`;
      return calcul;
    }
    case 'parStrate':
      return `Strate ${formatStrate(c.strate)} (${formatNombre(String(c.population))} ${c.population >= 2 ? 'habitants' : 'habitant'}) : ${formatEuros(c.montant)}`;
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
export function describeLine(c: Calcul, dOffice: boolean, intervention: { readonly rang: number; readonly sur: number } | undefined, text: string = describeCalcul(c)): string {
  const rang = intervention === undefined ? '' : `Intervention ${intervention.rang} sur ${intervention.sur} : `;
  return `${dOffice ? "Inclus d'office (parc informatique transféré au syndicat). " : ''}${rang}${text}`;
}

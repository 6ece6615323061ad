/**
 * Les sites de création de problèmes pas encore convertis à `makeIssue` (ils le seront à la fusion,
 * par leur propriétaire) : `TARIF_NON_PUBLIE` (src/pricing/lines.ts) et `TARIF_DEJA_PUBLIE`
 * (src/catalogue/complete.ts). Sans paramètres, un problème garde son message dans toutes les voix ;
 * les tests de voix qui en dépendent s'activent d'eux-mêmes dès que ces sites portent leurs `params`.
 */
import { catalogue2026, completeCatalogue, safePricePrestation } from '../../src/index.js';
import { isQuoteError } from '../../src/index.js';

function missingAmountHasParams(): boolean {
  const r = safePricePrestation('dpo', {});
  return !r.success && r.issues.some((i) => i.code === 'TARIF_NON_PUBLIE' && i.params !== undefined);
}

function alreadyPublishedHasParams(): boolean {
  try {
    completeCatalogue(catalogue2026, { millesime: 2026, source: 'x', prestations: { marchesPublics: { acces: { prixUnitaire: '60.00' } } } } as never);
  } catch (error) {
    return isQuoteError(error) && error.issues.some((i) => i.code === 'TARIF_DEJA_PUBLIE' && i.params !== undefined);
  }
  return false;
}

/** `TARIF_NON_PUBLIE` porte ses paramètres (prestation, composante, champ…). */
export const TARIF_NON_PUBLIE_CONVERTI = missingAmountHasParams();
/** `TARIF_DEJA_PUBLIE` porte ses paramètres (champ, valeur). */
export const TARIF_DEJA_PUBLIE_CONVERTI = alreadyPublishedHasParams();

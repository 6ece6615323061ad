/**
 * Exemple : le devis 2026 d'une petite commune, sur le catalogue embarqué (montants publiés seuls).
 * Lancer : `npm run exemple api`.
 */
import { isQuoteError, quote, type Adhesion } from '@te90/tarifs';
import { renderIssuesText, renderQuoteText } from '@te90/tarifs/documents';

const adhesion: Adhesion = {
  millesime: 2026,
  collectivite: { nom: 'Foussemagne', siren: '219 000 494', type: 'commune', population: 869 },
  prestations: {
    maintenanceBase: { postes: 4, postesLicenceBL: 0 },
    marchesPublics: { acces: 1, misesEnLigneAssistees: 2 },
    secretariatMairie: { jours: 2.5 },
  },
};

try {
  console.log(renderQuoteText(quote(adhesion)));
} catch (error) {
  if (!isQuoteError(error)) throw error;
  console.error(`Adhésion refusée :\n${renderIssuesText(error.issues)}`);
  process.exitCode = 1;
}

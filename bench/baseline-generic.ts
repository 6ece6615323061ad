/**
 * Le calcul « fait à la main » d'une adhésion quelconque, tel qu'un développeur soigneux l'écrirait :
 * les constantes du catalogue lues une fois en décimaux, puis, par adhésion, seulement les opérations
 * decimal.js que ses prix demandent. Ni validation, ni lignes, ni texte : l'arithmétique seule.
 */
import { Decimal } from 'decimal.js';
import type { Adhesion, Catalogue } from '../dist/index.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;
const cent = (d: Dec) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** Prépare le calcul à la main pour un catalogue complet (tous les montants connus). */
export function handWritten(catalogue: Catalogue): (a: Adhesion) => string {
  const p = catalogue.prestations;
  const mb = p.maintenanceBase.composantes;
  const prixPoste = new D(mb.postes.prixUnitaire!);
  const paliers = mb.postes.paliers.map((t) => ({ de: t.de, a: t.a ?? Infinity, coef: new D(t.coefficient) }));
  const licence = new D(mb.licenceBL.prixUnitaire!);
  const grille = p.sauvegarde.composantes.grille.grille!;
  const cases = grille.montants.map((row) => row.map((m) => new D(m)));
  // Le calcul à la main suppose des forfaits (le modèle par défaut de ces composantes).
  const forfait = (c: { readonly modele: string }) => new D((c as unknown as { readonly montant: string }).montant);
  const net = forfait(p.netEntreprises.composantes.abonnement);
  const pack = forfait(p.packDemat.composantes.parSiren);
  const saisine = forfait(p.saisineElectronique.composantes.abonnement);
  const dpo = forfait(p.dpo.composantes.abonnement);
  const cabinet = forfait(p.cabinetNumerique.composantes.abonnement);
  const comedec = forfait(p.comedec.composantes.raccordement);
  const acces = new D(p.marchesPublics.composantes.acces.prixUnitaire!);
  const mel = new D(p.marchesPublics.composantes.miseEnLigneAssistee.prixUnitaire!);
  const journee = new D(p.secretariatMairie.composantes.journee.prixUnitaire!);
  return (a) => {
    const s = a.prestations;
    const postes = s.maintenanceBase.postes;
    const coef = paliers.find((t) => postes >= t.de && postes <= t.a)!.coef;
    let total = cent(prixPoste.times(coef.times(postes)));
    if (s.maintenanceBase.postesLicenceBL) total = total.plus(cent(licence.times(s.maintenanceBase.postesLicenceBL)));
    if (s.sauvegarde) {
      const pop = a.collectivite.population!;
      const i = grille.strates.findIndex((t) => pop >= t.de && (t.a === null || pop <= t.a));
      total = total.plus(cases[i]![grille.quotasGo.indexOf(s.sauvegarde.quotaGo)]!);
    }
    if (s.netEntreprises) total = total.plus(net);
    if (s.packDemat) total = total.plus(pack.times(s.packDemat.sirens?.length ?? 1));
    if (s.saisineElectronique) total = total.plus(saisine);
    if (s.marchesPublics) {
      total = total.plus(cent(acces.times(s.marchesPublics.acces)));
      if (s.marchesPublics.misesEnLigneAssistees) total = total.plus(cent(mel.times(s.marchesPublics.misesEnLigneAssistees)));
    }
    if (s.dpo) total = total.plus(dpo);
    if (s.cabinetNumerique) total = total.plus(cabinet);
    if (s.comedec) total = total.plus(comedec);
    const sec = s.secretariatMairie;
    if (sec) for (const jours of sec.interventions ?? [sec.jours!]) total = total.plus(cent(journee.times(Math.ceil(jours))));
    return total.toFixed(2);
  };
}

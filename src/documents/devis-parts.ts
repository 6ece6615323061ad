/**
 * Ce que le devis imprimable et le devis en texte écrivent de la même façon : les sections d'une
 * facture (abonnements annuels, prestations ponctuelles), leurs périodes, l'origine de chaque
 * montant, la règle d'arrondi, ce qui manque à un total partiel, la convention d'adhésion.
 * Tout est rédigé à partir des données du devis.
 */
import { CONVENTION_ADHESION, sumAmounts, type Invoice, type Quote, type QuoteLine, type Source } from '@te90/tarifs';
import { dateEnLettres } from './dates.js';

/**
 * Les lignes d'une facture d'une même nature : abonnements annuels, ou prestations ponctuelles.
 *
 * @internal
 */
export interface Section {
  /** `annuelle` : abonnements pour l'année du catalogue ; `ponctuelle` : prestations à l'acte. */
  readonly nature: 'annuelle' | 'ponctuelle';
  /** Le titre de la section. */
  readonly titre: string;
  /** La période que couvrent ses lignes. */
  readonly periode: string;
  /** Ses lignes, dans l'ordre du devis. */
  readonly lignes: readonly QuoteLine[];
  /** La somme de ses lignes. */
  readonly sousTotal: string;
}

/**
 * Les sections d'une facture : ses abonnements annuels, puis ses prestations ponctuelles (celles que
 * la déclaration de leur composante dit ponctuelles), chacune avec sa période et son sous-total ;
 * une section vide n'est pas rendue.
 *
 * @internal
 */
export function sectionsOf(facture: Invoice, millesime: number): Section[] {
  const annuelles = facture.lignes.filter((l) => l.ponctuelle !== true);
  const ponctuelles = facture.lignes.filter((l) => l.ponctuelle === true);
  const out: Section[] = [];
  if (annuelles.length > 0) {
    out.push({
      nature: 'annuelle',
      titre: 'Abonnements annuels',
      periode: `année ${millesime}, du 1er janvier au 31 décembre ${millesime}`,
      lignes: annuelles,
      sousTotal: sumAmounts(annuelles.map((l) => l.montant)),
    });
  }
  if (ponctuelles.length > 0) {
    out.push({
      nature: 'ponctuelle',
      titre: 'Prestations ponctuelles',
      periode: `à l'acte, pour les interventions réalisées en ${millesime}, au tarif ${millesime}`,
      lignes: ponctuelles,
      sousTotal: sumAmounts(ponctuelles.map((l) => l.montant)),
    });
  }
  return out;
}

/**
 * Les totaux du devis par nature (abonnements annuels, prestations ponctuelles), s'il a des deux.
 *
 * @internal
 */
export function totauxParNature(devis: Quote): { readonly annuelles: string; readonly ponctuelles: string } | undefined {
  const ponctuelles = devis.lignes.filter((l) => l.ponctuelle === true);
  if (ponctuelles.length === 0 || ponctuelles.length === devis.lignes.length) return undefined;
  return {
    annuelles: sumAmounts(devis.lignes.filter((l) => l.ponctuelle !== true).map((l) => l.montant)),
    ponctuelles: sumAmounts(ponctuelles.map((l) => l.montant)),
  };
}

/**
 * D'où vient un montant, en français : `Montant publié : …`, `Montant fourni : …`,
 * `Montant révisé : …`, et « (montant d'exemple) » pour un montant d'exemple.
 *
 * @internal
 */
export function sourceText(source: Source): string {
  const origine = source.origine === 'publie' ? 'Montant publié' : source.origine === 'revision' ? 'Montant révisé' : 'Montant fourni';
  // La marque d'exemple ne se coupe jamais en deux lignes.
  return `${origine} : ${source.reference}${source.exemple ? " (montant\u00a0d'exemple)" : ''}`;
}

/**
 * La règle d'arrondi, en mots.
 *
 * @internal
 */
export const REGLE_ARRONDI =
  "Arrondi : chaque ligne est arrondie au centime le plus proche (un demi-centime est arrondi au centime supérieur) ; les sous-totaux et les totaux sont les sommes exactes des lignes arrondies.";

/**
 * Ce qui manque à un total partiel, en mots simples : « le montant de « … part 2 … » n'est pas chiffré ».
 *
 * @internal
 */
export function manquantsText(devis: Quote, siren?: string): string {
  const libelles = [...new Set(devis.manquants.filter((m) => siren === undefined || m.siren === siren).map((m) => `« ${m.libelle} »`))];
  return libelles.length === 1 ? `le montant de ${libelles[0]} n'est pas chiffré` : `les montants de ${libelles.join(', ')} ne sont pas chiffrés`;
}

/**
 * La référence du devis : la convention d'adhésion et son annexe 1, et le catalogue de l'année.
 *
 * @internal
 */
export function referenceConvention(devis: Quote): string {
  const c = CONVENTION_ADHESION;
  return `Devis établi en application de la ${c.libelle} (du ${dateEnLettres(c.debut)} au ${dateEnLettres(c.fin)}) et de son ${c.annexe}, où la collectivité coche les prestations qu'elle demande ; aux tarifs du catalogue ${devis.millesime}.`;
}

/**
 * Les sources distinctes des montants du devis (page publiée, fichier de tarifs, délibération de
 * révision), dans l'ordre où elles apparaissent.
 *
 * @internal
 */
export function sourcesDuDevis(devis: Quote): Source[] {
  const seen = new Map<string, Source>();
  for (const l of devis.lignes) {
    const key = `${l.source.origine}|${l.source.reference}|${l.source.exemple === true}`;
    if (!seen.has(key)) seen.set(key, l.source);
  }
  return [...seen.values()];
}

/**
 * Ce que le devis imprimable et le devis en texte écrivent de la même façon : les sections d'une
 * facture (abonnements annuels, prestations ponctuelles), leurs périodes, l'origine de chaque
 * montant, la règle d'arrondi, ce qui manque à un total partiel, le nom de chaque SIREN facturé.
 * Tout est rédigé à partir des données du devis ; ce que l'outil suppose est dit comme tel.
 */
import { formatSiren, sumAmounts, type Invoice, type Quote, type QuoteLine, type Source } from '@te90/tarifs';
import { sirenUnbroken } from './words.js';

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
      // La source ne donne pas la période d'un abonnement : l'année civile est une hypothèse de l'outil.
      periode: `tarifs ${millesime} ; période supposée par l'outil, que la source ne précise pas : du 1er janvier au 31 décembre ${millesime}`,
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
 * Les prestations dont le montant applique un barème au-delà de ce que sa source couvre (le barème
 * des établissements publics appliqué à un autre adhérent) : le devis le signale, par
 * l'avertissement `BAREME_ETABLISSEMENTS_PUBLICS` (chemin `prestations.<id>`).
 *
 * @internal
 */
export function hypotheses(devis: Quote): ReadonlySet<string> {
  return new Set(devis.avertissements.filter((w) => w.code === 'BAREME_ETABLISSEMENTS_PUBLICS').map((w) => String(w.path[1])));
}

/** Pourquoi un montant appliqué au-delà de sa source est une hypothèse. */
const HORS_SOURCE = 'barème publié pour les établissements publics (EPCI), appliqué ici faute de barème publié pour ce type de collectivité';

/**
 * D'où vient un montant, en français : `Montant publié : …`, `Montant fourni : …`,
 * `Montant révisé : …`, et « (montant d'exemple) » pour un montant d'exemple. Un montant publié
 * appliqué au-delà de ce que sa source couvre (`horsSource`) est une hypothèse du syndicat, quelle que
 * soit son origine (un barème révisé l'est encore).
 *
 * @internal
 */
export function sourceText(source: Source, horsSource = false): string {
  const origine =
    source.origine === 'publie'
      ? horsSource
        ? `Hypothèse du syndicat : ${HORS_SOURCE}`
        : 'Montant publié'
      : `${source.origine === 'revision' ? 'Montant révisé' : 'Montant fourni'}${horsSource ? ` (hypothèse du syndicat : ${HORS_SOURCE})` : ''}`;
  // La marque d'exemple ne se coupe jamais en deux lignes.
  return `${origine} : ${source.reference}${source.exemple ? " (montant\u00a0d'exemple)" : ''}`;
}

/**
 * La source d'une ligne du devis, en français (voir {@link sourceText}).
 *
 * @internal
 */
export function lineSourceText(devis: Quote, line: QuoteLine): string {
  return sourceText(line.source, hypotheses(devis).has(line.prestation));
}

/**
 * La règle d'arrondi, en mots : celle de l'outil, donnée comme telle.
 *
 * @internal
 */
export const REGLE_ARRONDI =
  "Arrondi (règle de calcul de l'outil, par défaut) : chaque ligne est arrondie au centime le plus proche (un demi-centime est arrondi au centime supérieur) ; les sous-totaux et les totaux sont les sommes exactes des lignes arrondies.";

/**
 * Le nom d'un SIREN facturé, pour un titre : « — nom », ou qu'il n'est pas donné (jamais inventé).
 *
 * @internal
 */
export function nomFacture(f: Invoice): string {
  return f.nom === undefined ? "nom non indiqué dans l'adhésion" : f.nom;
}

/**
 * Un SIREN facturé, pour un titre : « SIREN 200 000 107 — nom » (espaces insécables si demandé).
 *
 * @internal
 */
export function sirenFacture(f: Invoice, insecable: boolean): string {
  return `SIREN ${insecable ? sirenUnbroken(f.siren) : formatSiren(f.siren)} — ${nomFacture(f)}`;
}

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
 * Les sources distinctes des montants du devis (page publiée, fichier de tarifs, délibération de
 * révision), dans l'ordre où elles apparaissent.
 *
 * @internal
 */
export function sourcesDuDevis(devis: Quote): string[] {
  const seen = new Set<string>();
  for (const l of devis.lignes) seen.add(lineSourceText(devis, l));
  return [...seen];
}

import type { Catalogue } from '../catalogue/types.js';
import { resolveCatalogue } from '../catalogue/resolve.js';
import type { Destinataire, Quote, QuoteIssue, QuoteLine, SafeResult, Source } from '../core/shapes.js';
import { CallerError, guard, unwrap } from '../errors/quote-error.js';
import { sumMontants } from '../money/round.js';
import type { PrestationId } from '../prestations/registry.js';
import { readOption, type QuoteOptions } from '../quote/quote.js';
import type { Adhesion } from '../validation/adhesion.js';
import { SirenLedger } from './ledger.js';
import { feedEntries, quoteBatchEntry, readBatchArguments, type BatchOptions, type BatchResult } from './quote-all.js';

/**
 * Une ligne du rôle de facturation : une ligne de devis, et l'adhésion d'où elle vient.
 *
 * @category Lot
 * @example
 * ```ts
 * const l: RollLine = {
 *   adherent: { index: 0, nom: 'Foussemagne', siren: '219000494' },
 *   prestation: 'packDemat', libellePrestation: 'Pack dématérialisation', composante: 'parSiren', libelle: 'Pack dématérialisation — maintenance et hébergement',
 *   quantite: '1', unite: 'forfait', prixUnitaire: '200.00', montant: '200.00', detail: 'Forfait : 200,00 €',
 *   source: { origine: 'complement', reference: 'Délibération …' },
 * };
 * ```
 */
export interface RollLine {
  /** L'adhésion d'où vient la ligne : sa position dans le lot, le nom et le SIREN de la collectivité (et son fichier, en ligne de commande). */
  readonly adherent: {
    /** Sa position dans le lot, à partir de 0. */
    readonly index: number;
    /** Le nom de la collectivité. */
    readonly nom: string;
    /** Le SIREN de la collectivité. */
    readonly siren: string;
    /** Son fichier, en ligne de commande. */
    readonly fichier?: string | undefined;
  };
  /** La prestation. */
  readonly prestation: PrestationId;
  /** Le libellé de la prestation, lu au catalogue du rôle (celui d'une prestation ajoutée par extension compris). */
  readonly libellePrestation: string;
  /** La composante de prix. */
  readonly composante: string;
  /** Le libellé de la ligne. */
  readonly libelle: string;
  /** La quantité facturée, chaîne décimale. */
  readonly quantite: string;
  /** L'unité de la quantité. */
  readonly unite: string;
  /** Le prix unitaire, chaîne décimale. */
  readonly prixUnitaire: string;
  /** Le montant, deux décimales. */
  readonly montant: string;
  /** Le calcul, en français. */
  readonly detail: string;
  /** D'où vient le montant : publié, complément, révision ; `exemple: true` pour un montant d'exemple. */
  readonly source: Source;
  /** `true` : une prestation ponctuelle (facturée à l'acte) ; absent : un abonnement annuel. */
  readonly ponctuelle?: true | undefined;
}

/**
 * La facture d'un débiteur : un SIREN, ce que les adhésions en disent, et toutes les lignes qui lui
 * sont facturées, de toutes les adhésions du lot.
 *
 * @category Lot
 * @example
 * ```ts
 * const f: RollInvoice = { debiteur: { siren: '200000107', nom: 'CCAS' }, lignes: [], total: '0.00' };
 * ```
 */
export interface RollInvoice {
  /**
   * Le débiteur : son SIREN et ce que les adhésions du lot en disent (son nom, sa nature, son SIRET,
   * son code service, son engagement, son adresse), réuni quand leurs descriptions s'accordent ;
   * quand il adhère lui-même, sa nature est celle de sa collectivité. Deux descriptions qui se
   * contredisent ne sont pas mêlées : la première est gardée, et le conflit est dans
   * {@link BillingRoll.conflits} (`DEBITEUR_CONTRADICTOIRE`).
   */
  readonly debiteur: Destinataire;
  /** Les lignes qui lui sont facturées, dans l'ordre du lot. */
  readonly lignes: readonly RollLine[];
  /** La somme de ses lignes. */
  readonly total: string;
}

/**
 * Le rôle de facturation de l'année : une facture par SIREN débiteur, toutes adhésions acceptées
 * confondues ; les adhésions refusées avec leurs problèmes ; ce qui serait facturé deux fois.
 *
 * @category Lot
 * @example
 * ```ts
 * const role: BillingRoll = billingRoll(adhesions);
 * role.factures.map((f) => [f.debiteur.siren, f.total]);
 * ```
 */
export interface BillingRoll {
  /** Le millésime du catalogue. */
  readonly millesime: number;
  /** Une facture par SIREN débiteur, dans l'ordre de leur première apparition dans le lot. */
  readonly factures: readonly RollInvoice[];
  /** La somme des factures, égale à la somme des devis acceptés. */
  readonly total: string;
  /** Les adhésions refusées : leur position, leur SIREN s'il est lisible, et leurs problèmes. */
  readonly refus: readonly {
    /** Sa position dans le lot, à partir de 0. */
    readonly index: number;
    /** Son SIREN, s'il est lisible. */
    readonly siren: string | null;
    /** Son fichier, en ligne de commande. */
    readonly fichier?: string | undefined;
    /** Tous ses problèmes. */
    readonly issues: readonly QuoteIssue[];
  }[];
  /**
   * Ce qui est à trancher avant de facturer : ce qui serait facturé deux fois au même SIREN
   * (`SIREN_FACTURE_DEUX_FOIS`), et chaque débiteur décrit deux fois autrement
   * (`DEBITEUR_CONTRADICTOIRE`). Les lignes sont au rôle.
   */
  readonly conflits: readonly QuoteIssue[];
  /** Adhésions acceptées et refusées. */
  readonly acceptes: number;
  /** Adhésions refusées. */
  readonly refuses: number;
}

interface Debtor {
  readonly siren: string;
  readonly lignes: RollLine[];
}

/**
 * Monte le rôle de facturation adhésion par adhésion (en ligne de commande, le lot est lu au fil de
 * l'eau) : les lignes de chaque devis accepté vont à la facture de leur SIREN.
 *
 * @internal
 */
export class RollBuilder {
  private readonly debtors = new Map<string, Debtor>();
  private readonly refus: { index: number; siren: string | null; fichier?: string; issues: readonly QuoteIssue[] }[] = [];
  private readonly ledger: SirenLedger;
  private acceptes = 0;

  constructor(private readonly catalogue: Catalogue) {
    this.ledger = new SirenLedger(catalogue);
  }

  /** Ajoute le résultat de l'adhésion `index` (et son fichier, en ligne de commande). */
  add(index: number, siren: string | null, result: SafeResult<Quote<PrestationId>>, fichier?: string): void {
    if (!result.success) {
      this.refus.push({ index, siren, ...(fichier === undefined ? {} : { fichier }), issues: result.issues });
      return;
    }
    this.acceptes++;
    const q = result.data;
    this.ledger.add(index, q, fichier);
    const adherent = { index, nom: q.collectivite.nom, siren: q.collectivite.siren, ...(fichier === undefined ? {} : { fichier }) };
    for (const f of q.factures) {
      const d = this.debtor(f.siren);
      for (const l of f.lignes) d.lignes.push(lineOf(l, adherent, this.label(l.prestation)));
    }
  }

  /** Le rôle des adhésions ajoutées. */
  build(): BillingRoll {
    // Ce que le lot dit de chaque débiteur, réuni par le registre (qui signale ce qui se contredit).
    const factures = [...this.debtors.values()].map((d): RollInvoice => {
      const debiteur: Destinataire = this.ledger.debtor(d.siren) ?? { siren: d.siren };
      return { debiteur, lignes: d.lignes, total: sumMontants(d.lignes.map((l) => l.montant)) };
    });
    return {
      millesime: this.catalogue.millesime,
      factures,
      total: sumMontants(factures.map((f) => f.total)),
      refus: this.refus,
      conflits: this.ledger.conflicts(),
      acceptes: this.acceptes,
      refuses: this.refus.length,
    };
  }

  private debtor(siren: string): Debtor {
    let d = this.debtors.get(siren);
    if (d === undefined) this.debtors.set(siren, (d = { siren, lignes: [] }));
    return d;
  }

  /** Le libellé d'une prestation au catalogue du rôle. */
  private label(id: PrestationId): string {
    return (this.catalogue.prestations as Readonly<Record<string, { readonly libelle: string } | undefined>>)[id]?.libelle ?? id;
  }
}

function lineOf(l: QuoteLine<PrestationId>, adherent: RollLine['adherent'], libellePrestation: string): RollLine {
  return {
    adherent,
    prestation: l.prestation,
    libellePrestation,
    composante: l.composante,
    libelle: l.libelle,
    quantite: l.quantite,
    unite: l.unite,
    prixUnitaire: l.prixUnitaire,
    montant: l.montant,
    detail: l.detail,
    source: l.source,
    ...(l.ponctuelle === true ? { ponctuelle: true as const } : {}),
  };
}

/**
 * Un rôle de facturation monté adhésion par adhésion, tel que {@link createBillingRoll} le rend :
 * chaque adhésion est chiffrée dès qu'elle est ajoutée, ses lignes vont à la facture de leur SIREN.
 *
 * @category Lot
 * @example
 * ```ts
 * const role: BillingRollBuilder = createBillingRoll({ catalogue });
 * role.add(adhesionA);
 * role.result().factures.length;
 * ```
 */
export interface BillingRollBuilder {
  /**
   * Chiffre l'adhésion suivante, comme {@link billingRoll} : ses lignes vont au rôle, ou elle est
   * refusée avec ses problèmes (jamais une exception).
   *
   * @param adhesion - l'adhésion, lue une seule fois
   * @param fichier - le nom de l'entrée (son fichier, par exemple), repris dans ses lignes, ses refus et les conflits
   * @returns son résultat, à la position suivante du lot
   */
  add(adhesion: unknown, fichier?: string): BatchResult;
  /**
   * Compte comme refusée une entrée que l'appelant n'a pas pu lire, avec ses problèmes : elle prend
   * une position du lot.
   *
   * @param issues - pourquoi l'entrée est refusée
   * @param fichier - le nom de l'entrée
   * @returns son résultat refusé
   */
  refuse(issues: readonly QuoteIssue[], fichier?: string): BatchResult;
  /** Le rôle des entrées ajoutées, identique à celui de {@link billingRoll} sur les mêmes adhésions. */
  result(): BillingRoll;
}

/**
 * Ouvre un rôle de facturation à monter adhésion par adhésion, pour un lot lu au fil de l'eau. Le
 * rôle regroupe les lignes de tout le lot par SIREN débiteur : il n'est complet qu'à la fin
 * ({@link BillingRollBuilder.result}). Résultat identique à {@link billingRoll}.
 *
 * @param options - `catalogue` (par défaut `catalogue2026`)
 * @returns le rôle, vide
 * @throws {@link QuoteError} si le catalogue est invalide
 * @category Lot
 * @example
 * ```ts
 * const role = createBillingRoll({ catalogue });
 * for (const a of adhesions) role.add(a);
 * role.result().total;
 * ```
 */
export function createBillingRoll(options?: QuoteOptions): BillingRollBuilder {
  const catalogue = unwrap(guard(() => resolveCatalogue(readOption(options, 'catalogue'))));
  const roll = new RollBuilder(catalogue);
  return { ...feedEntries(catalogue, (result, fichier) => roll.add(result.index, result.siren, result, fichier)), result: () => roll.build() };
}

function run(adhesions: unknown, options: unknown): BillingRoll {
  // Une passe sur tous les arguments : le lot et le catalogue sont jugés ensemble (comme quoteAll).
  const { entries, catalogue, onProgress } = readBatchArguments(adhesions, options);
  const roll = new RollBuilder(catalogue);
  for (let index = 0; index < entries.length; index++) {
    const r = quoteBatchEntry(entries.at(index), index, catalogue);
    roll.add(index, r.siren, r);
    if (onProgress && ((index + 1) % 1000 === 0 || index + 1 === entries.length)) {
      try {
        onProgress(index + 1, entries.length);
      } catch (error) {
        throw new CallerError(['options', 'onProgress'], error);
      }
    }
  }
  return roll.build();
}

/**
 * Établit le rôle de facturation de l'année : chaque adhésion est chiffrée comme par
 * {@link quoteAll}, puis chaque ligne des devis acceptés va à la facture de son SIREN débiteur,
 * toutes adhésions confondues (le pack démat d'un CCAS listé par sa commune va à la facture du
 * CCAS). Chaque facture nomme son débiteur (ce qu'en disent les `destinataires` des adhésions et la
 * collectivité elle-même, réuni quand ils s'accordent) et chaque ligne l'adhésion d'où elle vient. Tout est en décimal exact : le
 * total du rôle est la somme des devis acceptés, le total d'une facture la somme de ses lignes. Ce
 * qui serait facturé deux fois au même SIREN, et chaque débiteur décrit deux fois autrement
 * (`DEBITEUR_CONTRADICTOIRE`, jamais fusionné en silence), sont dans `conflits` ; les adhésions
 * refusées dans `refus`.
 *
 * @param adhesions - les adhésions du lot
 * @param options - le catalogue (par défaut `catalogue2026`) et un suivi de progression
 * @returns le rôle de facturation
 * @throws {@link QuoteError} si le lot n'est pas une liste (d'au plus 1 000 000 adhésions, d'une longueur lisible), ou si le catalogue est invalide
 * @category Lot
 * @example
 * ```ts
 * const role = billingRoll(adhesions, { catalogue });
 * for (const f of role.factures) console.log(f.debiteur.siren, f.debiteur.nom, f.total);
 * role.total; // la somme des devis acceptés
 * ```
 */
export function billingRoll(adhesions: readonly Adhesion[], options?: BatchOptions): BillingRoll {
  return unwrap(safeBillingRoll(adhesions, options));
}

/**
 * Comme {@link billingRoll}, mais rend `{ success, data }` ou `{ success: false, issues }` au lieu de
 * lever. Ne lève jamais.
 *
 * @param adhesions - les adhésions du lot
 * @param options - le catalogue et un suivi de progression
 * @returns le rôle, ou les problèmes du lot lui-même (une adhésion refusée n'en est pas un : elle est dans `refus`)
 * @category Lot
 * @example
 * ```ts
 * const r = safeBillingRoll(adhesions);
 * if (r.success) r.data.factures.length;
 * ```
 */
export function safeBillingRoll(adhesions: readonly Adhesion[], options?: BatchOptions): SafeResult<BillingRoll> {
  return guard(() => run(adhesions, options));
}

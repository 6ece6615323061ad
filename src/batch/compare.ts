import { registryOf } from '../catalogue/trust.js';
import type { Quote, QuoteIssue, SafeResult } from '../core/shapes.js';
import { resolveCatalogue } from '../catalogue/resolve.js';
import type { Catalogue, Prestation } from '../catalogue/types.js';
import { CallerError, guard, QuoteError, unwrap } from '../errors/quote-error.js';
import { Dec } from '../money/decimal.js';
import { percentChange } from '../money/percent.js';
import type { PrestationId } from '../prestations/registry.js';
import { idsIn } from '../prestations/create-registry.js';
import { quoteRead, readOption } from '../quote/quote.js';
import { isRecord } from '../shared/is-record.js';
import { normalizeSiren } from '../siren/siren.js';
import type { Adhesion } from '../validation/adhesion.js';
import { readAdhesion } from '../validation/fast.js';
import { readBatchEntries } from './quote-all.js';
import { SirenLedger } from './ledger.js';
import { makeIssue, escapeControlCharacters } from '../wording/issues.js';

/**
 * Un écart entre deux montants : avant, après (`null` si absent de ce côté), l'écart en euros et en
 * pour cent (`null` quand il n'y a pas de montant avant, ou qu'il est nul).
 *
 * @category Lot
 * @example
 * ```ts
 * const e: Ecart = { avant: '100.00', apres: '102.00', ecart: '2.00', ecartPourcent: '2.00' };
 * ```
 */
export interface Ecart {
  /** Le montant avant, ou `null`. */
  readonly avant: string | null;
  /** Le montant après, ou `null`. */
  readonly apres: string | null;
  /** Après − avant, en euros (un côté absent compte pour zéro). */
  readonly ecart: string;
  /** L'écart en pour cent de l'avant, deux décimales ; `null` sans montant avant non nul. */
  readonly ecartPourcent: string | null;
}

/**
 * L'écart d'une ligne de devis (une composante d'une prestation, pour un SIREN).
 *
 * @category Lot
 * @example
 * ```ts
 * const l: EcartLigne = { prestation: 'dpo', composante: 'abonnement', siren: '219000494', avant: '300.00', apres: '306.00', ecart: '6.00', ecartPourcent: '2.00' }; // le SIREN de Foussemagne
 * ```
 */
export interface EcartLigne extends Ecart {
  /** La prestation. */
  readonly prestation: PrestationId;
  /** La composante de prix. */
  readonly composante: string;
  /** Le SIREN facturé. */
  readonly siren: string;
}

/**
 * L'écart de la facture d'un SIREN.
 *
 * @category Lot
 * @example
 * ```ts
 * const f: EcartFacture = { siren: '219000494', avant: '2069.57', apres: '2110.96', ecart: '41.39', ecartPourcent: '2.00' }; // le SIREN de Foussemagne
 * ```
 */
export interface EcartFacture extends Ecart {
  /** Le SIREN facturé. */
  readonly siren: string;
}

/**
 * Un adhérent comparé sous deux catalogues : ses totaux (ou `null` s'il est refusé de ce côté, avec
 * pourquoi), l'écart par ligne, par facture et au total.
 *
 * @category Lot
 * @example
 * ```ts
 * const a: AdherentCompare = {
 *   index: 0, siren: '219000494', nom: 'Foussemagne', avant: { total: '100.00' }, apres: { total: '102.00' },
 *   ecart: '2.00', ecartPourcent: '2.00', lignes: [], factures: [], refus: {},
 * };
 * ```
 */
export interface AdherentCompare {
  /** La position de l'adhésion dans le lot. */
  readonly index: number;
  /** Son SIREN, s'il est lisible. */
  readonly siren: string | null;
  /** Son nom, s'il est lisible. */
  readonly nom: string | null;
  /** Son total avant, ou `null` s'il est refusé sous l'ancien catalogue. */
  readonly avant: {
    /** Le total du devis. */
    readonly total: string;
    /** `true` : une ligne au moins est chiffrée avec un montant d'exemple (ni publié ni voté). */
    readonly exemple?: true | undefined;
  } | null;
  /** Son total après, ou `null` s'il est refusé sous le nouveau catalogue. */
  readonly apres: {
    /** Le total du devis. */
    readonly total: string;
    /** `true` : une ligne au moins est chiffrée avec un montant d'exemple (ni publié ni voté). */
    readonly exemple?: true | undefined;
  } | null;
  /** Après − avant, ou `null` si l'un des deux côtés est refusé. */
  readonly ecart: string | null;
  /** L'écart en pour cent, ou `null`. */
  readonly ecartPourcent: string | null;
  /** L'écart de chaque ligne (vide si un côté est refusé). */
  readonly lignes: readonly EcartLigne[];
  /** L'écart de chaque facture (vide si un côté est refusé). */
  readonly factures: readonly EcartFacture[];
  /** Pourquoi l'adhésion est refusée, de chaque côté où elle l'est. */
  readonly refus: {
    /** Les problèmes sous l'ancien catalogue. */
    readonly avant?: readonly QuoteIssue[];
    /** Les problèmes sous le nouveau catalogue. */
    readonly apres?: readonly QuoteIssue[];
  };
}

/**
 * La comparaison d'un lot sous deux catalogues : chaque adhérent et la synthèse.
 *
 * @category Lot
 * @example
 * ```ts
 * const c: Comparaison = compareCatalogues(adhesions, { avant: catalogue2026, apres: catalogue });
 * c.synthese.ecart;
 * ```
 */
export interface Comparaison {
  /** Un résultat par adhésion, dans l'ordre du lot. */
  readonly adherents: readonly AdherentCompare[];
  /** Ce que le changement de catalogue fait au lot. */
  readonly synthese: {
    /** Somme des devis acceptés sous l'ancien catalogue. */
    readonly avant: string;
    /** Somme des devis acceptés sous le nouveau catalogue. */
    readonly apres: string;
    /** Après − avant. */
    readonly ecart: string;
    /** L'écart en pour cent, ou `null`. */
    readonly ecartPourcent: string | null;
    /** Ce que rapporte chaque prestation avant et après (adhésions acceptées de chaque côté). */
    readonly parPrestation: readonly (Ecart & {
      /** La prestation. */
      readonly prestation: PrestationId;
      /** Son libellé (nouveau catalogue). */
      readonly libelle: string;
    })[];
    /** Les plus fortes hausses (au plus dix), des adhérents acceptés des deux côtés. */
    readonly hausses: readonly {
      /** La position de l'adhésion. */
      readonly index: number;
      /** Le nom de l'adhérent. */
      readonly nom: string | null;
      /** Son SIREN. */
      readonly siren: string | null;
      /** La hausse, en euros. */
      readonly ecart: string;
      /** La hausse, en pour cent. */
      readonly ecartPourcent: string | null;
    }[];
    /** Adhérents acceptés des deux côtés dont le total monte. */
    readonly enHausse: number;
    /** Adhérents acceptés des deux côtés dont le total baisse. */
    readonly enBaisse: number;
    /** Adhérents acceptés des deux côtés dont le total ne bouge pas. */
    readonly stables: number;
    /** Adhésions acceptées sous l'ancien catalogue. */
    readonly acceptesAvant: number;
    /** Adhésions acceptées sous le nouveau catalogue. */
    readonly acceptesApres: number;
    /** Adhésions acceptées sous l'ancien catalogue et refusées sous le nouveau. */
    readonly refuseesApresSeulement: number;
    /** Adhésions refusées sous l'ancien catalogue et acceptées sous le nouveau. */
    readonly refuseesAvantSeulement: number;
    /**
     * Ce qui serait facturé deux fois au même SIREN, sous chaque catalogue (`SIREN_FACTURE_DEUX_FOIS`,
     * comme dans `quoteAll`) : les totaux le comptent (ce qu'ils comptent en trop est dans
     * `factureDeuxFois`), c'est au syndicat de trancher.
     */
    readonly conflits: {
      /** Sous l'ancien catalogue. */
      readonly avant: readonly QuoteIssue[];
      /** Sous le nouveau catalogue. */
      readonly apres: readonly QuoteIssue[];
    };
    /**
     * Ce que les totaux `avant` et `apres` comptent en trop à cause de ces conflits, si l'on garde la
     * première facturation : chaque ligne d'une prestation facturée par SIREN déjà facturée à ce
     * SIREN par une adhésion précédente, et le devis entier d'une collectivité déjà présente.
     * `'0.00'` sans conflit. La recette sans double facturation est `avant − factureDeuxFois.avant`.
     */
    readonly factureDeuxFois: {
      /** Sous l'ancien catalogue. */
      readonly avant: string;
      /** Sous le nouveau catalogue. */
      readonly apres: string;
    };
  };
}

/**
 * Options d'une comparaison : les deux catalogues, et un suivi de progression facultatif.
 *
 * @category Lot
 * @example
 * ```ts
 * const o: CompareOptions = { avant: catalogue2026, apres: catalogue };
 * ```
 */
export interface CompareOptions {
  /** Le catalogue de référence (l'année en cours). */
  readonly avant: Catalogue;
  /** Le catalogue comparé (l'année prochaine). */
  readonly apres: Catalogue;
  /** Appelée toutes les 1 000 adhésions, et à la fin. */
  readonly onProgress?: (done: number, total: number) => void;
}

const ZERO = /* @__PURE__ */ new Dec(0);

function ecartOf(avant: string | null, apres: string | null): Ecart {
  const a = avant === null ? null : new Dec(avant);
  const b = apres === null ? null : new Dec(apres);
  const e = (b ?? ZERO).minus(a ?? ZERO);
  return { avant, apres, ecart: (e.isZero() ? ZERO : e).toFixed(2), ecartPourcent: percentChange(e, a) };
}

/** Regroupe les montants par clé (somme), dans l'ordre de première apparition. */
function sums(entries: readonly (readonly [string, string])[]): Map<string, Dec> {
  const out = new Map<string, Dec>();
  for (const [key, montant] of entries) out.set(key, (out.get(key) ?? ZERO).plus(montant));
  return out;
}

function lineDiffs(avant: Quote<PrestationId>, apres: Quote<PrestationId>): EcartLigne[] {
  const key = (l: Quote<PrestationId>['lignes'][number]) => `${l.prestation}|${l.composante}|${l.siren}`;
  const a = sums(avant.lignes.map((l) => [key(l), l.montant] as const));
  const b = sums(apres.lignes.map((l) => [key(l), l.montant] as const));
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.map((k) => {
    const [prestation, composante, siren] = k.split('|') as [PrestationId, string, string];
    return { prestation, composante, siren, ...ecartOf(a.get(k)?.toFixed(2) ?? null, b.get(k)?.toFixed(2) ?? null) };
  });
}

function invoiceDiffs(avant: Quote, apres: Quote): EcartFacture[] {
  const a = new Map(avant.factures.map((f) => [f.siren, f.total]));
  const b = new Map(apres.factures.map((f) => [f.siren, f.total]));
  return [...new Set([...a.keys(), ...b.keys()])].map((siren) => ({ siren, ...ecartOf(a.get(siren) ?? null, b.get(siren) ?? null) }));
}

function readIdentity(value: unknown): { siren: string | null; nom: string | null } {
  const c = isRecord(value) ? value['collectivite'] : undefined;
  // Lus d'une adhésion refusée : leurs caractères de contrôle sont échappés.
  const siren = isRecord(c) && typeof c['siren'] === 'string' ? escapeControlCharacters(normalizeSiren(c['siren'])) : null;
  const nom = isRecord(c) && typeof c['nom'] === 'string' ? escapeControlCharacters(c['nom'].trim()) : null;
  return { siren, nom };
}

/**
 * Une adhésion sans son millésime : la comparaison la chiffre sous deux catalogues d'années
 * différentes, le millésime écrit pour l'un ne doit pas la faire refuser par l'autre.
 */
function withoutMillesime(read: ReturnType<typeof readAdhesion>): ReturnType<typeof readAdhesion> {
  const value = read.snap.value;
  if (!isRecord(value) || !('millesime' in value)) return read;
  const { millesime: _a, ...rest } = value;
  const valid = read.valid === undefined ? undefined : (({ millesime: _b, ...others }) => others)(read.valid);
  return { snap: { ...read.snap, value: rest }, valid, ...(read.registry === undefined ? {} : { registry: read.registry }) };
}

/** Le total d'un côté, marqué s'il doit quelque chose à un montant d'exemple. */
function side(q: Quote<PrestationId>): { total: string; exemple?: true } {
  return q.lignes.some((l) => l.source.exemple === true) ? { total: q.total, exemple: true } : { total: q.total };
}

/**
 * Une entrée d'un lot comparée : la ligne de l'adhérent, et ses deux devis (ou leurs problèmes),
 * que la synthèse cumule.
 *
 * @internal
 */
export interface ComparedEntry {
  /** La ligne de l'adhérent, telle que {@link compareCatalogues} la rend. */
  readonly adherent: AdherentCompare;
  /** Le devis sous l'ancien catalogue, ou ses problèmes. */
  readonly avant: SafeResult<Quote<PrestationId>>;
  /** Le devis sous le nouveau catalogue, ou ses problèmes. */
  readonly apres: SafeResult<Quote<PrestationId>>;
}

/**
 * Compare une entrée d'un lot sous deux catalogues, isolée : une entrée illisible, ou hostile, est
 * refusée des deux côtés, jamais l'échec du lot.
 *
 * @internal
 */
export function compareEntry(
  entry: { readonly ok: true; readonly value: unknown } | { readonly ok: false },
  index: number,
  avant: Catalogue,
  apres: Catalogue,
): ComparedEntry {
  // La lecture elle-même est isolée : quoi qu'il arrive, l'échec reste celui de cette entrée.
  const readResult = entry.ok ? guard(() => withoutMillesime(readAdhesion(entry.value, registryOf(avant)))) : undefined;
  const read = readResult?.success ? readResult.data : undefined;
  const unreadable: SafeResult<never> =
    readResult && !readResult.success
      ? readResult
      : { success: false, issues: [makeIssue('ENTREE_INVALIDE', [], { raison: 'adhesionIllisible' })] };
  const a = read ? guard(() => quoteRead(read, avant)) : unreadable;
  const b = read ? guard(() => quoteRead(read, apres)) : unreadable;
  const identity = a.success ? { siren: a.data.collectivite.siren, nom: a.data.collectivite.nom } : b.success ? { siren: b.data.collectivite.siren, nom: b.data.collectivite.nom } : read ? readIdentity(read.snap.value) : { siren: null, nom: null };
  const refus = { ...(a.success ? {} : { avant: a.issues }), ...(b.success ? {} : { apres: b.issues }) };
  if (a.success && b.success) {
    const total = ecartOf(a.data.total, b.data.total);
    const adherent = {
      index,
      ...identity,
      avant: side(a.data),
      apres: side(b.data),
      ecart: total.ecart,
      ecartPourcent: total.ecartPourcent,
      lignes: lineDiffs(a.data, b.data),
      factures: invoiceDiffs(a.data, b.data),
      refus,
    };
    return { adherent, avant: a, apres: b };
  }
  const adherent = {
    index,
    ...identity,
    avant: a.success ? side(a.data) : null,
    apres: b.success ? side(b.data) : null,
    ecart: null,
    ecartPourcent: null,
    lignes: [],
    factures: [],
    refus,
  };
  return { adherent, avant: a, apres: b };
}

/**
 * La synthèse d'une comparaison, cumulée entrée par entrée : ne garde que des sommes, des compteurs,
 * les dix plus fortes hausses et le registre des SIREN (des positions), jamais les adhérents.
 *
 * @internal
 */
export class CompareTally {
  private readonly totals = { avant: ZERO, apres: ZERO };
  private readonly ids: readonly PrestationId[];
  private readonly byPrestation: Map<PrestationId, { avant: Dec; apres: Dec }>;
  private readonly ledgers: { readonly avant: SirenLedger; readonly apres: SirenLedger };
  /** De chaque côté : les collectivités vues, chaque prestation facturée par SIREN vue (et par quelle adhésion), et le montant compté deux fois. */
  private readonly twice = {
    avant: { members: new Set<string>(), billed: new Map<string, number>(), montant: ZERO },
    apres: { members: new Set<string>(), billed: new Map<string, number>(), montant: ZERO },
  };
  private hausses: { index: number; nom: string | null; siren: string | null; ecart: Dec; ecartPourcent: string | null }[] = [];
  private enHausse = 0;
  private enBaisse = 0;
  private stables = 0;
  private acceptesAvant = 0;
  private acceptesApres = 0;
  private refuseesApresSeulement = 0;
  private refuseesAvantSeulement = 0;

  constructor(private readonly avant: Catalogue, private readonly apres: Catalogue) {
    this.ledgers = { avant: new SirenLedger(avant), apres: new SirenLedger(apres) };
    // Les prestations des deux catalogues, dans l'ordre de leurs registres.
    this.ids = [...new Set([...idsIn(registryOf(avant)), ...idsIn(registryOf(apres))])] as PrestationId[];
    this.byPrestation = new Map(this.ids.map((id) => [id, { avant: ZERO, apres: ZERO }]));
  }

  /** Ajoute une entrée comparée (et son fichier, en ligne de commande). */
  add(entry: ComparedEntry, fichier?: string): void {
    const { adherent, avant: a, apres: b } = entry;
    for (const [side, r] of [['avant', a], ['apres', b]] as const) {
      if (!r.success) continue;
      this.ledgers[side].add(adherent.index, r.data, fichier);
      this.countTwice(side, adherent.index, r.data);
      this.totals[side] = this.totals[side].plus(r.data.total);
      for (const l of r.data.lignes) {
        const p = this.byPrestation.get(l.prestation)!;
        p[side] = p[side].plus(l.montant);
      }
    }
    if (a.success) this.acceptesAvant++;
    if (b.success) this.acceptesApres++;
    if (a.success && !b.success) this.refuseesApresSeulement++;
    if (!a.success && b.success) this.refuseesAvantSeulement++;
    if (adherent.ecart === null) return;
    const e = new Dec(adherent.ecart);
    if (e.isZero()) this.stables++;
    else if (e.isNegative()) this.enBaisse++;
    else {
      this.enHausse++;
      this.hausses.push({ index: adherent.index, siren: adherent.siren, nom: adherent.nom, ecart: e, ecartPourcent: adherent.ecartPourcent });
      // Seules les dix plus fortes restent : la mémoire ne dépend pas de la taille du lot.
      if (this.hausses.length >= 1000) this.hausses = topHausses(this.hausses);
    }
  }

  /** Cumule ce qu'un devis accepté fait facturer deux fois, comme le registre des SIREN le signale. */
  private countTwice(side: 'avant' | 'apres', index: number, q: Quote<PrestationId>): void {
    const t = this.twice[side];
    const catalogue = side === 'avant' ? this.avant : this.apres;
    if (t.members.has(q.collectivite.siren)) {
      t.montant = t.montant.plus(q.total);
      return;
    }
    t.members.add(q.collectivite.siren);
    for (const l of q.lignes) {
      if ((catalogue.prestations[l.prestation] as { facturation?: string } | undefined)?.facturation !== 'siren') continue;
      const key = `${l.prestation}|${l.siren}`;
      const first = t.billed.get(key);
      if (first === undefined) t.billed.set(key, index);
      else if (first !== index) t.montant = t.montant.plus(l.montant);
    }
  }

  /** La synthèse des entrées ajoutées. */
  synthese(): Comparaison['synthese'] {
    const total = ecartOf(this.totals.avant.toFixed(2), this.totals.apres.toFixed(2));
    return {
      avant: total.avant!,
      apres: total.apres!,
      ecart: total.ecart,
      ecartPourcent: total.ecartPourcent,
      parPrestation: this.ids.map((id) => {
        const p = this.byPrestation.get(id)!;
        return { prestation: id, libelle: ((this.apres.prestations[id] as Prestation | undefined) ?? this.avant.prestations[id]).libelle, ...ecartOf(p.avant.toFixed(2), p.apres.toFixed(2)) };
      }),
      hausses: topHausses(this.hausses).map((h) => ({ ...h, ecart: h.ecart.toFixed(2) })),
      enHausse: this.enHausse,
      enBaisse: this.enBaisse,
      stables: this.stables,
      acceptesAvant: this.acceptesAvant,
      acceptesApres: this.acceptesApres,
      refuseesApresSeulement: this.refuseesApresSeulement,
      refuseesAvantSeulement: this.refuseesAvantSeulement,
      conflits: { avant: this.ledgers.avant.conflicts(), apres: this.ledgers.apres.conflicts() },
      factureDeuxFois: { avant: this.twice.avant.montant.toFixed(2), apres: this.twice.apres.montant.toFixed(2) },
    };
  }
}

/** Les dix plus fortes hausses, de la plus forte à la plus faible (à égalité, dans l'ordre du lot). */
function topHausses<T extends { readonly index: number; readonly ecart: Dec }>(hausses: readonly T[]): T[] {
  return [...hausses].sort((x, y) => y.ecart.comparedTo(x.ecart) || x.index - y.index).slice(0, 10);
}

/**
 * Une comparaison montée adhésion par adhésion, telle que {@link createComparison} la rend : chaque
 * adhésion est chiffrée sous les deux catalogues dès qu'elle est ajoutée, et seule la synthèse est
 * cumulée (jamais les adhérents).
 *
 * @category Lot
 * @example
 * ```ts
 * const comparaison: ComparisonBuilder = createComparison({ avant: catalogue2026, apres: catalogue });
 * comparaison.add(adhesionA).ecart;
 * ```
 */
export interface ComparisonBuilder {
  /**
   * Compare l'adhésion suivante sous les deux catalogues, exactement comme {@link compareCatalogues}
   * (son millésime est ignoré) : refusée d'un côté ou des deux, elle l'est avec ses problèmes, jamais
   * par une exception.
   *
   * @param adhesion - l'adhésion, lue une seule fois
   * @param fichier - le nom de l'entrée (son fichier, par exemple), repris dans les conflits de la synthèse
   * @returns l'adhérent comparé, à la position suivante du lot
   */
  add(adhesion: unknown, fichier?: string): AdherentCompare;
  /**
   * Compte comme refusée des deux côtés une entrée que l'appelant n'a pas pu lire, avec ses
   * problèmes : elle prend une position du lot.
   *
   * @param issues - pourquoi l'entrée est refusée
   * @param fichier - le nom de l'entrée
   * @returns l'adhérent refusé des deux côtés
   */
  refuse(issues: readonly QuoteIssue[], fichier?: string): AdherentCompare;
  /** La synthèse des entrées ajoutées, identique à celle de {@link compareCatalogues} sur les mêmes adhésions. */
  summary(): Comparaison['synthese'];
}

/**
 * Ouvre une comparaison à monter adhésion par adhésion, pour un lot lu au fil de l'eau : chaque
 * adhérent comparé peut être écrit dès qu'il l'est ; la mémoire ne dépend pas du nombre
 * d'adhésions. Adhérents et synthèse sont ceux de {@link compareCatalogues}.
 *
 * @param options - `avant`, `apres` : les deux catalogues (`onProgress` n'y sert pas)
 * @returns la comparaison, vide
 * @throws {@link QuoteError} si l'un des catalogues est invalide (les deux sont jugés ensemble)
 * @category Lot
 * @example
 * ```ts
 * const comparaison = createComparison({ avant: catalogue2026, apres: catalogue });
 * for (const a of adhesions) comparaison.add(a);
 * comparaison.summary().ecartPourcent;
 * ```
 */
export function createComparison(options: CompareOptions): ComparisonBuilder {
  const args = [guard(() => resolveCatalogue(readOption(options, 'avant'), ['avant'])), guard(() => resolveCatalogue(readOption(options, 'apres'), ['apres']))] as const;
  const [cAvant, cApres] = args;
  if (!cAvant.success || !cApres.success) throw new QuoteError(args.flatMap((r) => (r.success ? [] : r.issues)));
  const [avant, apres] = [cAvant.data, cApres.data];
  const tally = new CompareTally(avant, apres);
  let next = 0;
  const record = (entry: ComparedEntry, fichier: string | undefined): AdherentCompare => {
    tally.add(entry, fichier);
    next++;
    return entry.adherent;
  };
  return {
    add: (adhesion, fichier) => record(compareEntry({ ok: true, value: adhesion }, next, avant, apres), fichier),
    refuse: (issues, fichier) => record(refusedEntry(issues, next), fichier),
    summary: () => tally.synthese(),
  };
}

/** Une entrée que l'appelant n'a pas pu lire, refusée des deux côtés avec ses problèmes. */
function refusedEntry(issues: readonly QuoteIssue[], index: number): ComparedEntry {
  const refused = { success: false, issues: [...issues] } as const;
  const adherent: AdherentCompare = {
    index,
    siren: null,
    nom: null,
    avant: null,
    apres: null,
    ecart: null,
    ecartPourcent: null,
    lignes: [],
    factures: [],
    refus: { avant: refused.issues, apres: refused.issues },
  };
  return { adherent, avant: refused, apres: refused };
}

function run(adhesions: unknown, options: unknown): Comparaison {
  // Une passe sur tous les arguments : le lot et les deux catalogues sont jugés ensemble.
  const args = [guard(() => readBatchEntries(adhesions)), guard(() => resolveCatalogue(readOption(options, 'avant'), ['avant'])), guard(() => resolveCatalogue(readOption(options, 'apres'), ['apres']))] as const;
  const [lot, cAvant, cApres] = args;
  if (!lot.success || !cAvant.success || !cApres.success) throw new QuoteError(args.flatMap((r) => (r.success ? [] : r.issues)));
  const [entries, avant, apres] = [lot.data, cAvant.data, cApres.data];
  const progress = readOption(options, 'onProgress');
  const onProgress = typeof progress === 'function' ? (progress as (done: number, total: number) => void) : undefined;
  const tally = new CompareTally(avant, apres);
  const adherents: AdherentCompare[] = [];
  for (let index = 0; index < entries.length; index++) {
    const compared = compareEntry(entries.at(index), index, avant, apres);
    tally.add(compared);
    adherents.push(compared.adherent);
    if (onProgress && ((index + 1) % 1000 === 0 || index + 1 === entries.length)) {
      try {
        onProgress(index + 1, entries.length);
      } catch (error) {
        throw new CallerError(['options', 'onProgress'], error);
      }
    }
  }
  return { adherents, synthese: tally.synthese() };
}

/**
 * Compare ce que chaque adhérent paie sous deux catalogues (par exemple l'année en cours et la
 * révision votée pour l'année prochaine) : l'écart par ligne, par facture (SIREN) et au total, en
 * euros et en pour cent ; les adhésions refusées d'un côté et pas de l'autre, avec pourquoi ; et la
 * synthèse (recette par prestation avant et après, total, plus fortes hausses, nombre d'adhérents en
 * hausse, en baisse ou stables). Tout est calculé en décimal exact : sur les adhérents acceptés des
 * deux côtés, la somme des écarts est l'écart de leurs totaux. Le millésime que porte une adhésion
 * est ignoré : elle est chiffrée sous chacun des deux catalogues.
 *
 * @param adhesions - les adhésions
 * @param options - `avant`, `apres` (les deux catalogues) et `onProgress`
 * @returns la comparaison
 * @throws {@link QuoteError} seulement si le lot (une liste d'au plus 1 000 000 adhésions) ou un catalogue est invalide, ou si `onProgress` lève
 * @category Lot
 * @example
 * ```ts
 * const catalogue2027 = reviseCatalogue(complet, { millesime: 2027, libelle: 'Tarifs 2027', source: 'Délibération …', indexation: { pourcentage: '2' } });
 * const c = compareCatalogues(adhesions, { avant: complet, apres: catalogue2027 });
 * c.synthese.ecartPourcent;
 * ```
 */
export function compareCatalogues(adhesions: readonly Adhesion[], options: CompareOptions): Comparaison {
  return unwrap(safeCompareCatalogues(adhesions, options));
}

/**
 * Comme {@link compareCatalogues}, mais rend `{ success, data }` ou `{ success: false, issues }`. Ne lève jamais.
 *
 * @param adhesions - les adhésions
 * @param options - les deux catalogues
 * @returns la comparaison, ou les problèmes qui l'empêchent
 * @category Lot
 * @example
 * ```ts
 * safeCompareCatalogues('pas une liste' as never, { avant: catalogue2026, apres: catalogue2026 }).success;
 * //=> false
 * ```
 */
export function safeCompareCatalogues(adhesions: readonly Adhesion[], options: CompareOptions): SafeResult<Comparaison> {
  return guard(() => run(adhesions, options));
}

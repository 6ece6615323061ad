import type { Destinataire, Path, Quote, QuoteIssue } from '../core/shapes.js';
import { canonical, contradictions, memberDescription, merge, sameDebtor } from '../validation/debtors.js';
import { formatPath } from '../errors/quote-error.js';
import type { Catalogue } from '../catalogue/types.js';
import type { PrestationId } from '../prestations/registry.js';
import { idsIn } from '../prestations/create-registry.js';
import { registryOf } from '../catalogue/trust.js';
import { makeIssue } from '../wording/issues.js';
import { resolveCatalogue } from '../catalogue/resolve.js';
import { guard, unwrap } from '../errors/quote-error.js';

/** Une description d'un SIREN dans le lot : ce qu'elle dit, l'adhésion et le chemin d'où elle vient. */
interface Described {
  readonly debiteur: Destinataire;
  readonly index: number;
  readonly path: Path;
}

/** Le chemin de la description qu'une adhésion donne de sa collectivité (le même pour toutes). */
const OWN: Path = /* @__PURE__ */ Object.freeze(['collectivite']) as unknown as Path;

/**
 * Le registre des SIREN facturés d'un lot : pour chaque prestation facturée par SIREN, les adhésions
 * qui la facturent à chaque SIREN, et les adhésions de chaque collectivité. Ce qui est facturé deux
 * fois au même SIREN (ou une collectivité qui adhère deux fois) devient un problème du lot,
 * `SIREN_FACTURE_DEUX_FOIS`, qui nomme chaque adhésion en cause. Ne garde que des positions, et les
 * descriptions différentes de chaque débiteur (presque toujours une) : un lot de cent mille
 * adhésions y tient.
 *
 * Il garde aussi ce que les adhésions disent de chaque SIREN (leur collectivité, leurs
 * destinataires) : deux descriptions du même SIREN qui se contredisent (nom, nature, ou bloc de
 * facturation) deviennent un problème du lot, `DEBITEUR_CONTRADICTOIRE`, qui nomme les deux endroits ;
 * celles qui s'accordent se complètent ({@link SirenLedger.debtor}).
 *
 * @internal
 */
export class SirenLedger {
  /**
   * Prestation → SIREN → positions des adhésions qui la facturent à ce SIREN : une position seule
   * tant qu'il n'y en a qu'une (le cas de presque tous), une liste dès la deuxième.
   */
  private readonly billed = new Map<PrestationId, Map<string, number | number[]>>();
  /** SIREN de collectivité → positions de ses adhésions (une position seule, puis une liste). */
  private readonly members = new Map<string, number | number[]>();
  /** Le fichier de chaque position, en ligne de commande. */
  private readonly files = new Map<number, string>();
  /** SIREN → ses descriptions différentes, dans l'ordre du lot : une seule (presque toujours), puis une liste. */
  private readonly described = new Map<string, Described | Described[]>();
  /** Les descriptions qui en contredisent une autre, dans l'ordre du lot. */
  private readonly contradicted: QuoteIssue[] = [];

  constructor(private readonly catalogue: Catalogue) {}

  /** Ajoute le devis accepté de l'adhésion `index` (et son fichier, en ligne de commande). */
  add(index: number, quote: Quote<PrestationId>, fichier?: string): void {
    if (fichier !== undefined) this.files.set(index, fichier);
    push(this.members, quote.collectivite.siren, index);
    const own = memberDescription(quote.collectivite);
    if (own !== undefined) this.describe(own, index, OWN);
    const destinataires = quote.destinataires;
    if (destinataires !== undefined) for (let i = 0; i < destinataires.length; i++) this.describe(destinataires[i]!, index, ['destinataires', i]);
    let lastSiren = '';
    let lastPrestation = '';
    for (const ligne of quote.lignes) {
      if ((this.catalogue.prestations[ligne.prestation] as { facturation?: string } | undefined)?.facturation !== 'siren') continue;
      // Deux composantes d'une même prestation au même SIREN ne comptent qu'une fois.
      if (ligne.siren === lastSiren && ligne.prestation === lastPrestation) continue;
      lastSiren = ligne.siren;
      lastPrestation = ligne.prestation;
      let bySiren = this.billed.get(ligne.prestation);
      if (bySiren === undefined) this.billed.set(ligne.prestation, (bySiren = new Map()));
      const known = bySiren.get(ligne.siren);
      if (known === undefined) bySiren.set(ligne.siren, index);
      else if (typeof known === 'number') {
        if (known !== index) bySiren.set(ligne.siren, [known, index]);
      } else if (known[known.length - 1] !== index) known.push(index);
    }
  }

  /**
   * Ajoute une description du SIREN : comparée à celles des autres adhésions, elle est gardée si elle
   * en diffère, et signalée si elle en contredit une (la première qu'elle contredit).
   */
  private describe(debiteur: Destinataire, index: number, path: Path): void {
    const found = this.described.get(debiteur.siren);
    if (found === undefined) {
      this.described.set(debiteur.siren, { debiteur, index, path });
      return;
    }
    const known = Array.isArray(found) ? found : [found];
    let same = false;
    for (const k of known) {
      const champs = contradictions(k.debiteur, debiteur);
      if (champs.length === 0) {
        same ||= sameDebtor(k.debiteur, debiteur);
        continue;
      }
      if (k.index === index) continue;
      const entrees = [k.index, index];
      const chemins = [formatPath(k.path), formatPath(path)];
      this.contradicted.push(makeIssue('DEBITEUR_CONTRADICTOIRE', [index, ...path], { raison: 'lot', siren: debiteur.siren, champs, entrees, chemins, ...this.filesOf(entrees) }));
      break;
    }
    if (!same) {
      known.push({ debiteur, index, path });
      if (known.length === 2) this.described.set(debiteur.siren, known);
    }
  }

  /**
   * Ce que le lot dit du SIREN `siren` : ses descriptions réunies (le nom et la nature de la première
   * qui les donne, le bloc de facturation de la première qui en a un, en entier), ou `undefined` si
   * aucune adhésion ne le décrit.
   */
  debtor(siren: string): Destinataire | undefined {
    const found = this.described.get(siren);
    if (found === undefined) return undefined;
    const known = Array.isArray(found) ? found : [found];
    let out = canonical(known[0]!.debiteur);
    for (let i = 1; i < known.length; i++) out = merge(out, known[i]!.debiteur);
    return out;
  }

  /** Les problèmes du lot : chaque SIREN facturé deux fois la même prestation, chaque collectivité présente deux fois, chaque débiteur décrit deux fois autrement. */
  conflicts(): QuoteIssue[] {
    const out: QuoteIssue[] = [];
    const twice = new Map<string, ReadonlySet<number>>();
    for (const [siren, entrees] of this.members) {
      if (typeof entrees === 'number') continue;
      twice.set(siren, new Set(entrees));
      out.push(makeIssue('SIREN_FACTURE_DEUX_FOIS', [entrees[1]!], { raison: 'collectivite', siren, entrees, ...this.filesOf(entrees) }));
    }
    for (const [key, entrees] of this.billedPairs()) {
      const [siren, prestation] = key;
      // Une collectivité présente deux fois est déjà signalée : sa prestation n'a pas à l'être une seconde fois.
      const same = twice.get(siren);
      if (same !== undefined && entrees.every((e) => same.has(e))) continue;
      const libellePrestation = this.catalogue.prestations[prestation].libelle;
      out.push(makeIssue('SIREN_FACTURE_DEUX_FOIS', [entrees[1]!], { raison: 'prestation', siren, prestation, libellePrestation, entrees, ...this.filesOf(entrees) }));
    }
    out.push(...this.contradicted);
    return out.sort((a, b) => (a.path[0] as number) - (b.path[0] as number));
  }

  /**
   * Les SIREN facturés deux fois ou plus la même prestation, dans l'ordre où chaque paire est apparue :
   * par première adhésion, puis dans l'ordre des lignes de celle-ci (prestations dans l'ordre du
   * registre, SIREN dans l'ordre de leurs lignes).
   */
  private billedPairs(): [[string, PrestationId], number[]][] {
    const out: { first: number; rank: number; key: [string, PrestationId]; entrees: number[] }[] = [];
    for (const [prestation, bySiren] of this.billed) {
      const rank = idsIn(registryOf(this.catalogue)).indexOf(prestation);
      for (const [siren, entrees] of bySiren) if (typeof entrees !== 'number') out.push({ first: entrees[0]!, rank, key: [siren, prestation], entrees });
    }
    return out.sort((a, b) => a.first - b.first || a.rank - b.rank).map((e) => [e.key, e.entrees]);
  }

  private filesOf(entrees: readonly number[]): { fichiers?: string[] } {
    if (this.files.size === 0) return {};
    return { fichiers: entrees.map((e) => this.files.get(e) ?? '') };
  }
}

function push(map: Map<string, number | number[]>, key: string, index: number): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, index);
  else if (typeof known === 'number') map.set(key, [known, index]);
  else known.push(index);
}

/**
 * Les SIREN facturés deux fois dans une suite de devis acceptés, comme `quoteAll` les signale pour un
 * lot : une prestation facturée par SIREN facturée deux fois au même SIREN par deux devis, ou deux
 * devis pour la même collectivité. Chaque problème (`SIREN_FACTURE_DEUX_FOIS`) nomme les positions
 * des devis en cause (`params.entrees`, à partir de 0), et son chemin est la position du second.
 * Un devis refusé ou absent se marque par `undefined` : les positions restent celles de la suite.
 *
 * @param quotes - les devis, dans l'ordre (`undefined` pour une position sans devis)
 * @param catalogue - le catalogue des devis (par défaut `catalogue2026`) : il dit quelles prestations sont facturées par SIREN
 * @returns les problèmes, dans l'ordre des positions ; `[]` si aucun SIREN n'est facturé deux fois
 * @throws {@link QuoteError} si le catalogue est invalide, ou si un devis n'a pas la forme d'un devis ; jamais d'autre exception
 * @category Lot
 * @example
 * ```ts
 * const a = quote(adhesionA);
 * // La même collectivité en première et en troisième position ; la deuxième adhésion est refusée.
 * sirenConflicts([a, undefined, a]).map((i) => i.params['entrees']);
 * //=> [[0, 2]]
 * ```
 */
export function sirenConflicts(quotes: readonly (Quote | undefined)[], catalogue?: Catalogue): QuoteIssue[] {
  return unwrap(
    guard(() => {
      const ledger = new SirenLedger(resolveCatalogue(catalogue));
      quotes.forEach((q, index) => {
        if (q !== undefined) ledger.add(index, q as Quote<PrestationId>);
      });
      return ledger.conflicts();
    }),
  );
}

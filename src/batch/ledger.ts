import type { Quote, QuoteIssue } from '../core/shapes.js';
import type { Catalogue } from '../catalogue/types.js';
import type { PrestationId } from '../prestations/registry.js';
import { makeIssue } from '../wording/issues.js';

/**
 * Le registre des SIREN facturés d'un lot : pour chaque prestation facturée par SIREN, les adhésions
 * qui la facturent à chaque SIREN, et les adhésions de chaque collectivité. Ce qui est facturé deux
 * fois au même SIREN (ou une collectivité qui adhère deux fois) devient un problème du lot,
 * `SIREN_FACTURE_DEUX_FOIS`, qui nomme chaque adhésion en cause. Ne garde que des positions : un lot
 * de cent mille adhésions y tient.
 *
 * @internal
 */
export class SirenLedger {
  /** `siren|prestation` → positions des adhésions qui la facturent à ce SIREN. */
  private readonly billed = new Map<string, number[]>();
  /** SIREN de collectivité → positions de ses adhésions. */
  private readonly members = new Map<string, number[]>();
  /** Le fichier de chaque position, en ligne de commande. */
  private readonly files = new Map<number, string>();

  constructor(private readonly catalogue: Catalogue) {}

  /** Ajoute le devis accepté de l'adhésion `index` (et son fichier, en ligne de commande). */
  add(index: number, quote: Quote<PrestationId>, fichier?: string): void {
    if (fichier !== undefined) this.files.set(index, fichier);
    push(this.members, quote.collectivite.siren, index);
    let last = '';
    for (const ligne of quote.lignes) {
      if (this.catalogue.prestations[ligne.prestation].facturation !== 'siren') continue;
      const key = `${ligne.siren}|${ligne.prestation}`;
      // Deux composantes d'une même prestation au même SIREN ne comptent qu'une fois.
      if (key === last) continue;
      last = key;
      const list = this.billed.get(key);
      if (list === undefined) this.billed.set(key, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
    }
  }

  /** Les problèmes du lot : chaque SIREN facturé deux fois la même prestation, chaque collectivité présente deux fois. */
  conflicts(): QuoteIssue[] {
    const out: QuoteIssue[] = [];
    const twice = new Map<string, ReadonlySet<number>>();
    for (const [siren, entrees] of this.members) {
      if (entrees.length < 2) continue;
      twice.set(siren, new Set(entrees));
      out.push(makeIssue('SIREN_FACTURE_DEUX_FOIS', [entrees[1]!], { raison: 'collectivite', siren, entrees, ...this.filesOf(entrees) }));
    }
    for (const [key, entrees] of this.billed) {
      if (entrees.length < 2) continue;
      const [siren, prestation] = key.split('|') as [string, PrestationId];
      // Une collectivité présente deux fois est déjà signalée : sa prestation n'a pas à l'être une seconde fois.
      const same = twice.get(siren);
      if (same !== undefined && entrees.every((e) => same.has(e))) continue;
      const libellePrestation = this.catalogue.prestations[prestation].libelle;
      out.push(makeIssue('SIREN_FACTURE_DEUX_FOIS', [entrees[1]!], { raison: 'prestation', siren, prestation, libellePrestation, entrees, ...this.filesOf(entrees) }));
    }
    return out.sort((a, b) => (a.path[0] as number) - (b.path[0] as number));
  }

  private filesOf(entrees: readonly number[]): { fichiers?: string[] } {
    if (this.files.size === 0) return {};
    return { fichiers: entrees.map((e) => this.files.get(e) ?? '') };
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [index]);
  else list.push(index);
}

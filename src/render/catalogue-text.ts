import { missingAmounts } from '../catalogue/amounts.js';
import type { Composante } from '../core/shapes.js';
import type { Catalogue } from '../catalogue/types.js';
import { formatEuros, formatNombre } from '../money/format.js';
import { formatStrate } from '../models/banded-grid.js';

const NON_PUBLIE = 'NON PUBLIÉ';

function montant(value: string | null): string {
  return value === null ? NON_PUBLIE : formatEuros(value);
}

function rule(c: Composante): string[] {
  switch (c.modele) {
    case 'forfait':
      return [`forfait : ${montant(c.montant)}`];
    case 'unitaire':
      return [
        `${montant(c.prixUnitaire)} par ${c.unite.un}` +
          (c.arrondiQuantite === 'entierSuperieur' ? ' (toute unité commencée est due)' : ''),
      ];
    case 'coefficientParPalier':
      return [
        `${montant(c.prixUnitaire)} × (${c.unite.plusieurs} × coefficient du palier, appliqué à tous) :`,
        ...c.paliers.map(
          (p) => `  ${p.a === null ? `${p.de} ${c.unite.plusieurs} et plus` : `${p.de} à ${p.a} ${c.unite.plusieurs}`} : ${formatNombre(p.coefficient)}`,
        ),
      ];
    case 'grilleStrates':
      if (c.grille === null) return [`grille strate de population × quota : ${NON_PUBLIE}`];
      return [
        `grille strate de population × quota (${c.grille.quotasGo.map((q) => `${q} Go`).join(' | ')}) :`,
        ...c.grille.strates.map((s, i) => `  ${formatStrate(s)} : ${(c.grille!.montants[i] ?? []).map(montant).join(' | ')}`),
      ];
  }
}

/**
 * Écrit un catalogue en texte : chaque prestation, sa facturation, ses règles et ses montants,
 * puis la liste des montants non publiés.
 *
 * @param catalogue - le catalogue
 * @returns le texte
 * @category Affichage
 * @example
 * ```ts
 * console.log(renderCatalogueText(catalogue2026));
 * ```
 */
export function renderCatalogueText(catalogue: Catalogue): string {
  const out: string[] = [catalogue.libelle, ''];
  for (const p of Object.values(catalogue.prestations)) {
    const flags = [
      p.facturation === 'siren' ? 'facturée par SIREN' : 'facturée par adhérent',
      p.obligatoire === 'toujours' ? 'obligatoire' : p.obligatoire === 'siParcTransfere' ? "incluse d'office si parc transféré" : 'facultative',
    ];
    out.push(`${p.libelle} [${p.id}] — ${flags.join(', ')}`);
    for (const c of Object.values(p.composantes) as Composante[]) {
      const [first, ...rest] = rule(c);
      out.push(`  • ${c.libelle} : ${first}`);
      for (const r of rest) out.push(`      ${r}`);
      if (c.source.origine === 'complement') out.push(`      (montant fourni : ${c.source.reference})`);
    }
    out.push('');
  }
  const missing = missingAmounts(catalogue);
  out.push(
    missing.length === 0
      ? 'Tous les montants sont connus.'
      : `Montants non publiés (${missing.length}), à fournir dans un fichier de tarifs (--tarifs) :\n${missing
          .map((m) => `  - ${m.libelle} : ${m.cheminTarifs}`)
          .join('\n')}`,
  );
  return out.join('\n');
}

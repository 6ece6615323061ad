import {
  formatEuros,
  formatNumber,
  formatUnitPrice,
  formatBand,
  missingAmounts,
  modelDeclaration,
  type Catalogue,
  type Composante,
  type FieldKind,
  type Grille,
  type Palier,
  type StrateForfait,
  type Unite,
} from '@te90/tarifs';
import { guardedInput } from './issues.js';

const NON_PUBLIE = 'NON PUBLIÉ';


/** Une valeur de champ écrite en français, selon sa sorte ; ses lignes de détail à part. */
function describeField(kind: FieldKind, value: unknown, unite: Unite | undefined): string[] {
  if (value === null) return [NON_PUBLIE];
  switch (kind) {
    case 'montant':
      return [formatEuros(value as string)];
    case 'prix':
      return [formatUnitPrice(value as string)];
    case 'unite':
      return [(value as Unite).un];
    case 'arrondi':
      return [value === 'entierSuperieur' ? 'toute unité commencée est due' : 'aucun'];
    case 'paliers': {
      const u = unite?.plusieurs ?? 'unités';
      return ['', ...(value as Palier[]).map((p) => `  ${p.a === null ? `${p.de} ${u} et plus` : `${p.de} à ${p.a} ${u}`} : ${formatNumber(p.coefficient)}`)];
    }
    case 'grille': {
      const g = value as Grille;
      return [`(${g.quotasGo.map((q) => `${q} Go`).join(' | ')})`, ...g.strates.map((s, i) => `  ${formatBand(s)} : ${(g.montants[i] ?? []).map((m) => formatEuros(m)).join(' | ')}`)];
    }
    case 'stratesForfait':
      return ['', ...(value as StrateForfait[]).map((s) => `  ${formatBand(s)} : ${formatEuros(s.montant)}`)];
  }
}

/** La règle d'une composante : son modèle, puis chaque champ de son modèle. */
function rule(c: Composante): string[] {
  const model = modelDeclaration(c.modele);
  if (model === undefined) return [c.modele];
  const record = c as unknown as Record<string, unknown>;
  const unite = record['unite'] as Unite | undefined;
  const out = [model.libelle];
  for (const [name, spec] of Object.entries(model.champs)) {
    if (record[name] === undefined || spec.kind === 'unite') continue;
    const [first = '', ...rest] = describeField(spec.kind, record[name], unite);
    out.push(`${spec.libelle}${first === '' ? '' : ` : ${first}`}`, ...rest.map((r) => `  ${r}`));
  }
  return out;
}

/**
 * Écrit un catalogue en texte : chaque prestation, sa facturation, ses règles (le modèle de prix de
 * chaque composante et ses champs) et ses montants, puis la liste des montants non publiés. L'unité
 * de facturation d'un abonnement facturé par adhérent, que la source ne donne pas, est dite hypothèse.
 *
 * @param catalogue - le catalogue
 * @returns le texte
 * @category Catalogue
 * @example
 * ```ts
 * console.log(renderCatalogueText(catalogue2026));
 * ```
 */
export function renderCatalogueText(catalogue: Catalogue): string {
  return guardedInput(() => {
    const out: string[] = [catalogue.libelle, ''];
    for (const p of Object.values(catalogue.prestations)) {
      // Un abonnement (un montant annuel, sans quantité) facturé par adhérent : la source ne dit ni son
      // montant ni son unité de facturation ; « par adhérent » est une hypothèse de l'outil, dite comme telle.
      // Un abonnement : un modèle qui ne lit ni quantité ni quota (au plus la population de l'adhérent).
      const abonnement = (Object.values(p.composantes) as Composante[]).every((c) => modelDeclaration(c.modele)?.mesures.every((m) => m === 'population') === true);
      const flags = [
        p.facturation === 'siren' ? 'facturée par SIREN' : abonnement ? "facturée par adhérent (hypothèse de l'outil : la source ne précise pas l'unité de facturation)" : 'facturée par adhérent',
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
  });
}

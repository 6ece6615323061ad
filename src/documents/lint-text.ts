import { formatPath, type LintFinding, type MissingAmount } from '@te90/tarifs';
import { guardedInput } from './issues.js';

/**
 * Écrit le résultat d'une vérification de catalogue : erreurs, avertissements et montants non publiés.
 *
 * @param findings - les remarques de {@link "@te90/tarifs"!lintCatalogue}
 * @param missing - les montants manquants de {@link "@te90/tarifs"!missingAmounts}
 * @returns le texte
 * @category Catalogue
 * @example
 * ```ts
 * console.log(renderLintText(lintCatalogue(catalogue2026), missingAmounts(catalogue2026)));
 * ```
 */
export function renderLintText(findings: readonly LintFinding[], missing: readonly MissingAmount[]): string {
  return guardedInput(() => {
    const out: string[] = [];
    for (const [niveau, titre] of [
      ['erreur', 'Erreurs'],
      ['avertissement', 'Avertissements'],
    ] as const) {
      const list = findings.filter((f) => f.niveau === niveau);
      out.push(list.length === 0 ? `${titre} : aucune.` : `${titre} (${list.length}) :`);
      for (const f of list) out.push(`  - ${formatPath(f.path)} : ${f.message} [${f.code}]`);
    }
    out.push(
      missing.length === 0
        ? 'Montants non publiés : aucun, tous les montants sont connus.'
        : `Montants non publiés (${missing.length}) : ${missing.map((m) => m.cheminTarifs).join(', ')}.`,
    );
    return out.join('\n');
  });
}

import { escapeControlCharacters, lintCatalogue, missingAmounts } from '@te90/tarifs';
import { renderLintText } from '@te90/tarifs/documents';
import { embedded, loadCatalogue } from '../catalogue-options.js';
import { EXIT, formatOf, type CliIo, type Values } from '../command.js';
import { readJsonFile } from '../json-input.js';
import { UsageError } from '../usage-error.js';

/**
 * `te90-tarifs verifier` : la cohérence d'un catalogue, toutes ses remarques d'un coup.
 *
 * @internal
 */
export async function verifier(positionals: string[], values: Values, io: CliIo): Promise<number> {
  const format = formatOf(values.format, ['texte', 'json']);
  if (positionals.length > 0) throw new UsageError('La commande « verifier » ne prend pas de fichier (voir --catalogue et --tarifs).');
  if (values.millesime !== undefined) embedded(values.millesime);
  // Un fichier de catalogue se vérifie tel quel, même incomplet : toutes ses remarques d'un coup.
  const brouillon = values.catalogue !== undefined && values.tarifs === undefined ? readJsonFile(values.catalogue) : undefined;
  const c: unknown = brouillon ?? loadCatalogue(values);
  const remarques = lintCatalogue(c);
  const manquants = missingAmounts(c);
  const erreurs = remarques.filter((f) => f.niveau === 'erreur').length;
  const libelle = isRecord(c) && typeof c['libelle'] === 'string' ? escapeControlCharacters(c['libelle']) : '(catalogue sans libellé)';
  if (format === 'json') {
    await io.out(JSON.stringify({ erreurs, avertissements: remarques.length - erreurs, remarques, montantsNonPublies: manquants }, null, 2) + '\n');
  } else {
    await io.out(`Vérification : ${libelle}\n${renderLintText(remarques, manquants)}\n`);
  }
  return erreurs > 0 ? EXIT.refused : EXIT.ok;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { createHash } from 'node:crypto';
import { catalogue2026, quote, validateAdhesion, type Adhesion, type Catalogue } from '@te90/tarifs';
import { renderQuoteCsv, renderQuoteHtml, renderQuoteText, safeParseEmetteur, validateHtmlOptions, type Emetteur } from '@te90/tarifs/documents';
import { loadCatalogue } from '../catalogue-options.js';
import { EXIT, FORMATS, formatOf, oneFile, type CliIo, type Values } from '../command.js';
import { problemsOf, RefusedInput, type Problem } from '../issues.js';
import { readJsonFile, readJsonInput } from '../json-input.js';
import { atOption, collecting, inFile } from '../relocate.js';
import { UsageError } from '../usage-error.js';

/** Les problèmes d'options du devis imprimable qui dépendent de l'année des tarifs. */
const MILLESIME_BOUNDS = new Set(['dateApresMillesime', 'validiteMillesime']);

/**
 * `te90-tarifs devis` : le devis d'une adhésion, en texte, JSON, CSV ou HTML (un devis imprimable).
 *
 * @internal
 */
export async function devis(positionals: string[], values: Values, io: CliIo): Promise<number> {
  const format = formatOf(values.format, [...FORMATS, 'html']);
  const file = oneFile(positionals, 'devis');
  const html = format === 'html' ? htmlOptions(values) : undefined;
  if (values.emetteur !== undefined && format !== 'html') throw new UsageError("L'option --emetteur ne sert qu'au devis imprimable (--format html).");
  // Une passe : l'émetteur, le catalogue (et ses tarifs), les options du devis imprimable et l'adhésion
  // sont jugés ensemble, chaque problème au nom de son option ou de son fichier.
  const refused: Problem[] = [];
  let emetteur: Emetteur | undefined;
  const emetteurLabel = `--emetteur ${values.emetteur}`;
  const options = { numero: '--numero', date: '--date', validiteJours: '--validite', emetteur: emetteurLabel };
  const emetteurFile = values.emetteur;
  if (emetteurFile !== undefined) {
    const lu = collecting(refused, () => readJsonFile(emetteurFile), (i) => inFile(i, emetteurLabel, {}));
    const r = lu === undefined ? undefined : safeParseEmetteur(lu, ['emetteur']);
    if (r?.success) emetteur = r.data;
    else if (r) refused.push(...r.issues.map((i) => inFile(i, '', { emetteur: emetteurLabel })));
  }
  let catalogue: Catalogue | undefined;
  try {
    catalogue = loadCatalogue(values);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems === undefined) throw error;
    refused.push(...problems);
  }
  const reference = catalogue ?? catalogue2026;
  // Le numéro par défaut, fait du SIREN et de la date, est toujours admis. Sans catalogue lisible,
  // l'année des tarifs n'est pas connue : seules la forme de la date et la durée sont jugées.
  if (html) {
    const problems: Problem[] = [];
    problems.push(...validateHtmlOptions({ numero: html.numero ?? 'D', date: html.date, validiteJours: html.validiteJours }, reference.millesime).map((i) => atOption(i, options)));
    refused.push(...(catalogue !== undefined ? problems : problems.filter((i) => !MILLESIME_BOUNDS.has(String(i.params['raison'])))));
  }
  let input: unknown;
  let readable = true;
  try {
    input = await readJsonInput(file, io.readStdin);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems === undefined) throw error;
    refused.push(...problems);
    readable = false;
  }
  if (refused.length > 0) throw new RefusedInput(readable ? [...refused, ...validateAdhesion(input, { catalogue: reference })] : refused);
  const result = quote(input as Adhesion, { catalogue: reference });
  if (html) {
    // Le numéro par défaut : l'année, le SIREN, la date et une empreinte du contenu (le devis, la
    // validité, l'émetteur). Deux devis différents d'un même jour ont deux numéros ; le même devis,
    // écrit deux fois, garde le sien.
    const empreinte = createHash('sha256').update(JSON.stringify([result, html.validiteJours ?? null, emetteur ?? null])).digest('hex').slice(0, 8).toUpperCase();
    const numero = html.numero ?? `${result.millesime}-${result.collectivite.siren}-${html.date.replaceAll('-', '')}-${empreinte}`;
    const problems: Problem[] = [];
    const page = collecting(problems, () => renderQuoteHtml(result, { numero, date: html.date, validiteJours: html.validiteJours, emetteur }), (i) => atOption(i, options));
    if (page === undefined) throw new RefusedInput(problems);
    await io.out(page);
    return EXIT.ok;
  }
  const verifications = values.verifications === true;
  await io.out(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : format === 'csv' ? renderQuoteCsv(result) : renderQuoteText(result, { verifications }) + '\n');
  return EXIT.ok;
}

/**
 * Les options du devis imprimable : la date (aujourd'hui par défaut — la ligne de commande peut lire
 * l'horloge, la bibliothèque non), le numéro et la validité en jours.
 */
function htmlOptions(values: Values): { numero: string | undefined; date: string; validiteJours: number | undefined } {
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const date = values.date ?? today;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const real = m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === date;
  if (!real) throw new UsageError(`Date invalide : « ${date} » (une date qui existe, au format AAAA-MM-JJ, par exemple 2026-11-29).`);
  const validite = values.validite;
  if (validite !== undefined && (!/^\d{1,3}$/.test(validite) || Number(validite) < 1 || Number(validite) > 366)) {
    throw new UsageError(`Validité invalide : « ${validite} » (un nombre de jours, de 1 à 366).`);
  }
  // Sans --validite : 30 jours, ramenés au 31 décembre de l'année des tarifs s'il le faut.
  return { numero: values.numero, date, validiteJours: validite === undefined ? undefined : Number(validite) };
}

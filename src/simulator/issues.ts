/**
 * Les problèmes dans la voix du simulateur : ce qu'il signale lui-même (un fichier de tarifs qui
 * n'est pas du JSON), et les problèmes de la bibliothèque qu'il rédige à sa façon (un montant non
 * publié se fournit ici par le fichier de tarifs du formulaire), d'après leur code et leurs
 * paramètres, jamais d'après le texte de leur message.
 */
import type { Path, QuoteIssue } from '@te90/tarifs';

/**
 * Un problème affiché par le simulateur : la forme d'un problème de la bibliothèque, avec un code
 * qui peut être le sien (`JSON_INVALIDE`).
 *
 * @internal
 */
export interface SimulatorIssue {
  readonly code: string;
  readonly path: Path;
  readonly message: string;
  readonly params: QuoteIssue['params'];
}

/** Les caractères de contrôle (C0, DEL, C1). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Un message sans caractère de contrôle : une valeur reçue qui en porte y est montrée échappée (`\u001b`). */
function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Le fichier de tarifs choisi n'est pas du JSON valide.
 *
 * @internal
 */
export function jsonFileIssue(fichier: string): SimulatorIssue {
  return { code: 'JSON_INVALIDE', path: ['tarifs'], message: visible(`Le fichier « ${fichier} » n'est pas du JSON valide.`), params: { raison: 'fichier', fichier } };
}

/** Les paramètres d'un montant non publié, s'ils ont bien la forme attendue. */
function missingAmount(params: QuoteIssue['params']): Record<'prestation' | 'composante' | 'champ' | 'libelle' | 'libellePrestation', string> & { millesime: number } | undefined {
  const { prestation, composante, champ, libelle, libellePrestation, millesime } = params;
  const texts = [prestation, composante, champ, libelle, libellePrestation];
  if (!texts.every((t): t is string => typeof t === 'string') || typeof millesime !== 'number') return undefined;
  return { prestation: texts[0]!, composante: texts[1]!, champ: texts[2]!, libelle: texts[3]!, libellePrestation: texts[4]!, millesime };
}

/**
 * Un problème de la bibliothèque dans la voix du simulateur : un montant non publié
 * (`TARIF_NON_PUBLIE`) se fournit par le fichier de tarifs chargé en bas du formulaire ; tout autre
 * problème garde son message.
 *
 * @internal
 */
export function inSimulatorVoice(issue: QuoteIssue): QuoteIssue {
  if (issue.code !== 'TARIF_NON_PUBLIE') return issue;
  const p = missingAmount(issue.params);
  if (p === undefined) return issue;
  const message = visible(
    `Le montant « ${p.libelle} » de la prestation « ${p.libellePrestation} » n'est pas publié pour ${p.millesime} (catalogue : prestations.${p.prestation}.composantes.${p.composante}.${p.champ}). Chargez un fichier de tarifs qui le fournit (en bas du formulaire).`,
  );
  return message === issue.message ? issue : { ...issue, message };
}

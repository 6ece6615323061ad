/**
 * Les problèmes dans la voix du simulateur : ce qu'il signale lui-même (un fichier de tarifs qui
 * n'est pas du JSON), et les problèmes de la bibliothèque qu'il rédige à sa façon (un montant non
 * publié se fournit ici par le fichier de tarifs du formulaire), d'après leur code et leurs
 * paramètres, jamais d'après le texte de leur message.
 */
import { describeMissingAmount, escapeControlCharacters, missingAmountOf, type Path, type QuoteIssue } from '@te90/tarifs';

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

/**
 * Le fichier de tarifs choisi n'est pas du JSON valide.
 *
 * @internal
 */
export function jsonFileIssue(fichier: string): SimulatorIssue {
  return { code: 'JSON_INVALIDE', path: ['tarifs'], message: escapeControlCharacters(`Le fichier « ${fichier} » n'est pas du JSON valide.`), params: { raison: 'fichier', fichier } };
}

/**
 * Un problème de la bibliothèque dans la voix du simulateur : un montant non publié
 * (`TARIF_NON_PUBLIE`) se fournit par le fichier de tarifs chargé en bas du formulaire ; tout autre
 * problème garde son message.
 *
 * @internal
 */
export function inSimulatorVoice(issue: QuoteIssue): QuoteIssue {
  const p = missingAmountOf(issue);
  if (p === undefined) return issue;
  const message = escapeControlCharacters(`${describeMissingAmount(p, { chemin: true })}. Chargez un fichier de tarifs qui le fournit (en bas du formulaire).`);
  return message === issue.message ? issue : { ...issue, message };
}

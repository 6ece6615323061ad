import { escapeControlCharacters } from '@te90/tarifs';

/**
 * Mauvais usage de la ligne de commande (code de sortie 2) : commande, option ou fichier introuvable.
 * Son message cite souvent ce qui a été tapé (un nom de fichier, une valeur d'option) : un caractère
 * de contrôle y est montré échappé (`\u001b`), ici, pour tous les messages d'usage.
 *
 * @internal
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(escapeControlCharacters(message));
  }
}

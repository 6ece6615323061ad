/**
 * Mauvais usage de la ligne de commande (code de sortie 2) : commande, option ou fichier introuvable.
 *
 * @internal
 */
export class UsageError extends Error {}

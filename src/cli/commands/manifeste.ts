import { EXIT, type CliIo, type Values } from '../command.js';
import { UsageError } from '../usage-error.js';
import { excelManifest, readBaseUrl } from '@te90/tarifs/tableur';

declare const __VERSION__: string;

/**
 * `te90-tarifs manifeste` : le manifeste du complément Excel, complet pour l'adresse de base donnée
 * par --url (HTTPS).
 *
 * @internal
 */
export async function manifeste(positionals: string[], values: Values, io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new UsageError('La commande « manifeste » ne prend pas de fichier : donnez l\'adresse avec --url (par exemple : --url https://serveur-du-syndicat/te90-tarifs/).');
  if (values.url === undefined) {
    throw new UsageError("La commande « manifeste » attend l'adresse HTTPS où sont servis les fichiers du complément : --url https://serveur-du-syndicat/te90-tarifs/.");
  }
  const base = readBaseUrl(values.url);
  if (!base.ok) throw new UsageError(`Adresse refusée pour --url : ${base.raison}.`);
  await io.out(excelManifest(__VERSION__, base.url));
  return EXIT.ok;
}

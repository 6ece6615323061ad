/**
 * La lecture des octets d'une entrée (fichier, tube, entrée standard), une seule fois et bornée : une
 * entrée sans fin est refusée, jamais lue jusqu'à l'épuisement de la mémoire. Les erreurs système
 * sont dites en français.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { cliIssue, RefusedInput } from './issues.js';
import { UsageError } from './usage-error.js';

/**
 * Le nom de fichier qui désigne l'entrée standard.
 *
 * @internal
 */
export const STDIN = '-';

/**
 * Le nom de l'entrée standard dans le champ `fichier` des résultats d'un lot.
 *
 * @internal
 */
export const STDIN_LABEL = '(entrée standard)';

/**
 * Le nom d'une entrée dans un message : le chemin tel qu'il est donné, ou « l'entrée standard ».
 *
 * @internal
 */
export function inputName(path: string): string {
  return path === STDIN || path === STDIN_LABEL ? "l'entrée standard" : path;
}

/**
 * Le sujet d'une phrase : le chemin tel qu'il est donné, ou « L'entrée standard ».
 *
 * @internal
 */
export function inputSubject(label: string): string {
  return label === STDIN || label === STDIN_LABEL ? "L'entrée standard" : label;
}

/**
 * Lit toute l'entrée standard (pour le fichier `-`).
 *
 * @internal
 */
export type StdinReader = () => Promise<Uint8Array>;

const ERRNO: Readonly<Record<string, string>> = {
  ENOENT: 'introuvable',
  EACCES: 'permission refusée',
  EPERM: 'opération non permise',
  EISDIR: "c'est un dossier",
  ENOTDIR: "un élément du chemin n'est pas un dossier",
  ELOOP: 'trop de liens symboliques',
  ENAMETOOLONG: 'nom trop long',
  EMFILE: 'trop de fichiers ouverts',
  EIO: "erreur d'entrée-sortie",
  ENOSPC: 'plus de place sur le disque',
  EDQUOT: 'quota de disque dépassé',
  EROFS: 'système de fichiers en lecture seule',
  EFBIG: 'fichier trop grand',
  EPIPE: 'sortie fermée',
  EAGAIN: 'ressource momentanément indisponible',
  EBADF: 'descripteur de fichier invalide',
  ENXIO: 'périphérique ou adresse inexistant',
};

/**
 * Une erreur système en français : « permission refusée (EACCES) ».
 *
 * @internal
 */
export function describeErrno(code: string | undefined): string {
  if (code === undefined) return 'erreur inconnue';
  const text = ERRNO[code];
  return text === undefined ? code : `${text} (${code})`;
}

/**
 * La taille lue au plus pour une entrée (fichier, tube, entrée standard) : au-delà, la lecture
 * s'arrête et l'entrée est refusée, sans avoir tout lu.
 *
 * @internal
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Lecture d'un fichier (ouvert une seule fois) : ses octets, ou pourquoi il ne peut pas être lu.
 *
 * @internal
 */
export type FileRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; directory: boolean; code: string | undefined; tooLarge?: true; notRegular?: true };

/**
 * Le lecteur borné : lit un descripteur bloc par bloc jusqu'à la fin, ou s'arrête dès que la limite
 * est dépassée (un tube sans fin, /dev/zero) ; rend `undefined` dans ce cas.
 */
function readCapped(fd: number, max: number): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // Un tube ouvert sans attente, vide pour l'instant : on attend qu'il se remplisse.
      if ((error as { code?: string }).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw error;
    }
    if (n === 0) break;
    total += n;
    if (total > max) return undefined;
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

/**
 * Lit un fichier une seule fois, par le lecteur borné. Avec `regularOnly` (un fichier trouvé dans un
 * dossier), tout ce qui n'est pas un fichier ordinaire (tube, périphérique, socket) est refusé sans
 * être lu, et l'ouverture n'attend jamais (un tube sans écrivain ne bloque pas).
 *
 * @internal
 */
export function readFileOnce(path: string, regularOnly = false, max = MAX_INPUT_BYTES): FileRead {
  let fd: number;
  try {
    fd = openSync(path, regularOnly ? constants.O_RDONLY | constants.O_NONBLOCK : 'r');
  } catch (error) {
    return { ok: false, directory: false, code: (error as { code?: string }).code };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, directory: true, code: 'EISDIR' };
    if (regularOnly && !stat.isFile()) return { ok: false, directory: false, code: undefined, notRegular: true };
    // Un fichier ordinaire trop grand est refusé avant toute lecture.
    if (stat.isFile() && stat.size > max) return { ok: false, directory: false, code: 'EFBIG', tooLarge: true };
    const bytes = readCapped(fd, max);
    return bytes === undefined ? { ok: false, directory: false, code: 'EFBIG', tooLarge: true } : { ok: true, bytes };
  } catch (error) {
    return { ok: false, directory: false, code: (error as { code?: string }).code };
  } finally {
    closeSync(fd);
  }
}

/**
 * Lit un flux (l'entrée standard) par le lecteur borné : la lecture s'arrête dès que la limite est
 * dépassée, et l'entrée est refusée (`FICHIER_ILLISIBLE`, `depasseLimite`).
 *
 * @internal
 * @throws {RefusedInput} si le flux dépasse `max` octets
 */
export async function readStreamCapped(stream: AsyncIterable<Uint8Array | string>, name: string, max = MAX_INPUT_BYTES): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > max) throw new RefusedInput([cliIssue('FICHIER_ILLISIBLE', [], { raison: 'depasseLimite', fichier: name, maximum: max })]);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Les octets d'un fichier lu, ou l'erreur qui dit pourquoi il ne peut pas l'être.
 *
 * @internal
 * @throws {UsageError} si le fichier n'existe pas
 * @throws {RefusedInput} `FICHIER_ILLISIBLE` s'il ne peut pas être lu (dossier, permission…)
 */
export function bytesOf(path: string, read: FileRead): Uint8Array {
  if (read.ok) return read.bytes;
  if (read.code === 'ENOENT') throw new UsageError(`Fichier introuvable : ${path}`);
  throw new RefusedInput([unreadableFile(path, read)]);
}

/**
 * Pourquoi un fichier donné en argument (pas un dossier à parcourir) ne peut pas être lu.
 *
 * @internal
 */
export function unreadableFile(path: string, read: Extract<FileRead, { ok: false }>) {
  if (read.tooLarge) return cliIssue('FICHIER_ILLISIBLE', [], { raison: 'depasseLimite', fichier: path, maximum: MAX_INPUT_BYTES });
  if (read.directory) return cliIssue('FICHIER_ILLISIBLE', [], { raison: 'dossier', fichier: path });
  return cliIssue('FICHIER_ILLISIBLE', [], { raison: 'lecture', fichier: path, erreur: describeErrno(read.code) });
}

/** Les noms de l'entrée standard dans le système de fichiers. */
const STDIN_PATHS: ReadonlySet<string> = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/**
 * `/dev/stdin` ne s'ouvre pas quand l'entrée standard est une socket (ENXIO, par exemple sous
 * `child_process.spawn`) : elle est alors lue comme « - ».
 *
 * @internal
 */
export function isStdinSocket(path: string, read: FileRead): boolean {
  return !read.ok && read.code === 'ENXIO' && STDIN_PATHS.has(path);
}

/**
 * Les octets d'une entrée : un fichier, ou l'entrée standard pour `-` (et pour `/dev/stdin` quand
 * c'est une socket).
 *
 * @internal
 * @throws {UsageError} si le fichier n'existe pas, ou si l'entrée standard n'est pas disponible
 * @throws {RefusedInput} `FICHIER_ILLISIBLE` si l'entrée ne peut pas être lue
 */
export async function readInputBytes(path: string, readStdin: StdinReader | undefined): Promise<Uint8Array> {
  if (path !== STDIN) {
    const read = readFileOnce(path);
    if (!isStdinSocket(path, read)) return bytesOf(path, read);
  }
  if (readStdin === undefined) throw new UsageError("L'entrée standard (« - ») n'est pas disponible ici.");
  try {
    return await readStdin();
  } catch (error) {
    if (error instanceof RefusedInput) throw error;
    throw new RefusedInput([cliIssue('FICHIER_ILLISIBLE', [], { raison: 'entreeStandard', erreur: describeErrno((error as { code?: string }).code) })]);
  }
}

import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

const OPTIONS = {
  tarifs: { type: 'string' },
  catalogue: { type: 'string' },
  format: { type: 'string' },
  millesime: { type: 'string' },
  avant: { type: 'string' },
  apres: { type: 'string' },
  'tarifs-avant': { type: 'string' },
  'tarifs-apres': { type: 'string' },
  numero: { type: 'string' },
  date: { type: 'string' },
  validite: { type: 'string' },
  emetteur: { type: 'string' },
  parametres: { type: 'string' },
  verifications: { type: 'boolean' },
  url: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Une valeur d'exemple pour chaque option qui en attend une. */
const EXAMPLES: Readonly<Record<string, string>> = {
  tarifs: 'tarifs.json',
  catalogue: 'catalogue.json',
  format: 'json',
  millesime: '2026',
  avant: 'catalogue-2026.json',
  apres: 'catalogue-2027.json',
  'tarifs-avant': 'tarifs-2026.json',
  'tarifs-apres': 'tarifs-2027.json',
  numero: 'D-2026-0042',
  date: '2026-11-29',
  validite: '30',
  emetteur: 'emetteur.json',
  parametres: 'parametres-pes.json',
  url: 'https://serveur-du-syndicat/te90-tarifs/',
};

/**
 * La ligne de commande lue : les options et les arguments (commande, fichiers).
 *
 * @internal
 */
export type ParsedArgs = ReturnType<typeof strictParse>;

function strictParse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
}

function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** L'option connue la plus proche d'un nom mal tapé, s'il y en a une assez proche. */
function suggestion(name: string): string | undefined {
  let best: { option: string; d: number } | undefined;
  for (const option of Object.keys(OPTIONS)) {
    const d = option.startsWith(name) && name.length >= 2 ? 0 : distance(name, option);
    if (d <= Math.max(1, Math.floor(option.length / 3)) && (best === undefined || d < best.d)) best = { option, d };
  }
  return best?.option;
}

/** Un message en français pour une ligne de commande que `parseArgs` refuse. */
function frenchUsage(argv: readonly string[]): string {
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = (OPTIONS as Record<string, { type: string } | undefined>)[token.name];
    if (option === undefined) {
      const close = suggestion(token.name);
      return close !== undefined
        ? `Option inconnue : ${token.rawName} (vouliez-vous dire --${close} ?).`
        : `Option inconnue : ${token.rawName}. Un fichier dont le nom commence par un tiret s'écrit après « -- » (par exemple : te90-tarifs devis -- ${token.rawName}.json).`;
    }
    if (option.type === 'boolean' && token.value !== undefined) {
      return `L'option ${token.rawName} ne prend pas de valeur (reçu : ${token.rawName}=${token.value}).`;
    }
    if (option.type === 'string') {
      const example = `${token.rawName} ${EXAMPLES[token.name] ?? 'valeur'}`;
      if (token.value === undefined) return `L'option ${token.rawName} attend une valeur (par exemple : ${example}).`;
      if (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')) {
        return `L'option ${token.rawName} attend une valeur, mais elle est suivie de « ${token.value} » : valeur oubliée ? (par exemple : ${example} ; une valeur qui commence par un tiret s'écrit ${token.rawName}=${token.value}).`;
      }
    }
  }
  return 'Ligne de commande incorrecte.';
}

/**
 * Lit la ligne de commande ; une option inconnue, une valeur manquante ou en trop est un mauvais
 * usage, expliqué en français.
 *
 * @internal
 * @throws {UsageError} si la ligne de commande est incorrecte
 */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  try {
    return strictParse(argv);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    throw new UsageError(frenchUsage(argv));
  }
}

/**
 * Le nom de la commande (le premier argument qui n'est pas une option), lu même quand la ligne de
 * commande est incorrecte : un mauvais usage renvoie alors à l'aide de cette commande.
 *
 * @internal
 */
export function commandNameOf(argv: readonly string[]): string | undefined {
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  return tokens.find((t) => t.kind === 'positional')?.value;
}

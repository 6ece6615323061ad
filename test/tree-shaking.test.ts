import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * Le noyau se laisse élaguer : une application n'embarque que ce dont ses imports ont besoin. Le
 * module ES du noyau est un seul fichier ; son outil (esbuild, Rollup, webpack) n'en écarte une
 * déclaration de module que s'il la sait sans effet : une valeur littérale, un appel marqué
 * `/* @__PURE__ *\/`, une collection vide… Ici, les sources sont construites comme ce fichier unique
 * (chaque module gardé, même si rien n'en est importé) par une application qui n'importe rien : ce qui
 * reste est ce qu'aucun outil ne peut écarter, et le noyau ne doit rien y laisser. Les tailles sont
 * mesurées par le banc d'essai, sur l'archive.
 */

const ROOT = join(__dirname, '..');
/** Les dossiers du noyau (les clients, hors du noyau, ne sont pas jugés ici). */
const CORE = ['core', 'shared', 'money', 'siren', 'errors', 'wording', 'input', 'models', 'prestations', 'catalogue', 'validation', 'pricing', 'invoices', 'quote', 'batch', 'schemas'];

/**
 * Chaque module des sources est gardé comme s'il avait des effets (dans dist/index.js, il n'y a plus
 * de modules à écarter en entier) ; decimal.js, lui, est écarté s'il ne sert pas, comme le permet sa
 * copie à part dans dist/.
 */
const asOneFile: Plugin = {
  name: 'comme-un-seul-fichier',
  setup(b) {
    b.onResolve({ filter: /^decimal\.js$/ }, () => ({ path: 'decimal.js', external: true, sideEffects: false }));
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === 'resolu') return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolu' });
      return r.errors.length > 0 ? undefined : { path: r.path, external: r.external, sideEffects: true };
    });
  },
};

async function kept(contents: string): Promise<{ files: string[]; text: string }> {
  const r = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'application.ts' },
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    minifySyntax: true,
    plugins: [asOneFile],
    logLevel: 'silent',
  });
  const inputs = Object.entries(Object.values(r.metafile.outputs)[0]!.inputs);
  const core = new RegExp(`^src/(${CORE.join('|')})/`);
  return { files: inputs.filter(([path, { bytesInOutput }]) => bytesInOutput > 0 && core.test(path)).map(([path]) => path), text: r.outputFiles[0]!.text };
}

describe('le noyau se laisse élaguer', () => {
  it('une application qui n’importe rien ne garde aucune déclaration de module du noyau', async () => {
    const { files, text } = await kept("import './src/index.ts';\n");
    expect(files, `déclarations gardées :\n${text}`).toEqual([]);
  }, 60_000);

  it('une application qui n’importe que isValidSiren ne garde que lui', async () => {
    const { files } = await kept("import { isValidSiren } from './src/index.ts';\nglobalThis.utilise = isValidSiren;\n");
    expect(files).toEqual(['src/siren/siren.ts']);
  }, 60_000);
});

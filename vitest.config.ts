import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Les clients (documents, tableur, ligne de commande, simulateur) importent la bibliothèque par son nom, comme un tiers. */
const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** La version du paquet, que tsup écrit dans la ligne de commande (`__VERSION__`) : la même dans les tests. */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __VERSION__: JSON.stringify(version) },
  resolve: {
    alias: [
      { find: /^@te90\/tarifs$/, replacement: src('index.ts') },
      { find: /^@te90\/tarifs\/documents$/, replacement: src('documents/index.ts') },
      { find: /^@te90\/tarifs\/tableur$/, replacement: src('spreadsheet/index.ts') },
      { find: /^@te90\/tarifs\/titres$/, replacement: src('titres/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    maxWorkers: 2,
    // Machine partagée et bruyante : une marge pour les tests qui lancent des processus (aucun test n'est chronométré).
    testTimeout: 20_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    maxWorkers: 2,
    // Machine partagée et bruyante : une marge pour les tests qui lancent des processus (aucun test n'est chronométré).
    testTimeout: 20_000,
  },
});

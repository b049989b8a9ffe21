// The same core assertions as the Node tests, run inside workerd through the Worker entry.
import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/** The store file through the workspace link under this package (not its real path outside it). */
const STORE_FILE = fileURLToPath(new URL('./node_modules/@mt0/store/dist/cead.arrow', import.meta.url));

export default defineConfig({
  plugins: [
    cloudflareTest({ wrangler: { configPath: './wrangler.jsonc' }, miniflare: { cf: false } }),
    {
      // The pool loads a binary Data module (the store file, by the wrangler.jsonc rules) by its path
      // under this package's root: a path outside the root becomes a `/@fs/` URL it cannot load.
      name: 'mt0-store-data-module',
      enforce: 'pre',
      resolveId: (id) => (id === '@mt0/store/cead.arrow' ? STORE_FILE : undefined),
    },
  ],
  test: { include: ['test-workers/**/*.test.ts'], testTimeout: 60_000 },
});

// The same core assertions as the Node tests, run inside workerd through the Worker entry.
import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/** The store file through the workspace link under this package (not its real path outside it). */
const STORE_FILE = fileURLToPath(new URL('./node_modules/@mt0/store/dist/cead.arrow', import.meta.url));
/** The rasteriser's WASM and fonts, the same way (the widget's `./raster/*` export). */
const RASTER_DIR = fileURLToPath(new URL('./node_modules/@mt0/widget/dist/raster/', import.meta.url));
const RASTER = /^@mt0\/widget\/raster\/([\w.-]+\.(?:wasm|ttf))$/;

export default defineConfig({
  plugins: [
    cloudflareTest({ wrangler: { configPath: './wrangler.jsonc' }, miniflare: { cf: false } }),
    {
      // The pool loads a binary Data or WASM module (the store file, the rasteriser's files, by the
      // wrangler.jsonc rules) by its path under this package's root: a path outside the root becomes a
      // `/@fs/` URL it cannot load.
      name: 'mt0-binary-modules',
      enforce: 'pre',
      resolveId: (id) => {
        if (id === '@mt0/store/cead.arrow') return STORE_FILE;
        const m = RASTER.exec(id);
        return m ? `${RASTER_DIR}${m[1]}` : undefined;
      },
    },
  ],
  test: { include: ['test-workers/**/*.test.ts'], testTimeout: 60_000 },
});

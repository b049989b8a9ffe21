import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { assetsPlugin } from './build/assets-plugin.js';
import { snapshotPlugin } from './build/snapshot-plugin.js';

// Node tests of the pure layer and of the server-rendered HTML (as strings). Fixed TZ and locale.
process.env.TZ = 'UTC';

export default defineConfig({
  plugins: [svelte({ compilerOptions: { css: 'external' } }), snapshotPlugin(), assetsPlugin()],
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});

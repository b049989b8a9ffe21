// Build 1 of 4: dist/public/widget/mt0.js — ONE ES module defining <mt0-widget> (Shadow DOM, CSS injected
// into the shadow root, the offline snapshot baked in). The other builds: vite.embed.config.ts (embed
// page client), vite.resize.config.ts (host resize script), vite.server.config.ts (SSR handler).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { snapshotPlugin } from './build/snapshot-plugin.js';

export default defineConfig({
  plugins: [svelte({ compilerOptions: { css: 'external' }, emitCss: false }), snapshotPlugin()],
  build: {
    outDir: 'dist/public/widget',
    emptyOutDir: false,
    target: 'es2022',
    lib: { entry: 'src/element/index.ts', formats: ['es'], fileName: () => 'mt0.js' },
    minify: true,
    // Vite 8 lib mode keeps whitespace and comments in `es` output unless rolldown minifies (TOOLCHAIN §5).
    rolldownOptions: {
      output: { minify: true, comments: false },
    },
  },
});

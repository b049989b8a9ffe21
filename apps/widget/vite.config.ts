// Build 1 of 4: dist/public/widget/mt0.js — ONE ES module defining <mt0-widget> (Shadow DOM, CSS adopted
// into the shadow root), plus the offline snapshot as its own chunk beside it (mt0-snapshot-[hash].js),
// which mt0.js imports lazily, relative to itself. The other builds: vite.embed.config.ts (embed page
// clients), vite.resize.config.ts (host resize script), vite.server.config.ts (SSR handler).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { snapshotPlugin } from './build/snapshot-plugin.js';
import { HOST_CSS } from './src/element/host-css.js';
import { viewKinds } from './src/lib/views.js';

/**
 * In the shadow root nothing but the widget can match a selector, so the `.mt0 ` scope that the embed
 * pages need is dropped from descendant selectors (each rule loses one class: the cascade's order holds).
 */
function shadowScope(): Plugin {
  return {
    name: 'mt0-shadow-scope',
    enforce: 'post',
    transform: (code, id) => (id.endsWith('widget.css?inline') ? code.replaceAll('.mt0 ', '') : undefined),
  };
}

export default defineConfig({
  plugins: [
    svelte({ compilerOptions: { css: 'external' }, emitCss: false }),
    snapshotPlugin(),
    shadowScope(),
  ],
  // The host box rules as one literal: the code that computes the reserved heights stays out of mt0.js.
  // The views' indicator kinds, from the registry: the parser needs no more of it (src/lib/params.ts).
  define: { __MT0_HOST_CSS__: JSON.stringify(HOST_CSS), __MT0_VIEW_KINDS__: JSON.stringify(viewKinds()) },
  build: {
    outDir: 'dist/public/widget',
    emptyOutDir: false,
    target: 'es2022',
    lib: { entry: 'src/element/index.ts', formats: ['es'], fileName: () => 'mt0.js' },
    minify: true,
    // Vite 8 lib mode keeps whitespace and comments in `es` output unless rolldown minifies (TOOLCHAIN §5).
    rolldownOptions: {
      output: { minify: true, comments: false, chunkFileNames: 'mt0-[name]-[hash].js' },
    },
  },
});

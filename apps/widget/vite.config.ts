// Build 1 of 4: dist/public/widget/mt0.js — ONE ES module defining <mt0-widget> (Shadow DOM, CSS adopted
// into the shadow root), plus the chunks beside it that it imports lazily, relative to itself (so from
// the kit's origin, wherever the page is): the offline snapshot (mt0-snapshot-[hash].js), each view's
// island (mt0-view-{view}-[hash].js, loaded when it draws that view), the live data checker and values on
// demand. The other builds: vite.embed.config.ts (embed page clients), vite.resize.config.ts (host resize
// script), vite.server.config.ts (SSR handler).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { snapshotPlugin } from './build/snapshot-plugin.js';
import { HOST_CSS } from './src/element/host-css.js';
import { viewKinds } from './src/lib/views.js';

/**
 * In the shadow root nothing but the widget can match a selector, so the `.mt0 ` scope that the embed
 * pages need is dropped from descendant selectors (each rule loses one class: the cascade's order holds).
 */
/**
 * The stable `widget/mt0.js` (for embeds pasted without a hash): one line that imports the hashed entry,
 * never a copy of it. A copy at another address would be a second module instance to its chunks, which
 * import the entry by its hashed name.
 */
function stableAlias(): Plugin {
  return {
    name: 'mt0-stable-alias',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      if (!entry) throw new Error('mt0-stable-alias: no entry chunk');
      this.emitFile({ type: 'asset', fileName: 'mt0.js', source: `import"./${entry.fileName}";\n` });
    },
  };
}

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
    stableAlias(),
  ],
  // The host box rules as one literal: the code that computes the reserved heights stays out of mt0.js.
  // The views' indicator kinds, from the registry: the parser needs no more of it (src/lib/params.ts).
  define: { __MT0_HOST_CSS__: JSON.stringify(HOST_CSS), __MT0_VIEW_KINDS__: JSON.stringify(viewKinds()) },
  build: {
    outDir: 'dist/public/widget',
    emptyOutDir: false,
    target: 'es2022',
    // The entry has Vite's content hash in its name because its lazy chunks import it (they share its
    // Svelte runtime): by that one name, so that the module is evaluated once. mt0.js is written beside it.
    lib: { entry: 'src/element/index.ts', formats: ['es'], fileName: () => 'mt0.[hash].js' },
    minify: true,
    // Vite 8 lib mode keeps whitespace and comments in `es` output unless rolldown minifies (TOOLCHAIN §5).
    rolldownOptions: {
      // What mt0.js shares with its lazy chunks (the Svelte runtime, the format helpers) stays in mt0.js,
      // which exports it to them, rather than a shared chunk it would have to fetch before starting.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        comments: false,
        // A view's island (src/lib/roots/{View}.svelte) is `mt0-view-{view}-[hash].js`; the rest `mt0-[name]-[hash].js`.
        chunkFileNames: (c) =>
          /\/lib\/roots\/\w+\.svelte$/.test(c.facadeModuleId ?? '')
            ? `mt0-view-${c.name.toLowerCase()}-[hash].js`
            : 'mt0-[name]-[hash].js',
      },
    },
  },
});

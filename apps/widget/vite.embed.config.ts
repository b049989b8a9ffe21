// Build 2 of 4 (run through build/embed.js, once per entry): an embed page's script,
// dist/public/embed-assets/{name}.js, one self-contained file that hydrates the server-rendered view of
// /embed/{view} and reports the page's height (pym.js, AMP, WordPress, resize.js); plus embed.css (the
// same file from every entry). `MT0_EMBED_ENTRY` names the entry (build/embed-entries.js).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type UserConfig } from 'vite';
import { EMBED_ENTRIES } from './build/embed-entries.js';

export default defineConfig((): UserConfig => {
  const name = process.env.MT0_EMBED_ENTRY ?? '';
  const entry = EMBED_ENTRIES[name];
  if (!entry) throw new Error(`MT0_EMBED_ENTRY must be one of ${Object.keys(EMBED_ENTRIES).join(', ')}`);
  return {
    plugins: [svelte({ compilerOptions: { css: 'external' } })],
    build: {
      outDir: 'dist/public/embed-assets',
      emptyOutDir: false,
      target: 'es2022',
      cssCodeSplit: false,
      // The gallery and the builder bring their own stylesheets; every embed page's entry writes the same embed.css.
      lib: {
        entry: { [name]: entry },
        formats: ['es'],
        cssFileName: name === 'gallery' || name === 'builder' ? name : 'embed',
      },
      minify: true,
      rolldownOptions: {
        // One file per page; only what a page imports lazily (values on demand: series/tip.ts) is a chunk.
        output: {
          minify: true,
          comments: false,
          entryFileNames: '[name].js',
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  };
});

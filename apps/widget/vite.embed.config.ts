// Build 2 of 4: the embed page client, dist/public/embed-assets/embed.js (+ embed.css): hydrates the
// server-rendered /embed/{view} page and reports its height (pym.js, AMP, WordPress, resize.js).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [svelte({ compilerOptions: { css: 'external' } })],
  build: {
    outDir: 'dist/public/embed-assets',
    emptyOutDir: false,
    target: 'es2022',
    cssCodeSplit: false,
    // One entry per view (an embed page loads its view's entry and the shared chunk it imports).
    lib: {
      entry: {
        stat: 'src/embed/entries/stat.ts',
        series: 'src/embed/entries/series.ts',
        compare: 'src/embed/entries/compare.ts',
        statement: 'src/embed/entries/statement.ts',
        table: 'src/embed/entries/table.ts',
        gallery: 'src/embed/gallery.ts',
      },
      formats: ['es'],
      cssFileName: 'embed',
    },
    minify: true,
    rolldownOptions: {
      output: {
        minify: true,
        comments: false,
        entryFileNames: '[name].js',
        chunkFileNames: 'shared-[hash].js',
      },
    },
  },
});

// Build 4 of 4: dist/server/index.js — the framework-agnostic fetch handler (`createKitHandler`) that
// renders the gallery, the embed pages (Svelte `render`) and oEmbed. Imports the dataset directly; no hono.
// Inlines the asset manifest that build/assets.js wrote (hashed names, SRI), so it runs after it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { assetsPlugin } from './build/assets-plugin.js';

export default defineConfig({
  plugins: [
    svelte({ emitCss: false, compilerOptions: { css: 'external' } }),
    assetsPlugin(),
    {
      name: 'mt0-server-types',
      closeBundle() {
        mkdirSync('dist/server', { recursive: true });
        for (const f of ['index.d.ts', 'manifest.d.ts']) copyFileSync(`src/server/${f}`, `dist/server/${f}`);
      },
    },
  ],
  ssr: { noExternal: ['svelte'], external: ['@mt0/core'] },
  build: {
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    ssr: 'src/server/index.ts',
    minify: false,
    // One file: the views' islands, imported on demand in mt0.js (src/lib/views.ts), are inlined here.
    rolldownOptions: { output: { entryFileNames: 'index.js', format: 'es', codeSplitting: false } },
  },
});

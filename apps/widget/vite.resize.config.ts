// Build 3 of 4: dist/public/widget/resize.js — a tiny classic script for hosts without pym.js that
// resizes our iframes from our own postMessage.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist/public/widget',
    emptyOutDir: false,
    target: 'es2019',
    lib: { entry: 'src/resize/resize.ts', formats: ['iife'], name: 'mt0Resize', fileName: () => 'resize.js' },
    minify: true,
    rolldownOptions: { output: { minify: true, comments: false } },
  },
});

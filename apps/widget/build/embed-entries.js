// The embed pages' scripts (dist/public/embed-assets/{name}.js) and their sources: one self-contained file
// per page, built one at a time by build/embed.js with vite.embed.config.ts. Each view's page entry is
// src/embed/entries/{view}.ts (one per view of the registry, src/lib/views.ts: a test checks), so no list
// of views is kept here; the gallery and the builder have their own.
import { readdirSync } from 'node:fs';

const ENTRIES = new URL('../src/embed/entries/', import.meta.url);

/** The views that have an embed page, from the entries folder. */
export const VIEW_ENTRIES = readdirSync(ENTRIES)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

export const EMBED_ENTRIES = {
  ...Object.fromEntries(VIEW_ENTRIES.map((v) => [v, `src/embed/entries/${v}.ts`])),
  gallery: 'src/embed/gallery.ts',
  builder: 'src/embed/builder.ts',
};

// The embed pages' scripts (dist/public/embed-assets/{name}.js) and their sources: one self-contained file
// per page, built one at a time by build/embed.js with vite.embed.config.ts.
export const EMBED_ENTRIES = {
  stat: 'src/embed/entries/stat.ts',
  series: 'src/embed/entries/series.ts',
  compare: 'src/embed/entries/compare.ts',
  statement: 'src/embed/entries/statement.ts',
  table: 'src/embed/entries/table.ts',
  gallery: 'src/embed/gallery.ts',
};

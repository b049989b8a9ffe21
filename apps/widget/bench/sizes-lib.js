// Sizes of the browser files (gzip -9 bytes) and their budgets from issue 4. Shared by `pnpm bench`
// (bench/sizes.js) and the deterministic check (bench/sizes.test.ts). Reads dist/ only. The offline
// snapshot chunk beside mt0.js has no budget of its own: it is printed so that its weight stays visible.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { VIEW_ENTRIES } from '../build/embed-entries.js';

// element: issue 4's 24 KiB, raised to 25 KiB by issue 9 (places by name or CUT code, resolution, rolling,
// per100k: +278 B over main's 24,457, which left 119 B); the lead's call, said in the hand-over.
export const BUDGETS = {
  element: 25600,
  resize: 1024,
  embedPage: 18432,
  builder: 16384,
  rasteriser: 1048576,
};
/** The views with an embed page (one entry each, from the registry's views: build/embed-entries.js). */
export const VIEWS = VIEW_ENTRIES;

/** mt0.js's lazily imported chunks (mt0-{kind}-[hash].js) and when a page loads each. */
const LAZY = [
  ['snapshot', 'loaded when a <mt0-widget> renders, in parallel with its live data'],
  ['check', 'the live data checker, loaded in parallel with the live data'],
  ['tip', 'values on demand, loaded on the first pointer, touch or focus on a series chart'],
];

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** The file and every chunk it imports statically (relative `./x.js` imports), once each. */
function graph(dir, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["']\.\/([\w.-]+\.js)["']/g))
    graph(dir, m[1], seen);
  return seen;
}

/** Every size the budgets speak of, in gzip -9 bytes. */
export function sizes(dist) {
  const pub = join(dist, 'public');
  const assets = join(pub, 'embed-assets');
  const widget = join(pub, 'widget');
  const element = [...graph(widget, 'mt0.js')];
  const out = [
    {
      name: 'widget/mt0.js',
      bytes: element.reduce((sum, f) => sum + gz(readFileSync(join(widget, f))), 0),
      budget: BUDGETS.element,
    },
    // The chunks mt0.js imports lazily, each on its own line: their weight stays visible.
    ...LAZY.map(([kind, note]) => {
      const files = readdirSync(widget).filter((f) => f.startsWith(`mt0-${kind}-`) && f.endsWith('.js'));
      if (files.length !== 1) throw new Error(`expected one widget/mt0-${kind}-*.js, found ${files.length}`);
      return {
        name: `widget/mt0 ${kind} chunk`,
        bytes: gz(readFileSync(join(widget, files[0]))),
        note: `${files[0]}; ${note}`,
      };
    }),
    {
      name: 'widget/resize.js',
      bytes: gz(readFileSync(join(widget, 'resize.js'))),
      budget: BUDGETS.resize,
    },
  ];
  // Embed scripts have content-hashed names (build/assets.js): find them through the manifest.
  const { names } = JSON.parse(readFileSync(join(dist, 'assets.json'), 'utf8'));
  const files = new Set(readdirSync(assets));
  for (const view of VIEWS) {
    const file = names[`${view}.js`]?.path.replace('/embed-assets/', '');
    if (!file || !files.has(file)) throw new Error(`missing embed-assets/${view}.<hash>.js`);
    const chunks = [...graph(assets, file)];
    const bytes = chunks.reduce((sum, f) => sum + gz(readFileSync(join(assets, f))), 0);
    out.push({
      name: `embed page /embed/${view} total JS (${chunks.length} files)`,
      bytes,
      budget: BUDGETS.embedPage,
    });
  }
  // The builder's own script (its preview is mt0.js, counted above).
  const builder = names['builder.js']?.path.replace('/embed-assets/', '');
  if (!builder || !files.has(builder)) throw new Error('missing embed-assets/builder.<hash>.js');
  const builderChunks = [...graph(assets, builder)];
  out.push({
    name: `builder page /builder total JS (${builderChunks.length} files, without mt0.js)`,
    bytes: builderChunks.reduce((sum, f) => sum + gz(readFileSync(join(assets, f))), 0),
    budget: BUDGETS.builder,
  });
  for (const f of [...files].filter((f) => /^tip-[\w-]+\.js$/.test(f)))
    out.push({
      name: 'embed page /embed/series values-on-demand chunk',
      bytes: gz(readFileSync(join(assets, f))),
      note: `${f}; loaded on the first pointer, touch or focus on the chart`,
    });
  return out;
}

export const line = (s) =>
  s.budget === undefined
    ? `${s.name} gzip: ${s.bytes} B (${s.note})`
    : `${s.name} gzip: ${s.bytes} B (budget ${s.budget} B)${s.bytes > s.budget ? ` OVER by ${s.bytes - s.budget} B` : ''}`;

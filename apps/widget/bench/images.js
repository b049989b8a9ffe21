// `pnpm bench` (widget): the render time of each view's static image, per request as the server pays it,
// beside its baseline, in interleaved rounds (a different width each round, so no answer comes from the
// cache); medians:
// - the SVG (the baseline: the same view and data as text, no rasterising);
// - the PNG through the kit (SVG, resvg's WASM drawing, our encoder on native zlib);
// - the same SVG drawn by resvg and encoded by resvg's own `asPng()` (what the kit did before);
// - the view's embed page (HTML).
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-wasm';
import { createKitHandler } from '../dist/server/index.js';

const VIEWS = ['stat', 'series', 'compare', 'statement', 'table'];
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const kit = createKitHandler({ origin: 'http://bench.local' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const raster = new URL('../dist/raster/', import.meta.url);
const fontBuffers = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => readFileSync(new URL(f, raster)));

async function get(path) {
  const res = await kit(new Request(`http://bench.local${path}`));
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return body;
}

async function time(path) {
  const t = performance.now();
  await get(path);
  return performance.now() - t;
}

/** An SVG request, then resvg's own drawing and encoder at 2× (the same WASM instance the kit started). */
async function resvgOwn(path) {
  const t = performance.now();
  const svg = new TextDecoder().decode(await get(path));
  const r = new Resvg(svg, {
    font: { fontBuffers, defaultFontFamily: 'DejaVu Sans', loadSystemFonts: false },
    fitTo: { mode: 'zoom', value: 2 },
  });
  const img = r.render();
  img.asPng();
  img.free();
  r.free();
  return performance.now() - t;
}

// Warm-up: the WASM and the fonts are loaded once, on the first PNG; then one PNG of each view by both
// encoders (at a width the rounds never ask for), so that no view pays for the JIT's first runs.
const first = performance.now();
await time('/embed/stat.png?lang=es&width=300');
console.log(
  `image rasteriser start (resvg WASM + 2 fonts, once per process): ${(performance.now() - first).toFixed(0)} ms`,
);
for (const view of VIEWS) {
  await time(`/embed/${view}.png?lang=es&width=400`);
  await resvgOwn(`/embed/${view}.svg?lang=es&width=401`);
}
for (const view of VIEWS) {
  const [png, svg, own, page] = [[], [], [], []];
  for (let i = 0; i < ROUNDS; i++) {
    const w = 500 + i;
    svg.push(await time(`/embed/${view}.svg?lang=es&width=${w}`));
    png.push(await time(`/embed/${view}.png?lang=es&width=${w + 100}`));
    own.push(await resvgOwn(`/embed/${view}.svg?lang=es&width=${w + 200}`));
    page.push(await time(`/embed/${view}?lang=es&initialWidth=${w}`));
  }
  const [p, s, o, b] = [median(png), median(svg), median(own), median(page)];
  console.log(
    `image /embed/${view}.png render: ${p.toFixed(1)} ms median; SVG baseline ${s.toFixed(1)} ms (png/svg ${(p / s).toFixed(1)}×); with resvg's own PNG encoder ${o.toFixed(1)} ms (ours/resvg's ${(p / o).toFixed(2)}×); embed page ${b.toFixed(1)} ms; ${ROUNDS} rounds`,
  );
}

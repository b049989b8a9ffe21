// `pnpm bench` (widget): the render time of each view's static image, per request as the server pays it
// (the SVG, then its PNG through resvg's WASM), beside the same view's embed page render as the baseline,
// in interleaved rounds (a different width each round, so no answer comes from the cache); medians.
import { createKitHandler } from '../dist/server/index.js';

const VIEWS = ['stat', 'series', 'compare', 'statement', 'table'];
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const kit = createKitHandler({ origin: 'http://bench.local' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(path) {
  const t = performance.now();
  const res = await kit(new Request(`http://bench.local${path}`));
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return performance.now() - t;
}

// Warm-up: the WASM and the font are loaded once, on the first PNG; the pages' modules once too.
const first = performance.now();
await time('/embed/stat.png?lang=es&width=300');
console.log(
  `image rasteriser start (resvg WASM + font, once per process): ${(performance.now() - first).toFixed(0)} ms`,
);
for (const view of VIEWS) {
  const png = [];
  const svg = [];
  const page = [];
  for (let i = 0; i < ROUNDS; i++) {
    const w = 500 + i;
    svg.push(await time(`/embed/${view}.svg?lang=es&width=${w}`));
    png.push(await time(`/embed/${view}.png?lang=es&width=${w + 100}`));
    page.push(await time(`/embed/${view}?lang=es&initialWidth=${w}`));
  }
  const [p, s, b] = [median(png), median(svg), median(page)];
  console.log(
    `image /embed/${view}.png render: ${p.toFixed(1)} ms median (SVG ${s.toFixed(1)} ms; embed page render ${b.toFixed(1)} ms; ratio png/page ${(p / b).toFixed(1)}×; ${ROUNDS} rounds)`,
  );
}

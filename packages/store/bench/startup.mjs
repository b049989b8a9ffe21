// One start-up measured in a fresh process (spawned by bench/run.ts): `store` imports the reader (the
// bundled dist/reader.js, the package's entry) and opens dist/cead.arrow; `unbundled` does the same
// through tsc's dist/index.js, which imports apache-arrow module by module; `dataset` imports
// @mt0/core's compiled dataset (what the API loads today). Prints one JSON line: wall-clock and CPU
// milliseconds to import and to load (CPU time is what a busy shared machine distorts least), and
// resident memory before and after.
import { readFileSync } from 'node:fs';

const mode = process.argv[2];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const c0 = cpu();
let t1 = t0;
let c1 = c0;
if (mode === 'store' || mode === 'unbundled') {
  const { openStore } = await import(mode === 'store' ? '../dist/reader.js' : '../dist/index.js');
  t1 = performance.now();
  c1 = cpu();
  const store = openStore(readFileSync(new URL('../dist/cead.arrow', import.meta.url)));
  if (!store.places.length) throw new Error('an empty store');
} else {
  const { dataset } = await import('@mt0/core/dataset');
  t1 = performance.now();
  c1 = cpu();
  if (!dataset.observations.length) throw new Error('no observations');
}
const t2 = performance.now();
const c2 = cpu();
const rss1 = process.memoryUsage().rss;
console.log(
  JSON.stringify({
    importMs: t1 - t0,
    loadMs: t2 - t1,
    importCpuMs: c1 - c0,
    loadCpuMs: c2 - c1,
    rss0,
    rss1,
  }),
);

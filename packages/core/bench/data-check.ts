// `pnpm bench` (core): how long `pnpm data:check` takes against its goal of 3 s, and what the checks cost
// over the floor every validator pays (reading and parsing the same files). Interleaved rounds, medians,
// one ratio line; the whole command is timed as a contributor runs it (node + tsx + checks).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, PACKAGE_ROOT } from '../scripts/paths.js';
import { listFiles } from '../src/loader/context.js';
import { readCsvText } from '../src/loader/csv.js';
import { loadDataset } from '../src/loader/load.js';
import { checkReleases } from '../src/loader/releases.js';
import { parseYamlList } from '../src/loader/yaml.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The floor: read and parse every data file, no checks. */
function parseOnly(): number {
  let rows = 0;
  for (const folder of ['observations', 'changes', 'tables', '.'])
    for (const f of listFiles(join(DATA_DIR, folder), ['.csv']))
      rows += readCsvText(readFileSync(f, 'utf8')).rows.length;
  for (const folder of ['sources', 'indicators', 'statements', 'events', 'tables'])
    for (const f of listFiles(join(DATA_DIR, folder), ['.yaml']))
      rows += parseYamlList(readFileSync(f, 'utf8')).items.length;
  return rows;
}

async function ours(): Promise<void> {
  const { dataset } = loadDataset(DATA_DIR);
  if (!dataset) throw new Error('the data does not validate: run pnpm data:check');
  const problems = await checkReleases(dataset, {
    dataDir: DATA_DIR,
    releasesDir: join(PACKAGE_ROOT, 'releases'),
  });
  if (problems.length) throw new Error('the release check fails: run pnpm data:check');
}

const a: number[] = [];
const b: number[] = [];
const whole: number[] = [];
await ours(); // warm up both: module loading is not what the rounds measure
parseOnly();
for (let i = 0; i < ROUNDS; i++) {
  let t = performance.now();
  await ours();
  a.push(performance.now() - t);
  t = performance.now();
  parseOnly();
  b.push(performance.now() - t);
}
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check-data.ts'], {
    cwd: PACKAGE_ROOT,
    stdio: 'ignore',
  });
  whole.push(performance.now() - t);
}
const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(
  `data:check validation (in process, ${ROUNDS} rounds): ${ms(median(a))} · parsing the files only: ${ms(median(b))} · ratio ${(median(a) / median(b)).toFixed(2)}×`,
);
const w = median(whole) / 1000;
console.log(
  `data:check whole command (node + tsx + checks, median of 3): ${w.toFixed(2)} s · goal ≤ 3 s · ${w <= 3 ? 'within' : 'OVER'} (on a shared machine: compare with the line above)`,
);

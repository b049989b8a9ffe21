// pnpm dev's data watcher: an edit under data/ is compiled into the dataset the dev servers load,
// however the editor saves it; an edit that does not validate keeps the last good build.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_DIR, PACKAGE_ROOT } from './paths.js';

let dir: string;
let child: ChildProcess | undefined;
let output = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mt0-dev-'));
  cpSync(DATA_DIR, join(dir, 'data'), { recursive: true });
});
afterEach(() => {
  child?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const seed = () => join(dir, 'data', 'observations', 'mt0-seed.csv');
const arrests2020 = () => {
  const d = JSON.parse(readFileSync(join(dir, 'out', 'dataset.json'), 'utf8')) as {
    observations: { id: string; value: number }[];
  };
  return d.observations.find((o) => o.id === 'mt0.arrests:CL:2020:pdi.via.insightcrime.2022')?.value;
};
async function until(what: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error(`timed out; watcher said:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
/** Sets the 2020 arrests figure, value and quote, the way an editor that saves by renaming would. */
function setArrests(n: string, quoteN: string) {
  const text = readFileSync(seed(), 'utf8')
    .replace(/mt0\.arrests,CL,2020,[^,]+,/, `mt0.arrests,CL,2020,${n},`)
    .replace(/delivering [\d,]+ arrests in 2020/, `delivering ${quoteN} arrests in 2020`);
  writeFileSync(`${seed()}.tmp`, text);
  renameSync(`${seed()}.tmp`, seed());
}

describe('the data watcher of pnpm dev', () => {
  it('recompiles the dataset on every edit and keeps the last good one through a broken edit', {
    timeout: 90_000,
  }, async () => {
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/dev.ts', '--data', join(dir, 'data'), '--out', join(dir, 'out')],
      {
        cwd: PACKAGE_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (b) => {
      output += b;
    });
    child.stderr?.on('data', (b) => {
      output += b;
    });
    await until(() => output.includes('watching'));
    expect(arrests2020()).toBe(2681);
    setArrests('2682', '2,682');
    await until(() => arrests2020() === 2682);
    // A broken edit: reported, and the compiled data stays as it was.
    setArrests('2.683', '2,683');
    await until(() => output.includes('data problem'));
    expect(output).toContain('mt0-seed.csv:2:value: expected a whole number for unit "persons", got "2.683"');
    expect(arrests2020()).toBe(2682);
    // The same file again, saved a second time: still watched.
    setArrests('2684', '2,684');
    await until(() => arrests2020() === 2684);
  });
});

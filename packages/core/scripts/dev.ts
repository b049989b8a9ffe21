// `pnpm dev` (core's part): watches data/ and recompiles dist/dataset.* on every edit, so the API's dev
// server (tsx watch, which restarts when dist/dataset.js changes) and the widget pages it serves show
// the edit without a manual restart. An edit that does not validate prints its problems and keeps the
// last good build. Options: --data <folder> --out <folder> (tests use copies).
import { readdirSync, watch } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatIssue, loadDataset } from '../src/loader/index.js';
import { releaseDate, writeDatasetFiles } from './dataset-files.js';
import { DATA_DIR, DIST_DIR, PACKAGE_ROOT } from './paths.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const dataDir = resolve(arg('data') ?? DATA_DIR);
const outDir = resolve(arg('out') ?? DIST_DIR);
let lastHash: string | undefined;

function rebuild(why: string) {
  const started = performance.now();
  const { dataset, issues } = loadDataset(dataDir);
  const ms = Math.round(performance.now() - started);
  if (!dataset) {
    for (const i of issues) console.error(formatIssue(i));
    console.error(
      `✗ ${issues.length} data problem${issues.length === 1 ? '' : 's'} after ${why}: the API keeps the last good data`,
    );
    return;
  }
  if (dataset.meta.contentHash === lastHash) return;
  lastHash = dataset.meta.contentHash;
  dataset.meta.releaseDate = releaseDate(dataset, join(PACKAGE_ROOT, 'releases'));
  writeDatasetFiles(dataset, outDir);
  console.log(
    `✓ data ${dataset.meta.version} (${dataset.meta.contentHash.slice(0, 12)}) rebuilt in ${ms} ms after ${why}`,
  );
}

rebuild('start');
let timer: NodeJS.Timeout | undefined;
const watched = new Set<string>();
/**
 * One watch per folder, not one recursive watch: editors and `sed -i` save by renaming a new file over
 * the old, which a folder's watch always sees (Node 20's recursive watch on Linux lost such files).
 */
function watchTree(dir: string) {
  if (watched.has(dir)) return;
  watched.add(dir);
  watch(dir, (_event, file) => {
    clearTimeout(timer);
    // Editors save in bursts (temp file, rename); one rebuild per burst, and new folders are watched too.
    timer = setTimeout(() => {
      for (const sub of folders(dataDir)) watchTree(sub);
      rebuild(`an edit of ${file ? relative(dataDir, join(dir, file.toString())) : 'data/'}`);
    }, 150);
  });
}
function folders(dir: string): string[] {
  return [
    dir,
    ...readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => folders(join(dir, d.name))),
  ];
}
for (const dir of folders(dataDir)) watchTree(dir);
console.log(`watching ${dataDir} for data edits`);

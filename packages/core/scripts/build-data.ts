// Build step: validate data/ once and compile it to dist/dataset.json and dist/dataset.js + .d.ts,
// and write the release's downloads (dist/downloads/ + the dist/downloads.js manifest; downloads.ts).
// Nothing parses the data files at request time. A data change not yet published as a release is
// built (so pnpm dev shows it) with a warning; pnpm data:check and CI fail on it.

import { join } from 'node:path';
import { formatIssue, loadDataset } from '../src/loader/index.js';
import { checkReleases } from '../src/loader/releases.js';
import { releaseDate, writeDatasetFiles } from './dataset-files.js';
import { writeDownloads, writeManifest } from './downloads.js';
import { DATA_DIR, DIST_DIR, PACKAGE_ROOT } from './paths.js';
import { writeReleaseList } from './release-list.js';

const { dataset, issues } = loadDataset(DATA_DIR);
if (!dataset) {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(
    `\n✗ build stopped: ${issues.length} data problem${issues.length === 1 ? '' : 's'} (run pnpm data:check)`,
  );
  process.exit(1);
}
// The release's date (what embeds show next to the version), when these records are that kept release.
dataset.meta.releaseDate = releaseDate(dataset, join(PACKAGE_ROOT, 'releases'));
const bytes = writeDatasetFiles(dataset, DIST_DIR);
writeReleaseList(join(PACKAGE_ROOT, 'releases'), DIST_DIR);
const files = writeDownloads(dataset, join(DIST_DIR, 'downloads'));
writeManifest(DIST_DIR, files, dataset.meta.version);
console.log(
  `dataset ${dataset.meta.version} (${dataset.meta.contentHash.slice(0, 12)}): ${dataset.observations.length} observations, ${dataset.changes.length} changes → dist/dataset.json (${bytes.toLocaleString('en')} bytes) and dist/downloads/ (${files.map((f) => f.name).join(', ')})`,
);
for (const i of await checkReleases(dataset, {
  dataDir: DATA_DIR,
  releasesDir: join(PACKAGE_ROOT, 'releases'),
}))
  console.warn(`warning: ${formatIssue(i)}`);

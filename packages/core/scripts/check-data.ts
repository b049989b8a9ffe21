// `pnpm data:check [folder] [--known]`: validates the data files, the store tables (comuna × month,
// read by @mt0/store) among them, and prints every problem as file:row:column, then checks the records
// against the kept releases (releases/) and the corrections log. Exits 1 when there is any problem, so
// CI and contributors see the same thing. Prints how long it took (goal ≤ 3 s).
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatIssue, loadDataset } from '../src/loader/index.js';
import { checkReleases } from '../src/loader/releases.js';
import { DATA_DIR } from './paths.js';

const started = performance.now();
const folder = process.argv.slice(2).find((a) => !a.startsWith('--'));
const dir = folder ? resolve(folder) : DATA_DIR;
const { dataset, issues, allowed, tables } = loadDataset(dir, { storeTables: true });
const problems = dataset
  ? await checkReleases(dataset, { dataDir: dir, releasesDir: join(dir, '..', 'releases') })
  : issues;
// performance.now() counts from process start, so the time includes loading the code.
const took = `${(performance.now() / 1000).toFixed(2)} s (validation ${((performance.now() - started) / 1000).toFixed(2)} s)`;
const listKnown = process.argv.includes('--known');
const notes =
  (tables === 'deferred'
    ? '\n  (the store tables are checked once data/geos.csv, the sources and the indicators can be read)'
    : '') +
  (allowed.length
    ? `\n  ${allowed.length} known problem${allowed.length === 1 ? '' : 's'} of real records listed in data/known-issues.yaml, to be fixed by corrections` +
      (listKnown
        ? `:\n${allowed.map((i) => `  (known) ${formatIssue(i)}`).join('\n')}`
        : ' (--known lists them)')
    : '');
if (problems.length > 0) {
  for (const issue of problems) console.error(formatIssue(issue));
  console.error(
    `\n✗ ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir} (checked in ${took})${notes}`,
  );
  process.exit(1);
}
const d = dataset as NonNullable<typeof dataset>;
const n = (xs: unknown[] | number) => (typeof xs === 'number' ? xs : xs.length).toLocaleString('en');
console.log(
  `✓ data valid: ${n(d.observations)} observations, ${n(d.changes)} changes, ${n(d.indicators)} indicators, ` +
    `${n(d.sources)} sources, ${n(d.statements)} statements, ${n(d.events)} events, ${n(d.geos)} places, ${n(d.corrections)} corrections ` +
    `(version ${d.meta.version}, hash ${d.meta.contentHash.slice(0, 12)}, release manifest matches; checked in ${took})`,
);
for (const t of Array.isArray(tables) ? tables : [])
  console.log(
    `✓ store table ${t.file}: ${n(t.rows)} cells (${t.resolution}ly) of ${t.indicators.join(', ')} for ${n(t.geos.length)} ${t.spec.level}s` +
      (t.skipped.length
        ? `; ${t.skipped.map((s) => `${n(s.rows)} rows of "${s.category}" skipped`).join(', ')}`
        : ''),
  );
if (notes) console.log(notes.slice(1));

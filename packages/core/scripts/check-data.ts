// `pnpm data:check [folder]`: validates the data files and prints every problem as file:row:column.
// Exits 1 when there is any, so CI and contributors see the same thing. Checks the store tables
// (comuna × month, read by @mt0/store) too, once the records they refer to are valid.
import { resolve } from 'node:path';
import { formatIssue, loadDataset, loadStoreTables } from '../src/loader/index.js';
import { DATA_DIR } from './paths.js';

const dir = process.argv[2] ? resolve(process.argv[2]) : DATA_DIR;
const { dataset, issues } = loadDataset(dir);
if (!dataset) {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(`\n✗ ${issues.length} problem${issues.length === 1 ? '' : 's'} in ${dir}`);
  console.error('  (the store tables are checked once these are fixed)');
  process.exit(1);
}
const store = loadStoreTables(dir, dataset);
if (store.issues.length) {
  for (const issue of store.issues) console.error(formatIssue(issue));
  console.error(
    `\n✗ ${store.issues.length} problem${store.issues.length === 1 ? '' : 's'} in the store tables of ${dir}`,
  );
  process.exit(1);
}
const n = (xs: unknown[] | number) => (typeof xs === 'number' ? xs : xs.length).toLocaleString('en');
console.log(
  `✓ data valid: ${n(dataset.observations)} observations, ${n(dataset.changes)} changes, ${n(dataset.indicators)} indicators, ` +
    `${n(dataset.sources)} sources, ${n(dataset.statements)} statements, ${n(dataset.events)} events, ${n(dataset.geos)} places (version ${dataset.meta.version}, hash ${dataset.meta.contentHash.slice(0, 12)})`,
);
for (const t of store.tables)
  console.log(
    `✓ store table ${t.file}: ${n(t.rows)} cells (${t.resolution}ly) of ${t.indicators.join(', ')} for ${n(t.geos.length)} ${t.spec.level}s` +
      (t.skipped.length
        ? `; ${t.skipped.map((s) => `${n(s.rows)} rows of "${s.category}" skipped`).join(', ')}`
        : ''),
  );

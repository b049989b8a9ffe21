// `pnpm data:check [folder]`: validates the data files and prints every problem as file:row:column.
// Exits 1 when there is any, so CI and contributors see the same thing.
import { resolve } from 'node:path';
import { formatIssue, loadDataset } from '../src/loader/index.js';
import { DATA_DIR } from './paths.js';

const dir = process.argv[2] ? resolve(process.argv[2]) : DATA_DIR;
const { dataset, issues } = loadDataset(dir);
if (!dataset) {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(`\n✗ ${issues.length} problem${issues.length === 1 ? '' : 's'} in ${dir}`);
  process.exit(1);
}
const n = (xs: unknown[]) => xs.length.toLocaleString('en');
console.log(
  `✓ data valid: ${n(dataset.observations)} observations, ${n(dataset.changes)} changes, ${n(dataset.indicators)} indicators, ` +
    `${n(dataset.sources)} sources, ${n(dataset.statements)} statements, ${n(dataset.events)} events (version ${dataset.meta.version}, hash ${dataset.meta.contentHash.slice(0, 12)})`,
);

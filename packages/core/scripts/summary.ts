// `pnpm --filter @mt0/core summary`: what the dataset holds — records by indicator, source and grade.
import { formatIssue, loadDataset } from '../src/loader/index.js';
import { DATA_DIR } from './paths.js';

const { dataset, issues } = loadDataset(DATA_DIR);
if (!dataset) {
  for (const i of issues) console.error(formatIssue(i));
  process.exit(1);
}
const records = [
  ...dataset.observations.map((o) => ({ ...o, kind: 'level' })),
  ...dataset.changes.map((c) => ({ ...c, kind: 'change' })),
];

function table(title: string, key: (r: (typeof records)[number]) => string) {
  const counts = new Map<string, { A: number; B: number; C: number }>();
  for (const r of records) {
    const k = key(r);
    const c = counts.get(k) ?? { A: 0, B: 0, C: 0 };
    c[r.confidence] += 1;
    counts.set(k, c);
  }
  const width = Math.max(...[...counts.keys()].map((k) => k.length), title.length);
  console.log(`\n${title.padEnd(width)}      A      B      C  total`);
  for (const [k, c] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1)))
    console.log(
      `${k.padEnd(width)} ${[c.A, c.B, c.C, c.A + c.B + c.C].map((n) => String(n).padStart(6)).join(' ')}`,
    );
}

console.log(`${dataset.meta.name} ${dataset.meta.version} — content hash ${dataset.meta.contentHash}`);
console.log(
  `${dataset.observations.length} levels, ${dataset.changes.length} changes, ${dataset.indicators.length} indicators, ${dataset.sources.length} sources, ${dataset.statements.length} statements, ${dataset.events.length} events`,
);
table('indicator', (r) => r.indicator);
table('source', (r) => r.source);
table('grade', (r) => `grade ${r.confidence}`);

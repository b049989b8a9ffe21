// `pnpm release [--date YYYY-MM-DD] [--summary "one line"]`: publishes the version data/dataset.yaml names
// as a kept release, releases/<version>.json (every record for the first release, else the diff from
// the previous one, with the corrections it carries). Refuses when the data does not validate, when the
// version is already kept with other records, or when a changed figure has no correction. The
// written manifest is rebuilt and checked (hash, corrections) before the command succeeds.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatIssue, loadDataset } from '../src/loader/index.js';
import { checkReleases, readManifests } from '../src/loader/releases.js';
import { recordChanges } from '../src/releases/diff.js';
import {
  compareVersions,
  makeManifest,
  rebuildReleases,
  recordsOf,
  serializeManifest,
} from '../src/releases/manifest.js';
import { COLLECTIONS } from '../src/releases/schema.js';
import { DATA_DIR, PACKAGE_ROOT } from './paths.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}
function fail(lines: string[]): never {
  for (const l of lines) console.error(l);
  process.exit(1);
}

const dataDir = option('data') ?? DATA_DIR;
const releasesDir = join(dataDir, '..', 'releases');
const { dataset, issues } = loadDataset(dataDir);
if (!dataset)
  fail([...issues.map(formatIssue), '\n✗ the data does not validate (pnpm data:check): nothing released']);

const problems: string[] = [];
const found = readManifests(releasesDir, [], (p) => relative(PACKAGE_ROOT, p));
const kept = await rebuildReleases(found.map((f) => f.manifest));
const v = dataset.meta.version;
const already = kept.get(v);
if (already) {
  if (already.manifest.contentHash === dataset.meta.contentHash) {
    console.log(
      `release ${v} is already kept (hash ${dataset.meta.contentHash.slice(0, 12)}): nothing to do`,
    );
    process.exit(0);
  }
  fail([`✗ release ${v} is published with other records: bump version in data/dataset.yaml first`]);
}
const latest = [...kept.keys()].sort(compareVersions).at(-1);
if (latest && compareVersions(v, latest) <= 0)
  fail([`✗ version ${v} comes before the latest release ${latest}: bump version in data/dataset.yaml`]);
const date = option('date') ?? new Date().toISOString().slice(0, 10);
const previous = latest ? kept.get(latest) : undefined;
const records = recordsOf(dataset);

let summary = option('summary');
if (!summary) {
  const n = (x: number) => x.toLocaleString('en');
  if (!previous)
    summary = `First kept release: ${n(records.observations.length)} observations, ${n(records.changes.length)} reported changes, ${n(records.indicators.length)} indicators, ${n(records.sources.length)} sources, ${n(records.statements.length)} statements, ${n(records.events.length)} events.`;
  else {
    const ch = recordChanges(previous.records, records);
    const sum = (k: 'added' | 'changed' | 'removed') => COLLECTIONS.reduce((t, c) => t + ch[c][k].length, 0);
    const corrections = dataset.corrections.filter((c) => c.release === v).length;
    summary = `${sum('added')} records added, ${sum('changed')} changed, ${sum('removed')} removed since ${previous.manifest.version}; ${corrections} correction${corrections === 1 ? '' : 's'}.`;
  }
}

const manifest = await makeManifest({
  version: v,
  date,
  summary,
  meta: {
    name: dataset.meta.name,
    licence: dataset.meta.licence,
    citation: dataset.meta.citation,
    qualifierPolicy: dataset.meta.qualifierPolicy,
  },
  records,
  corrections: dataset.corrections,
  ...(previous ? { previous } : {}),
});
mkdirSync(releasesDir, { recursive: true });
const path = join(releasesDir, `${v}.json`);
if (existsSync(path))
  fail([`✗ ${relative(PACKAGE_ROOT, path)} exists but does not validate: see pnpm data:check`]);
writeFileSync(path, serializeManifest(manifest));
// The written file is checked as data:check will check it; a release that fails is not left behind.
for (const i of await checkReleases(dataset, { dataDir, releasesDir })) problems.push(formatIssue(i));
if (problems.length) {
  rmSync(path);
  fail([...problems, `\n✗ release ${v} not written`]);
}
console.log(
  `✓ release ${v} (${date}, hash ${manifest.contentHash.slice(0, 12)}) → ${relative(process.cwd(), path)}: ${summary}`,
);

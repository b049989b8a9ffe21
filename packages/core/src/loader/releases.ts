// Node side of kept releases: reads releases/<version>.json, and checks the data against them —
// the records of the version data/dataset.yaml names must be exactly those of its manifest (else: bump,
// add corrections, run pnpm release), every published figure changed since the previous release has
// its entry in data/corrections.yaml, each entry's old → new matches the releases, and no kept manifest
// changed since it was first committed (git). Used by pnpm data:check, pnpm release and the tests.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { recordChanges } from '../releases/diff.js';
import { canonicalJson } from '../releases/hash.js';
import { compareVersions, type RebuiltRelease, rebuildReleases, recordsOf } from '../releases/manifest.js';
import {
  COLLECTIONS,
  type KeptRecord,
  type ReleaseManifest,
  type ReleaseRecords,
  releaseManifestSchema,
} from '../releases/schema.js';
import type { Dataset } from '../schemas/index.js';
import { zodIssues } from './context.js';
import type { DataIssue } from './issues.js';
import { parseYamlList } from './yaml.js';

/**
 * The fields of a level or a change that state the figure: changing one in a published record needs a
 * correction. Not notes, not the interval (low/high follow the qualifier policy, whose version is in the
 * release's meta), and not fields a new version of the data model adds to every record.
 */
const FIGURE_FIELDS = new Set([
  'value',
  'percent',
  'qualifier',
  'confidence',
  'quote',
  'lang',
  'period',
  'from',
  'to',
  'geo',
  'indicator',
  'source',
  'forecast',
]);

export interface ReleaseCheckOptions {
  dataDir: string;
  releasesDir: string;
  /** Base folder for the file names in messages (default: the folder holding data/). */
  base?: string;
}

/** Every releases/<version>.json, validated; problems are added to `issues`. */
export function readManifests(
  releasesDir: string,
  issues: DataIssue[],
  rel: (p: string) => string,
): { manifest: ReleaseManifest; path: string }[] {
  if (!existsSync(releasesDir)) return [];
  const out: { manifest: ReleaseManifest; path: string }[] = [];
  for (const name of readdirSync(releasesDir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const path = join(releasesDir, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      issues.push({ file: rel(path), message: `not valid JSON: ${(e as Error).message}` });
      continue;
    }
    const parsed = releaseManifestSchema.safeParse(json);
    if (!parsed.success) {
      for (const z of zodIssues(parsed.error, json))
        issues.push({ file: rel(path), column: z.column, message: z.message });
      continue;
    }
    if (`${parsed.data.version}.json` !== name)
      issues.push({
        file: rel(path),
        column: 'version',
        message: `the file of release ${parsed.data.version} must be named ${parsed.data.version}.json`,
      });
    else out.push({ manifest: parsed.data, path });
  }
  return out;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/**
 * Published releases never change: each kept manifest must be byte-identical to the version that first
 * added it to the repository's history, and none that HEAD holds may be missing. Nothing to compare
 * outside a git work tree (a copied data folder) or for a manifest not committed yet.
 */
export function unchangedSincePublished(releasesDir: string, rel: (p: string) => string): DataIssue[] {
  const top = git(releasesDir, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return [];
  const dir = relative(top, releasesDir).split('\\').join('/');
  // Three git calls whatever the number of releases: the history of the folder, and the work tree.
  const history =
    git(top, ['log', '--format=%x00%H', '--name-status', '--no-renames', '--', `${dir}/`]) ?? '';
  const added = new Map<string, string>();
  const altered = new Map<string, string>();
  for (const block of history.split('\0').filter(Boolean)) {
    const [hash = '', ...lines] = block.trim().split('\n');
    for (const line of lines) {
      const [status, path] = line.split('\t');
      if (!path?.endsWith('.json')) continue;
      if (status === 'A')
        added.set(path, hash); // the log is newest first: the last A is the first
      else altered.set(path, hash);
    }
  }
  const work = (git(top, ['diff', '--name-status', '--no-renames', 'HEAD', '--', `${dir}/`]) ?? '')
    .split('\n')
    .filter(Boolean);
  for (const line of work) {
    const [status, path] = line.split('\t');
    if (path?.endsWith('.json') && added.has(path))
      altered.set(path, status === 'D' ? 'deleted' : 'the work tree');
  }
  const issues: DataIssue[] = [];
  for (const [path, where] of altered) {
    const first = added.get(path);
    const restore = first ? `git checkout ${first.slice(0, 10)} -- ${path}` : `git checkout HEAD -- ${path}`;
    issues.push({
      file: rel(join(top, path)),
      message:
        where === 'deleted' || !existsSync(join(top, path))
          ? 'a published release was deleted: kept releases stay forever'
          : `release ${basename(path, '.json')} changed since it was published${first ? ` in commit ${first.slice(0, 10)}` : ''} (in ${where === 'the work tree' ? where : `commit ${where.slice(0, 10)}`}): a published release is immutable`,
      hint: `restore it (${restore}) and publish the change as a new release: bump data/dataset.yaml's version, add corrections, run pnpm release`,
    });
  }
  return issues;
}

/** The next patch and minor versions after `v`, for hints. */
function nextVersions(v: string): string {
  const [a = 0, b = 0, c = 0] = v.split('.').map(Number);
  return `${a}.${b}.${c + 1} for fixes, ${a}.${b + 1}.0 for new figures`;
}

function findRecord(records: ReleaseRecords, id: string): KeptRecord | undefined {
  for (const c of COLLECTIONS) {
    const r = records[c].find((x) => x.id === id);
    if (r) return r;
  }
  return undefined;
}

const fieldOf = (r: KeptRecord, field: string) => (r[field] === undefined ? null : r[field]);
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const brief = (v: unknown) =>
  typeof v === 'string' && v.length > 50 ? `${JSON.stringify(v.slice(0, 47))}…` : JSON.stringify(v);

/**
 * Checks the compiled dataset against the kept releases and the corrections log; returns every problem.
 * @example await checkReleases(dataset, { dataDir: 'packages/core/data', releasesDir: 'packages/core/releases' }) // []
 */
export async function checkReleases(dataset: Dataset, options: ReleaseCheckOptions): Promise<DataIssue[]> {
  const base = options.base ?? join(options.dataDir, '..');
  const rel = (p: string) => relative(base, p);
  const issues: DataIssue[] = [];
  const found = readManifests(options.releasesDir, issues, rel);
  issues.push(...unchangedSincePublished(options.releasesDir, rel));
  let kept: Map<string, RebuiltRelease>;
  try {
    kept = await rebuildReleases(found.map((f) => f.manifest));
  } catch (e) {
    issues.push({
      file: rel(options.releasesDir),
      message: (e as Error).message,
      hint: 'a published release is immutable: restore releases/ from git',
    });
    return issues;
  }
  const versions = [...kept.keys()].sort(compareVersions);
  const latest = versions.at(-1);
  const v = dataset.meta.version;
  const metaFile = rel(join(options.dataDir, 'dataset.yaml'));
  const current = recordsOf(dataset);
  const release = kept.get(v);
  const meta = {
    name: dataset.meta.name,
    licence: dataset.meta.licence,
    citation: dataset.meta.citation,
    qualifierPolicy: dataset.meta.qualifierPolicy,
  };

  if (release) {
    if (release.manifest.contentHash !== dataset.meta.contentHash) {
      const ch = recordChanges(release.records, current);
      const count = (k: 'added' | 'changed' | 'removed') =>
        COLLECTIONS.reduce((n, c) => n + ch[c][k].length, 0);
      const examples = COLLECTIONS.flatMap((c) => [
        ...ch[c].changed.map((x) => `${x.after.id} (${x.fields.join(', ')})`),
        ...ch[c].added.map((x) => `${x.id} (added)`),
        ...ch[c].removed.map((x) => `${x.id} (removed)`),
      ]);
      issues.push({
        file: metaFile,
        column: 'version',
        message: `the records differ from release ${v}, which is published and immutable: ${count('changed')} changed, ${count('added')} added, ${count('removed')} removed (${examples.slice(0, 3).join('; ')}${examples.length > 3 ? '; …' : ''})`,
        hint: `to publish them: 1. bump version in data/dataset.yaml (${nextVersions(v)}); 2. add an entry to data/corrections.yaml for every changed or removed figure; 3. run pnpm release. pnpm data:diff HEAD lists the changes`,
      });
    } else if (!same(release.manifest.meta, meta))
      issues.push({
        file: metaFile,
        message: `the dataset's name, licence, citation or qualifier policy differ from release ${v}, which is published and immutable`,
        hint: `bump version in data/dataset.yaml (${nextVersions(v)}) and run pnpm release`,
      });
  } else if (latest && compareVersions(v, latest) <= 0)
    issues.push({
      file: metaFile,
      column: 'version',
      message: `version ${v} is not a kept release and not after the latest one (${latest})`,
      hint: `use a version after ${latest} (${nextVersions(latest)})`,
    });
  else
    issues.push({
      file: metaFile,
      column: 'version',
      message: `release ${v} has no manifest in releases/ yet`,
      hint: `add the corrections for every changed figure to data/corrections.yaml, then run pnpm release to publish ${v}`,
    });

  issues.push(...checkCorrections(dataset, current, kept, versions, options, rel));
  return issues;
}

function checkCorrections(
  dataset: Dataset,
  current: ReleaseRecords,
  kept: Map<string, RebuiltRelease>,
  versions: string[],
  options: ReleaseCheckOptions,
  rel: (p: string) => string,
): DataIssue[] {
  const issues: DataIssue[] = [];
  const path = join(options.dataDir, 'corrections.yaml');
  const file = rel(path);
  const items = existsSync(path) ? parseYamlList(readFileSync(path, 'utf8')).items : [];
  const v = dataset.meta.version;
  const recordsAt = (version: string) => kept.get(version)?.records ?? (version === v ? current : undefined);
  const before = (version: string) => versions.filter((x) => compareVersions(x, version) < 0).at(-1);

  for (const [i, c] of dataset.corrections.entries()) {
    const item = items[i];
    const at = (path: PropertyKey[]) => (item ? item.lineOf(path) : undefined);
    const bad = (path: PropertyKey[], message: string, hint?: string) =>
      issues.push({
        file,
        row: at(path),
        column: path.map(String).join('.'),
        message,
        ...(hint ? { hint } : {}),
      });
    const after = recordsAt(c.release);
    const prevVersion = before(c.release);
    const prev = prevVersion ? kept.get(prevVersion)?.records : undefined;
    if (!after) {
      bad(['release'], `release ${c.release} is neither kept nor the version in data/dataset.yaml (${v})`);
      continue;
    }
    if (!prev) {
      bad(['release'], `nothing was published before release ${c.release}, so it corrects nothing`);
      continue;
    }
    for (const [k, r] of c.records.entries()) {
      const old = findRecord(prev, r.id);
      if (!old) {
        bad(['records', k, 'id'], `release ${prevVersion} has no record "${r.id}"`);
        continue;
      }
      if (r.field === undefined) {
        if (findRecord(after, r.id))
          bad(['records', k, 'id'], `"${r.id}" is withdrawn here but is still in release ${c.release}`);
        continue;
      }
      if (r.old === undefined) {
        bad(['records', k, 'old'], `missing: the ${r.field} of "${r.id}" in release ${prevVersion}`);
        continue;
      }
      if (!same(fieldOf(old, r.field), r.old))
        bad(
          ['records', k, 'old'],
          `release ${prevVersion} has ${r.field} ${brief(fieldOf(old, r.field))} for "${r.id}", not ${brief(r.old)}`,
        );
      const newId = r.newId ?? r.id;
      const now = findRecord(after, newId);
      if (!now) {
        bad(
          ['records', k, r.newId ? 'newId' : 'id'],
          `release ${c.release} has no record "${newId}"`,
          r.newId ? undefined : 'when the correction changes the id (a period, a place), give newId',
        );
        continue;
      }
      if (!same(fieldOf(now, r.field), r.new))
        bad(
          ['records', k, 'new'],
          `release ${c.release} has ${r.field} ${brief(fieldOf(now, r.field))} for "${newId}", not ${brief(r.new)}`,
        );
    }
  }

  // Every figure published in the previous release and changed in this one has its correction.
  const prevVersion = before(v);
  const prev = prevVersion ? kept.get(prevVersion)?.records : undefined;
  if (!prev || !prevVersion) return issues;
  const named = new Map<string, { fields: Set<string>; withdrawn: boolean; newId?: string }>();
  for (const c of dataset.corrections.filter((x) => x.release === v))
    for (const r of c.records) {
      const e = named.get(r.id) ?? { fields: new Set<string>(), withdrawn: false };
      if (r.field === undefined) e.withdrawn = true;
      else e.fields.add(r.field);
      if (r.newId) e.newId = r.newId;
      named.set(r.id, e);
    }
  const uncovered = (id: string, what: string, example: string) =>
    issues.push({
      file,
      message: `${id}: ${what} since release ${prevVersion}, with no entry in data/corrections.yaml`,
      hint: `add an entry for release ${v}: records: [{ ${example} }], with the date and why`,
    });
  // A kept version is checked as it was published: edits since are the "records differ" problem, to
  // be published in a new release, not corrections of this one.
  const checked = kept.get(v)?.records ?? current;
  const all = recordChanges(prev, checked);
  for (const c of ['observations', 'changes'] as const) {
    const ch = all[c];
    for (const x of ch.changed)
      for (const f of x.fields.filter((f) => FIGURE_FIELDS.has(f) && !named.get(x.after.id)?.fields.has(f)))
        uncovered(
          x.after.id,
          `${f} changed from ${brief(fieldOf(x.before, f))} to ${brief(fieldOf(x.after, f))}`,
          `id: ${x.after.id}, field: ${f}, old: ${brief(fieldOf(x.before, f))}, new: ${brief(fieldOf(x.after, f))}`,
        );
    for (const r of ch.removed) {
      const e = named.get(r.id);
      if (!e || (!e.withdrawn && !e.newId))
        uncovered(
          r.id,
          'removed (or its id changed)',
          `id: ${r.id}  (withdrawn), or field, old, new and newId when its period or place changed`,
        );
      else if (e.newId) {
        const now = checked[c].find((x) => x.id === e.newId);
        if (!now) continue; // reported with the entry
        const fields = [...new Set([...Object.keys(r), ...Object.keys(now)])].filter(
          (f) => FIGURE_FIELDS.has(f) && !same(r[f], now[f]) && !e.fields.has(f),
        );
        for (const f of fields)
          uncovered(
            r.id,
            `${f} changed from ${brief(fieldOf(r, f))} to ${brief(fieldOf(now, f))} (now ${e.newId})`,
            `id: ${r.id}, field: ${f}, old: ${brief(fieldOf(r, f))}, new: ${brief(fieldOf(now, f))}, newId: ${e.newId}`,
          );
      }
    }
  }
  return issues;
}

// Kept releases and the corrections log, tried as a contributor would: on copies of data/ and releases/.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_DIR, PACKAGE_ROOT } from '../../scripts/paths.js';
import { applyDiff, diffRecords } from '../releases/diff.js';
import { contentHash } from '../releases/hash.js';
import { rebuildRelease, rebuildReleases, recordsOf } from '../releases/manifest.js';
import { type ReleaseManifest, releaseManifestSchema } from '../releases/schema.js';
import { formatIssue } from './issues.js';
import { loadDataset } from './load.js';
import { checkReleases, readManifests } from './releases.js';

const RELEASES = join(PACKAGE_ROOT, 'releases');
const manifest010 = (): ReleaseManifest =>
  releaseManifestSchema.parse(JSON.parse(readFileSync(join(RELEASES, '0.1.0.json'), 'utf8')));

let copy: string;
let data: string;
let releases: string;
beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'mt0-rel-'));
  data = join(copy, 'data');
  releases = join(copy, 'releases');
  cpSync(DATA_DIR, data, { recursive: true });
  cpSync(RELEASES, releases, { recursive: true });
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

const edit = (file: string, change: (t: string) => string) => {
  const path = join(data, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
};
const SEED = 'observations/mt0-seed.csv';
/** The 2020 arrests figure moved from 2,681 to 2,682, quote and value together. */
const editFigure = () =>
  edit(SEED, (t) =>
    t
      .replace('mt0.arrests,CL,2020,2681,', 'mt0.arrests,CL,2020,2682,')
      .replace('delivering 2,681 arrests', 'delivering 2,682 arrests'),
  );
/** The release data/ is at (the latest kept one), and the versions after it: a fix and new figures. */
const CURRENT = /^version: (\S+)$/m.exec(readFileSync(join(DATA_DIR, 'dataset.yaml'), 'utf8'))?.[1] ?? '';
const [major, minor, patch] = CURRENT.split('.').map(Number) as [number, number, number];
const NEXT = `${major}.${minor}.${patch + 1}`;
const NEXT_MINOR = `${major}.${minor + 1}.0`;
const re = (v: string) => v.replaceAll('.', '\\.');
const bump = (v: string) => edit('dataset.yaml', (t) => t.replace(`version: ${CURRENT}`, `version: ${v}`));

async function check(): Promise<string[]> {
  const { dataset, issues } = loadDataset(data);
  expect(issues.map(formatIssue)).toEqual([]);
  if (!dataset) return [];
  return (await checkReleases(dataset, { dataDir: data, releasesDir: releases })).map(formatIssue);
}

function release(...args: string[]): { code: number; out: string } {
  try {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/release.ts', '--data', data, '--date', '2026-12-01', ...args],
      {
        cwd: PACKAGE_ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      },
    );
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stderr: string; stdout: string };
    return { code: err.status, out: `${err.stdout}${err.stderr}` };
  }
}

describe('kept releases', { timeout: 60_000 }, () => {
  it('keep 0.1.0 exactly as it was served: the same records and content hash as data/ at 0.1.0', async () => {
    const m = manifest010();
    // 438048558ee8… is the content hash 0.1.0 was built and served with (main@617a3b3).
    expect(m.contentHash).toBe('438048558ee810c0377ca5b62f2956ff1d1a506327d332ae472c5d0e0b2c25ee');
    const records = await rebuildRelease([m], '0.1.0');
    expect(await contentHash(records)).toBe(m.contentHash);
    const { dataset } = loadDataset(DATA_DIR);
    if (dataset?.meta.version === '0.1.0') expect(records).toEqual(recordsOf(dataset));
  });

  it('keep 0.2.0 as the diff from 0.1.0, each rebuilt in the chain to the hash it was published with', async () => {
    const kept = await rebuildReleases(readManifests(RELEASES, [], (x) => x).map((f) => f.manifest));
    // 438048558ee8… (0.1.0, main@617a3b3) and b2641096e31e… (0.2.0, the merge of issues 7, 9 and 10).
    expect(kept.get('0.1.0')?.manifest.contentHash).toBe(
      '438048558ee810c0377ca5b62f2956ff1d1a506327d332ae472c5d0e0b2c25ee',
    );
    const m020 = kept.get('0.2.0')?.manifest;
    expect(m020?.contentHash).toBe('b2641096e31e6ccfd5c1d8ec324833c3ba79aecf68e4d05e14336b513286e87d');
    expect(m020?.previous).toBe('0.1.0');
    expect(m020?.records).toBeUndefined(); // a diff, not a copy
    // 1 country, 16 regions, 346 comunas and 7 other countries = 370 places; no figure added or removed.
    expect(m020?.counts).toMatchObject({ geos: 370, observations: 1303, changes: 23 });
  });

  it('never change: a kept release whose records were altered fails its hash check', async () => {
    const m = manifest010();
    const first = m.records?.observations[0];
    if (first) first.value = Number(first.value) + 1;
    await expect(rebuildRelease([m], '0.1.0')).rejects.toThrow(
      /release 0\.1\.0: its records hash to .* not to 438048558ee8… as published/,
    );
  });

  it('pass pnpm data:check for the data as released', async () => {
    expect(await check()).toEqual([]);
  });

  it('fail when a figure changes but the release does not, naming what to do', async () => {
    editFigure();
    expect(await check()).toEqual([
      `data/dataset.yaml:version: the records differ from release ${CURRENT}, which is published and immutable: 1 changed, 0 added, 0 removed (mt0.arrests:CL:2020:pdi.via.insightcrime.2022 (high, low, quote, value)) (to publish them: 1. bump version in data/dataset.yaml (${NEXT} for fixes, ${NEXT_MINOR} for new figures); 2. add an entry to data/corrections.yaml for every changed or removed figure; 3. run pnpm release. pnpm data:diff HEAD lists the changes)`,
    ]);
  });

  it('after a bump, ask for the manifest and for a correction of the changed figure', async () => {
    editFigure();
    bump(NEXT);
    const p = await check();
    expect(p).toContain(
      `data/dataset.yaml:version: release ${NEXT} has no manifest in releases/ yet (add the corrections for every changed figure to data/corrections.yaml, then run pnpm release to publish ${NEXT})`,
    );
    expect(p).toContain(
      `data/corrections.yaml: mt0.arrests:CL:2020:pdi.via.insightcrime.2022: value changed from 2681 to 2682 since release ${CURRENT}, with no entry in data/corrections.yaml (add an entry for release ${NEXT}: records: [{ id: mt0.arrests:CL:2020:pdi.via.insightcrime.2022, field: value, old: 2681, new: 2682 }], with the date and why)`,
    );
    // pnpm release refuses too, and leaves nothing behind.
    const r = release();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`✗ release ${NEXT} not written`);
    expect(readManifests(releases, [], (x) => x).map((m) => m.manifest.version)).not.toContain(NEXT);
  });

  it('publish a bumped, corrected release as a diff, and rebuild both releases from the manifests', async () => {
    editFigure();
    bump(NEXT);
    writeFileSync(
      join(data, 'corrections.yaml'),
      `- date: 2026-12-01
  release: ${NEXT}
  records:
    - id: mt0.arrests:CL:2020:pdi.via.insightcrime.2022
      field: value
      old: 2681
      new: 2682
    - id: mt0.arrests:CL:2020:pdi.via.insightcrime.2022
      field: quote
      old: "reportedly delivering 2,681 arrests in 2020 and nearly the same number in 2021."
      new: "reportedly delivering 2,682 arrests in 2020 and nearly the same number in 2021."
  why: A synthetic test edit.
`,
    );
    const r = release();
    expect(r.out).toMatch(
      new RegExp(
        `✓ release ${re(NEXT)} \\(2026-12-01, hash [0-9a-f]{12}\\) → .*${re(NEXT)}\\.json: 0 records added, 1 changed, 0 removed since ${re(CURRENT)}; 1 correction\\.`,
      ),
    );
    expect(await check()).toEqual([]);
    const manifests = readManifests(releases, [], (x) => x).map((m) => m.manifest);
    const next = manifests.find((m) => m.version === NEXT);
    expect(next?.previous).toBe(CURRENT);
    expect(next?.diff?.observations?.changed?.map((x) => x.id)).toEqual([
      'mt0.arrests:CL:2020:pdi.via.insightcrime.2022',
    ]);
    expect(next?.corrections).toHaveLength(1);
    const old = await rebuildRelease(manifests, CURRENT);
    const now = await rebuildRelease(manifests, NEXT);
    const arrests = (rs: typeof old) =>
      rs.observations.find((o) => o.id === 'mt0.arrests:CL:2020:pdi.via.insightcrime.2022')?.value;
    expect([arrests(old), arrests(now)]).toEqual([2681, 2682]);
    // Running it again changes nothing.
    expect(release().out).toContain(`release ${NEXT} is already kept`);
  });

  it('check each correction against the releases: the record exists, old and new match', async () => {
    editFigure();
    bump(NEXT);
    writeFileSync(
      join(data, 'corrections.yaml'),
      `- date: 2026-12-01
  release: ${NEXT}
  records:
    - id: mt0.arrests:CL:2020:pdi.via.insightcrime.2022
      field: value
      old: 2618
      new: 2682
    - id: mt0.arests:CL:2020:pdi.via.insightcrime.2022
      field: value
      old: 1
      new: 2
  why: A synthetic test edit.
`,
    );
    const p = await check();
    expect(p).toContain(
      `data/corrections.yaml:6:records.0.old: release ${CURRENT} has value 2681 for "mt0.arrests:CL:2020:pdi.via.insightcrime.2022", not 2618`,
    );
    expect(p).toContain(
      `data/corrections.yaml:8:records.1.id: release ${CURRENT} has no record "mt0.arests:CL:2020:pdi.via.insightcrime.2022"`,
    );
  });

  it('follow a record whose id a correction changes (newId), and ask nothing for a notes-only edit', async () => {
    const old = 'mt0.arrests.hotline_share:CL:2022:pdi.via.insightcrime.2022';
    edit(SEED, (t) => t.replace('mt0.arrests.hotline_share,CL,2022,', 'mt0.arrests.hotline_share,CL,2021,'));
    // The statement that cites it follows it (the validator names the old id with the new as its suggestion).
    edit('statements/seed.yaml', (t) =>
      t.replace(old, 'mt0.arrests.hotline_share:CL:2021:pdi.via.insightcrime.2022'),
    );
    edit(SEED, (t) =>
      t.replace(
        'InSight Crime itself says ""reportedly"".',
        'InSight Crime itself says ""reportedly"" (edited note).',
      ),
    );
    bump(NEXT);
    const noManifest = `data/dataset.yaml:version: release ${NEXT} has no manifest in releases/ yet (add the corrections for every changed figure to data/corrections.yaml, then run pnpm release to publish ${NEXT})`;
    expect(await check()).toEqual([
      noManifest,
      `data/corrections.yaml: ${old}: removed (or its id changed) since release ${CURRENT}, with no entry in data/corrections.yaml (add an entry for release ${NEXT}: records: [{ id: ${old}  (withdrawn), or field, old, new and newId when its period or place changed }], with the date and why)`,
    ]);
    edit(
      'corrections.yaml',
      (t) =>
        `${t}\n- date: 2026-12-01\n  release: ${NEXT}\n  records:\n    - id: ${old}\n      field: period\n      old: "2022"\n      new: "2021"\n      newId: mt0.arrests.hotline_share:CL:2021:pdi.via.insightcrime.2022\n  why: A synthetic test edit.\n`,
    );
    expect(await check()).toEqual([noManifest]);
  });

  it('refuse a version that goes back, and a manifest that is not named after its version', async () => {
    bump('0.0.9');
    expect(await check()).toContain(
      `data/dataset.yaml:version: version 0.0.9 is not a kept release and not after the latest one (${CURRENT}) (use a version after ${CURRENT} (${NEXT} for fixes, ${NEXT_MINOR} for new figures))`,
    );
    cpSync(join(releases, '0.1.0.json'), join(releases, '9.9.9.json'));
    const issues: { file: string; message: string }[] = [];
    readManifests(releases, issues as never, (x) => x.slice(copy.length + 1));
    expect(issues.map((i) => `${i.file}: ${i.message}`)).toEqual([
      'releases/9.9.9.json: the file of release 0.1.0 must be named 0.1.0.json',
    ]);
  });

  it('report a kept manifest changed after it was committed (git history)', async () => {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: copy, stdio: 'pipe', encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'publish 0.1.0');
    expect(await check()).toEqual([]);
    const path = join(releases, '0.1.0.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"summary": "First', '"summary": "Edited first'));
    const p = await check();
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(
      /^releases\/0\.1\.0\.json: release 0\.1\.0 changed since it was published in commit [0-9a-f]{10} \(in the work tree\): a published release is immutable/,
    );
    // Committing the change does not make it acceptable.
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qam', 'edit a published release');
    expect(await check()).toEqual([
      expect.stringMatching(
        /^releases\/0\.1\.0\.json: release 0\.1\.0 changed since it was published in commit [0-9a-f]{10} \(in commit [0-9a-f]{10}\)/,
      ),
    ]);
    rmSync(path);
    expect(
      (await check()).some((m) => m.startsWith('releases/0.1.0.json: a published release was deleted')),
    ).toBe(true);
  });
});

describe('the diff a release keeps', () => {
  const rec = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    v: fc.integer({ min: 0, max: 3 }),
  });
  const list = fc.uniqueArray(rec, { selector: (r) => r.id, maxLength: 6 });
  const records = (xs: { id: string; v: number }[]) => ({
    geos: xs,
    sources: [],
    indicators: [],
    observations: [...xs].reverse(),
    changes: [],
    statements: [],
    events: [],
  });

  it('applied to the previous records gives the next ones exactly, in order, for any edit', () => {
    fc.assert(
      fc.property(list, list, (a, b) => {
        const prev = records(a);
        const next = records(b);
        expect(applyDiff(prev, diffRecords(prev, next))).toEqual(next);
      }),
    );
  });

  it('is empty between equal records and names only what changed', () => {
    const a = records([
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
    ]);
    const b = records([
      { id: 'a', v: 2 },
      { id: 'b', v: 1 },
      { id: 'c', v: 0 },
    ]);
    expect(diffRecords(a, a)).toEqual({});
    expect(diffRecords(a, b).geos).toEqual({
      changed: [{ id: 'a', v: 2 }],
      added: [{ after: 'b', record: { id: 'c', v: 0 } }],
    });
  });
});

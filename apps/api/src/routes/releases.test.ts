import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { COLLECTIONS } from '@mt0/core/releases';
import { describe, expect, it } from 'vitest';
import { type PinnedResponse, pinnedUrls, readPinned } from '../../test-support/pinned.js';
import { app } from '../app.js';
import { current } from '../lib/data.js';
import { keptVersions, rebuiltDataset } from '../lib/releases.js';
import { diskStore } from '../server/downloads.js';
import { diskReleases } from '../server/releases.js';

const env = { RELEASES: diskReleases(), DOWNLOADS: diskStore() };
const get = async (url: string, headers: Record<string, string> = {}) => app.request(url, { headers }, env);
const json = async (url: string) => (await (await get(url)).json()) as Record<string, unknown>;

const fixture = (v: string): Record<string, PinnedResponse> =>
  JSON.parse(
    readFileSync(new URL(`../../test-fixtures/pinned/${v}.json`, import.meta.url), 'utf8'),
  ) as Record<string, PinnedResponse>;

/** The releases this kit published in its history: a later release adds to them, never removes one. */
const HISTORY = ['0.1.0', '0.2.0', '0.3.0', '0.4.0', '0.5.0'];
/** Every manifest in packages/core/releases/, by version: what `pnpm release` wrote. */
const manifests = readdirSync(new URL('../../../../packages/core/releases/', import.meta.url))
  .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
  .map((f) => f.slice(0, -'.json'.length));

describe('kept releases, pinned with ?v=', () => {
  it('keeps every published release, the current one last', () => {
    // Sorted as versions, not as strings: 0.10.0 comes after 0.9.0.
    const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
    expect(keptVersions).toEqual([...manifests].sort(byVersion));
    expect(keptVersions.slice(0, HISTORY.length)).toEqual(HISTORY);
    expect(keptVersions.at(-1)).toBe(current.meta.version);
  });

  it.each(keptVersions)('answers every pinned URL of release %s byte for byte as recorded', async (v) => {
    const kept = fixture(v);
    // The fixture was recorded by `pnpm --filter @mt0/api pin-release` and is never rewritten.
    expect(Object.keys(kept)).toEqual(pinnedUrls(v));
    expect(Object.values(kept).every((r) => r.status === 200)).toBe(true);
    expect(await readPinned(async (url) => get(url), v)).toEqual(kept);
  });

  it('serves the current release from the bundled dataset with the bytes of its manifest', async () => {
    // The build refuses records that differ from the latest kept release (canonically); the same key
    // order too keeps ?v= of the current release byte-identical once a later release replaces it.
    const rebuilt = await rebuiltDataset(env.RELEASES, current.meta.version);
    for (const c of COLLECTIONS) expect(JSON.stringify(rebuilt[c])).toBe(JSON.stringify(current.dataset[c]));
  });

  it('answers an old figure under its release and the corrected one under the current', async () => {
    const url = (v?: string) =>
      `/v1/observations?indicator=mt0.arrests&geo=CL&confidence=A,B,C${v ? `&v=${v}` : ''}`;
    type Obs = { data: { period: string; qualifier: string; low: number; high: number }[] };
    const y2021 = (b: unknown) => (b as Obs).data.find((o) => o.period === '2021');
    // 0.2.0 read "nearly the same number" one-sided: [0.9 × 2681, 2681]; 0.3.0 two-sided: [2412.9, 2949.1].
    expect(y2021(await json(url('0.2.0')))).toMatchObject({ qualifier: 'nearly', high: 2681 });
    expect(y2021(await json(url()))).toMatchObject({ qualifier: 'approximately' });
    expect(y2021(await json(url()))?.high).toBeCloseTo(2949.1, 9); // 1.1 × 2681
    const old = await get(url('0.2.0'));
    expect(old.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(old.headers.get('etag')).not.toBe((await get(url())).headers.get('etag'));
  });

  it('keeps each release apart in the response cache and its ETags: a tag of one never revalidates another', async () => {
    const url = '/v1/indicators/mt0.arrests.hotline_share';
    // Twice each, interleaved: the second answers come from the response cache (keyed on the query, v= included).
    for (let round = 0; round < 2; round++) {
      for (const v of ['0.1.0', '0.2.0', undefined]) {
        const res = await get(v ? `${url}?v=${v}` : url);
        const body = (await res.json()) as { meta: { datasetVersion: string } };
        expect(body.meta.datasetVersion).toBe(v ?? current.meta.version);
      }
    }
    const old = await get(`${url}?v=0.1.0`);
    const now = await get(url);
    const oldTag = old.headers.get('etag') as string;
    // The tag names the release's content hash (its first 32 hex digits), so 0.1.0's differs from now's.
    const manifest = (await json('/v1/releases')) as { data: { version: string; contentHash: string }[] };
    expect(oldTag).toContain(manifest.data.find((r) => r.version === '0.1.0')?.contentHash.slice(0, 32));
    expect(oldTag).not.toBe(now.headers.get('etag'));
    expect((await get(url, { 'If-None-Match': oldTag })).status).toBe(200);
    expect((await get(`${url}?v=0.1.0`, { 'If-None-Match': oldTag })).status).toBe(304);
  });

  it('revalidates the pinned index, whose links follow what the server offers, but not its records', async () => {
    expect((await get('/v1?v=0.1.0')).headers.get('cache-control')).toBe(
      'public, max-age=3600, stale-while-revalidate=86400, stale-if-error=604800',
    );
    expect((await get('/v1/releases?v=0.1.0')).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  it.each(['/v1', '/v1?v=0.1.0'])(
    'tags the index %s by its own bytes, so a deploy that adds a link is seen on revalidation',
    async (url) => {
      const res = await get(url);
      const body = new Uint8Array(await res.arrayBuffer());
      const hash = createHash('sha256').update(body).digest('hex');
      expect(res.headers.get('etag')).toBe(`"${hash.slice(0, 32)}-index-json"`);
      expect((await get(url, { 'If-None-Match': res.headers.get('etag') ?? '' })).status).toBe(304);
      // Not the release's content-hash tag, which stays the same when only the server changes.
      expect(res.headers.get('etag')).not.toContain(current.meta.contentHash.slice(0, 32));
    },
  );

  it('computes a metric over the pinned release: the 2020→2021 change of arrests in 0.2.0 and now', async () => {
    const m = (v: string) =>
      json(`/v1/metrics/change?from=mt0.arrests@2020&to=mt0.arrests@2021&confidence=A,B,C&v=${v}`);
    // 0.2.0: [(2412.9 − 2681)/2681, (2681 − 2681)/2681] × 100 = [−10, 0]; 0.3.0: [−10, +10]
    expect(await m('0.2.0')).toMatchObject({ value: 0, high: 0 });
    expect((await m('0.3.0')).high).toBeCloseTo(10, 9);
  });

  it('is a 404 problem listing the kept releases for a release it does not hold', async () => {
    const res = await get('/v1/observations?indicator=mt0.arrests&v=9.9.9');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: '/docs#problem-version-not-available',
      invalidParams: [{ name: 'v', reason: 'release not held here' }],
      allowed: keptVersions,
    });
    expect((await get('/v1?v=latest')).status).toBe(400);
  });

  it('holds only the current release without a store, and says so', async () => {
    // (URLs the other tests do not ask for: the response cache keys on the URL, the store is per process.)
    const res = await app.request('/v1/sources?v=0.1.0');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { allowed: string[] }).allowed).toEqual([current.meta.version]);
    expect((await app.request(`/v1/sources?v=${current.meta.version}`)).status).toBe(200);
  });
});

describe('GET /v1/releases and /v1/corrections', () => {
  it('lists every kept release with its date, summary, hash and counts, and up to a pinned one', async () => {
    const all = (await json('/v1/releases')) as { data: Record<string, unknown>[] };
    expect(all.data.map((r) => r.version)).toEqual(keptVersions);
    expect(all.data.slice(0, HISTORY.length).map((r) => [r.version, r.date, r.previous])).toEqual([
      ['0.1.0', '2026-11-28', null],
      ['0.2.0', expect.any(String), '0.1.0'],
      ['0.3.0', '2026-11-29', '0.2.0'],
      ['0.4.0', '2026-11-29', '0.3.0'],
      ['0.5.0', '2026-11-29', '0.4.0'],
    ]);
    expect(all.data[2]).toMatchObject({
      qualifierPolicy: '1.1.0',
      corrections: 7,
      links: { self: '/v1?v=0.3.0', corrections: '/v1/corrections?since=0.2.0&v=0.3.0' },
    });
    expect(String(all.data[2]?.summary)).toMatch(/^Corrections: qualifier policy 1\.1/);
    expect(all.data.at(-1)?.contentHash).toBe(current.meta.contentHash);
    expect(all.data[4]).toMatchObject({
      qualifierPolicy: '1.3.0',
      corrections: 1,
      links: { self: '/v1?v=0.5.0', corrections: '/v1/corrections?since=0.4.0&v=0.5.0' },
    });
    expect(all.data[3]).toMatchObject({
      qualifierPolicy: '1.2.0',
      corrections: 1,
      links: { self: '/v1?v=0.4.0', corrections: '/v1/corrections?since=0.3.0&v=0.4.0' },
    });
    expect(String(all.data[3]?.summary)).toMatch(/^Qualifier policy 1\.2: "more than"/);
    const pinned = (await json('/v1/releases?v=0.2.0')) as { data: { version: string }[] };
    expect(pinned.data.map((r) => r.version)).toEqual(['0.1.0', '0.2.0']);
  });

  it('lists the corrections with old → new and why, since a release, and by record', async () => {
    type Log = {
      data: {
        release: string;
        records: { id: string; field?: string; old?: unknown; new?: unknown }[];
        why: string;
      }[];
    };
    const log = (await json('/v1/corrections')) as Log;
    // The nine entries of releases 0.3.0 to 0.5.0 come first; a later release may only add after them.
    expect(log.data.slice(0, 9).map((c) => c.release)).toEqual([...Array(7).fill('0.3.0'), '0.4.0', '0.5.0']);
    expect(log.data.slice(9).every((c) => !HISTORY.includes(c.release))).toBe(true);
    expect(log.data[0]?.records[0]).toEqual({
      id: 'mt0.arrests.hotline_share:CL:2020/2021:pdi.via.insightcrime.2022',
      field: 'period',
      old: '2020/2021',
      new: '2022',
      newId: 'mt0.arrests.hotline_share:CL:2022:pdi.via.insightcrime.2022',
    });
    // Since 0.3.0: the one entry of 0.4.0, the open upper ends of qualifier policy 1.2.
    const since = ((await json('/v1/corrections?since=0.3.0')) as Log).data;
    const upTo050 = since.filter((c) => HISTORY.includes(c.release));
    expect(upTo050.map((c) => [c.release, c.records.length, c.records[0]?.field, c.records[0]?.new])).toEqual(
      [
        ['0.4.0', 7, 'high', null],
        ['0.5.0', 2, 'low', 145800000],
      ],
    );
    expect(((await json(`/v1/corrections?since=${current.meta.version}`)) as Log).data).toEqual([]);
    expect(((await json('/v1/corrections?v=0.2.0')) as Log).data).toEqual([]);
    const one = (await json(
      '/v1/corrections?record=mt0.arrests.hotline_share:CL:2022:pdi.via.insightcrime.2022',
    )) as Log;
    expect(one.data.map((c) => c.records[0]?.field)).toEqual(['period']);
    const bad = await get('/v1/corrections?since=0.0.9');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { allowed: string[] }).allowed).toEqual(keptVersions);
  });
});

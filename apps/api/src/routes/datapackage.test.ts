// /v1/datapackage.json: the release as a Frictionless Data Package, its resources the pinned downloads.
import { createHash } from 'node:crypto';
import { dataset } from '@mt0/core/dataset';
import { describe, expect, it } from 'vitest';
import { app } from '../app.js';
import { diskStore } from '../server/downloads.js';
import { diskReleases } from '../server/releases.js';

const env = { DOWNLOADS: diskStore(), RELEASES: diskReleases(), MT0_CACHE_MB: '0' };
const get = (path: string) => app.request(path, {}, env);

type Pkg = { version: string; resources: { name: string; path: string; bytes: number; hash: string }[] };

describe('GET /v1/datapackage.json', () => {
  it.each([
    [undefined, dataset.meta.version],
    ['0.1.0', '0.1.0'],
  ])(
    'describes release %s by files that, fetched from its paths, have the sizes and hashes it gives',
    async (v, version) => {
      const url = `/v1/datapackage.json${v ? `?v=${v}` : ''}`;
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const pkg = (await res.json()) as Pkg;
      expect(pkg.version).toBe(version);
      expect(pkg.resources.map((r) => r.name)).toEqual([
        'observations',
        'changes',
        'indicators',
        'sources',
        'statements',
        'events',
        'places',
      ]);
      for (const r of pkg.resources) {
        // A path is relative to the descriptor's URL, as a Frictionless tool resolves it.
        expect(r.path).toBe(`downloads/${r.name}.csv?v=${version}`);
        const file = new URL(r.path, `http://kit.example${url}`);
        const body = Buffer.from(await (await get(file.pathname + file.search)).arrayBuffer());
        expect([body.length, `sha256:${createHash('sha256').update(body).digest('hex')}`], r.path).toEqual([
          r.bytes,
          r.hash,
        ]);
      }
    },
  );

  it('is listed with places.csv among the downloads, and linked from the index', async () => {
    const list = (await (await get('/v1/downloads')).json()) as { data: { name: string }[] };
    expect(list.data.map((d) => d.name)).toEqual(expect.arrayContaining(['places.csv', 'datapackage.json']));
    const index = (await (await get('/v1')).json()) as { links: Record<string, string> };
    expect(index.links.datapackage).toBe('/v1/datapackage.json');
    expect(index.links['downloads.places']).toBe('/v1/downloads/places.csv');
  });
});

// /v1/downloads: the release's whole tables as files, precompressed, immutable per release.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { dataset } from '@mt0/core/dataset';
import { describe, expect, it } from 'vitest';
import { strictCsv } from '../../test-support/property.js';
import { app } from '../app.js';
import { CORE_DOWNLOADS, diskStore } from '../server/downloads.js';

const env = { DOWNLOADS: diskStore(), MT0_CACHE_MB: '0' };
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  app.request(path, { method, headers }, env);
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('GET /v1/downloads', () => {
  it('lists every file of the release with its size and hash, and the index links to it', async () => {
    const res = await get('/v1/downloads');
    const body = (await res.json()) as {
      data: { name: string; href: string; bytes: number; sha256: string }[];
    };
    expect(body.data.map((d) => d.name)).toEqual([
      'indicators.csv',
      'sources.csv',
      'observations.csv',
      'changes.csv',
      'statements.csv',
      'events.csv',
    ]);
    const obs = body.data.find((d) => d.name === 'observations.csv');
    expect(obs?.href).toBe('/v1/downloads/observations.csv');
    expect(obs?.bytes).toBe(readFileSync(join(CORE_DOWNLOADS, 'observations.csv')).length);
    const index = (await (await get('/v1')).json()) as { links: Record<string, string> };
    expect(index.links.downloads).toBe('/v1/downloads');
    expect(index.links['downloads.observations']).toBe('/v1/downloads/observations.csv');
  });
});

describe('GET /v1/downloads/{file}', () => {
  it('sends the whole table as an attachment: every observation, grades A, B and C', async () => {
    const res = await get('/v1/downloads/observations.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="mt0-observations-v${dataset.meta.version}.csv"`,
    );
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toContain('max-age=3600');
    const body = await bytes(res);
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    const rows = strictCsv(body.toString('utf8'));
    // A header row, then one row per observation of any grade.
    expect(rows.length - 1).toBe(dataset.observations.length);
  });

  it('sends the precompressed copy the client accepts, which decodes to the same bytes', async () => {
    const plain = await bytes(await get('/v1/downloads/observations.csv'));
    const br = await get('/v1/downloads/observations.csv', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBytes = await bytes(br);
    expect(brotliDecompressSync(brBytes).equals(plain)).toBe(true);
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.length);
    const gz = await get('/v1/downloads/observations.csv', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).equals(plain)).toBe(true);
    // Each coding is its own representation: its own strong ETag.
    expect(new Set([br, gz].map((r) => r.headers.get('etag'))).size).toBe(2);
  });

  it('answers If-None-Match with 304, and is immutable when pinned to the release', async () => {
    const first = await get('/v1/downloads/events.csv');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await get('/v1/downloads/events.csv', { 'If-None-Match': etag })).status).toBe(304);
    const pinned = await get(`/v1/downloads/events.csv?v=${dataset.meta.version}`);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const other = await get('/v1/downloads/events.csv?v=9.9.9');
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers HEAD with the headers only', async () => {
    const res = await get('/v1/downloads/observations.csv', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).not.toBeNull();
    expect((await bytes(res)).length).toBe(0);
  });

  it('names the files for an unknown one, and is a 404 (never a 500) where the files are missing', async () => {
    for (const name of ['nope.csv', '..%2Fpackage.json', 'observations.csv.br', '%E0%A4%A']) {
      const res = await get(`/v1/downloads/${name}`);
      expect(res.status, name).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    const unknown = (await (await get('/v1/downloads/nope.csv')).json()) as { allowed: string[] };
    expect(unknown.allowed).toContain('observations.csv');
    const nowhere = await app.request('/v1/downloads/observations.csv');
    expect(nowhere.status).toBe(404);
    expect(((await nowhere.json()) as { detail: string }).detail).toContain('pnpm build');
  });
});

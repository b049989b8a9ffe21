import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../env.js';
import { meta } from '../../lib/data.js';
import { releases } from '../../lib/releases.js';
import { onError } from '../problem-json/index.js';
import { CACHE_CURRENT, CACHE_PINNED, caching, etagFor, ifNoneMatchHits } from './index.js';

const app = new Hono<AppEnv>();
app.use('*', cors({ origin: '*', exposeHeaders: ['ETag'] }));
app.use('*', caching());
app.use('*', releases());
app.onError(onError);
app.get('/data', (c) => c.json({ ok: true }));
app.get('/table', (c) => c.body('a\r\n', 200, { 'Content-Type': 'text/csv; charset=utf-8' }));
app.get('/healthz', (c) => c.json({ ok: true }));
app.get('/fail', (c) => c.json({ no: true }, 400));

describe('caching()', () => {
  it('sets a strong ETag from the content hash, per representation', async () => {
    const a = await app.request('/data');
    const b = await app.request('/table');
    expect(a.headers.get('etag')).toBe(etagFor('json'));
    expect(b.headers.get('etag')).toBe(etagFor('csv'));
    expect(etagFor('json')).toContain(meta.contentHash.slice(0, 32));
    expect(a.headers.get('cache-control')).toBe(CACHE_CURRENT);
  });

  it('answers 304 to a matching If-None-Match and keeps the CORS headers (hono/etag drops them)', async () => {
    const res = await app.request('/data', {
      headers: { 'If-None-Match': `W/${etagFor('json')}`, Origin: 'null' },
    });
    expect(res.status).toBe(304);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(res.headers.get('content-type')).toBeNull();
  });

  it('pins ?v= of the current release as immutable, refuses another, never caches health or errors', async () => {
    expect((await app.request(`/data?v=${meta.version}`)).headers.get('cache-control')).toBe(CACHE_PINNED);
    const other = await app.request('/data?v=9.9.9');
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect((await app.request('/healthz')).headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/fail')).headers.get('etag')).toBeNull();
  });

  it('ifNoneMatchHits() compares weakly, over lists and *', () => {
    expect(ifNoneMatchHits('"a", W/"b"', '"b"')).toBe(true);
    expect(ifNoneMatchHits('*', '"b"')).toBe(true);
    expect(ifNoneMatchHits('"a"', '"b"')).toBe(false);
    expect(ifNoneMatchHits(undefined, '"b"')).toBe(false);
  });
});

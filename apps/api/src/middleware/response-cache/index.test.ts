import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { streamed } from '../../lib/streamed.js';
import {
  cacheKey,
  canonicalPathAndQuery,
  parseCacheMb,
  ResponseCache,
  responseCache,
  storeFor,
} from './index.js';

function make(bytes = 1024 * 1024) {
  let calls = 0;
  const stores = storeFor(bytes);
  const app = new Hono<{ Bindings: { MT0_CACHE_MB?: string } }>();
  app.use(
    '*',
    responseCache(stores, (p) => p.startsWith('/files/')),
  );
  app.get('/:id', (c) => {
    calls++;
    return c.json(
      { id: c.req.param('id'), q: c.req.query(), calls, pad: 'x'.repeat(Number(c.req.query('pad') ?? 0)) },
      200,
      {
        ETag: `"${c.req.param('id')}"`,
        'X-Test': 'kept',
      },
    );
  });
  app.get('/files/:id', (c) => c.json({ calls: ++calls }, 200, { ETag: '"f"' }));
  app.get('/no-etag/x', (c) => c.json({ calls: ++calls }));
  return { app, store: stores(undefined) as ResponseCache, calls: () => calls };
}

describe('responseCache()', () => {
  it('answers a repeat from the stored bytes and headers, without running the handler', async () => {
    const { app, calls } = make();
    const a = await (await app.request('/a')).text();
    const again = await app.request('/a');
    expect(await again.text()).toBe(a);
    expect(again.headers.get('x-test')).toBe('kept');
    expect(calls()).toBe(1);
  });

  it('keys by the negotiated format, not the raw Accept: a thousand Accept headers, two entries', async () => {
    const { app, store, calls } = make();
    for (let i = 0; i < 1000; i++)
      await app.request('/a', { headers: { Accept: `application/json;q=0.${i % 10}, x/y${i}` } });
    for (let i = 0; i < 50; i++) await app.request('/a', { headers: { Accept: `text/csv, x/y${i}` } });
    expect(calls()).toBe(2);
    expect(store.size).toBe(2);
  });

  it('keys by the parameters in a canonical order, keeping the order of a repeated parameter', async () => {
    const { app, calls } = make();
    await app.request('/a?b=1&a=2');
    await app.request('/a?a=2&b=1');
    expect(calls()).toBe(1);
    await app.request('/a?x=1&x=2');
    await app.request('/a?x=2&x=1');
    expect(calls()).toBe(3);
  });

  it('honours If-None-Match on a hit', async () => {
    const { app } = make();
    await app.request('/a');
    const res = await app.request('/a', { headers: { 'If-None-Match': '"a"' } });
    expect(res.status).toBe(304);
    expect(res.headers.get('x-test')).toBe('kept');
  });

  it('never holds more bytes than its bound, whatever the stream of distinct URLs', async () => {
    // 64 KiB bound, ~2 KiB bodies: a few dozen entries at most, never more than 64 KiB.
    const { app, store } = make(64 * 1024);
    for (let i = 0; i < 400; i++) {
      await app.request(`/u${i}?pad=2000`);
      expect(store.bytes).toBeLessThanOrEqual(64 * 1024);
    }
    expect(store.size).toBeGreaterThan(10);
    expect(store.size).toBeLessThan(40);
  });

  it('never stores responses without an ETag, nor the skipped paths (downloads)', async () => {
    const { app, calls, store } = make();
    await app.request('/no-etag/x');
    await app.request('/no-etag/x');
    await app.request('/files/x');
    await app.request('/files/x');
    expect(calls()).toBe(4);
    expect(store.size).toBe(0);
  });

  it('is sized by the MT0_CACHE_MB binding, and off with 0', async () => {
    const { app, calls } = make();
    await app.request('/a', {}, { MT0_CACHE_MB: '0' });
    await app.request('/a', {}, { MT0_CACHE_MB: '0' });
    expect(calls()).toBe(2);
    const stores = storeFor(1);
    expect(stores({ MT0_CACHE_MB: '4' })?.maxBytes).toBe(4 * 1024 * 1024);
    expect(stores({ MT0_CACHE_MB: '0' })).toBeUndefined();
    expect([parseCacheMb('64'), parseCacheMb('0.5'), parseCacheMb('-1'), parseCacheMb('lots')]).toEqual([
      64 * 1024 * 1024,
      512 * 1024,
      undefined,
      undefined,
    ]);
  });
});

describe('canonicalPathAndQuery() and cacheKey()', () => {
  it('sorts parameters by name, stably, without decoding anything', () => {
    expect(canonicalPathAndQuery('/v1/observations?indicator=x&geo=CL')).toBe(
      '/v1/observations?geo=CL&indicator=x',
    );
    expect(canonicalPathAndQuery('/p?z=1&a=%2C&z=0')).toBe('/p?a=%2C&z=1&z=0');
    expect(canonicalPathAndQuery('/p?only=1')).toBe('/p?only=1');
    expect(canonicalPathAndQuery('/p')).toBe('/p');
  });

  it('names the negotiated format and the origin a page depends on', () => {
    expect(cacheKey(undefined, '/v1/changes?b=1&a=2')).toBe('j /v1/changes?a=2&b=1');
    expect(cacheKey('text/csv;q=0.9, application/json;q=0.5', 'http://h/v1/changes')).toBe('c /v1/changes');
    expect(cacheKey('*/*', '/embed/stat', 'https://kit.example')).toBe('jhttps://kit.example /embed/stat');
  });
});

describe('ResponseCache.store()', () => {
  it('streams a body of unknown length larger than an entry on, whole and unkept, reading no more than it must', async () => {
    // 1 MiB bound: an entry may be 128 KiB. The body is twenty 16 KiB chunks (320 KiB), no length.
    const cache = new ResponseCache(1024 * 1024);
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(97);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 20) controller.close();
        else {
          pulled++;
          controller.enqueue(chunk);
        }
      },
    });
    const res = new Response(body, { status: 200, headers: { etag: '"s"', 'content-type': 'text/csv' } });
    const { entry, response } = await cache.store('k', res);
    expect(entry).toBeUndefined();
    // 128 KiB is eight chunks: the ninth goes over, and nothing past it has been read yet.
    expect(pulled).toBeLessThanOrEqual(10);
    expect((await response.arrayBuffer()).byteLength).toBe(20 * 16 * 1024);
    expect(cache.size).toBe(0);
  });

  it('never reads a body marked as streamed (a CSV of the store): it goes on as it is, unread', async () => {
    const cache = new ResponseCache(1024 * 1024);
    let pulled = 0;
    const body = streamed(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++;
          controller.enqueue(new Uint8Array(16).fill(97));
          if (pulled === 3) controller.close();
        },
      }),
    );
    const res = new Response(body, { status: 200, headers: { etag: '"s"', 'content-type': 'text/csv' } });
    const { entry, response } = await cache.store('k', res);
    expect(entry).toBeUndefined();
    expect(response).toBe(res);
    // A ReadableStream pulls once when made (its high-water mark is one chunk); the cache read none.
    expect(pulled).toBeLessThanOrEqual(1);
    expect((await response.arrayBuffer()).byteLength).toBe(3 * 16);
  });
});

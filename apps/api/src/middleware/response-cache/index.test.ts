import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { responseCache } from './index.js';

function make() {
  let calls = 0;
  const cache = responseCache({ max: 2 });
  const app = new Hono();
  app.use('*', cache);
  app.get('/:id', (c) => {
    calls++;
    return c.json({ id: c.req.param('id'), calls }, 200, {
      ETag: `"${c.req.param('id')}"`,
      'X-Test': 'kept',
    });
  });
  app.get('/no-etag/x', (c) => c.json({ calls: ++calls }));
  return { app, cache, calls: () => calls };
}

describe('responseCache()', () => {
  it('answers a repeat from the stored bytes and headers, without running the handler', async () => {
    const { app, calls } = make();
    const a = await (await app.request('/a')).text();
    const again = await app.request('/a');
    expect(await again.text()).toBe(a);
    expect(again.headers.get('x-test')).toBe('kept');
    expect(calls()).toBe(1);
    const other = await app.request('/a', { headers: { Accept: 'text/csv' } });
    expect(other.status).toBe(200);
    expect(calls()).toBe(2);
  });

  it('honours If-None-Match on a hit', async () => {
    const { app } = make();
    await app.request('/a');
    const res = await app.request('/a', { headers: { 'If-None-Match': '"a"' } });
    expect(res.status).toBe(304);
    expect(res.headers.get('x-test')).toBe('kept');
  });

  it('keeps at most `max` entries and never stores responses without an ETag', async () => {
    const { app, cache, calls } = make();
    await app.request('/a');
    await app.request('/b');
    await app.request('/c');
    expect(cache.size()).toBe(2);
    await app.request('/a');
    expect(calls()).toBe(4); // /a was evicted
    await app.request('/no-etag/x');
    await app.request('/no-etag/x');
    expect(calls()).toBe(6);
  });
});

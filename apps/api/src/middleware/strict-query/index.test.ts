import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError } from '../problem-json/index.js';
import { strictQuery } from './index.js';

const app = new Hono();
app.onError(onError);
app.get('/x', strictQuery(['a', 'b']), (c) => c.text('ok'));

describe('strictQuery()', () => {
  it('lets allowed parameters through, repeated or not', async () => {
    expect((await app.request('/x?a=1&b=2&a=3')).status).toBe(200);
    expect((await app.request('/x')).status).toBe(200);
  });

  it('names unknown parameters, __proto__ included, and lists the allowed ones', async () => {
    const res = await app.request('/x?a=1&__proto__=1&c');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { invalidParams: { name: string }[]; allowed: string[] };
    expect(body.invalidParams.map((p) => p.name)).toEqual(['__proto__', 'c']);
    expect(body.allowed).toEqual(['a', 'b']);
  });
});

import { describe, expect, it } from 'vitest';
import { checkOne, runProperty, strictCsv } from '../test-support/property.js';
import { serverFetch } from '../test-support/server-fetch.js';

const fetchServer = serverFetch();

describe('every route, any query, any path (fast-check)', () => {
  it('never answers 5xx; every API 4xx is problem+json; every 2xx is valid JSON, CSV, HTML, CSS or JS (1,500 cases)', async () => {
    const count = await runProperty(fetchServer, 1500);
    expect(count).toBeGreaterThanOrEqual(1500);
  });

  it('the checker itself fails on a 500, a plain-text 400 and malformed CSV', async () => {
    const fake = (status: number, type: string, body: string) => async () =>
      new Response(body, { status, headers: { 'content-type': type } });
    const req = { path: '/v1', pairs: [], method: 'GET', accept: undefined, ifNoneMatch: undefined } as const;
    await expect(
      checkOne(fake(500, 'application/problem+json', '{}'), { ...req, pairs: [] }),
    ).rejects.toThrow(/5xx/);
    await expect(checkOne(fake(400, 'text/plain', 'bad'), { ...req, pairs: [] })).rejects.toThrow(
      /problem\+json/,
    );
    expect(() => strictCsv('a,b\r\n1\r\n')).toThrow(/widths/);
    expect(() => strictCsv('a,"b\r\n')).toThrow();
    // An HTML error page is a kit page's way to say 404, not the API's.
    const html = fake(404, 'text/html; charset=utf-8', '<!doctype html><p>404</p>');
    await expect(checkOne(html, { ...req, path: '/v1/nope', pairs: [] })).rejects.toThrow(/problem\+json/);
    await checkOne(html, { ...req, path: '/embed/%', pairs: [] });
    expect(strictCsv('a,"b ""c"",d"\r\n1,2\r\n')).toEqual([
      ['a', 'b "c",d'],
      ['1', '2'],
    ]);
  });
});

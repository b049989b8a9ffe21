import { describe, expect, it } from 'vitest';
import { checkOne, runProperty, strictCsv } from '../test-support/property.js';
import { app } from './app.js';

const fetchApp = async (path: string, init?: RequestInit) => app.request(path, init);

describe('every route, any query (fast-check)', () => {
  it('never answers 5xx; every 4xx is problem+json; every 2xx is valid JSON, CSV or HTML (1,500 cases)', async () => {
    const count = await runProperty(fetchApp, 1500);
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
    expect(strictCsv('a,"b ""c"",d"\r\n1,2\r\n')).toEqual([
      ['a', 'b "c",d'],
      ['1', '2'],
    ]);
  });
});

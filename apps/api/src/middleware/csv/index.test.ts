import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../env.js';
import { onError } from '../problem-json/index.js';
import { negotiate, prefersCsv, stripCsvSuffix } from './index.js';

const app = new Hono<AppEnv>({ getPath: stripCsvSuffix });
app.onError(onError);
app.get('/v1/events', negotiate, (c) => c.text(c.var.format));

describe('csv negotiation', () => {
  it('picks CSV from a .csv suffix, format=csv, or an Accept that ranks text/csv first', async () => {
    expect(await (await app.request('/v1/events.csv')).text()).toBe('csv');
    expect(await (await app.request('/v1/events?format=csv')).text()).toBe('csv');
    expect(await (await app.request('/v1/events', { headers: { Accept: 'text/csv' } })).text()).toBe('csv');
    expect(await (await app.request('/v1/events')).text()).toBe('json');
    expect(
      await (await app.request('/v1/events?format=json', { headers: { Accept: 'text/csv' } })).text(),
    ).toBe('json');
  });

  it('refuses format=json on a .csv path; strips .csv only from collections', async () => {
    expect((await app.request('/v1/events.csv?format=json')).status).toBe(400);
    expect(stripCsvSuffix(new Request('http://x/v1/events.csv?a=1'))).toBe('/v1/events');
    expect(stripCsvSuffix(new Request('http://x/v1/metrics/change.csv'))).toBe('/v1/metrics/change.csv');
  });

  it('prefersCsv() follows q-values', () => {
    expect(prefersCsv('text/csv;q=0.9, application/json;q=0.8')).toBe(true);
    expect(prefersCsv('application/json, text/csv;q=0.5')).toBe(false);
    expect(prefersCsv('*/*')).toBe(false);
    expect(prefersCsv('text/csv;q=0')).toBe(false);
    expect(prefersCsv(undefined)).toBe(false);
  });
});

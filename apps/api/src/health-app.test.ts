import { dataset } from '@mt0/core/dataset';
import { describe, expect, it } from 'vitest';
import { app } from './app.js';
import { healthApp } from './health-app.js';

/** Status, every header and the body of an answer, to compare two apps' answers whole. */
async function whole(res: Response) {
  const headers: string[] = [];
  res.headers.forEach((value, name) => {
    headers.push(`${name}: ${value}`);
  });
  return { status: res.status, headers, body: await res.text() };
}

describe('the Worker’s health app', () => {
  it.each([
    ['GET', {}],
    ['HEAD', {}],
    ['OPTIONS', { origin: 'https://news.example', 'access-control-request-method': 'GET' }],
    ['POST', {}],
    ['DELETE', {}],
    ['GET', { 'if-none-match': '*', accept: 'text/csv' }],
  ] as const)('answers %s /healthz %j exactly as the whole app does', async (method, headers) => {
    const init = { method, headers };
    const ours = await whole(await healthApp.request('/healthz', init));
    expect(ours).toEqual(await whole(await app.request('/healthz', init)));
  });

  it('names the bundled release, without parsing it', async () => {
    const res = await healthApp.request('/healthz?probe=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      status: 'ok',
      apiVersion: '0.1.0',
      datasetVersion: dataset.meta.version,
      contentHash: dataset.meta.contentHash,
    });
  });
});

// Issue 8 inside workerd: the Worker's assets with the kit's headers, the downloads from the assets
// binding, PUBLIC_ORIGIN as a var, no 500 for malformed paths, COEP, and a response cache bounded by
// the small MT0_CACHE_MB of wrangler.jsonc however varied the requests.
import { createExecutionContext, env, SELF } from 'cloudflare:test';
import { dataset } from '@mt0/core/dataset';
import { assetManifest } from '@mt0/widget/server';
import { describe, expect, it } from 'vitest';
import { cacheStore } from '../src/app.js';
import worker from '../src/worker.js';

const at = (path: string, init?: RequestInit) => SELF.fetch(`https://api.example${path}`, init);

describe('static assets in workerd', () => {
  it('serves hashed files immutable and the stable aliases short-cached, with nosniff, CORS and CORP', async () => {
    const hashed = assetManifest.names['mt0.js']?.path ?? '';
    expect(hashed).toMatch(/^\/widget\/mt0\.[0-9a-f]{10}\.js$/);
    const res = await at(hashed);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const [name, value] of [
      ['x-content-type-options', 'nosniff'],
      ['access-control-allow-origin', '*'],
      ['cross-origin-resource-policy', 'cross-origin'],
      ['content-type', 'text/javascript; charset=utf-8'],
    ] as const)
      expect(res.headers.get(name), name).toBe(value);
    expect(await res.text()).toContain('mt0-widget');
    const alias = await at('/widget/mt0.js');
    expect(alias.headers.get('cache-control')).toMatch(/^public, max-age=300\b/);
    expect(alias.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 with nosniff for a file the build did not list', async () => {
    const res = await at('/widget/nope.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('downloads in workerd', () => {
  it('serves the whole observations table from the assets binding', async () => {
    const res = await at('/v1/downloads/observations.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="mt0-observations-v${dataset.meta.version}.csv"`,
    );
    const text = await res.text();
    // Header plus one CRLF-ended line per observation (no quote or note spans lines).
    expect(text.split('\r\n').length - 2).toBe(dataset.observations.length);
  });

  /** sha256 (hex) of a body, read as a stream (workerd's DigestStream: never the whole body in memory). */
  async function sha256(body: ReadableStream<Uint8Array>): Promise<string> {
    const digest = new crypto.DigestStream('SHA-256');
    await body.pipeTo(digest);
    return [...new Uint8Array(await digest.digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  it('sends the comuna × month table as gzip bytes and as Arrow, each the file its manifest lists', async () => {
    const list = (await (await at('/v1/downloads')).json()) as {
      data: { name: string; type: string; bytes: number; sha256: string }[];
    };
    for (const name of ['cead-comuna-month.csv.gz', 'cead-comuna-month.arrow']) {
      const entry = list.data.find((d) => d.name === name);
      const res = await at(`/v1/downloads/${name}`, { headers: { 'Accept-Encoding': 'gzip, br' } });
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type'), name).toBe(entry?.type);
      // No Content-Encoding: the .csv.gz is saved as the gzip file it is, of the listed length.
      expect(res.headers.get('content-encoding'), name).toBeNull();
      expect(Number(res.headers.get('content-length')), name).toBe(entry?.bytes);
      expect(await sha256(res.body as ReadableStream<Uint8Array>), name).toBe(entry?.sha256);
    }
    expect(list.data.find((d) => d.name === 'cead-comuna-month.csv.gz')?.type).toBe('application/gzip');
  });

  it('the gzip CSV is, decompressed, the whole table the Worker streams as CSV', async () => {
    const file = await at('/v1/downloads/cead-comuna-month.csv.gz');
    const unzipped = (file.body as ReadableStream<Uint8Array>).pipeThrough(
      new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
    );
    const streamed = await at('/v1/observations.csv?per100k=false');
    expect(streamed.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(await sha256(unzipped)).toBe(await sha256(streamed.body as ReadableStream<Uint8Array>));
  });
});

describe('the public origin in workerd', () => {
  it('with PUBLIC_ORIGIN as a var, pages ignore the Host they were asked for', async () => {
    const res = (await worker.fetch(
      new Request('https://evil.example/embed/stat?lang=en'),
      { ...env, PUBLIC_ORIGIN: 'https://kit.example' },
      createExecutionContext(),
    )) as Response;
    const html = await res.text();
    expect(html).not.toContain('evil.example');
    expect(html).toContain('<link rel="canonical" href="https://kit.example/embed/stat?lang=en">');
    expect(res.headers.get('content-security-policy')).not.toContain('evil.example');
  });
});

describe('no 5xx in workerd', () => {
  it('answers malformed percent-encoding with 404', async () => {
    for (const path of ['/embed/%', '/embed/%E0%A4%A', '/v1/%', '/%', '/v1/downloads/%E0%A4%A'])
      expect((await at(path)).status, path).toBe(404);
  });

  it('embed pages opt in to COEP and CORP', async () => {
    const res = await at('/embed/compare?lang=es');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

describe('the response cache in workerd', () => {
  it('stays within MT0_CACHE_MB (4 MiB) over hundreds of large pages and varied Accept headers', async () => {
    expect(env.MT0_CACHE_MB).toBe('4');
    const store = cacheStore(env);
    expect(store?.maxBytes).toBe(4 * 1024 * 1024);
    for (let i = 0; i < 300; i++) {
      const res = await worker.fetch(
        new Request(
          `https://api.example/v1/observations?confidence=A,B,C&limit=500&from=${1990 + (i % 40)}`,
          {
            headers: { accept: `application/json, x/y${i}` },
          },
        ),
        env,
        createExecutionContext(),
      );
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    expect(store?.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    // 40 distinct queries, one negotiated format: at most 40 keys, however many Accept headers.
    expect(store?.size).toBeLessThanOrEqual(40);
    expect(store?.size).toBeGreaterThan(0);
  });
});

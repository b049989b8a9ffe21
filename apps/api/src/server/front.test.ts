// The Node front door over the real kit and app, on a loopback port, spoken to with raw node:http
// (fetch would decompress and add headers of its own).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { WHOLE_TABLE_CSV } from '@mt0/store/rows';
import { createKitHandler, kitPathKind } from '@mt0/widget/server';
import { afterAll, describe, expect, it } from 'vitest';
import { app } from '../app.js';
import { ResponseCache } from '../middleware/response-cache/index.js';
import { diskStore, fileOf, STORE_DOWNLOADS } from './downloads.js';
import { createFrontDoor } from './front.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((ok) => s.close(ok)))));

async function door(o: { publicOrigin?: string; trustProxy?: boolean; cacheBytes?: number } = {}) {
  const cache = new ResponseCache(o.cacheBytes ?? 64 * 1024 * 1024);
  const server = createServer(
    createFrontDoor({
      kit: createKitHandler({
        ...(o.publicOrigin ? { origin: o.publicOrigin } : {}),
        trustProxy: o.trustProxy ?? false,
      }),
      app,
      kitPathKind,
      cache,
      bindings: {
        MT0_CACHE_MB: '0',
        DOWNLOADS: diskStore(),
        ...(o.publicOrigin ? { PUBLIC_ORIGIN: o.publicOrigin } : {}),
      },
      publicOrigin: o.publicOrigin,
      trustProxy: o.trustProxy ?? false,
    }),
  );
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<Raw>((ok, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', fail);
      req.end();
    });
  return { get, cache, port };
}

const without = (h: Raw['headers'], ...names: string[]) =>
  Object.fromEntries(
    Object.entries(h).filter(([k]) => !['date', 'connection', 'keep-alive', ...names].includes(k)),
  );

const BIG = '/v1/observations?confidence=A,B,C&limit=500';

describe('the response cache in front of the app', () => {
  it('answers a repeat with the same bytes and every header of the first answer', async () => {
    const { get, cache } = await door();
    const first = await get('/v1/observations?indicator=cead.cases.drugs&geo=CL');
    const again = await get('/v1/observations?indicator=cead.cases.drugs&geo=CL');
    expect(cache.size).toBe(1);
    expect(again.body.equals(first.body)).toBe(true);
    expect(without(again.headers)).toEqual(without(first.headers));
    // The headers the API sends (CORS, caching, security), all there.
    for (const h of [
      'access-control-allow-origin',
      'access-control-expose-headers',
      'cache-control',
      'content-security-policy',
      'content-type',
      'cross-origin-resource-policy',
      'etag',
      'referrer-policy',
      'strict-transport-security',
      'vary',
      'x-content-type-options',
      'content-length',
    ])
      expect(again.headers[h], h).toBeDefined();
    expect(again.headers.vary).toBe('Accept, Accept-Encoding');
  });

  it('keeps one entry per negotiated format, not per Accept header: 2,000 Accepts, 2 entries', async () => {
    const { get, cache } = await door();
    for (let i = 0; i < 2000; i++) {
      const accept = i % 2 ? `application/json, x/y${i}` : `text/csv;q=0.9, x/${i}`;
      expect((await get(BIG, { accept })).status).toBe(200);
    }
    expect(cache.size).toBe(2);
  });

  it('never holds more than its bound, whatever the stream of distinct large pages', async () => {
    // 4 MiB bound; pages of up to 500 observations (~300 KB each) from 40 different `from` years.
    const { get, cache } = await door({ cacheBytes: 4 * 1024 * 1024 });
    for (let y = 1990; y < 2030; y++) {
      expect((await get(`${BIG}&from=${y}`)).status).toBe(200);
      expect(cache.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    }
    expect(cache.size).toBeGreaterThan(1);
  });

  it('serves brotli or gzip by Accept-Encoding, made once and kept, decoding to the same bytes', async () => {
    const { get } = await door();
    const plain = await get(BIG);
    const br = await get(BIG, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length / 5);
    const again = await get(BIG, { 'accept-encoding': 'br' });
    expect(again.body.equals(br.body)).toBe(true);
    const gz = await get(BIG, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    // Each coding is a representation of its own (its ETag), and either tag revalidates.
    expect(new Set([plain, br, gz].map((r) => r.headers.etag)).size).toBe(3);
    expect(
      (await get(BIG, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) })).status,
    ).toBe(304);
    expect((await get(BIG, { 'if-none-match': String(plain.headers.etag) })).status).toBe(304);
  });

  it('compresses the kit pages and serves precompressed static files', async () => {
    const { get } = await door();
    const page = await get('/embed/compare?lang=es', { 'accept-encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString()).toContain('<!doctype html>');
    const html = brotliDecompressSync(page.body).toString();
    const script = /<script type="module" src="([^"]+)"/.exec(html)?.[1] ?? '';
    const js = await get(script, { 'accept-encoding': 'gzip, br' });
    expect(js.headers['content-encoding']).toBe('br');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers.vary).toBe('Accept-Encoding');
  });

  it('keeps built files and downloads per content coding, as the build compressed them', async () => {
    const { get, cache } = await door();
    for (const path of ['/widget/mt0.js', '/v1/downloads/observations.csv']) {
      const plain = await get(path);
      for (let i = 0; i < 2; i++) {
        const br = await get(path, { 'accept-encoding': 'gzip, br' });
        expect(br.headers['content-encoding'], path).toBe('br');
        expect(brotliDecompressSync(br.body).equals(plain.body), path).toBe(true);
        const gz = await get(path, { 'accept-encoding': 'gzip' });
        expect(gz.headers['content-encoding'], path).toBe('gzip');
        expect(gunzipSync(gz.body).equals(plain.body), path).toBe(true);
        expect((await get(path)).headers['content-encoding'], path).toBeUndefined();
      }
      expect((await get(path, { 'if-none-match': String(plain.headers.etag) })).status, path).toBe(304);
    }
    // Three codings of two files: six entries, filled on the first round, reused on the second.
    expect(cache.size).toBe(6);
  });

  it('compresses a streamed CSV as it streams (no length), decoding to the identity bytes', async () => {
    // A 1 MiB cache keeps entries of up to 128 KiB: Valparaíso's 38 comunas month by month (2.3 MB of
    // CSV, streamed without a limit) goes past that and on streaming, as the whole table would.
    const { get, cache } = await door({ cacheBytes: 1024 * 1024 });
    const path = '/v1/observations.csv?indicator=cead.cases.drugs&geo=CL-VS&level=comuna&resolution=month';
    const plain = await get(path);
    expect(plain.headers['content-length']).toBeUndefined();
    for (const [ae, enc, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await get(path, { 'accept-encoding': ae });
      expect(res.headers['content-encoding']).toBe(enc);
      expect(res.headers['content-length']).toBeUndefined();
      expect(res.headers.vary).toBe('Accept, Accept-Encoding');
      expect(decode(res.body).equals(plain.body)).toBe(true);
    }
    expect(cache.size).toBe(0);
  });

  it('sends the gzip CSV download as the gzip file it is, whatever the client accepts', async () => {
    const { get } = await door();
    const plain = await get('/v1/downloads/cead-comuna-month.csv.gz');
    expect(plain.headers['content-type']).toBe('application/gzip');
    for (const ae of ['gzip', 'gzip, deflate, br']) {
      const res = await get('/v1/downloads/cead-comuna-month.csv.gz', { 'accept-encoding': ae });
      expect(res.headers['content-encoding'], ae).toBeUndefined();
      expect(res.body.equals(plain.body), ae).toBe(true);
      expect(Number(res.headers['content-length']), ae).toBe(plain.body.length);
    }
    // gzip magic bytes 1f 8b: the file, not a decoded CSV
    expect([...plain.body.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  });

  it('sends the whole table from its file: the headers the app gave, the file byte for byte, HEAD and 304 as before', async () => {
    const { get } = await door();
    const path = '/v1/observations.csv?per100k=false';
    const file = readFileSync(join(STORE_DOWNLOADS, WHOLE_TABLE_CSV));
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.body.equals(file)).toBe(true);
    // The same headers as the app's own answer (which a Worker, with no files, streams row by row).
    const fromApp = await app.request(path, {}, { MT0_CACHE_MB: '0', DOWNLOADS: diskStore() });
    // The app's body is the download store's unread file stream: the door sends the file instead.
    expect(fileOf(fromApp.body)).toBe(join(STORE_DOWNLOADS, WHOLE_TABLE_CSV));
    await fromApp.body?.cancel();
    const appHeaders: Record<string, string> = {};
    fromApp.headers.forEach((value, name) => {
      appHeaders[name] = value;
    });
    expect(without(res.headers)).toEqual(appHeaders);
    const head = await get(path, {}, 'HEAD');
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([
      200,
      0,
      String(file.length),
    ]);
    expect((await get(path, { 'if-none-match': String(res.headers.etag) })).status).toBe(304);
  });

  it('closes the file when a client leaves in the middle of the whole table', async () => {
    const { get, port } = await door();
    const path = '/v1/observations.csv?per100k=false';
    const open = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`).endsWith(WHOLE_TABLE_CSV);
        } catch {
          return false;
        }
      }).length;
    const before = open();
    await new Promise<void>((ok, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port, path }, (res) => {
        res.once('data', () => {
          req.destroy();
          ok();
        });
      });
      req.on('error', (e) => (req.destroyed ? undefined : fail(e)));
      req.end();
    });
    await expect.poll(open, { timeout: 5000 }).toBe(before);
    // and the server goes on answering, the whole table included
    expect((await get(path)).body.length).toBe(readFileSync(join(STORE_DOWNLOADS, WHOLE_TABLE_CSV)).length);
  });

  it('answers HEAD and If-None-Match from the cache, and never caches /healthz', async () => {
    const { get, cache } = await door();
    const first = await get('/v1/sources');
    const head = await get('/v1/sources', {}, 'HEAD');
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([
      200,
      0,
      String(first.body.length),
    ]);
    expect((await get('/v1/sources', { 'if-none-match': String(first.headers.etag) })).status).toBe(304);
    await get('/healthz');
    await get('/healthz');
    expect(cache.size).toBe(1);
  });

  it('answers malformed percent-encoding anywhere with 404, never 500', async () => {
    const { get } = await door();
    for (const path of [
      '/embed/%',
      '/embed/%E0%A4%A',
      '/v1/%',
      '/%',
      '/v1/indicators/%E0%A4%A',
      '/oembed/%zz',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
    }
  });
});

describe('the public origin', () => {
  it('with PUBLIC_ORIGIN, a hostile Host never reaches a page, a link, the CSP or the cache', async () => {
    const { get } = await door({ publicOrigin: 'https://kit.example' });
    for (const path of ['/', '/embed/stat?lang=en', '/embed/stat.json?lang=en', '/openapi.json', '/docs']) {
      const res = await get(path, { host: 'evil.example' });
      expect(res.status, path).toBe(200);
      expect(res.body.toString(), path).not.toContain('evil.example');
      expect(String(res.headers['content-security-policy'] ?? ''), path).not.toContain('evil.example');
    }
    const page = (await get('/embed/stat?lang=en', { host: 'evil.example' })).body.toString();
    expect(page).toContain('<link rel="canonical" href="https://kit.example/embed/stat?lang=en">');
  });

  it('without it, a page is made for its own Host and never served to another', async () => {
    const { get } = await door();
    const a = (await get('/embed/stat?lang=en', { host: 'a.example' })).body.toString();
    const b = (await get('/embed/stat?lang=en', { host: 'b.example' })).body.toString();
    expect(a).toContain('http://a.example/embed/stat');
    expect(b).toContain('http://b.example/embed/stat');
    expect(b).not.toContain('a.example');
  });

  it('keys nothing by a target the URL parser rewrites: dot segments and absolute-form', async () => {
    const { get } = await door();
    for (const path of [
      '/v1/../embed/stat?lang=en',
      '/v1/%2e%2e/embed/stat?lang=en',
      'http://evil.example/embed/stat?lang=en',
    ]) {
      const evil = await get(path, { host: 'evil.example' });
      expect(evil.status, path).toBe(200);
      const good = (await get(path, { host: 'kit.example' })).body.toString();
      // Absolute-form names its own host; the others are made for the Host of each request.
      if (!path.startsWith('http')) expect(good, path).toContain('http://kit.example/embed/stat');
      expect(good.includes('evil.example'), path).toBe(path.startsWith('http'));
    }
  });

  it('honours X-Forwarded-Proto only with TRUST_PROXY: oEmbed works behind a TLS proxy', async () => {
    const url = `/oembed?url=${encodeURIComponent('https://kit.example/embed/stat?lang=es')}`;
    const forwarded = { host: 'kit.example', 'x-forwarded-proto': 'https' };
    const trusted = await door({ trustProxy: true });
    expect((await trusted.get(url, forwarded)).status).toBe(200);
    const page = (await trusted.get('/embed/stat?lang=es', forwarded)).body.toString();
    expect(page).toContain('<link rel="canonical" href="https://kit.example/embed/stat?lang=es">');
    const untrusted = await door();
    expect((await untrusted.get(url, forwarded)).status).toBe(404);
    expect((await untrusted.get('/embed/stat?lang=es', forwarded)).body.toString()).toContain(
      'http://kit.example/embed/stat',
    );
  });
});

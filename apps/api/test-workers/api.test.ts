// Runs inside workerd: the Worker entry (src/worker.ts, via wrangler.jsonc) answers the same core
// assertions as the Node app.

import { env, SELF } from 'cloudflare:test';
import { type DataPackage, readPackage } from '@mt0/core/datapackage';
import { describe, expect, it } from 'vitest';
import pinned010 from '../test-fixtures/pinned/0.1.0.json';
import pinned020 from '../test-fixtures/pinned/0.2.0.json';
import pinned040 from '../test-fixtures/pinned/0.4.0.json';
import pinned050 from '../test-fixtures/pinned/0.5.0.json';
import { coreCases } from '../test-support/core-assertions.js';
import { readPinned } from '../test-support/pinned.js';

const fetchWorker = (path: string, init?: RequestInit) => SELF.fetch(`https://api.example${path}`, init);

describe('the Worker in workerd', () => {
  it('runs in the Workers runtime', () => {
    expect(navigator.userAgent).toBe('Cloudflare-Workers');
  });
  for (const c of coreCases) it(c.name, () => c.run(fetchWorker));
});

describe('kept releases in workerd', () => {
  // The manifests come from the static assets (apps/api/dist/assets/releases/), not the bundle.
  it('answers every pinned URL of 0.1.0 and 0.2.0 (files included) byte for byte as recorded on Node', async () => {
    expect(await readPinned(fetchWorker, '0.1.0')).toEqual(pinned010);
    expect(await readPinned(fetchWorker, '0.2.0')).toEqual(pinned020);
  });

  it.each([
    ['0.4.0', pinned040],
    ['0.5.0', pinned050],
  ])(
    'serves the data package of %s as on Node, every resource path a file of the Worker that reads back through its table schema',
    async (v, kept) => {
      const url = `/v1/datapackage.json?v=${v}`;
      const [entry] = Object.values(await readPinned(fetchWorker, v, [url]));
      expect(entry).toEqual((kept as Record<string, unknown>)[url]);
      const pkg = (await (await fetchWorker(url)).json()) as DataPackage;
      const texts = new Map<string, string>();
      for (const r of pkg.resources) {
        const file = await fetchWorker(
          new URL(r.path, `https://api.example${url}`).href.slice('https://api.example'.length),
        );
        const bytes = await file.arrayBuffer();
        const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
        expect([file.status, bytes.byteLength, `sha256:${digest}`], r.path).toEqual([200, r.bytes, r.hash]);
        texts.set(r.path, new TextDecoder().decode(bytes));
      }
      expect(readPackage(pkg, (path) => texts.get(path) ?? '').problems).toEqual([]);
    },
  );

  it('reads the manifests through the assets binding, and never serves them as files itself', async () => {
    const viaBinding = await env.ASSETS.fetch(new Request('https://assets.invalid/releases/0.1.0.json'));
    expect(viaBinding.status).toBe(200);
    expect(((await viaBinding.json()) as { version: string }).version).toBe('0.1.0');
    expect((await fetchWorker('/releases/0.1.0.json')).status).toBe(404);
  });
});

describe('the widget kit in workerd', () => {
  it('serves a server-rendered embed page with the seed comparison in its HTML', async () => {
    const res = await fetchWorker('/embed/compare?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    // The seed's street-sales change, +62 % over 2015–2019, is in the page before any script runs.
    expect(html).toContain('+62%');
    expect(html).toContain('application/json+oembed');
  });

  it('serves the widget module from the assets binding with CORS for cross-origin pages', async () => {
    const res = await fetchWorker('/widget/mt0.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    // The stable mt0.js is one line importing the content-hashed module, which defines the element.
    const entry = /^import"\.\/(mt0\.[\w-]{8}\.js)";$/m.exec(await res.text())?.[1];
    expect(entry).toBeDefined();
    const module = await fetchWorker(`/widget/${entry}`);
    expect(module.headers.get('access-control-allow-origin')).toBe('*');
    expect(await module.text()).toContain('mt0-widget');
  });

  it('renders a view as an SVG and as a PNG twice its size in workerd (resvg WASM and fonts bundled)', async () => {
    const svg = await fetchWorker('/embed/series.svg?lang=en');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const text = await svg.text();
    expect(text).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="600"[\s\S]*<polyline class="line"/,
    );
    const height = Number(/height="(\d+)"/.exec(text)?.[1]);
    const png = await fetchWorker('/embed/series.png?lang=en');
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR (bytes 16–23, big-endian): 600 × height drawn at 2× is 1200 × 2·height.
    const ihdr = new DataView(bytes.buffer, bytes.byteOffset + 16, 8);
    expect([ihdr.getUint32(0), ihdr.getUint32(4)]).toEqual([1200, 2 * height]);
    // A narrower one from the same isolate (the WASM and fonts already loaded): 400 px at 2×.
    const narrow = new Uint8Array(
      await (await fetchWorker('/embed/stat.png?lang=es&width=400')).arrayBuffer(),
    );
    expect(new DataView(narrow.buffer, narrow.byteOffset + 16, 4).getUint32(0)).toBe(800);
  });

  it('draws an embed pinned to an older kept release from the static assets (?v=)', async () => {
    const data = await (await fetchWorker('/embed/stat.json?lang=en&v=0.2.0')).json();
    expect(data).toMatchObject({ version: '0.2.0', csv: '/v1/changes?format=csv&v=0.2.0' });
    const page = await fetchWorker('/embed/stat?lang=en&v=0.2.0');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('v0.2.0');
    expect((await fetchWorker('/embed/stat.json?v=9.9.9')).status).toBe(404);
  });

  it('answers oEmbed for its own embed URLs and refuses any other URL', async () => {
    const own = await fetchWorker(
      `/oembed?url=${encodeURIComponent('https://api.example/embed/stat?lang=es')}&format=json`,
    );
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ type: 'rich', version: '1.0' });
    const foreign = await fetchWorker(`/oembed?url=${encodeURIComponent('https://evil.example/embed/stat')}`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toBe('application/problem+json');
  });
});

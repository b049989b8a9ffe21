// /embed/{view}.svg and .png through the kit handler (no server), and where the pages point at them.
import { dataset } from '@mt0/core/dataset';
import { describe, expect, it } from 'vitest';
import { VIEWS } from '../lib/views.js';
import { createKitHandler } from './index.js';

const kit = createKitHandler({ origin: 'https://kit.example' });
const get = async (path: string) => {
  const res = (await kit(new Request(`https://kit.example${path}`))) as Response;
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
};
/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
const pngSize = (b: Uint8Array) => {
  const v = new DataView(b.buffer, b.byteOffset);
  return [v.getUint32(16), v.getUint32(20)];
};
const svgHeight = (svg: string) => Number(/height="(\d+)"/.exec(svg)?.[1]);

describe('GET /embed/{view}.svg and .png', () => {
  it('renders every view as an SVG and a PNG twice its size', async () => {
    for (const view of VIEWS) {
      const svg = await get(`/embed/${view}.svg?lang=en`);
      expect(svg.res.status).toBe(200);
      expect(svg.res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      const text = new TextDecoder().decode(svg.bytes);
      expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="600"/);
      const png = await get(`/embed/${view}.png?lang=en`);
      expect(png.res.status).toBe(200);
      expect(png.res.headers.get('content-type')).toBe('image/png');
      expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // 600 × h drawn at 2×: 1200 × 2h.
      expect(pngSize(png.bytes)).toEqual([1200, 2 * svgHeight(text)]);
    }
  }, 120000);

  it('takes the page’s parameters and a width, and names a bad one', async () => {
    const narrow = await get('/embed/series.png?geo=CL-RM&lang=es&theme=dark&width=400');
    expect(pngSize(narrow.bytes)[0]).toBe(800);
    const bad = await get('/embed/series.png?width=100');
    expect(bad.res.status).toBe(400);
    expect(new TextDecoder().decode(bad.bytes)).toContain('width');
    expect((await get('/embed/series.svg?lang=fr')).res.status).toBe(400);
    expect((await get('/embed/stat.png?geo=CL-RM')).res.status).toBe(404);
    expect((await get('/embed/pie.svg')).res.status).toBe(404);
  }, 60000);

  it('is the og:image of the embed page and the thumbnail of its oEmbed', async () => {
    const page = new TextDecoder().decode((await get('/embed/compare?lang=es')).bytes);
    expect(page).toContain(
      '<meta property="og:image" content="https://kit.example/embed/compare.png?lang=es">',
    );
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
    const url = encodeURIComponent('https://kit.example/embed/compare?lang=es');
    const o = JSON.parse(new TextDecoder().decode((await get(`/oembed?url=${url}`)).bytes));
    const png = await get('/embed/compare.png?lang=es');
    // oEmbed pins the current release (its html too): the thumbnail is that release's image.
    expect(o.thumbnail_url).toBe(`https://kit.example/embed/compare.png?lang=es&v=${dataset.meta.version}`);
    expect([o.thumbnail_width, o.thumbnail_height]).toEqual(pngSize(png.bytes));
  }, 60000);

  it('names each image of a release by an ETag and answers a revalidation with 304 before drawing', async () => {
    const svg = await get('/embed/series.svg?lang=es');
    const png = await get('/embed/series.png?lang=es');
    const [se, pe] = [svg.res.headers.get('etag'), png.res.headers.get('etag')];
    expect(se).toMatch(/^"k[0-9a-z]+-[0-9a-z]+"$/);
    expect(pe).toMatch(/^"r\d+[0-9a-z]+-[0-9a-z]+"$/);
    // Another selection, another image, another tag.
    expect((await get('/embed/series.svg?lang=en')).res.headers.get('etag')).not.toBe(se);
    for (const [path, etag] of [
      ['/embed/series.svg?lang=es', se],
      ['/embed/series.png?lang=es', pe],
    ] as const) {
      const res = (await kit(
        new Request(`https://kit.example${path}`, { headers: { 'if-none-match': `"other", W/${etag}` } }),
      )) as Response;
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(await res.text()).toBe('');
    }
    const stale = (await kit(
      new Request('https://kit.example/embed/series.png?lang=es', {
        headers: { 'if-none-match': '"other"' },
      }),
    )) as Response;
    expect(stale.status).toBe(200);
  }, 60000);
});

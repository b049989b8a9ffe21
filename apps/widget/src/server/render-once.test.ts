// The kit renders a page once per origin and parameters and serves it from a cache bounded by bytes:
// counted by spying on Svelte's `render` (embed pages) and on the embed codes (the gallery).
import { afterEach, describe, expect, it, vi } from 'vitest';

const counts = vi.hoisted(() => ({ render: 0, codes: 0 }));

vi.mock('svelte/server', async (original) => {
  const m = await original<typeof import('svelte/server')>();
  return {
    ...m,
    // render() is overloaded; the spy passes whatever it gets straight through.
    render: ((...args: unknown[]) => {
      counts.render++;
      return (m.render as (...a: unknown[]) => unknown)(...args);
    }) as typeof m.render,
  };
});

vi.mock('../lib/embedCodes.js', async (original) => {
  const m = await original<typeof import('../lib/embedCodes.js')>();
  return {
    ...m,
    embedCodes: (...args: Parameters<typeof m.embedCodes>) => {
      counts.codes++;
      return m.embedCodes(...args);
    },
  };
});

const { createKitHandler } = await import('./index.js');

const get = async (kit: ReturnType<typeof createKitHandler>, url: string) => {
  const res = (await kit(new Request(url))) as Response;
  return { status: res.status, etag: res.headers.get('etag'), text: await res.text() };
};

afterEach(() => {
  counts.render = 0;
  counts.codes = 0;
});

describe('render once', () => {
  it('renders an embed page once for a hundred requests (view, footer and its og:image SVG: three renders)', async () => {
    const kit = createKitHandler({ origin: 'https://kit.example', assets: false });
    const first = await get(kit, 'http://x/embed/compare?lang=es');
    for (let i = 0; i < 99; i++)
      expect((await get(kit, 'http://x/embed/compare?lang=es')).text).toBe(first.text);
    // The third: compare's bars in the image SVG, drawn for the og:image height (then kept).
    expect(counts.render).toBe(3);
    expect(first.etag).toMatch(/^"k[0-9a-z]+-[0-9a-z]+"$/);
  });

  it('renders the gallery once (ten cards of embed codes), not on every request', async () => {
    const kit = createKitHandler({ origin: 'https://kit.example', assets: false });
    for (let i = 0; i < 50; i++) expect((await get(kit, 'http://x/')).status).toBe(200);
    // 5 views × 2 languages.
    expect(counts.codes).toBe(10);
  });

  it('keys by origin: a page made for one origin is never served for another', async () => {
    const kit = createKitHandler({ assets: false });
    const a = await get(kit, 'http://a.example/embed/stat?lang=en');
    const b = await get(kit, 'http://b.example/embed/stat?lang=en');
    expect(a.text).toContain('http://a.example/embed/stat');
    expect(b.text).toContain('http://b.example/embed/stat');
    expect(b.text).not.toContain('a.example');
    expect(counts.render).toBe(4);
  });

  it('stays within its bound: an evicted page is rendered again, and 0 turns the cache off', async () => {
    // A series page is ~26,300 characters, charged 2 bytes each (~53 KB): a 300 KB bound holds five (and
    // takes entries up to a quarter of it, 75 KB); twelve other widths (not 600, the default) push the
    // first one out.
    const small = createKitHandler({ origin: 'https://kit.example', assets: false, cacheBytes: 300 * 1024 });
    await get(small, 'http://x/embed/series?lang=es');
    await get(small, 'http://x/embed/series?lang=es');
    expect(counts.render).toBe(3); // kept (view, footer, the og:image's series plot)
    for (let w = 305; w < 900; w += 50) await get(small, `http://x/embed/series?lang=es&initialWidth=${w}`);
    const before = counts.render;
    await get(small, 'http://x/embed/series?lang=es');
    // Evicted, rendered again: view and footer; the og:image's SVG is still in the image cache.
    expect(counts.render).toBe(before + 2);
    const off = createKitHandler({ origin: 'https://kit.example', assets: false, cacheBytes: 0 });
    counts.render = 0;
    await get(off, 'http://x/embed/stat');
    await get(off, 'http://x/embed/stat');
    expect(counts.render).toBe(4);
  });
});

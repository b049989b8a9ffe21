// Pinned embeds on the kit's server: `?v=` on the embed page, its data, its images and oEmbed. The kept
// release here is synthetic (the current dataset under another version, one figure altered), so that
// the test can tell which release answered; the API's own test (apps/api) serves the real kept ones.
import { dataset } from '@mt0/core/dataset';
import { describe, expect, it } from 'vitest';
import type { DatasetLike } from '../lib/snapshot.js';
import { createKitHandler } from './index.js';

const CURRENT = dataset.meta.version;
const OLD = '0.0.7';
const SEIZURES = dataset.changes.find((c) => c.indicator === 'mt0.seizures' && c.geo === 'CL');
if (!SEIZURES) throw new Error('the dataset has no mt0.seizures change for CL');
// Synthetic: the old release said 7 % less than the current figure.
const OLD_PERCENT = SEIZURES.percent - 7;
const old = {
  ...dataset,
  meta: { ...dataset.meta, version: OLD, releaseDate: '2026-01-15' },
  changes: dataset.changes.map((c) => (c.id === SEIZURES.id ? { ...c, percent: OLD_PERCENT } : c)),
} as unknown as DatasetLike;

const asked: string[] = [];
const kit = createKitHandler({
  origin: 'https://kit.example',
  assets: false,
  images: false,
  release: async (v) => {
    asked.push(v);
    return v === OLD ? old : undefined;
  },
});
const get = async (path: string) => {
  const res = await kit(new Request(`https://kit.example${path}`));
  if (!res) throw new Error(`not handled: ${path}`);
  return res;
};
const statData = async (q: string) =>
  (await (await get(`/embed/stat.json?lang=en${q}`)).json()) as {
    version: string;
    released?: string;
    csv: string;
    image: string;
    stat: { big: string };
  };

describe('a widget pinned to a kept release', () => {
  it("draws that release's figures, version and date, and links its CSV and image to it", async () => {
    const d = await statData(`&v=${OLD}`);
    expect(d.version).toBe(OLD);
    expect(d.released).toBe('15 Jan 2026');
    expect(d.stat.big).toBe(`+${OLD_PERCENT}%`);
    expect(d.csv).toBe(`/v1/changes?format=csv&v=${OLD}`);
    expect(d.image).toBe(`/embed/stat.png?lang=en&v=${OLD}`);
    const now = await statData('');
    expect(now.version).toBe(CURRENT);
    expect(now.stat.big).toBe(`+${SEIZURES.percent}%`);
  });

  it('serves the current release itself when pinned to it (the store is not asked)', async () => {
    const before = asked.length;
    const d = await statData(`&v=${CURRENT}`);
    expect(d.version).toBe(CURRENT);
    expect(asked.length).toBe(before);
  });

  it("renders the embed page, its SVG and oEmbed's html of the pinned release", async () => {
    const page = await (await get(`/embed/stat?lang=en&v=${OLD}`)).text();
    expect(page).toContain(`+${OLD_PERCENT}%`);
    expect(page).toContain(`v${OLD}`);
    expect(page).toContain(
      `<link rel="canonical" href="https://kit.example/embed/stat?lang=en&amp;v=${OLD}">`,
    );
    const svg = await (await get(`/embed/stat.svg?lang=en&v=${OLD}`)).text();
    expect(svg).toContain(`v${OLD}`);
    const url = encodeURIComponent(`https://kit.example/embed/stat?lang=en&v=${OLD}`);
    const o = await (await get(`/oembed?url=${url}`)).json();
    expect(o.html).toContain(`src="https://kit.example/embed/stat?lang=en&amp;v=${OLD}"`);
  });

  it('pins the current release in the html of an unpinned oEmbed URL (a pasted embed never changes)', async () => {
    const url = encodeURIComponent('https://kit.example/embed/stat?lang=en');
    const o = await (await get(`/oembed?url=${url}`)).json();
    expect(o.html).toContain(`src="https://kit.example/embed/stat?lang=en&amp;v=${CURRENT}"`);
  });

  it('answers a release it does not hold with a 404 naming v, in the reader’s words on the page', async () => {
    const data = await get('/embed/stat.json?v=9.9.9');
    expect(data.status).toBe(404);
    expect(await data.json()).toMatchObject({
      title: 'Unknown release',
      detail: expect.stringMatching(/^v: /),
    });
    const page = await get('/embed/stat?v=9.9.9&lang=en&theme=dark');
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('This release of the data is not available.');
    expect(html).toContain('<html lang="en"');
    expect((await get('/embed/stat.svg?v=9.9.9')).status).toBe(404);
    const url = encodeURIComponent('https://kit.example/embed/stat?v=9.9.9');
    expect((await get(`/oembed?url=${url}`)).status).toBe(404);
  });

  it('answers a malformed release with a 400 naming v, never asking the store', async () => {
    const before = asked.length;
    const data = await get('/embed/stat.json?v=latest');
    expect(data.status).toBe(400);
    expect((await data.json()).detail).toBe('v: "latest" is not a release version such as 0.4.0');
    const page = await get('/embed/stat?v=..%2F..%2Fetc&lang=es');
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('No se pudo mostrar este gráfico.');
    expect(asked.length).toBe(before);
  });

  it('without a release source, holds only the current release', async () => {
    const plain = createKitHandler({ origin: 'https://kit.example', assets: false, images: false });
    const res = await plain(new Request(`https://kit.example/embed/stat.json?v=${OLD}`));
    expect(res?.status).toBe(404);
    const cur = await plain(new Request(`https://kit.example/embed/stat.json?v=${CURRENT}`));
    expect(cur?.status).toBe(200);
  });
});

// The widget kit as node.ts mounts it: pinned embeds (?v=) draw the kept releases the API's ?v= serves,
// read from @mt0/core's releases/ on disk.
import { dataset } from '@mt0/core/dataset';
import { createKitHandler } from '@mt0/widget/server';
import { describe, expect, it } from 'vitest';
import { keptDataset, keptReleases } from '../lib/releases.js';
import { diskReleases } from './releases.js';

const store = diskReleases();
const kit = createKitHandler({
  origin: 'https://kit.example',
  assets: false,
  images: false,
  release: (v) => keptDataset(store, v),
});
const json = async (path: string) => {
  const res = await kit(new Request(`https://kit.example${path}`));
  expect(res?.status, path).toBe(200);
  return (await res?.json()) as {
    version: string;
    released?: string;
    stat?: { table: { rows: { key: string }[] } };
  };
};

describe('pinned embeds on Node', () => {
  it('draw every kept release with its own version and date', async () => {
    for (const r of keptReleases) {
      const d = await json(`/embed/stat.json?lang=en&v=${r.version}`);
      expect(d.version).toBe(r.version);
      // The footer's date, as the widget writes it in English ("29 Nov 2026" for 2026-11-29).
      const [y, m, day] = r.date.split('-').map(Number) as [number, number, number];
      const month = new Date(Date.UTC(y, m - 1, day)).toLocaleString('en-GB', {
        month: 'short',
        timeZone: 'UTC',
      });
      expect(d.released).toBe(`${day} ${month} ${y}`);
    }
  });

  it('answer the current release from the dataset itself', async () => {
    const pinned = await json(`/embed/stat.json?v=${dataset.meta.version}`);
    const latest = await json('/embed/stat.json');
    expect(pinned.version).toBe(dataset.meta.version);
    expect(pinned.stat).toEqual(latest.stat);
  });

  it('answer a release that is not kept with a 404', async () => {
    const res = await kit(new Request('https://kit.example/embed/stat.json?v=0.0.9'));
    expect(res?.status).toBe(404);
  });
});

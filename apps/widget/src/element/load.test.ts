// The loader against the kit's own JSON (the real handler, answering as it will behind the API), and
// against every way the network can fail.
import { describe, expect, it } from 'vitest';
import { full, params } from '../lib/test-utils.js';
import { createKitHandler } from '../server/index.js';
import { dataUrl, load } from './load.js';

type Init = { signal: AbortSignal };
const kit = createKitHandler({});
const real = async (url: string) => (await kit(new Request(url))) ?? new Response('', { status: 404 });
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('load()', () => {
  it('builds the kit URL of a view', () => {
    expect(
      dataUrl('https://kit.test/', params('series', { geo: 'CL-RM', from: '2015', theme: 'dark' })),
    ).toBe('https://kit.test/embed/series.json?geo=CL-RM&from=2015&lang=es');
  });

  it('loads a regional series the snapshot does not have', async () => {
    const r = await load('https://kit.test', params('series', { geo: 'CL-RM', lang: 'en' }), real);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rm = full.observations.filter((o) => o.indicator === 'cead.cases.drugs' && o.geo === 'CL-RM');
    expect(r.data.version).toBe(full.version);
    expect(r.data.series?.points.filter((p) => p.value !== null)).toHaveLength(rm.length);
    expect(r.data.series?.title).toContain(full.geos.find((g) => g.id === 'CL-RM')?.name.en);
  });

  it('fails (never throws) on a 404, on data of the wrong shape, on a javascript: link and on a network error', async () => {
    const p = params('stat');
    expect(await load('https://kit.test', params('series', { indicator: 'nope.none' }), real)).toEqual({
      ok: false,
      reason:
        '404 from https://kit.test/embed/series.json?indicator=nope.none&lang=es: The dataset has nothing for this selection.',
      empty: true,
    });
    const good = await (await real(dataUrl('https://kit.test', p))).json();
    const wrong = await load('https://kit.test', p, async () =>
      json({ ...good, stat: { ...good.stat, big: 150 } }),
    );
    expect(wrong).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid data/) });
    const evil = { ...good, sources: [{ label: 'x', url: 'javascript:alert(1)' }] };
    expect(await load('https://kit.test', p, async () => json(evil))).toMatchObject({ ok: false });
    const otherLang = await load('https://kit.test', { ...p, lang: 'en' }, async () => json(good));
    expect(otherLang).toMatchObject({ ok: false });
    const down = await load('https://kit.test', p, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(down).toEqual({ ok: false, reason: 'Failed to fetch' });
  });

  it('gives up after the timeout', async () => {
    const hang = (_u: string, init: Init) =>
      new Promise<Response>((_, reject) =>
        init.signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    expect(await load('https://kit.test', params('table'), hang, 30)).toEqual({
      ok: false,
      reason: 'timed out after 30 ms',
    });
  });
});

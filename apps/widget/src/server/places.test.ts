// Comunas and months in the kit's pages: the place's static file of the store, drawn by the same views
// with core's functions. The place files are the built ones (@mt0/store's dist/places/).
import { describe, expect, it } from 'vitest';
import { readPlaceFile as read } from '../lib/test-utils.js';
import { createKitHandler } from './index.js';

const kit = createKitHandler({ origin: 'https://kit.example', assets: false, place: read });
const get = async (path: string) => {
  const res = await kit(new Request(`http://127.0.0.1:9${path}`));
  if (!res) throw new Error(`not handled: ${path}`);
  return { status: res.status, text: await res.text() };
};
/** The visible HTML: the page without its JSON props. */
const visible = (html: string) => html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');

describe('a comuna in the embeds', () => {
  it("draws Calama's yearly microtrafficking cases, 2018–2025, given by name, in Spanish and dark", async () => {
    const { status, text } = await get(
      '/embed/series?indicator=cead.cases.microtrafficking&geo=calama&from=2018&to=2025&resolution=year&lang=es&theme=dark',
    );
    expect(status).toBe(200);
    const html = visible(text);
    expect(html).toContain('Calama, 2018–2025');
    // The sums of Calama's months in the store: 2018 → 85 cases, 2025 → 176.
    expect(html).toMatch(/>85</);
    expect(html).toMatch(/>176</);
  });

  it('takes the same aliases as the API: the CUT code, the id in any case', async () => {
    const base =
      '/embed/series?indicator=cead.cases.microtrafficking&from=2018&to=2025&resolution=year&lang=es';
    for (const geo of ['Calama', '2201', '02201', 'cl-02201', 'CL-02201']) {
      const html = visible((await get(`${base}&geo=${geo}`)).text);
      expect(html, geo).toContain('Calama, 2018–2025');
      expect(html, geo).toMatch(/>176</);
    }
  });

  it('draws months as a 12-month rolling sum, labelled, with no point where 12 months are not there', async () => {
    const { status, text } = await get(
      '/embed/series?indicator=cead.cases.drugs&geo=2201&resolution=month&rolling=12&from=2018-01&to=2019-12&lang=en',
    );
    expect(status).toBe(200);
    const html = visible(text);
    expect(html).toContain('sum of the last 12 months');
    // January–November 2018 have fewer than 12 months before them in the window: gaps, never a sum.
    expect((html.match(/no data/g) ?? []).length).toBeGreaterThanOrEqual(11);
  });

  it("shows a comuna's latest full year, and refuses its change across the 2025 break in words", async () => {
    const latest = visible(
      (await get('/embed/stat?indicator=cead.cases.microtrafficking&geo=calama&lang=es')).text,
    );
    expect(latest).toMatch(/>176</);
    expect(latest).toContain('Sin comparación con 2024 (quiebre de serie 2025');
    const before = visible(
      (await get('/embed/stat?indicator=cead.cases.microtrafficking&geo=calama&to=2024&lang=en')).text,
    );
    // 2024 against 2023: (135 − 141) / 141 × 100 = −4.26 %
    expect(before).toMatch(/>135</);
    expect(before).toMatch(/−4\.3% vs\. 2023/);
  });

  it('refuses an unknown place with an error naming geo, and a bad resolution', async () => {
    expect((await get('/embed/series?geo=%3Cscript%3E')).status).toBe(400);
    expect((await get('/embed/series?geo=calama&resolution=week')).status).toBe(400);
    expect((await get('/embed/series?geo=calama&rolling=6')).status).toBe(400);
  });
});

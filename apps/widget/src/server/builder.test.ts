// The builder's page as the server writes it (before any script): views from the registry, the options
// from the URL, the codes for them, and a bad URL named in words above a working builder.
import { describe, expect, it } from 'vitest';
import { full, readPlaceFile } from '../lib/test-utils.js';
import { VIEW_LIST, viewText } from '../lib/views.js';
import { createKitHandler, kitPathKind } from './index.js';

/** The current release, which the builder's codes pin by default. */
const V = full.version;
const kit = createKitHandler({ origin: 'https://kit.example', assets: false, place: readPlaceFile });
const get = async (path: string) => {
  const res = await kit(new Request(`http://127.0.0.1:9${path}`));
  if (!res) throw new Error(`not handled: ${path}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
};
const fromHtml = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&amp;', '&');

describe('GET /builder', () => {
  it('is a page of the kit, linked from the gallery', async () => {
    expect(kitPathKind('/builder')).toBe('page');
    expect((await get('/')).text).toContain('<a href="/builder">builder</a>');
  });

  it('lists every view of the registry with its words, and submits to itself without JavaScript', async () => {
    const { status, headers, text } = await get('/builder?lang=en');
    expect(status).toBe(200);
    for (const v of VIEW_LIST) {
      expect(text).toContain(`value="${v.name}"`);
      expect(text).toContain(viewText(v.name).label.en);
    }
    expect(text).toContain('<form id="options" method="get" action="/builder"');
    expect(headers.get('content-security-policy')).toContain("form-action 'self'");
    // The place combobox, as ARIA 1.2 has it.
    expect(text).toMatch(
      /<input id="geo" [^>]*role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="geo-list"/,
    );
    expect(text).toContain('<ul id="geo-list" role="listbox" aria-labelledby="geo-label" hidden>');
  });

  it('shows the options of its URL: the place by name, the preview, the codes, oEmbed and the link back', async () => {
    const q =
      'view=series&indicator=cead.cases.microtrafficking&geo=2201&from=2018&to=2025&resolution=year&lang=es&theme=dark';
    const { status, text } = await get(`/builder?${q}`);
    expect(status).toBe(200);
    expect(text).toContain('value="Calama" data-id="2201"');
    expect(text).toContain(
      `<mt0-widget view="series" indicator="cead.cases.microtrafficking" geo="2201" from="2018" to="2025" resolution="year" lang="es" theme="dark" release="${V}"></mt0-widget>`,
    );
    const codes = fromHtml(text);
    expect(codes).toContain(
      `<mt0-widget view="series" indicator="cead.cases.microtrafficking" geo="2201" from="2018" to="2025" resolution="year" lang="es" theme="dark" release="${V}"`,
    );
    expect(codes).toContain('title="Casos policiales por microtráfico, Calama, 2018–2025"');
    expect(codes).toContain(
      `https://kit.example/oembed?url=${encodeURIComponent(`https://kit.example/embed/series?indicator=cead.cases.microtrafficking&geo=2201&from=2018&to=2025&resolution=year&lang=es&theme=dark&v=${V}`)}&format=json`,
    );
    // The codes pin the current release: the link back names it.
    expect(codes).toContain(`<code id="code-builder">https://kit.example/builder?${q}&v=${V}</code>`);
  });

  it('names what is wrong with a bad URL (400) above the builder with the defaults, never a blank page', async () => {
    const { status, text } = await get('/builder?view=pie&geo=%3Cscript%3E&rolling=6&lang=en');
    expect(status).toBe(400);
    expect(text).toContain('<div id="problem" class="problem" role="alert"><p>The address carries options');
    expect(text).toContain('view: &quot;pie&quot; is not one of stat, series, compare, statement, table');
    expect(text).toContain('rolling: &quot;6&quot; is not one of 12');
    expect(text).not.toContain('<script>');
    expect(text).toContain(`<mt0-widget view="series" geo="CL" lang="en" theme="auto" release="${V}">`);
  });

  it('says so when the options are valid but have no data, and leaves the codes empty', async () => {
    const { status, text } = await get('/builder?view=series&indicator=nope.none&lang=en');
    expect(status).toBe(200);
    expect(text).toContain('There are no data for this selection');
    expect(text).toContain('<code id="code-script"></code>');
  });

  it('keeps only what the view takes: a compare carries no place, months or rolling sum', async () => {
    const { text } = await get('/builder?view=compare&geo=CL-RM&resolution=month&rolling=12&lang=es');
    expect(text).toContain(`<mt0-widget view="compare" geo="CL" lang="es" theme="auto" release="${V}">`);
  });
});

// The kit's HTML, as strings: server-rendered numbers before any script, oEmbed, errors, CSP.
import { describe, expect, it } from 'vitest';
import { change, full, obs } from '../lib/test-utils.js';
import { VIEWS } from '../lib/views.js';
import { assetManifest, createKitHandler, requestOrigin } from './index.js';

const kit = createKitHandler({ origin: 'https://kit.example', assets: false });
const get = async (path: string, method = 'GET') => {
  const res = await kit(new Request(`http://127.0.0.1:9/${path.replace(/^\//, '')}`, { method }));
  if (!res) throw new Error(`not handled: ${path}`);
  return { res, text: await res.text() };
};
/** The visible HTML: the page without its JSON props. */
const visible = (html: string) => html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');

describe('GET /embed/{view}', () => {
  it('renders the numbers, the table and the source into the HTML before any script', async () => {
    const { res, text } = await get('/embed/compare?lang=es');
    expect(res.status).toBe(200);
    const html = visible(text);
    // Street sales +62 % over 2015→2019 → 1.62^(1/4) − 1 = 12.8 % a year; convictions 1.18^(1/4) − 1 = 4.2 %.
    expect(change('fiscalia.street_sales:CL:2015/2019:fiscalia.via.insightcrime.2022').percent).toBe(62);
    for (const n of ['+150% al año', '+12,8% al año', '+4,2% al año', 'Total: +62%, 2015→2019'])
      expect(html).toContain(n);
    expect(html).toContain('<table>');
    expect(html).toContain('vía InSight Crime</a>');
    // The bars drawn in % of the row: the same boxes before and after hydration, at any width.
    expect(html).toMatch(
      /<svg class="bars" width="100%" height="24" aria-hidden="true"><rect class="bar" x="[\d.]+%"/,
    );
    expect(html).toContain('Descargar datos');
    expect(html).toContain('href="https://kit.example/v1/changes?format=csv"');
  });

  it('renders every view in es and en with a title and its oEmbed discovery link', async () => {
    for (const view of VIEWS) {
      for (const lang of ['es', 'en']) {
        const { res, text } = await get(`/embed/${view}?lang=${lang}`);
        expect(res.status, `${view} ${lang}`).toBe(200);
        expect(text).toContain(`<html lang="${lang}"`);
        const oembed = `https://kit.example/oembed?url=${encodeURIComponent(`https://kit.example/embed/${view}?lang=${lang}`)}&amp;format=json`;
        expect(text).toContain(`<link rel="alternate" type="application/json+oembed" href="${oembed}"`);
        expect(text).toContain(lang === 'es' ? 'Citar' : 'Cite');
      }
    }
  });

  it('renders a series in English numbers with its events', async () => {
    const { text } = await get('/embed/series?lang=en&from=2015&to=2020');
    // 2015: 12,775 cases (record value), printed "12,775".
    expect(obs('cead.cases.drugs:CL:2015:cead.casos_policiales.extract2026').value).toBe(12775);
    expect(visible(text)).toContain('2015: 12,775');
    expect(visible(text)).not.toContain('2021:');
  });

  it('has no inline script: only our module and the JSON props; a strict CSP that allows embedding', async () => {
    const { res, text } = await get(
      '/embed/stat?lang=en&childId=x&initialWidth=320&parentTitle=T&parentUrl=https%3A%2F%2Fa.b',
    );
    const scripts = text.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual([
      `<script type="module" src="${assetManifest.names['stat.js']?.path}">`,
      '<script type="application/json" id="mt0-props">',
    ]);
    expect(assetManifest.names['stat.js']?.path).toMatch(/^\/embed-assets\/stat\.[0-9a-f]{10}\.js$/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' https://kit.example");
    expect(csp).toContain('frame-ancestors *');
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('keeps the JSON props from closing the script', async () => {
    const { text } = await get('/embed/statement?lang=en');
    const json = /<script type="application\/json" id="mt0-props">([\s\S]*?)<\/script>/.exec(text)?.[1] ?? '';
    expect(json).not.toContain('<');
    expect(JSON.parse(json).data.view).toBe('statement');
  });

  it('answers bad parameters with 400 and an unknown view with 404, as HTML pages', async () => {
    const bad = await get('/embed/stat?lang=fr&geo=%3Cscript%3E');
    expect(bad.res.status).toBe(400);
    expect(bad.res.headers.get('content-type')).toMatch(/^text\/html/);
    // The reader gets one sentence in the page's language; the details are for the console only.
    expect(bad.text).toContain('<h1 class="problem">No se pudo mostrar este gráfico.</h1>');
    expect(bad.text).toContain('lang: \\"fr\\" is not one of es, en');
    expect(bad.text).not.toContain('<script>');
    expect((await get('/embed/pie')).res.status).toBe(404);
    expect((await get('/embed/series?indicator=nope.none')).res.status).toBe(404);
    expect((await get('/embed/stat?initialWidth=wide')).res.status).toBe(400);
  });

  it('gives readers an error page in their language and theme, with no URL or status code', async () => {
    const bad = await get('/embed/series?lang=en&theme=dark&from=soon');
    expect(bad.res.status).toBe(400);
    expect(bad.text).toContain('<html lang="en" class="theme-dark">');
    expect(bad.text).toContain(
      '<div class="mt0 theme-dark"><h1 class="problem">This chart could not be shown.</h1></div>',
    );
    // A valid selection with no data says so in words.
    const none = await get('/embed/stat?geo=CL-RM&lang=en');
    expect(none.res.status).toBe(404);
    expect(none.text).toContain('<h1 class="problem">No data for this selection.</h1>');
    for (const page of [bad.text, none.text]) {
      const readable = visible(page).replace(/<script[\s\S]*?<\/script>/g, '');
      expect(readable).not.toMatch(/https?:|\b40\d\b/);
    }
  });

  it('answers HEAD without a body and other methods with 405', async () => {
    const head = await get('/embed/stat', 'HEAD');
    expect([head.res.status, head.text]).toEqual([200, '']);
    expect((await get('/embed/stat', 'POST')).res.status).toBe(405);
  });

  it('leaves every other path to the host app', async () => {
    expect(await kit(new Request('http://127.0.0.1/v1/sources'))).toBeNull();
    expect(await kit(new Request('http://127.0.0.1/widget/mt0.js'))).toBeNull();
  });
});

describe('GET /oembed', () => {
  const oembed = async (q: string) => get(`/oembed?${q}`);
  const ours = encodeURIComponent('https://kit.example/embed/compare?lang=en');

  it('answers a fluid iframe for our own embed URLs, within maxwidth, whose height follows its content', async () => {
    const { res, text } = await oembed(`url=${ours}&maxwidth=480&maxheight=300&format=json`);
    expect(res.status).toBe(200);
    const body = JSON.parse(text);
    // compare drawn 375 px wide: 1035 px; 600 wide: 735. At 480: 1035 − 105 × 300 / 225 = 895. maxheight 300
    // would cut the figure: the height says what it takes instead.
    expect(body).toMatchObject({
      version: '1.0',
      type: 'rich',
      width: 480,
      height: 895,
      provider_name: 'MT-0 Data Kit',
    });
    expect(body.html).toBe(
      `<iframe src="https://kit.example/embed/compare?lang=en&amp;v=${full.version}" title="${body.title}" width="100%" height="895" style="width:100%;max-width:480px;border:0" frameborder="0" loading="lazy"></iframe>\n<script async src="https://kit.example/widget/resize.js"></script>`,
    );
    expect(body.html).not.toContain('scrolling');
  });

  it('gives a 404 problem for any other URL and never echoes it', async () => {
    for (const url of [
      'https://evil.example/embed/compare',
      'javascript:alert(1)',
      'https://kit.example/v1/sources',
      'https://kit.example/embed/pie',
    ]) {
      const { res, text } = await oembed(`url=${encodeURIComponent(url)}`);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(text).not.toContain('evil');
      expect(text).not.toContain('javascript');
    }
  });

  it('gives 501 for XML and 400 for a missing url or a bad size', async () => {
    expect((await oembed(`url=${ours}&format=xml`)).res.status).toBe(501);
    expect((await oembed(`url=${ours}&format=jsonp`)).res.status).toBe(400);
    expect((await oembed('format=json')).res.status).toBe(400);
    expect((await oembed(`url=${ours}&maxwidth=-3`)).res.status).toBe(400);
  });

  it("types its problems as the API does (RFC 9457): the kit's /docs names each kind", async () => {
    // A status with a type of its own links it; one without is about:blank with the status's phrase.
    expect(JSON.parse((await oembed(`url=${ours}&maxwidth=-3`)).text)).toMatchObject({
      type: '/docs#problem-invalid-parameter',
      status: 400,
    });
    expect(JSON.parse((await oembed('url=https%3A%2F%2Fevil.example%2F')).text)).toMatchObject({
      type: '/docs#problem-not-found',
      status: 404,
    });
    expect(JSON.parse((await oembed(`url=${ours}&format=xml`)).text)).toMatchObject({
      type: 'about:blank',
      title: 'Not Implemented',
      status: 501,
    });
  });
});

describe('GET /', () => {
  it('lists every view in both languages with three embed codes and copy buttons', async () => {
    const { res, text } = await get('/');
    expect(res.status).toBe(200);
    for (const view of VIEWS) {
      for (const lang of ['es', 'en']) {
        expect(text).toContain(`id="${view}-${lang}"`);
        for (const kind of ['script', 'iframe', 'link'])
          expect(text).toContain(`data-copy="${view}-${lang}-${kind}"`);
      }
    }
    expect(text).toContain(
      `&lt;mt0-widget view=&quot;compare&quot; lang=&quot;es&quot; release=&quot;${full.version}&quot; style=&quot;display:block;min-height:max(1535px - 133.3vw, 973.5px - 39.8vw, 576px)&quot;&gt;&lt;/mt0-widget&gt;`,
    );
    expect(text).toContain(`v${full.version}`);
  });

  it('is styled by its own stylesheet and scripted by its own file: no inline style or script', async () => {
    const { res, text } = await get('/');
    expect(text).toContain(`<link rel="stylesheet" href="${assetManifest.names['gallery.css']?.path}">`);
    expect(text).not.toMatch(/<style|style="|<script>/);
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
    for (const lang of ['es', 'en'])
      expect(text).toContain(`<section class="lang" id="${lang}" lang="${lang}"`);
  });
});

describe('static files', () => {
  const dist = new URL('../../dist/public/', import.meta.url).href;
  const withAssets = createKitHandler({ assets: dist });

  it('serves the built files with CORS (module scripts load cross-origin) and refuses traversal', async () => {
    const res = await withAssets(new Request('http://127.0.0.1/widget/resize.js'));
    expect(res?.status).toBe(200);
    expect(res?.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res?.headers.get('access-control-allow-origin')).toBe('*');
    // `/widget/%2e%2e/…` normalises out of /widget (not ours: null); an encoded slash is refused.
    expect(await withAssets(new Request('http://127.0.0.1/widget/%2e%2e/server/index.js'))).toBeNull();
    expect((await withAssets(new Request('http://127.0.0.1/widget/..%2fserver%2findex.js')))?.status).toBe(
      404,
    );
    expect((await withAssets(new Request('http://127.0.0.1/widget/nope.js')))?.status).toBe(404);
  });

  it('leaves them to the host with assets: false', async () => {
    expect(await kit(new Request('http://127.0.0.1/widget/mt0.js'))).toBeNull();
  });
});

describe('GET /embed/{view}.json', () => {
  it('answers the data mt0.js draws, with CORS, and problems for bad input', async () => {
    const { res, text } = await get('/embed/stat.json?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const data = JSON.parse(text);
    expect([data.view, data.lang, data.stat.big]).toEqual([
      'stat',
      'en',
      `+${change('mt0.seizures:CL:2020/2021:pdi.via.insightcrime.2022').percent}%`,
    ]);
    expect((await get('/embed/stat.json?lang=xx')).res.status).toBe(400);
    expect((await get('/embed/pie.json')).res.status).toBe(404);
  });
});

describe('the public origin', () => {
  const local = createKitHandler({ assets: false });
  const configured = createKitHandler({ origin: 'https://kit.example', assets: false });
  const proxied = createKitHandler({ trustProxy: true, assets: false });
  const page = async (k: typeof kit, url: string, headers: Record<string, string> = {}) =>
    (await k(new Request(url, { headers }))) as Response;

  it('with an origin configured, ignores the Host: no other origin in links, oEmbed discovery or CSP', async () => {
    // A Request's URL carries the Host it arrived with (as @hono/node-server builds it).
    const res = await page(configured, 'http://evil.example/embed/stat?lang=en');
    const text = await res.text();
    expect(text).not.toContain('evil.example');
    expect(res.headers.get('content-security-policy')).not.toContain('evil.example');
    expect(text).toContain('<link rel="canonical" href="https://kit.example/embed/stat?lang=en">');
    const gallery = await (await page(configured, 'http://evil.example/')).text();
    expect(gallery).not.toContain('evil.example');
  });

  it('without one, takes it from the request (localhost as before), never from X-Forwarded-* unless trusted', async () => {
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'kit.example' };
    const plain = await (await page(local, 'http://127.0.0.1:8787/embed/stat?lang=en', headers)).text();
    expect(plain).toContain('href="http://127.0.0.1:8787/embed/stat?lang=en"');
    const trusted = await (await page(proxied, 'http://10.0.0.5:8787/embed/stat?lang=en', headers)).text();
    expect(trusted).toContain('<link rel="canonical" href="https://kit.example/embed/stat?lang=en">');
  });

  it('answers oEmbed for its own https URLs behind a TLS proxy (configured or trusted)', async () => {
    const url = encodeURIComponent('https://kit.example/embed/stat?lang=es');
    expect((await page(configured, `http://10.0.0.5/oembed?url=${url}`)).status).toBe(200);
    const viaProxy = await page(proxied, `http://10.0.0.5/oembed?url=${url}`, {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'kit.example',
    });
    expect(viaProxy.status).toBe(200);
    expect((await viaProxy.json()).html).toContain(
      `src="https://kit.example/embed/stat?lang=es&amp;v=${full.version}"`,
    );
    // Untrusted, the same headers change nothing: the request's own origin is http://10.0.0.5.
    expect(
      (await page(local, `http://10.0.0.5/oembed?url=${url}`, { 'x-forwarded-proto': 'https' })).status,
    ).toBe(404);
  });

  it('checks forwarded values: only http or https, and a host name', () => {
    const at = (h: Record<string, string>) =>
      requestOrigin(new Request('http://10.0.0.5:8787/', { headers: h }), { trustProxy: true });
    expect(at({ 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'Kit.Example:8443' })).toBe(
      'https://kit.example:8443',
    );
    expect(at({ 'x-forwarded-proto': 'javascript', 'x-forwarded-host': 'a"b<c>' })).toBe(
      'http://10.0.0.5:8787',
    );
    expect(requestOrigin(new Request('http://x/'), { origin: 'https://kit.example/' })).toBe(
      'https://kit.example',
    );
  });
});

describe('malformed paths', () => {
  it('answer 404, never 500: broken percent-encoding under /embed/', async () => {
    for (const path of ['/embed/%', '/embed/%E0%A4%A', '/embed/%ZZ.json', '/embed/%C0%AF']) {
      const { res } = await get(path);
      expect(res.status, path).toBe(404);
    }
  });
});

describe('cross-origin isolated hosts (COEP)', () => {
  it('embed pages and their error pages opt in to COEP and allow cross-origin embedding', async () => {
    for (const path of ['/embed/compare?lang=es', '/embed/stat?lang=fr', '/embed/pie']) {
      const { res } = await get(path);
      expect(res.headers.get('cross-origin-embedder-policy'), path).toBe('require-corp');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
    }
    // The data mt0.js fetches is CORS-readable and CORP cross-origin.
    const data = await get('/embed/stat.json?lang=es');
    expect(data.res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

describe('built files', () => {
  const dist = new URL('../../dist/public/', import.meta.url).href;
  const files = createKitHandler({ assets: dist });
  const fetchFile = async (path: string, ae?: string) =>
    (await files(
      new Request(`http://127.0.0.1${path}`, ae ? { headers: { 'accept-encoding': ae } } : {}),
    )) as Response;

  it('serves content-hashed names immutable and the stable aliases short-cached, all nosniff', async () => {
    const hashed = assetManifest.names['mt0.js']?.path ?? '';
    const immutable = await fetchFile(hashed);
    expect(immutable.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(immutable.headers.get('x-content-type-options')).toBe('nosniff');
    const alias = await fetchFile('/widget/mt0.js');
    expect(alias.headers.get('cache-control')).toMatch(/^public, max-age=300\b/);
    // The stable mt0.js imports the hashed entry (never a copy: its chunks import the entry by that name).
    expect(await alias.text()).toBe(`import"./${hashed.slice('/widget/'.length)}";\n`);
    for (const name of ['embed.css', 'stat.js', 'gallery.js', 'resize.js'])
      expect(
        (await fetchFile(assetManifest.names[name]?.path ?? '')).headers.get('cache-control'),
        name,
      ).toContain('immutable');
  });

  it('serves every script a built script imports, under the name it imports (Vite-hashed chunks kept)', async () => {
    const imports = new Set<string>();
    for (const [path, file] of Object.entries(assetManifest.files)) {
      if (!file.type.startsWith('text/javascript')) continue;
      const text = await (await fetchFile(path)).text();
      // Static and dynamic imports of a sibling chunk, as Vite writes them: from"./x.js", import(`./x.js`).
      for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*)["'`]\.\/([\w.-]+\.js)["'`]/g))
        imports.add(`${path.slice(0, path.lastIndexOf('/') + 1)}${m[1]}`);
    }
    expect(imports.size).toBeGreaterThan(0);
    for (const path of imports) {
      const res = await fetchFile(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toContain('immutable');
    }
  });

  it('sends the precompressed copy the client accepts, with Vary, and the same bytes once decoded', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const path = assetManifest.names['compare.js']?.path ?? '';
    const plain = Buffer.from(await (await fetchFile(path)).arrayBuffer());
    const br = await fetchFile(path, 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).equals(plain)).toBe(true);
    expect(brBytes.length).toBeLessThan(plain.length / 2);
    const gz = await fetchFile(path, 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(plain)).toBe(true);
    expect((await fetchFile(path, 'br;q=0, gzip;q=0')).headers.get('content-encoding')).toBeNull();
  });

  it('answers 404 for a file the manifest does not list, however it is spelled', async () => {
    for (const path of [
      '/widget/mt0.0000000000.js',
      '/widget/mt0.js.br',
      '/embed-assets/stat.js',
      '/widget/..%2fx.js',
    ])
      expect((await fetchFile(path)).status, path).toBe(404);
  });

  it('publishes the SRI hash of the pinned mt0.js and resize.js in the gallery embed codes', async () => {
    const { text } = await get('/');
    const mt0 = assetManifest.names['mt0.js'];
    const resize = assetManifest.names['resize.js'];
    expect(text).toContain(
      escapeAttr(
        `<script type="module" src="https://kit.example${mt0?.path}" integrity="${mt0?.integrity}" crossorigin="anonymous"></script>`,
      ),
    );
    expect(text).toContain(
      escapeAttr(
        `<script async src="https://kit.example${resize?.path}" integrity="${resize?.integrity}" crossorigin="anonymous"></script>`,
      ),
    );
    // The hash is of the bytes served: sha384 of mt0.<hash>.js.
    const { createHash } = await import('node:crypto');
    const bytes = Buffer.from(await (await fetchFile(mt0?.path ?? '')).arrayBuffer());
    expect(mt0?.integrity).toBe(`sha384-${createHash('sha384').update(bytes).digest('base64')}`);
  });
});

/** The gallery shows codes as escaped text inside <code>. */
const escapeAttr = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

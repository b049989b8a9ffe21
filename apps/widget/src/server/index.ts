// @mt0/widget/server: a framework-agnostic fetch handler for the kit — the gallery (`/`), the builder
// (`/builder`, src/server/builder.ts), the
// server-rendered embed pages (`/embed/{view}`, and their data for mt0.js at `/embed/{view}.json`), the
// oEmbed provider (`/oembed`) and, on Node, the built browser files (`/widget/*`, `/embed-assets/*`). It renders with
// Svelte's `render` over the dataset imported directly (no fetch), once per origin and parameters (a
// cache bounded by bytes), and returns `null` for any other path so the host app (the Hono API) can
// answer it. Must not import hono.

import manifest from 'virtual:mt0-assets';
import { dataset as coreDataset } from '@mt0/core/dataset';
import { ByteLru, negotiateEncoding } from '@mt0/core/serve';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import {
  drawnHeight,
  type EmbedScripts,
  embedCodes,
  embedUrl,
  HEIGHTS,
  iframeHtml,
  imageUrl,
} from '../lib/embedCodes.js';
import Footer from '../lib/Footer.svelte';
import { t } from '../lib/i18n.js';
import { imageSvg } from '../lib/image/image.js';
import { parseParams, type RawParams, takenOnly } from '../lib/params.js';
import { type PlaceFiles, withPlace } from '../lib/places.js';
import { provenance } from '../lib/provenance.js';
import { type DatasetLike, toBundle } from '../lib/snapshot.js';
import type { Bundle, Lang, Params } from '../lib/types.js';
import type { RootProps } from '../lib/view.js';
import { type ViewData, viewData } from '../lib/viewdata.js';
import { VIEW_LIST, VIEWS, type ViewName, viewIsland } from '../lib/views.js';
import { type AssetManifest, assetHeaders } from './assets.js';
import { builderPage } from './builder.js';
import { embedPage, errorPage, escapeHtml, htmlHeaders } from './html.js';
import { nodeAssets, type RasterAssets, toPng } from './png.js';

export type { RasterAssets } from './png.js';

export interface KitHandlerOptions {
  /** The compiled dataset (defaults to `@mt0/core/dataset`). */
  dataset?: DatasetLike;
  /**
   * Public origin of the server (`https://kit.example`): every link, CSP and oEmbed answer uses it,
   * whatever the request's Host says. Without it, each request's own origin (localhost default).
   */
  origin?: string;
  /** Without `origin`: take the scheme and host from X-Forwarded-Proto/-Host (behind a proxy you run). */
  trustProxy?: boolean;
  /** Bound of the rendered-page cache in bytes (default 4 MiB; 0: render every time). */
  cacheBytes?: number;
  /**
   * Where `/widget/*` and `/embed-assets/*` are read from: a `file:` URL of dist/public/ (ending in `/`).
   * Defaults to the dist/public/ beside this file when it runs from disk (Node); `false` leaves those
   * paths to the host (a Workers assets binding, a CDN).
   */
  assets?: string | false;
  /**
   * The PNG rasteriser's WASM and fonts (./png.ts). Defaults to the installed packages when running from
   * disk (Node); a Worker passes its bundled modules (`@mt0/widget/raster/*`); `false`: PNGs answer 501
   * (SVGs still work).
   */
  images?: RasterAssets | false;
  /**
   * Reads a place's static file of the columnar store (@mt0/store's per-place JSON) by id: comunas, and
   * any place's months, are drawn from it. Without it only the dataset's places and years are drawn.
   */
  place?: PlaceFiles;
  /**
   * The dataset of a kept release by version, for pinned embeds (`?v=0.4.0`, `release="0.4.0"`); the API
   * passes its rebuilt releases. `undefined` (or a rejection): the server does not hold that release.
   * Without it only the current release (the dataset's own) is answered.
   */
  release?: (version: string) => Promise<DatasetLike | undefined>;
}

/** The built files (hashed names, integrity, encodings, cache policy): build/assets.js's manifest. */
export const assetManifest: AssetManifest = manifest;

/** Headers of a built file for a host that serves it (Workers' assets binding); `undefined` if unknown. */
export function builtFileHeaders(path: string): Record<string, string> | undefined {
  return assetHeaders(manifest, path);
}

/**
 * What the kit does with a path: `page` (HTML, JSON or oEmbed that depends on the public origin), `asset`
 * (a built file), or `undefined` (not the kit's).
 * @example kitPathKind('/embed/stat') // 'page'
 */
export function kitPathKind(path: string): 'page' | 'asset' | undefined {
  if (path === '/' || path === '/oembed' || path === '/builder' || path.startsWith('/embed/')) return 'page';
  if (path.startsWith('/widget/') || path.startsWith('/embed-assets/')) return 'asset';
  return undefined;
}

const firstValue = (h: string | null) => h?.split(',')[0]?.trim().toLowerCase();

/**
 * The origin pages are made for: the configured one; else, behind a trusted proxy, the forwarded
 * scheme and host (checked: http or https, a host name and port); else the request's own.
 * @example requestOrigin(new Request('http://10.0.0.5/embed/stat', { headers: { 'x-forwarded-proto': 'https', host: 'kit.example' } }), { trustProxy: true }) // 'https://10.0.0.5'
 */
export function requestOrigin(request: Request, o: { origin?: string; trustProxy?: boolean }): string {
  if (o.origin) return o.origin.replace(/\/+$/, '');
  const url = new URL(request.url);
  if (!o.trustProxy) return url.origin;
  const proto = firstValue(request.headers.get('x-forwarded-proto'));
  const host = firstValue(request.headers.get('x-forwarded-host'));
  const scheme = proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1);
  const name = host && /^[a-z0-9.-]{1,253}(:\d{1,5})?$/.test(host) ? host : url.host;
  return `${scheme}://${name}`;
}

/** `decodeURIComponent`, or `undefined` for malformed percent-encoding (`/embed/%E0%A4%A`). */
function decodePath(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** A strong ETag of a rendered body (FNV-1a, 32 bits twice over the UTF-16 units). */
function etagOf(body: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `"k${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}-${body.length.toString(36)}"`;
}

/** Changes when the PNG of the same SVG changes (rasteriser, fonts, encoder): part of a PNG's ETag. */
const RASTER_VERSION = 'r2';

/**
 * Whether an If-None-Match header names `etag` (or is `*`); weak tags compare as strong ones (RFC 9110
 * §13.1.2: If-None-Match uses the weak comparison).
 * @example ifNoneMatch('W/"a1", "b2"', '"a1"') // true
 */
function ifNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/** dist/public/ beside dist/server/index.js, when running from disk. */
function defaultAssets(): string | false {
  return import.meta.url.startsWith('file:') ? new URL('../public/', import.meta.url).href : false;
}

export type KitHandler = (request: Request) => Promise<Response | null>;

const notFoundFile = () =>
  new Response('Not Found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });

/** The hashed path of a built file by its logical name (`embed.css` → `/embed-assets/embed.<hash>.css`). */
function asset(name: string): string {
  const ref = manifest.names[name];
  if (!ref) throw new Error(`${name} is not in the widget's asset manifest: rebuild @mt0/widget`);
  return ref.path;
}

/** The scripts the embed codes pin: content-hashed, with their SRI hashes. */
const SCRIPTS: EmbedScripts = {
  element: manifest.names['mt0.js'] ?? { path: '/widget/mt0.js' },
  resize: manifest.names['resize.js'] ?? { path: '/widget/resize.js' },
};

const MiB = 1024 * 1024;

/**
 * The API's problem types (RFC 9457; the kit's /docs lists them), so an embed route's error reads like
 * the API's: `type` names the kind, `title` is its short name.
 */
const PROBLEM_TYPES = {
  'invalid-parameter': 400,
  'not-found': 404,
  'version-not-available': 404,
  'no-matching-record': 404,
  'method-not-allowed': 405,
  'internal-error': 500,
} as const;

function problem(kind: keyof typeof PROBLEM_TYPES | 501 | 503, title: string, detail: string): Response {
  // A status with no type of its own is `about:blank`, whose title is the status's own phrase.
  const [type, status] =
    typeof kind === 'number' ? ['about:blank', kind] : [`/docs#problem-${kind}`, PROBLEM_TYPES[kind]];
  return new Response(JSON.stringify({ type, title, status, detail }), {
    status,
    headers: { 'content-type': 'application/problem+json', 'access-control-allow-origin': '*' },
  });
}

function html(
  body: string,
  status: number,
  origin: string,
  o: Parameters<typeof htmlHeaders>[1] = {},
  etag?: string,
): Response {
  return new Response(body, { status, headers: { ...htmlHeaders(origin, o), ...(etag ? { etag } : {}) } });
}

/** Reads a positive integer parameter; `undefined` when absent, `null` when present but invalid. */
function intParam(q: URLSearchParams, name: string, max: number): number | undefined | null {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^\d{1,6}$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= max ? n : null;
}

const rawFrom = (q: URLSearchParams, view: string): RawParams => ({
  view,
  indicator: q.get('indicator'),
  geo: q.get('geo'),
  from: q.get('from'),
  to: q.get('to'),
  resolution: q.get('resolution'),
  rolling: q.get('rolling'),
  per100k: q.get('per100k'),
  lang: q.get('lang'),
  theme: q.get('theme'),
  release: q.get('v'),
});

/** The parser's errors as a URL names its parameters (the element's `release` is the URL's `v`). */
const urlErrors = (errors: string[]) => errors.map((e) => e.replace(/^release:/, 'v:'));

/** Older releases kept rendered-ready at once: a pinned embed of an older release is rare. */
const MAX_RELEASES = 3;

/**
 * Creates the handler. The dataset is cut into a Bundle once, here, never per request.
 * @example
 * const kit = createKitHandler({});
 * (await kit(new Request('http://127.0.0.1:8787/embed/stat?lang=en')))?.status // 200
 * await kit(new Request('http://127.0.0.1:8787/v1/sources')) // null: not the kit's
 */
export function createKitHandler(options: KitHandlerOptions = {}): KitHandler {
  const full: Bundle = toBundle(options.dataset ?? (coreDataset as unknown as DatasetLike));
  const assetsBase = options.assets ?? defaultAssets();
  /** Rendered answers (pages, view data, oEmbed) by origin and canonical parameters, bounded by bytes. */
  const cacheBytes = options.cacheBytes ?? 4 * MiB;
  const rendered = new ByteLru<{ body: string; etag: string }>(cacheBytes, cacheBytes / 4);
  /** Built files read once from disk (the manifest's fixed list: nothing a request can grow). */
  const files = new Map<string, Uint8Array<ArrayBuffer>>();

  /** A built file of the manifest, its precompressed copy when accepted, with its cache policy. */
  async function staticFile(path: string, acceptEncoding: string | null): Promise<Response | null> {
    if (!assetsBase) return null;
    const headers = assetHeaders(manifest, path);
    const file = manifest.files[path];
    if (!headers || !file) return notFoundFile();
    const enc = negotiateEncoding(acceptEncoding ?? undefined, file.encodings);
    const name = `${path}${enc === 'br' ? '.br' : enc === 'gzip' ? '.gz' : ''}`;
    let body = files.get(name);
    if (!body) {
      const { readFile } = await import('node:fs/promises');
      const buf = await readFile(new URL(`.${name}`, assetsBase)).catch(() => undefined);
      // In the manifest but not on disk: a partial deployment; a 404, never a 500.
      if (!buf) return notFoundFile();
      body = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) as Uint8Array<ArrayBuffer>;
      files.set(name, body);
    }
    // A strong ETag per file and coding, from the build's hash of the bytes.
    const etag = `"${file.integrity.slice('sha384-'.length, 'sha384-'.length + 27)}${enc ? `-${enc}` : ''}"`;
    return new Response(body, {
      status: 200,
      headers: {
        ...headers,
        etag,
        'content-length': String(body.length),
        ...(enc ? { 'content-encoding': enc } : {}),
      },
    });
  }
  // A host that serves the built files itself (a Worker: `assets: false`) passes its own rasteriser assets.
  const raster = options.images ?? (assetsBase ? nodeAssets : false);
  /** Rendered images (SVG text and PNG bytes, with their ETags) by kind, parameters and width; bounded by bytes. */
  const images = new ByteLru<{ body: string | Uint8Array; etag: string }>(cacheBytes, cacheBytes / 4);
  const keep = <T extends { body: string | Uint8Array; etag: string }>(key: string, v: T): T => {
    const b = v.body;
    images.set(key, v, key.length * 2 + (typeof b === 'string' ? b.length * 2 : b.byteLength) + 64);
    return v;
  };
  /** The SVG image of a view at a width (cached); `undefined` when the dataset has nothing for it. */
  const svgOf = (b: Bundle, p: Params, width: number, theme: 'light' | 'dark') => {
    const key = `svg ${embedUrl('', { ...p, theme })} ${width}`;
    const hit = images.get(key);
    if (hit) return hit as { body: string; etag: string };
    const data = viewData(b, p);
    if (!data) return undefined;
    const body = imageSvg(data, theme, width);
    return keep(key, { body, etag: etagOf(body) });
  };
  /** Height in px of a view's PNG (600 wide at 2×), for og:image and oEmbed's thumbnail. */
  const pngHeight = (b: Bundle, p: Params) =>
    2 * Number(/height="(\d+)"/.exec(svgOf(b, p, 600, 'light')?.body ?? '')?.[1] ?? 0);

  /** Kept releases by version, as Bundles (least recently used first out). */
  const kept = new Map<string, Promise<Bundle | undefined>>();
  /**
   * The records `p` is pinned to: the dataset's own without a pin (or pinned to it), else the kept
   * release `options.release` gives; `undefined` when this server does not hold it.
   */
  function bundleOf(p: Params): Bundle | Promise<Bundle | undefined> {
    const v = p.release;
    if (v === undefined || v === full.version) return full;
    if (!options.release) return Promise.resolve(undefined);
    let b = kept.get(v);
    if (b) kept.delete(v);
    else
      b = options.release(v).then(
        (d) => d && toBundle(d),
        (e) => {
          console.error(`mt0 kit: release ${v} could not be read`, e);
          kept.delete(v);
          return undefined;
        },
      );
    kept.set(v, b);
    if (kept.size > MAX_RELEASES) kept.delete(kept.keys().next().value as string);
    return b;
  }
  /** What a reader's console (and an API client) is told about a release this server does not hold. */
  const noRelease = (v: string | undefined) =>
    `v: this server does not hold release ${JSON.stringify(String(v).slice(0, 20))} (current: ${full.version}; /v1/releases lists the kept ones)`;

  /** The cached answer for `key`, or `make()`'s, stored; `undefined` when `make` has nothing. */
  function once(key: string, make: () => string | undefined): { body: string; etag: string } | undefined {
    const hit = rendered.get(key);
    if (hit) return hit;
    const body = make();
    if (body === undefined) return undefined;
    const entry = { body, etag: etagOf(body) };
    rendered.set(key, entry, key.length * 2 + body.length * 2 + 64);
    return entry;
  }

  // A comuna, or a place's months, come from the place's file (options.place); everything else from the dataset.
  const dataFor = (b: Bundle, p: Params): ViewData | undefined => viewData(withPlace(b, p, options.place), p);

  /**
   * Each embed page's hydrated island, from the registry (imported once, on the first page of that view);
   * its script is /embed-assets/{view}.<hash>.js (the same root, hydrated). The frame and footer around
   * it are rendered here as static HTML (nothing in them needs a script).
   */
  const islands: Partial<Record<ViewName, Component<RootProps>>> = {};

  function renderEmbed(
    Island: Component<RootProps>,
    b: Bundle,
    origin: string,
    p: Params,
    width: number,
  ): string | undefined {
    const data = dataFor(b, p);
    if (!data) return undefined;
    const title = data.title;
    const canonical = embedUrl(origin, p);
    const props: RootProps = { data, width };
    const view = render(Island, { props });
    // Pinned to an older release: the footer keeps a line for the "newer data" link the page's script checks for.
    const newer = p.release !== undefined && p.release !== full.version;
    const foot = render(Footer, {
      props: { data, api: origin, href: canonical, note: provenance(data), newer },
    });
    // The same frame as src/lib/Widget.svelte (mt0.js), around the island the page's script hydrates.
    const body = `<div class="mt0 theme-${p.theme} view-${p.view}" lang="${p.lang}"><div id="mt0-root">${view.body}</div>${foot.body}</div>`;
    return embedPage({
      lang: p.lang,
      theme: p.theme,
      title,
      canonical,
      image: { url: imageUrl(origin, p), width: 1200, height: pngHeight(b, p) },
      oembed: `${origin}/oembed?url=${encodeURIComponent(canonical)}&format=json`,
      head: view.head + foot.head,
      body,
      props,
      css: asset('embed.css'),
      script: asset(`${p.view}.js`),
    });
  }

  /**
   * The error page of an embed URL: the reader's language and theme from `lang` and `theme` when those are
   * valid (else es, auto), whatever else is wrong; one sentence for the reader, `details` for the console.
   */
  function readerError(
    q: URLSearchParams,
    kind: 'error' | 'noData' | 'noRelease',
    details: string[],
    view = 'stat',
  ): string {
    const lang: Lang = q.get('lang') === 'en' ? 'en' : 'es';
    const theme = ['light', 'dark'].includes(q.get('theme') ?? '') ? (q.get('theme') as string) : 'auto';
    return errorPage({
      lang,
      theme,
      message: `${t(lang)[kind]}.`,
      details,
      css: asset('embed.css'),
      script: asset(`${(VIEWS as readonly string[]).includes(view) ? view : 'stat'}.js`),
    });
  }

  /**
   * `GET /embed/{view}.svg|png?…&width=`: the view as a static image, from the same data as its page; the
   * theme is light unless `theme=dark` (an image has no reader preference to follow).
   */
  async function image(url: URL, view: string, ext: string, inm: string | null): Promise<Response> {
    const parsed = (VIEWS as readonly string[]).includes(view)
      ? parseParams(rawFrom(url.searchParams, view), view as ViewName)
      : undefined;
    if (!parsed) return problem('not-found', 'Unknown view', `Views: ${VIEWS.join(', ')}.`);
    const width = intParam(url.searchParams, 'width', 1200);
    if (!parsed.ok || width === null || (width !== undefined && width < 280)) {
      const errors = parsed.ok ? [] : urlErrors(parsed.errors);
      if (width === null || (width !== undefined && width < 280))
        errors.push('width: expected 280 to 1200 (px)');
      return problem('invalid-parameter', 'Invalid parameter', errors.join('; '));
    }
    const p = parsed.params;
    const theme = p.theme === 'dark' ? 'dark' : 'light';
    const w = width ?? 600;
    const b = await bundleOf(p);
    if (!b) return problem('version-not-available', 'Unknown release', noRelease(p.release));
    const svg = svgOf(b, p, w, theme);
    if (!svg) return problem('no-matching-record', 'No data', 'The dataset has nothing for this selection.');
    // The SVG carries the release (its provenance line) and everything drawn, so its ETag names the
    // image of this release; the PNG's adds the rasteriser's version. A match is a 304 before any
    // drawing: a revalidating cache costs no rasterising.
    const etag = ext === 'svg' ? svg.etag : `"${RASTER_VERSION}${svg.etag.slice(1)}`;
    const headers = {
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
      etag,
    };
    if (ext === 'png' && !raster)
      return problem(
        501,
        'Not Implemented',
        'This server has no rasteriser; the SVG is at the same URL with .svg.',
      );
    if (ifNoneMatch(inm, etag)) return new Response(null, { status: 304, headers });
    if (ext === 'svg')
      return new Response(svg.body, {
        status: 200,
        headers: {
          ...headers,
          'content-type': 'image/svg+xml; charset=utf-8',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        },
      });
    const key = `png ${embedUrl('', { ...p, theme })} ${w}`;
    let png = images.get(key)?.body;
    if (!(png instanceof Uint8Array)) {
      try {
        png = keep(key, { body: await toPng(svg.body, raster as RasterAssets), etag }).body;
      } catch (e) {
        console.error('mt0 kit: the PNG rasteriser failed', e);
        return problem(
          503,
          'Service Unavailable',
          'The image could not be rasterised; the SVG is at the same URL with .svg.',
        );
      }
    }
    return new Response(png as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: { ...headers, 'content-type': 'image/png' },
    });
  }

  /** `GET /embed/{view}.json?…`: the view's data, for mt0.js (computed here, from the dataset). */
  async function json(url: URL, view: string): Promise<Response> {
    const parsed = (VIEWS as readonly string[]).includes(view)
      ? parseParams(rawFrom(url.searchParams, view), view as ViewName)
      : undefined;
    if (!parsed) return problem('not-found', 'Unknown view', `Views: ${VIEWS.join(', ')}.`);
    if (!parsed.ok)
      return problem('invalid-parameter', 'Invalid parameter', urlErrors(parsed.errors).join('; '));
    const p = parsed.params;
    const b = await bundleOf(p);
    if (!b) return problem('version-not-available', 'Unknown release', noRelease(p.release));
    const r = once(`json ${embedUrl('', p)}`, () => {
      const data = dataFor(b, p);
      // A pinned widget of an older release learns that a later one exists (it then checks for corrections).
      return (
        data &&
        JSON.stringify(p.release && p.release !== full.version ? { ...data, latest: full.version } : data)
      );
    });
    if (!r) return problem('no-matching-record', 'No data', 'The dataset has nothing for this selection.');
    return new Response(r.body, {
      status: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
        'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff',
        etag: r.etag,
      },
    });
  }

  const embedHtml = (body: string, status: number, origin: string, etag?: string) =>
    html(body, status, origin, { embeddable: true }, etag);

  async function embed(url: URL, rawView: string, origin: string, inm: string | null): Promise<Response> {
    const q = url.searchParams;
    const view = decodePath(rawView)?.replace(/\/$/, '');
    if (view === undefined)
      return embedHtml(readerError(q, 'error', ['view: not a readable path']), 404, origin);
    if (view.endsWith('.json')) return json(url, view.slice(0, -'.json'.length));
    const img = /^(\w+)\.(svg|png)$/.exec(view);
    if (img) return image(url, img[1] as string, img[2] as string, inm);
    if (!(VIEWS as readonly string[]).includes(view)) {
      return embedHtml(
        readerError(q, 'error', [`view: "${view.slice(0, 40)}" is not one of ${VIEWS.join(', ')}`]),
        404,
        origin,
      );
    }
    const parsed = parseParams(rawFrom(q, view), view as ViewName);
    const initialWidth = intParam(q, 'initialWidth', 10000);
    const errors = parsed.ok ? [] : urlErrors(parsed.errors);
    if (initialWidth === null) errors.push('initialWidth: expected a width in pixels');
    if (!parsed.ok || errors.length > 0) return embedHtml(readerError(q, 'error', errors, view), 400, origin);
    const width = Math.min(1200, Math.max(280, initialWidth ?? 600));
    const p = parsed.params;
    const b = await bundleOf(p);
    if (!b) return embedHtml(readerError(q, 'noRelease', [noRelease(p.release)], view), 404, origin);
    islands[p.view] ??= await viewIsland(p.view);
    const Island = islands[p.view] as Component<RootProps>;
    const r = once(`page ${origin} ${embedUrl('', p)} ${width}`, () =>
      renderEmbed(Island, b, origin, p, width),
    );
    if (!r)
      return embedHtml(
        readerError(q, 'noData', ['the dataset has nothing for this selection'], view),
        404,
        origin,
      );
    return embedHtml(r.body, 200, origin, r.etag);
  }

  async function oembed(url: URL, origin: string): Promise<Response> {
    const q = url.searchParams;
    const format = q.get('format') ?? 'json';
    // oEmbed 1.0 §2.3.4: a format the provider does not implement (xml) is a 501; anything else is a typo.
    if (format === 'xml') return problem(501, 'Not Implemented', 'Only format=json is supported.');
    if (format !== 'json')
      return problem(
        'invalid-parameter',
        'Invalid parameter',
        'format: expected json (or xml, which is not implemented).',
      );
    const raw = q.get('url');
    if (!raw) return problem('invalid-parameter', 'Missing parameter', 'The url parameter is required.');
    const maxwidth = intParam(q, 'maxwidth', 100000);
    const maxheight = intParam(q, 'maxheight', 100000);
    if (maxwidth === null || maxheight === null) {
      return problem(
        'invalid-parameter',
        'Invalid parameter',
        'maxwidth and maxheight must be positive integers.',
      );
    }
    // Never fetch or echo a foreign URL: only our own /embed/{view} URLs have a representation.
    const notOurs = () => problem('not-found', 'Not found', 'The url is not an embed of this server.');
    let target: URL;
    try {
      target = new URL(raw);
    } catch {
      return notOurs();
    }
    const m = /^\/embed\/([a-z]+)\/?$/.exec(target.pathname);
    if (target.origin !== origin || !m?.[1] || !(VIEWS as readonly string[]).includes(m[1])) return notOurs();
    const parsed = parseParams(rawFrom(target.searchParams, m[1]), m[1] as ViewName);
    if (!parsed.ok) return notOurs();
    // The html pins the release the URL names, else the current one: a pasted embed never changes under
    // the story (a newsroom that wants the latest data pastes the builder's unpinned code instead).
    const p = { ...parsed.params, release: parsed.params.release ?? full.version };
    const b = await bundleOf(p);
    if (!b) return notOurs();
    // The frame is fluid up to `width`; `height` is what the view takes at that width (its content then sets
    // it): a smaller maxheight is not honoured by cutting the figure, its sources or its data table.
    const width = Math.min(maxwidth ?? 600, 600);
    const height = drawnHeight(p.view, width);
    const r = once(`oembed ${origin} ${embedUrl('', p)} ${width}`, () => {
      const title = dataFor(b, p)?.title;
      if (!title) return undefined;
      return JSON.stringify({
        version: '1.0',
        type: 'rich',
        title,
        provider_name: 'MT-0 Data Kit',
        provider_url: `${origin}/`,
        cache_age: 86400,
        html: iframeHtml(origin, p, title, width, height),
        width,
        height,
        thumbnail_url: imageUrl(origin, p),
        thumbnail_width: 1200,
        thumbnail_height: pngHeight(b, p),
      });
    });
    if (!r) return notOurs();
    return new Response(r.body, {
      status: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'access-control-allow-origin': '*',
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
        etag: r.etag,
      },
    });
  }

  /** `GET /`: every view in es and en as a card (a live preview and its three embed codes, each with a copy button). */
  function galleryPage(origin: string): string {
    const WORDS = {
      es: {
        heading: 'Español',
        script: 'Script (componente web) con enlace sin JavaScript',
        iframe: 'Iframe adaptable',
        link: 'Enlace (sin JavaScript)',
        copy: 'Copiar',
        done: 'Copiado',
        selected: 'Seleccionado: copie con Ctrl+C',
        preview: 'Vista previa',
      },
      en: {
        heading: 'English',
        script: 'Script (web component) with a no-JavaScript link',
        iframe: 'Responsive iframe',
        link: 'Link (no JavaScript)',
        copy: 'Copy',
        done: 'Copied',
        selected: 'Selected: copy with Ctrl+C',
        preview: 'Preview',
      },
    } as const;
    const card = (view: ViewName, lang: Lang) => {
      const w = WORDS[lang];
      // The codes pin the current release (the embed never changes under a story); the preview follows it too.
      const p: Params = { view, geo: 'CL', lang, theme: 'auto', release: full.version };
      const title = dataFor(full, p)?.title ?? view;
      const codes = embedCodes(origin, p, title, SCRIPTS);
      const id = `${view}-${lang}`;
      const code = (kind: keyof typeof codes) => `
<div class="code">
<div class="code-head"><h4 id="${id}-${kind}-h">${w[kind]}</h4><button type="button" class="copy" data-copy="${id}-${kind}" data-done="${w.done}" data-selected="${w.selected}" aria-describedby="${id}-${kind}-h">${w.copy}</button></div>
<pre tabindex="0" aria-labelledby="${id}-${kind}-h"><code id="${id}-${kind}">${escapeHtml(codes[kind])}</code></pre>
</div>`;
      return `
<article class="card" id="${id}" aria-labelledby="${id}-title">
<header class="card-head"><h3 id="${id}-title">${escapeHtml(title)}</h3><p class="tag"><code>view="${view}"</code> <code>lang="${lang}"</code></p></header>
<div class="card-body">
<figure class="preview"><iframe src="${escapeHtml(embedUrl(origin, p))}" title="${w.preview}: ${escapeHtml(title)}" height="${HEIGHTS[view]}" loading="lazy"></iframe></figure>
<div class="codes">${code('script')}${code('iframe')}${code('link')}
<p class="note">oEmbed: <code>${escapeHtml(`${origin}/oembed?url=${encodeURIComponent(embedUrl(origin, p))}`)}</code></p></div>
</div>
</article>`;
    };
    const section = (lang: Lang) => `
<section class="lang" id="${lang}" lang="${lang}" aria-labelledby="${lang}-h">
<h2 id="${lang}-h">${WORDS[lang].heading}</h2>
${VIEW_LIST.map((v) => card(v.name, lang)).join('\n')}
</section>`;
    const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>MT-0 Data Kit — widgets</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('gallery.css')}">
<script type="module" src="${asset('gallery.js')}"></script>
<script async src="${asset('resize.js')}"></script>
</head>
<body>
<a class="skip" href="#views">Skip to the widgets</a>
<header class="top">
<div class="wrap">
<p class="brand">MT-0 Data Kit</p>
<h1>Widgets for your story</h1>
<p class="lede">Every view in Spanish and English, drawn live from the kit's dataset (v${escapeHtml(full.version)}), with its three embed codes: a script (web component), a responsive iframe, and a plain link for CMSs without JavaScript. To make any other chart — a comuna, months, another indicator — use the <a href="/builder">builder</a> (<a href="/builder?view=series&amp;lang=es" lang="es" hreflang="es">en español</a>). The API lives at <a href="/v1">/v1</a>.</p>
<nav aria-label="Language"><ul class="switch"><li><a href="#es" hreflang="es" lang="es">Español</a></li><li><a href="#en" hreflang="en">English</a></li></ul></nav>
</div>
</header>
<main id="views" class="wrap">${section('es')}${section('en')}</main>
<footer class="bottom wrap"><p>${escapeHtml(t('en').version)} v${escapeHtml(full.version)} · <a href="/v1">API</a></p></footer>
</body>
</html>
`;
    return page;
  }

  /**
   * `GET /builder?view=…&…`: the builder with the URL's options; options that do not parse are named in
   * the page (status 400) above the builder with the defaults, never a blank page. Not cached: the
   * options are open-ended, and the page is cheap beside the widget it shows.
   */
  function builder(url: URL, origin: string): Response {
    const q = url.searchParams;
    const view = q.get('view') || 'series';
    // A form without JavaScript sends each checked indicator on its own.
    // Its codes pin the current release unless the URL names another, or asks for the latest (v=latest).
    const v = q.get('v');
    const release = v === 'latest' ? null : v || full.version;
    const raw = { ...rawFrom(q, view), indicator: q.getAll('indicator').join(',') || null, release };
    const parsed = parseParams(raw, 'series');
    const lang: Lang = q.get('lang') === 'en' ? 'en' : 'es';
    const defaults: Params = { view: 'series', geo: 'CL', lang, theme: 'auto', release: full.version };
    const p = takenOnly(parsed.ok ? parsed.params : defaults);
    const errors = parsed.ok ? [] : urlErrors(parsed.errors);
    const title = dataFor(full, p)?.title;
    const body = builderPage({ origin, full, p, errors, title, scripts: SCRIPTS, asset });
    const status = errors.length > 0 ? 400 : 200;
    return html(body, status, origin, { forms: true });
  }

  function gallery(origin: string): Response {
    const r = once(`gallery ${origin}`, () => galleryPage(origin)) as { body: string; etag: string };
    return html(r.body, 200, origin, { frames: true }, r.etag);
  }

  return async (request: Request): Promise<Response | null> => {
    try {
      const url = new URL(request.url);
      const path = url.pathname;
      const kind = kitPathKind(path);
      if (kind === undefined || (kind === 'asset' && assetsBase === false)) return null;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        const res = problem(
          'method-not-allowed',
          'Method not allowed',
          `${request.method.slice(0, 20)} is not allowed here: GET or HEAD.`,
        );
        res.headers.set('allow', 'GET, HEAD');
        return res;
      }
      const origin = requestOrigin(request, options);
      let res: Response;
      if (kind === 'asset')
        res = (await staticFile(path, request.headers.get('accept-encoding'))) ?? notFoundFile();
      else if (path === '/') res = gallery(origin);
      else if (path === '/oembed') res = await oembed(url, origin);
      else if (path === '/builder') res = builder(url, origin);
      else res = await embed(url, path.slice('/embed/'.length), origin, request.headers.get('if-none-match'));
      return request.method === 'HEAD'
        ? new Response(null, { status: res.status, headers: res.headers })
        : res;
    } catch (e) {
      // Never a 500 with a stack: a short problem without details.
      console.error('mt0 kit handler:', e);
      return problem('internal-error', 'Internal error', 'The page could not be rendered.');
    }
  };
}

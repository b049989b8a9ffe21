// The three embed codes a newsroom copies (script + noscript link, responsive iframe, plain link) and the
// heights reserved for each view. Pure; used by the gallery, oEmbed and the README.
import { paramsQuery } from './params.js';
import type { Params } from './types.js';
import { VIEW_LIST, type ViewName, viewMeta } from './views.js';

/** Height reserved before the first resize message, per view (px at 600 px wide): the registry's. */
export const HEIGHTS = Object.fromEntries(VIEW_LIST.map((v) => [v.name, v.height])) as Record<
  ViewName,
  number
>;

const r1 = (x: number) => Math.round(x * 10) / 10;

/** The line through two (width, height) points as CSS: `{a}px - {b}vw`. */
const line = (w0: number, h0: number, w1: number, h1: number) => {
  const slope = (h0 - h1) / (w1 - w0);
  return `${r1(h0 + slope * w0)}px - ${r1(slope * 100)}vw`;
};

/**
 * The CSS height a script embed reserves before it draws: the drawn heights joined by straight lines
 * over the viewport's width (on a phone, the article's), never below the widest one. The page can set
 * its own with `--mt0-min-height`.
 * @example reserve('stat') // 'max(275px - 8vw, 227px - 0vw, 227px)'
 */
export function reserve(v: ViewName): string {
  const [a, b, c] = viewMeta(v).drawn;
  return `max(${line(375, a, 600, b)}, ${line(600, b, 1000, c)}, ${c}px)`;
}

/**
 * The drawn height of a view at a width in px (DRAWN joined by straight lines; the widest beyond 1000).
 * @example drawnHeight('compare', 480) // 1035 − 105 × 300 / 225 = 895
 */
export function drawnHeight(v: ViewName, width: number): number {
  const [a, b, c] = viewMeta(v).drawn;
  const w = Math.max(375, width);
  return Math.round(
    w <= 600 ? a - ((w - 375) * (a - b)) / 225 : w <= 1000 ? b - ((w - 600) * (b - c)) / 400 : c,
  );
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `{origin}/embed/{view}.png?…`: the view's static image (600 px wide, drawn at 2×). */
export function imageUrl(origin: string, p: Params, ext: 'png' | 'svg' = 'png'): string {
  return `${origin}/embed/${p.view}.${ext}?${paramsQuery(p)}`;
}

/** `{origin}/embed/{view}?…` for the params (canonical: defaults left out). */
export function embedUrl(origin: string, p: Params): string {
  return `${origin}/embed/${p.view}?${paramsQuery(p)}`;
}

/**
 * The builder's query for these options: the embed parameters, with `v=latest` for an unpinned widget
 * (the builder pins the current release when `v` is absent).
 * @example builderQuery({ view: 'stat', geo: 'CL', lang: 'en', theme: 'auto' }) // 'view=stat&lang=en&v=latest'
 */
export function builderQuery(p: Params): string {
  return `view=${p.view}&${paramsQuery(p)}${p.release ? '' : '&v=latest'}`;
}

/** `<mt0-widget>` attributes for the params (defaults left out). */
function attributes(p: Params): string {
  const a: string[] = [`view="${p.view}"`];
  if (p.indicator) a.push(`indicator="${esc(p.indicator)}"`);
  if (p.geo !== 'CL') a.push(`geo="${p.geo}"`);
  if (p.from) a.push(`from="${p.from}"`);
  if (p.to) a.push(`to="${p.to}"`);
  if (p.resolution) a.push(`resolution="${p.resolution}"`);
  if (p.rolling) a.push('rolling="12"');
  if (p.per100k) a.push('per100k="true"');
  a.push(`lang="${p.lang}"`);
  if (p.theme !== 'auto') a.push(`theme="${p.theme}"`);
  if (p.release) a.push(`release="${esc(p.release)}"`);
  return a.join(' ');
}

export interface EmbedCodes {
  script: string;
  iframe: string;
  link: string;
}

/** A script the codes load: its path on the kit and, for a content-hashed file, its SRI hash. */
export interface ScriptRef {
  path: string;
  integrity?: string | undefined;
}

/** The scripts of the codes; by default the stable (unhashed, short-cached) names, without SRI. */
export interface EmbedScripts {
  element: ScriptRef;
  resize: ScriptRef;
}

const STABLE: EmbedScripts = { element: { path: '/widget/mt0.js' }, resize: { path: '/widget/resize.js' } };

/** ` integrity="…" crossorigin="anonymous"` for a pinned script (SRI needs a CORS fetch); '' otherwise. */
const sri = (s: ScriptRef) => (s.integrity ? ` integrity="${esc(s.integrity)}" crossorigin="anonymous"` : '');

/**
 * The three codes for one widget; `title` names it for screen readers and no-JS readers. With
 * `scripts` naming content-hashed files, the script tags pin them with their SRI hash.
 */
export function embedCodes(
  origin: string,
  p: Params,
  title: string,
  scripts: EmbedScripts = STABLE,
): EmbedCodes {
  const url = esc(embedUrl(origin, p));
  const t = esc(title);
  const { element, resize } = scripts;
  return {
    // The inline min-height reserves the space before mt0.js defines the element (no layout shift);
    // a CMS that strips it only loses that reservation.
    script: `<script type="module" src="${origin}${element.path}"${sri(element)}></script>\n<mt0-widget ${attributes(p)} style="display:block;min-height:${reserve(p.view)}"></mt0-widget>\n<noscript><a href="${url}"><img src="${esc(imageUrl(origin, p))}" alt="${t}" width="600" style="max-width:100%;height:auto"></a></noscript>`,
    iframe: `<iframe src="${url}" title="${t}" width="100%" height="${HEIGHTS[p.view]}" frameborder="0" scrolling="no" loading="lazy"></iframe>\n<script async src="${origin}${resize.path}"${sri(resize)}></script>`,
    link: `<a href="${url}">${t}</a>`,
  };
}

/**
 * oEmbed's `html`: a fluid iframe (never wider than its column, at most `width`) whose height follows its
 * content through resize.js; a consumer that keeps only the iframe (WordPress) sizes it by its own
 * `#?secret=` messages, which the embed page answers. Never `scrolling="no"`: nothing is cut.
 */
export function iframeHtml(origin: string, p: Params, title: string, width: number, height: number): string {
  return `<iframe src="${esc(embedUrl(origin, p))}" title="${esc(title)}" width="100%" height="${height}" style="width:100%;max-width:${width}px;border:0" frameborder="0" loading="lazy"></iframe>\n<script async src="${origin}/widget/resize.js"></script>`;
}

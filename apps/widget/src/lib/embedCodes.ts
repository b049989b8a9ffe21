// The three embed codes a newsroom copies (script + noscript link, responsive iframe, plain link) and the
// heights reserved for each view. Pure; used by the gallery, oEmbed and the README.
import { paramsQuery } from './params.js';
import type { Params, ViewName } from './types.js';

/** Height reserved before the first resize message, per view (px at 600 px wide). */
export const HEIGHTS: Record<ViewName, number> = {
  stat: 260,
  series: 560,
  compare: 600,
  statement: 560,
  table: 560,
};

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `{origin}/embed/{view}?…` for the params (canonical: defaults left out). */
export function embedUrl(origin: string, p: Params): string {
  return `${origin}/embed/${p.view}?${paramsQuery(p)}`;
}

/** `<mt0-widget>` attributes for the params (defaults left out). */
function attributes(p: Params): string {
  const a: string[] = [`view="${p.view}"`];
  if (p.indicator) a.push(`indicator="${esc(p.indicator)}"`);
  if (p.geo !== 'CL') a.push(`geo="${p.geo}"`);
  if (p.from) a.push(`from="${p.from}"`);
  if (p.to) a.push(`to="${p.to}"`);
  a.push(`lang="${p.lang}"`);
  if (p.theme !== 'auto') a.push(`theme="${p.theme}"`);
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
    script: `<script type="module" src="${origin}${element.path}"${sri(element)}></script>\n<mt0-widget ${attributes(p)} style="display:block;min-height:${HEIGHTS[p.view]}px"></mt0-widget>\n<noscript><a href="${url}">${t}</a></noscript>`,
    iframe: `<iframe src="${url}" title="${t}" width="100%" height="${HEIGHTS[p.view]}" frameborder="0" scrolling="no" loading="lazy"></iframe>\n<script async src="${origin}${resize.path}"${sri(resize)}></script>`,
    link: `<a href="${url}">${t}</a>`,
  };
}

/** The iframe alone (oEmbed's `html`: WordPress keeps only a sanitised iframe). */
export function iframeHtml(origin: string, p: Params, title: string, width: number, height: number): string {
  return `<iframe src="${esc(embedUrl(origin, p))}" title="${esc(title)}" width="${width}" height="${height}" frameborder="0" scrolling="no"></iframe>`;
}

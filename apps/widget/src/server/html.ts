// HTML shells for the kit's pages: escaping, the embed page around a server-rendered widget, the gallery
// and the error page. Pure strings; no inline scripts or styles, so the pages keep a strict CSP.

export const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** JSON safe inside <script type="application/json">: no `</script>`, no `<!--`. */
export const jsonForScript = (x: unknown): string =>
  JSON.stringify(x)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The pages' Content-Security-Policy: scripts and styles only from our own files, embeddable anywhere. */
export function csp(origin: string, frames = false, forms = false): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${origin}`,
    `style-src 'self' ${origin}`,
    "img-src 'self' data:",
    `connect-src 'self' ${origin}`,
    frames ? `frame-src 'self' ${origin}` : '',
    "base-uri 'none'",
    forms ? "form-action 'self'" : "form-action 'none'",
    'frame-ancestors *',
  ]
    .filter(Boolean)
    .join('; ');
}

export interface HtmlHeaderOptions {
  /** The page frames our own embed pages (the gallery's previews). */
  frames?: boolean;
  /** The page has a form that submits to itself (the builder without JavaScript). */
  forms?: boolean;
  /**
   * An embed page (or its error page): loadable inside cross-origin-isolated host pages, which need
   * every nested document to opt in to COEP and allow cross-origin embedding with CORP.
   */
  embeddable?: boolean;
}

export function htmlHeaders(origin: string, o: HtmlHeaderOptions = {}): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp(origin, o.frames, o.forms),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cache-control': 'public, max-age=300',
    ...(o.embeddable
      ? { 'cross-origin-embedder-policy': 'require-corp', 'cross-origin-resource-policy': 'cross-origin' }
      : {}),
  };
}

interface EmbedPage {
  lang: string;
  theme: string;
  title: string;
  oembed: string;
  canonical: string;
  /** The widget: the frame around the `#mt0-root` island, server-rendered. */
  body: string;
  head: string;
  props: unknown;
  /** The view's PNG for social cards (og:image, twitter:image), with its size in px. */
  image: { url: string; width: number; height: number };
  /** The page's stylesheet and script (their hashed paths). */
  css: string;
  script: string;
}

/**
 * An embed page. Its first frame waits for the whole widget to be parsed (`<link rel="expect">` on the
 * props after it): a table painted half-parsed lays its columns out again when the other rows arrive,
 * which moved every cell (CLS 0.10) when a loaded server or network split the page.
 */
export function embedPage(p: EmbedPage): string {
  return `<!doctype html>
<html lang="${p.lang}" class="theme-${p.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<link rel="icon" href="data:,">
<link rel="canonical" href="${escapeHtml(p.canonical)}">
<link rel="alternate" type="application/json+oembed" href="${escapeHtml(p.oembed)}" title="${escapeHtml(p.title)}">
<meta property="og:type" content="website">
<meta property="og:title" content="${escapeHtml(p.title)}">
<meta property="og:url" content="${escapeHtml(p.canonical)}">
<meta property="og:image" content="${escapeHtml(p.image.url)}">
<meta property="og:image:width" content="${p.image.width}">
<meta property="og:image:height" content="${p.image.height}">
<meta property="og:image:alt" content="${escapeHtml(p.title)}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="${escapeHtml(p.image.url)}">
<link rel="stylesheet" href="${p.css}">
<link rel="expect" href="#mt0-props" blocking="render">
<script type="module" src="${p.script}"></script>
${p.head}
</head>
<body>
<main>
<h1 class="sr-only">${escapeHtml(p.title)}</h1>
${p.body}
</main>
<script type="application/json" id="mt0-props">${jsonForScript(p.props)}</script>
</body>
</html>
`;
}

export interface ErrorPage {
  lang: string;
  theme: string;
  /** What the reader is told, in their language: no URL, no status code. */
  message: string;
  /** What went wrong, for the newsroom: the page's script writes it to the console. */
  details: string[];
  css: string;
  /** An embed page script: it writes `details` to the console and reports the (small) height to the host. */
  script: string;
}

/**
 * An embed URL that cannot be drawn, as the reader sees it inside the newsroom's iframe: a small card in the
 * page's language and theme (visible on any host background), the details in the console only.
 */
export function errorPage(p: ErrorPage): string {
  return `<!doctype html>
<html lang="${escapeHtml(p.lang)}" class="theme-${escapeHtml(p.theme)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.message)}</title>
<link rel="icon" href="data:,">
<meta name="robots" content="noindex">
<link rel="stylesheet" href="${p.css}">
<script type="module" src="${p.script}"></script>
</head>
<body>
<main>
<div class="mt0 theme-${escapeHtml(p.theme)}"><h1 class="problem">${escapeHtml(p.message)}</h1></div>
</main>
<script type="application/json" id="mt0-error">${jsonForScript(p.details)}</script>
</body>
</html>
`;
}

// HTTP caching for data that changes only on release: a strong ETag derived from the content hash of the
// release the request read (the current one, or the one ?v= pins) and the API version, 304 on
// If-None-Match with CORS and other headers kept (hono/etag drops them), Cache-Control with revalidation
// for current URLs and `immutable` for URLs pinned to a release with `?v=` (the releases middleware has
// already answered a release this server does not hold with a 404 problem).
import type { Context, MiddlewareHandler } from 'hono';
import type { ReleaseView } from '../../lib/data.js';
import { API_VERSION, currentMeta } from '../../lib/release-meta.js';

/** Current URLs: fresh for an hour, then served stale while revalidating (a release is rare). */
export const CACHE_CURRENT = 'public, max-age=3600, stale-while-revalidate=86400, stale-if-error=604800';
/** URLs pinned with ?v= to the release this server holds: never change. */
export const CACHE_PINNED = 'public, max-age=31536000, immutable';

/** The strong ETag of a representation (json, csv, html, css) of a release (default: the current one). */
export const etagFor = (variant: string, contentHash: string = currentMeta.contentHash) =>
  `"${contentHash.slice(0, 32)}-${API_VERSION}-${variant}"`;

/** The content hash of the release a request read (pinned or current). */
const hashOf = (c: Context) => (c.get('view') as ReleaseView | undefined)?.meta.contentHash;

function variantOf(contentType: string | null): string {
  if (!contentType) return 'bin';
  if (contentType.startsWith('text/csv')) return 'csv';
  if (contentType.startsWith('text/html')) return 'html';
  if (contentType.startsWith('text/css')) return 'css';
  return 'json';
}

/** If-None-Match against an ETag: `*`, or any listed tag equal under weak comparison (RFC 9110 §13.1.2). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const part of header.split(',')) {
    const t = part.trim();
    if ((t.startsWith('W/') ? t.slice(2) : t) === bare) return true;
  }
  return false;
}

/** Headers of a 304: everything but the representation's own body metadata. */
export function headersFor304(headers: Headers): Headers {
  const out = new Headers(headers);
  for (const h of ['content-type', 'content-length', 'content-disposition', 'content-encoding', 'link'])
    out.delete(h);
  return out;
}

/** App-level middleware for GET/HEAD data routes. `/healthz` is never cached. */
export function caching(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || c.res.status !== 200) return;
    if (c.req.path === '/healthz') {
      c.res.headers.set('Cache-Control', 'no-store');
      return;
    }
    const pinned = c.get('pinned') as string | undefined;
    // A route that knows its representation better (a download's file hash) sets its own ETag.
    const etag =
      c.res.headers.get('ETag') ?? etagFor(variantOf(c.res.headers.get('content-type')), hashOf(c));
    c.res.headers.set('ETag', etag);
    // The index lists what this server offers (a new endpoint adds a link), not the release's records:
    // revalidated even when pinned, and not among the pinned URLs whose bytes never change.
    const immutable = pinned !== undefined && c.req.path !== '/v1' && c.req.path !== '/v1/';
    c.res.headers.set('Cache-Control', immutable ? CACHE_PINNED : CACHE_CURRENT);
    if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) {
      const headers = headersFor304(c.res.headers);
      c.res = undefined;
      c.res = new Response(null, { status: 304, headers });
    }
  };
}

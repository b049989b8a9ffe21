// HTTP caching for data that changes only on release: a strong ETag derived from the dataset's content
// hash (computed at build) and the API version, 304 on If-None-Match with CORS and other headers kept
// (hono/etag drops them), Cache-Control with revalidation for current URLs and `immutable` for URLs
// pinned to a release with `?v=`. A pin to a release this server does not hold is a 404 problem.
import type { MiddlewareHandler } from 'hono';
import { API_VERSION, meta } from '../../lib/data.js';
import { echo, problemResponse } from '../../lib/problem.js';

/** Current URLs: fresh for an hour, then served stale while revalidating (a release is rare). */
export const CACHE_CURRENT = 'public, max-age=3600, stale-while-revalidate=86400, stale-if-error=604800';
/** URLs pinned with ?v= to the release this server holds: never change. */
export const CACHE_PINNED = 'public, max-age=31536000, immutable';

const TAG = `${meta.contentHash.slice(0, 32)}-${API_VERSION}`;

/** The strong ETag of a representation (json, csv, html, css). */
export const etagFor = (variant: string) => `"${TAG}-${variant}"`;

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
    const pinned = c.req.query('v');
    if (pinned !== undefined && pinned !== meta.version) {
      c.res = undefined;
      c.res = problemResponse(
        c,
        'version-not-available',
        `This server holds dataset release ${meta.version}, not ${echo(pinned)}. Drop v= for the current release, or pin v=${meta.version}.`,
        { invalidParams: [{ name: 'v', reason: `release not held here` }], allowed: [meta.version] },
      );
      return;
    }
    // A route that knows its representation better (a download's file hash) sets its own ETag.
    const etag = c.res.headers.get('ETag') ?? etagFor(variantOf(c.res.headers.get('content-type')));
    c.res.headers.set('ETag', etag);
    c.res.headers.set('Cache-Control', pinned === undefined ? CACHE_CURRENT : CACHE_PINNED);
    if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) {
      const headers = headersFor304(c.res.headers);
      c.res = undefined;
      c.res = new Response(null, { status: 304, headers });
    }
  };
}

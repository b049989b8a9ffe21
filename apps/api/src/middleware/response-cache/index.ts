// A bounded LRU of serialised 200 responses, keyed by path+query and Accept. The data never changes
// while the process lives (a release is a new deployment), so a hit answers with the stored bytes and
// headers (CORS, security, ETag, Cache-Control included) without routing, validation or
// serialisation; it still honours If-None-Match. Only responses that carry an ETag (cacheable data)
// are stored. The Node entry reads the same store before entering Hono at all (`lookup`).
import type { MiddlewareHandler } from 'hono';
import { headersFor304, ifNoneMatchHits } from '../caching/index.js';

export interface CachedResponse {
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  headers304: Record<string, string>;
  /** Flat [name, value, …] lists for node:http's writeHead. */
  rawHeaders: string[];
  raw304Headers: string[];
  etag: string;
}

export interface ResponseCacheOptions {
  /** Most entries kept (least recently used go first). */
  max?: number;
  /** Largest body stored, in bytes. */
  maxBody?: number;
}

export type ResponseCache = MiddlewareHandler & {
  size(): number;
  /** The entry for a GET/HEAD of `pathAndQuery` with this Accept header, if stored. */
  lookup(accept: string | undefined, pathAndQuery: string): CachedResponse | undefined;
};

const keyOf = (accept: string | undefined, pathAndQuery: string) => `${accept ?? ''}\n${pathAndQuery}`;

/** Path and query of an absolute URL (`http://h/p?q` → `/p?q`). */
function pathAndQuery(url: string): string {
  const i = url.indexOf('/', url.indexOf('//') + 2);
  return i === -1 ? '/' : url.slice(i);
}

const flat = (h: Record<string, string>) => Object.entries(h).flat();
const record = (h: Headers) => {
  const out: Record<string, string> = {};
  h.forEach((v, k) => {
    out[k] = v;
  });
  return out;
};

const encoder = new TextEncoder();

export function responseCache(options: ResponseCacheOptions = {}): ResponseCache {
  const max = options.max ?? 1000;
  const maxBody = options.maxBody ?? 1 << 20;
  const cache = new Map<string, CachedResponse>();

  const lookup = (accept: string | undefined, pq: string) => {
    const key = keyOf(accept, pq);
    const hit = cache.get(key);
    if (hit !== undefined) {
      cache.delete(key);
      cache.set(key, hit);
    }
    return hit;
  };

  const mw: MiddlewareHandler = async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') return next();
    const raw = c.req.raw;
    const accept = raw.headers.get('accept') ?? undefined;
    const pq = pathAndQuery(raw.url);
    const hit = lookup(accept, pq);
    if (hit !== undefined) {
      if (ifNoneMatchHits(raw.headers.get('if-none-match') ?? undefined, hit.etag)) {
        return new Response(null, { status: 304, headers: hit.headers304 });
      }
      return new Response(method === 'HEAD' ? null : hit.body, { status: 200, headers: hit.headers });
    }
    await next();
    const res = c.res;
    const etag = res.headers.get('etag');
    // A streamed body (a CSV of any filter of the store) is never read whole into memory here.
    if (res.status !== 200 || etag === null || method !== 'GET' || c.get('streamed')) return;
    const body = encoder.encode(await res.clone().text());
    if (body.length > maxBody) return;
    const headers = record(res.headers);
    headers['content-length'] = String(body.length);
    const headers304 = record(headersFor304(res.headers));
    cache.set(keyOf(accept, pq), {
      body,
      headers,
      headers304,
      rawHeaders: flat(headers),
      raw304Headers: flat(headers304),
      etag,
    });
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
  };
  return Object.assign(mw, { size: () => cache.size, lookup });
}

export { ifNoneMatchHits };

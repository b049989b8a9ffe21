// Serialised 200 responses, bounded by bytes (@mt0/core/lru) and keyed by what the response depends on:
// the negotiated format (json or csv, not the raw Accept), the path, and the query with its parameters
// in a canonical order. The data never changes while the process lives (a release is a new deployment),
// so a hit answers with the stored bytes and headers (CORS, security, ETag, Cache-Control included)
// without routing, validation or serialisation, and still honours If-None-Match. Only cacheable data
// is stored: a GET 200 with an ETag, not `no-store`, not already content-encoded.
//
// One store class for two places: the Hono middleware below (Workers and tests; small or off, the
// platform's HTTP cache does the rest) and the Node front door (src/server/), which reads and fills the
// store before a Request is even built and adds compressed copies to the entries.

import type { Encoding } from '@mt0/core/serve';
import { ByteLru } from '@mt0/core/serve';
import type { MiddlewareHandler } from 'hono';
import { isStreamed } from '../../lib/streamed.js';
import { canonicalPathAndQuery, pathAndQuery } from '../../lib/url.js';
import { headersFor304, ifNoneMatchHits } from '../caching/index.js';
import { prefersCsv } from '../csv/index.js';

export type { Encoding };

/** One stored representation: its body and its headers, as an object and as node:http's flat list. */
export interface StoredBody {
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  /** Flat [name, value, …] for writeHead. */
  rawHeaders: string[];
  etag: string | undefined;
}

export interface CachedResponse extends StoredBody {
  headers304: Record<string, string>;
  raw304Headers: string[];
  /** Text worth compressing (JSON, CSV, HTML, CSS; 1 KiB or more). */
  compressible: boolean;
  /** Compressed copies, added by the Node front door on the first request that accepts each. */
  encoded: Partial<Record<Encoding, StoredBody>>;
}

const MiB = 1024 * 1024;
/** Smallest body worth compressing: below it, the header bytes saved are less than the CPU spent. */
export const COMPRESS_MIN = 1024;
const TEXT = /^(?:text\/|application\/(?:[\w.+-]*\+)?json)/;

/**
 * The cache key of a request: the format its Accept negotiates, an origin when the response depends on
 * it (the kit's pages; '' for the API), and the canonical path and query.
 * @example cacheKey('text/csv', '/v1/changes?b=1&a=2') // 'c /v1/changes?a=2&b=1'
 */
export function cacheKey(accept: string | undefined, url: string, origin = ''): string {
  return `${prefersCsv(accept) ? 'c' : 'j'}${origin} ${canonicalPathAndQuery(pathAndQuery(url))}`;
}

/**
 * Flat [name, value, …] for writeHead, each string a fresh sequential copy: a value built by
 * concatenation (an ETag, a Vary list) is a rope, which node:http's header check and copy would follow
 * on every answer of the entry.
 */
const flat = (h: Record<string, string>) =>
  Object.entries(h)
    .flat()
    .map((s) => JSON.parse(JSON.stringify(s)) as string);

function record(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

/** A Headers object as node:http's flat [name, value, …] list, for one `writeHead`. */
export const headerList = (h: Headers): string[] => Object.entries(record(h)).flat();

/** Approximate bytes an entry holds (bodies, header text, key), charged to the LRU. */
function weigh(key: string, e: CachedResponse): number {
  let n = key.length * 2 + 256;
  for (const s of e.rawHeaders) n += s.length * 2;
  for (const s of e.raw304Headers) n += s.length * 2;
  n += e.body.length;
  return n;
}

/** The variant tag of a compressed copy: a strong ETag names one content coding. */
export const encodedEtag = (etag: string, enc: Encoding) => `${etag.slice(0, -1)}-${enc}"`;

export interface StoreOptions {
  /** Add `Accept-Encoding` to Vary (the Node front door compresses; Workers leave it to the platform). */
  varyEncoding?: boolean;
  /**
   * A file served in the coding its key names (precompressed at build): kept as it comes, content
   * coding included, and never compressed again.
   */
  asFile?: boolean;
}

/**
 * The body of `res` when it is at most `limit` bytes; else a response that sends the bytes already
 * read and then the rest of the stream (nothing is held beyond `limit`).
 */
async function readUpTo(
  res: Response,
  limit: number,
): Promise<
  { body: Uint8Array<ArrayBuffer>; response?: undefined } | { body?: undefined; response: Response }
> {
  if (res.body === null) return { body: new Uint8Array(0) };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    n += value.length;
    if (n > limit) {
      const rest = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          chunks.length = 0;
        },
        async pull(controller) {
          const next = await reader.read();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        cancel: (reason) => reader.cancel(reason),
      });
      return { response: new Response(rest, { status: res.status, headers: res.headers }) };
    }
  }
  const body = new Uint8Array(n);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  return { body };
}

/** Parses MT0_CACHE_MB: a number of MiB ≥ 0 (0 turns the cache off); `undefined` when malformed. */
export function parseCacheMb(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,6}(\.\d+)?$/.test(text.trim())) return undefined;
  return Number(text) * MiB;
}

export class ResponseCache {
  readonly #lru: ByteLru<CachedResponse>;

  constructor(maxBytes: number) {
    this.#lru = new ByteLru(maxBytes);
  }

  get bytes(): number {
    return this.#lru.bytes;
  }

  get size(): number {
    return this.#lru.size;
  }

  get maxBytes(): number {
    return this.#lru.maxBytes;
  }

  lookup(key: string): CachedResponse | undefined {
    return this.#lru.get(key);
  }

  /**
   * Keeps `res` when it is cacheable. Its body is read once (no clone: a tee of a large body costs more
   * than the copy), so the caller answers with the returned `response`, which carries the same bytes.
   */
  async store(
    key: string,
    res: Response,
    options: StoreOptions = {},
  ): Promise<{ entry: CachedResponse | undefined; response: Response }> {
    if (!isCacheable(res, options.asFile) || this.#lru.maxBytes === 0 || isStreamed(res.body))
      return { entry: undefined, response: res };
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > this.#lru.maxBytes / 8) return { entry: undefined, response: res };
    // Read no further than an entry may be: a streamed body (no length) larger than that goes on
    // streaming to the client, never whole into memory.
    const read = await readUpTo(res, this.#lru.maxBytes / 8);
    if (read.body === undefined) return { entry: undefined, response: read.response };
    const body = read.body;
    const headers = record(res.headers);
    headers['content-length'] = String(body.length);
    const type = headers['content-type'] ?? '';
    const compressible = !options.asFile && body.length >= COMPRESS_MIN && TEXT.test(type);
    if (compressible && options.varyEncoding) headers.vary = addVary(headers.vary, 'Accept-Encoding');
    const headers304 = record(headersFor304(new Headers(headers)));
    const entry: CachedResponse = {
      body,
      headers,
      rawHeaders: flat(headers),
      etag: headers.etag,
      headers304,
      raw304Headers: flat(headers304),
      compressible,
      encoded: {},
    };
    const kept = this.#lru.set(key, entry, weigh(key, entry));
    return { entry: kept ? entry : undefined, response: new Response(body, { status: 200, headers }) };
  }

  /** Adds a compressed copy of an entry's body; charged to the entry, which may then be evicted. */
  addEncoding(key: string, entry: CachedResponse, enc: Encoding, body: Uint8Array<ArrayBuffer>): StoredBody {
    const headers: Record<string, string> = { ...entry.headers };
    headers['content-encoding'] = enc;
    headers['content-length'] = String(body.length);
    if (entry.etag) headers.etag = encodedEtag(entry.etag, enc);
    const stored: StoredBody = { body, headers, rawHeaders: flat(headers), etag: headers.etag };
    entry.encoded[enc] = stored;
    let more = body.length;
    for (const s of stored.rawHeaders) more += s.length * 2;
    this.#lru.grow(key, more);
    return stored;
  }

  clear(): void {
    this.#lru.clear();
  }
}

/** A GET 200 with an ETag, not `no-store`/`private`, not already content-encoded (unless a file's). */
export function isCacheable(res: Response, asFile = false): boolean {
  if (res.status !== 200 || (!asFile && res.headers.has('content-encoding'))) return false;
  const cc = res.headers.get('cache-control') ?? '';
  return res.headers.has('etag') && !/no-store|private/.test(cc);
}

/** `Vary` with `name` added once. */
export function addVary(vary: string | undefined, name: string): string {
  if (!vary) return name;
  return vary
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .includes(name.toLowerCase())
    ? vary
    : `${vary}, ${name}`;
}

/** True when If-None-Match names the entry (any of its content codings' tags). */
export function notModified(ifNoneMatch: string | undefined, entry: CachedResponse): boolean {
  if (!ifNoneMatch || entry.etag === undefined) return false;
  if (ifNoneMatchHits(ifNoneMatch, entry.etag)) return true;
  for (const enc of ['br', 'gzip'] as const)
    if (ifNoneMatchHits(ifNoneMatch, encodedEtag(entry.etag, enc))) return true;
  return false;
}

/** The store for an environment: the default one, or one sized by the `MT0_CACHE_MB` binding (0: none). */
export function storeFor(defaultBytes: number) {
  let configured: { mb: string | undefined; store: ResponseCache | undefined } | undefined;
  const fallback = new ResponseCache(defaultBytes);
  return (env: { MT0_CACHE_MB?: string } | undefined): ResponseCache | undefined => {
    const mb = env?.MT0_CACHE_MB;
    if (mb === undefined) return fallback;
    if (configured?.mb !== mb) {
      const bytes = parseCacheMb(mb) ?? defaultBytes;
      configured = { mb, store: bytes > 0 ? new ResponseCache(bytes) : undefined };
    }
    return configured.store;
  };
}

/**
 * Hono middleware over a store chosen per environment (`storeFor`). Downloads are files, never kept
 * here (`skip`).
 */
export function responseCache(
  store: (env: { MT0_CACHE_MB?: string } | undefined) => ResponseCache | undefined,
  skip: (path: string) => boolean = () => false,
): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    const cache = method === 'GET' || method === 'HEAD' ? store(c.env) : undefined;
    if (cache === undefined) return next();
    const raw = c.req.raw;
    const key = cacheKey(raw.headers.get('accept') ?? undefined, raw.url);
    const hit = cache.lookup(key);
    if (hit !== undefined) {
      if (notModified(raw.headers.get('if-none-match') ?? undefined, hit))
        return new Response(null, { status: 304, headers: hit.headers304 });
      return new Response(method === 'HEAD' ? null : hit.body, { status: 200, headers: hit.headers });
    }
    await next();
    // A streamed body (a CSV of any filter of the store) is never read whole into memory here.
    if (method !== 'GET' || skip(c.req.path) || c.get('streamed')) return;
    const { response } = await cache.store(key, c.res);
    if (response !== c.res) {
      // Replace, not merge: the stored headers are the response's own.
      c.res = undefined;
      c.res = response;
    }
  };
}

export { canonicalPathAndQuery, ifNoneMatchHits, pathAndQuery };

// The Node front door: one node:http listener in front of the widget kit and the Hono app. Repeat
// GET/HEAD requests are answered from the response cache (bounded by bytes, keys normalised) straight
// from the raw request: no Request object, no routing, no serialisation; the stored body and its
// header list go out through one writeHead, as a bare node:http server would send them. Text is
// compressed (brotli, gzip) once per entry, off the event loop, and kept beside it. Everything else
// goes through @hono/node-server to the kit (pages, oEmbed, static files) and then to the app.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { type Encoding, negotiateEncoding } from '@mt0/core/serve';
import type { Bindings } from '../env.js';
import { isDownloadPath } from '../lib/downloads.js';
import { headersFor304, ifNoneMatchHits } from '../middleware/caching/index.js';
import {
  addVary,
  type CachedResponse,
  COMPRESS_MIN,
  cacheKey,
  headerList,
  type ResponseCache,
  type StoredBody,
} from '../middleware/response-cache/index.js';
import { fileOf, mayBeFile, sendFile } from './downloads.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Dynamic text: brotli at quality 5 and gzip at 6 (fast, and done once per cached entry). */
export function compress(body: Uint8Array, enc: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  const out =
    enc === 'br'
      ? brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        })
      : gzipAsync(body, { level: 6 });
  // Kept as the Buffer zlib made: a socket writes a Buffer as is (see asBuffer).
  return out as Promise<Buffer> as unknown as Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * The same bytes as a Buffer (no copy). A stored body is written on every hit, and node:http wraps
 * every plain Uint8Array it is given in a new Buffer first.
 */
const asBuffer = (b: Uint8Array<ArrayBuffer>) =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength) as unknown as Uint8Array<ArrayBuffer>;

/**
 * A streamed body (no length: a CSV of any filter of the store, up to the whole 70 MB table) compressed
 * as it streams, never read whole. The fastest levels (brotli 1, gzip 1): on the whole table brotli 1
 * took about a quarter of a second here and still compresses better than gzip 9, where brotli 5 took
 * 1.4 s and gzip 6 a second, slower than the stream itself.
 */
export function compressStream(body: ReadableStream<Uint8Array>, enc: Encoding): ReadableStream<Uint8Array> {
  const z =
    enc === 'br'
      ? createBrotliCompress({
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 1,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        })
      : createGzip({ level: 1 });
  return body.pipeThrough(Duplex.toWeb(z) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

/** What the kit says about a path: a page that depends on the public origin, a static file, or neither. */
export type KitPathKind = (path: string) => 'page' | 'asset' | undefined;

export interface FrontDoorOptions {
  /** The kit's fetch handler (null for paths that are not its own). */
  kit: (request: Request) => Promise<Response | null>;
  /** The Hono app. */
  app: { fetch(request: Request, env?: Bindings): Response | Promise<Response> };
  kitPathKind: KitPathKind;
  cache: ResponseCache;
  /** Passed to the app (PUBLIC_ORIGIN, TRUST_PROXY, DOWNLOADS; MT0_CACHE_MB '0': this door caches). */
  bindings: Bindings;
  publicOrigin: string | undefined;
  trustProxy: boolean;
}

/** The request headers the door reads, found in one pass over node's raw list. */
interface Seen {
  accept: string | undefined;
  inm: string | undefined;
  ae: string | undefined;
  host: string | undefined;
  xfp: string | undefined;
  xfh: string | undefined;
}

function scan(raw: string[]): Seen {
  const s: Seen = {
    accept: undefined,
    inm: undefined,
    ae: undefined,
    host: undefined,
    xfp: undefined,
    xfh: undefined,
  };
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    // Compare lengths first: most headers are rejected without lower-casing.
    switch (name.length) {
      case 4:
        if (name.toLowerCase() === 'host') s.host = value;
        break;
      case 6:
        if (name.toLowerCase() === 'accept')
          s.accept = s.accept === undefined ? value : `${s.accept}, ${value}`;
        break;
      case 13:
        if (name.toLowerCase() === 'if-none-match') s.inm = value;
        break;
      case 15:
        if (name.toLowerCase() === 'accept-encoding') s.ae = s.ae === undefined ? value : `${s.ae}, ${value}`;
        break;
      case 16:
        if (name.toLowerCase() === 'x-forwarded-host') s.xfh = value;
        break;
      case 17:
        if (name.toLowerCase() === 'x-forwarded-proto') s.xfp = value;
        break;
    }
  }
  return s;
}

const pathOf = (url: string) => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

/**
 * A request target the cache may key as written: origin-form (`/…`), with no dot segment, encoded dot
 * or backslash for the URL parser to resolve into another path (`/v1/../embed/stat` is `/embed/stat`,
 * whose page depends on the origin). Anything else is answered without the cache.
 */
const plainTarget = (path: string) => path.charCodeAt(0) === 47 && !/\/\.|%2e|\\/i.test(path);

export function createFrontDoor(o: FrontDoorOptions) {
  const { cache, kit, app, bindings, kitPathKind } = o;
  /** Keys computed on the way in, for storing the answer on the way out. */
  const pending = new WeakMap<IncomingMessage, { key: string; seen: Seen } | null>();

  /** The part of a kit page's key that its origin depends on ('' for the API, or with PUBLIC_ORIGIN). */
  const originPart = (path: string, seen: Seen) => {
    if (o.publicOrigin !== undefined || kitPathKind(path) !== 'page') return '';
    return o.trustProxy ? `${seen.host}|${seen.xfp}|${seen.xfh}` : `${seen.host}`;
  };

  /** Built files and downloads: precompressed, so their key names the coding the client gets. */
  const fileLike = (path: string) => isDownloadPath(path) || kitPathKind(path) === 'asset';

  /** The cache key of a request, as read from its raw headers. */
  const keyOf = (url: string, path: string, seen: Seen) => {
    const key = cacheKey(seen.accept, url, originPart(path, seen));
    return fileLike(path) ? `${key} ${negotiateEncoding(seen.ae) ?? ''}` : key;
  };

  /**
   * What a request target alone says (its path, whether the cache may key it, and its key when no
   * header changes it), remembered per target so that a repeat costs one map lookup. Bounded: emptied
   * when it reaches `TARGETS` entries (targets are short strings; a flood of distinct ones only
   * refills it).
   */
  interface Target {
    path: string;
    cacheable: boolean;
    /** The key when the request has no Accept that picks CSV, and is neither a page nor a file. */
    plainKey: string | undefined;
  }
  const TARGETS = 10_000;
  const targets = new Map<string, Target>();
  const targetOf = (url: string): Target => {
    let t = targets.get(url);
    if (t === undefined) {
      const path = pathOf(url);
      const cacheable = path !== '/healthz' && plainTarget(path);
      const simple = cacheable && !fileLike(path) && kitPathKind(path) === undefined;
      t = { path, cacheable, plainKey: simple ? cacheKey(undefined, url) : undefined };
      if (targets.size >= TARGETS) targets.clear();
      targets.set(url, t);
    }
    return t;
  };

  /** The compressed copy of an entry, made once (concurrent requests share the work). */
  const inflight = new WeakMap<CachedResponse, Partial<Record<Encoding, Promise<StoredBody>>>>();
  function encoded(key: string, entry: CachedResponse, enc: Encoding): StoredBody | Promise<StoredBody> {
    const done = entry.encoded[enc];
    if (done) return done;
    const jobs = inflight.get(entry) ?? {};
    inflight.set(entry, jobs);
    const job =
      jobs[enc] ?? compress(entry.body, enc).then((body) => cache.addEncoding(key, entry, enc, body));
    jobs[enc] = job;
    return job;
  }

  function write(res: ServerResponse, status: number, raw: string[], body: Uint8Array | undefined): void {
    res.writeHead(status, raw);
    res.end(body);
  }

  /** A cache hit: 304, the identity bytes, or a compressed copy. */
  function serve(res: ServerResponse, key: string, entry: CachedResponse, head: boolean, seen: Seen): void {
    const enc = entry.compressible && seen.ae !== undefined ? negotiateEncoding(seen.ae) : undefined;
    if (enc === undefined) {
      if (seen.inm !== undefined && entry.etag !== undefined && ifNoneMatchHits(seen.inm, entry.etag))
        write(res, 304, entry.raw304Headers, undefined);
      else write(res, 200, entry.rawHeaders, head ? undefined : entry.body);
      return;
    }
    const send = (v: StoredBody) => {
      const inm = seen.inm;
      if (inm !== undefined && v.etag !== undefined && entry.etag !== undefined) {
        // Either tag names this content: the identity copy the client holds is as good as ours.
        if (ifNoneMatchHits(inm, v.etag) || ifNoneMatchHits(inm, entry.etag)) {
          write(res, 304, headerList(headersFor304(new Headers(v.headers))), undefined);
          return;
        }
      }
      write(res, 200, v.rawHeaders, head ? undefined : v.body);
    };
    const v = encoded(key, entry, enc);
    if (v instanceof Promise)
      v.then(send, () => write(res, 200, entry.rawHeaders, head ? undefined : entry.body));
    else send(v);
  }

  /** Compresses an uncacheable text answer (an error page, say) when the client accepts it. */
  async function compressed(res: Response, seen: Seen): Promise<Response> {
    const type = res.headers.get('content-type') ?? '';
    const enc = seen.ae !== undefined ? negotiateEncoding(seen.ae) : undefined;
    if (enc === undefined || res.headers.has('content-encoding') || !res.body) return res;
    if (!/^(?:text\/|application\/(?:[\w.+-]*\+)?json)/.test(type)) return res;
    const headers = new Headers(res.headers);
    if (!res.headers.has('content-length')) {
      headers.set('content-encoding', enc);
      headers.set('vary', addVary(headers.get('vary') ?? undefined, 'Accept-Encoding'));
      return new Response(compressStream(res.body, enc), { status: res.status, headers });
    }
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.length < COMPRESS_MIN) return new Response(body, { status: res.status, headers });
    const out = await compress(body, enc);
    headers.set('content-encoding', enc);
    headers.set('content-length', String(out.length));
    headers.set('vary', addVary(headers.get('vary') ?? undefined, 'Accept-Encoding'));
    return new Response(out, { status: res.status, headers });
  }

  const viaHono = getRequestListener(async (request, env) => {
    const { incoming, outgoing } = env as { incoming: IncomingMessage; outgoing: ServerResponse };
    const res = (await kit(request)) ?? (await app.fetch(request, bindings));
    const file =
      request.method === 'GET' && res.status === 200 && mayBeFile(res) ? fileOf(res.body) : undefined;
    if (file !== undefined) {
      // A whole file of the downloads (the 70 MB table): sent from disk here, not through its stream.
      await sendFile(outgoing, file, headerList(res.headers));
      return RESPONSE_ALREADY_SENT;
    }
    const info = pending.get(incoming);
    if (info === undefined || info === null || request.method !== 'GET')
      return info === null || request.method === 'HEAD'
        ? res
        : compressed(res, info?.seen ?? scan(incoming.rawHeaders));
    const asFile = fileLike(pathOf(incoming.url ?? '/'));
    const { entry, response } = await cache.store(info.key, res, { varyEncoding: !asFile, asFile });
    if (entry === undefined) return compressed(response, info.seen);
    entry.body = asBuffer(entry.body);
    // The request that filled the entry is answered as every later hit will be (one writeHead of the
    // stored header list), not by the adapter: node:http's shared code then only ever sees the hit's
    // call shapes for this answer, and stays as fast as in a process that serves nothing else.
    serve(outgoing, info.key, entry, false, info.seen);
    return RESPONSE_ALREADY_SENT;
  });

  return (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method;
    if ((method === 'GET' || method === 'HEAD') && cache.maxBytes > 0) {
      const url = req.url ?? '/';
      const target = targetOf(url);
      if (target.cacheable) {
        const seen = scan(req.rawHeaders);
        const key =
          target.plainKey !== undefined && (seen.accept === undefined || seen.accept.indexOf('csv') === -1)
            ? target.plainKey
            : keyOf(url, target.path, seen);
        const hit = cache.lookup(key);
        if (hit !== undefined) {
          serve(res, key, hit, method === 'HEAD', seen);
          return;
        }
        pending.set(req, { key, seen });
      } else pending.set(req, null);
    }
    void viaHono(req, res);
  };
}

// The Worker's answer to every request but /healthz (src/worker.ts imports this module on the first
// such request, once per isolate): the same app as Node. The records and the columnar store are bundled;
// the widget's built files (/widget/*, /embed-assets/*) and the release's downloads come from the
// static-assets binding (wrangler.jsonc), served with the kit's own headers: CORS (module scripts are
// fetched cross-origin), CORP (COEP hosts), nosniff, and the cache policy (content-hashed names
// immutable, aliases short). PUBLIC_ORIGIN, TRUST_PROXY and MT0_CACHE_MB are vars (wrangler.jsonc).
// The PNG rasteriser (resvg's WASM) and its two fonts are bundled modules, instantiated and read once per
// isolate, on the first PNG.
import storeBytes from '@mt0/store/cead.arrow';
import sans from '@mt0/widget/raster/DejaVuSans.ttf';
import sansBold from '@mt0/widget/raster/DejaVuSans-Bold.ttf';
import resvgWasm from '@mt0/widget/raster/resvg.wasm';
import type { RasterAssets } from '@mt0/widget/server';
import { builtFileHeaders, createKitHandler, kitPathKind } from '@mt0/widget/server';
import { app } from './app.js';
import type { Bindings } from './env.js';
import { placeFileOf } from './lib/place-files.js';
import { keptDataset, releaseStoreOf } from './lib/releases.js';
import { provideStore } from './lib/store.js';

// The store as a binary Data module (wrangler.jsonc `rules`), opened on first use: a JSON module of the
// same table made start-up 7× slower.
provideStore(() => new Uint8Array(storeBytes));

const raster: RasterAssets = {
  wasm: async () => resvgWasm,
  fonts: async () => [new Uint8Array(sans), new Uint8Array(sansBold)],
};

type Env = Bindings;
type Kit = ReturnType<typeof createKitHandler>;

/** The kit for the env's settings, made once per isolate (vars do not change while it lives). */
let made: { key: string; kit: Kit } | undefined;
function kitFor(env: Env): Kit {
  const key = `${env.PUBLIC_ORIGIN ?? ''}|${env.TRUST_PROXY ?? ''}`;
  if (made?.key !== key) {
    made = {
      key,
      kit: createKitHandler({
        assets: false,
        images: raster,
        ...(env.PUBLIC_ORIGIN ? { origin: env.PUBLIC_ORIGIN } : {}),
        trustProxy: env.TRUST_PROXY === '1',
        cacheBytes: 2 * 1024 * 1024,
        place: placeFileOf,
        // Pinned embeds draw a kept release from the static assets, as the API's ?v= does.
        release: (v) => keptDataset(releaseStoreOf(env), v),
      }),
    };
  }
  return made.kit;
}

const NOT_FOUND = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };

async function fromAssets(request: Request, env: Env, path: string): Promise<Response | null> {
  if (!env.ASSETS) return null;
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
  // Only the files the build listed: nothing else under these paths is ours to serve.
  const own = builtFileHeaders(path);
  if (!own) return new Response('Not Found', { status: 404, headers: NOT_FOUND });
  const res = await env.ASSETS.fetch(request);
  const headers = new Headers(res.headers);
  for (const [name, value] of Object.entries(own)) headers.set(name, value);
  return new Response(res.body, { status: res.status, headers });
}

export default {
  async fetch(request: Request, env: Env, ctx: unknown): Promise<Response> {
    const path = new URL(request.url).pathname;
    const kind = kitPathKind(path);
    // The kit is made on its first page or file: an isolate that only answers the API never builds it.
    // ctx is the Workers ExecutionContext; Hono only passes it through.
    return (
      (kind === 'asset' ? await fromAssets(request, env, path) : null) ??
      (kind !== undefined ? await kitFor(env)(request) : null) ??
      app.fetch(request, env, ctx as never)
    );
  },
};

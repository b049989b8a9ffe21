// Cloudflare Workers entry over the same app as Node. The records and the columnar store are bundled; the widget's built
// files (/widget/*, /embed-assets/*) come from the static-assets binding (wrangler.jsonc), with CORS
// added because module scripts are fetched cross-origin by the pages that embed them.
import storeBytes from '@mt0/store/cead.arrow';
import { createKitHandler } from '@mt0/widget/server';
import { app } from './app.js';
import { placeFileOf } from './lib/place-files.js';
import { provideStore } from './lib/store.js';

// The store as a binary Data module (wrangler.jsonc `rules`), opened on first use: a JSON module of the
// same table made start-up 7× slower.
provideStore(() => new Uint8Array(storeBytes));

interface Env {
  ASSETS?: { fetch(request: Request): Promise<Response> };
}

const kit = createKitHandler({ assets: false, place: placeFileOf });
const STATIC = /^\/(widget|embed-assets)\//;

async function fromAssets(request: Request, env: Env): Promise<Response | null> {
  if (!env.ASSETS || !STATIC.test(new URL(request.url).pathname)) return null;
  const res = await env.ASSETS.fetch(request);
  const headers = new Headers(res.headers);
  headers.set('access-control-allow-origin', '*');
  headers.set('cross-origin-resource-policy', 'cross-origin');
  return new Response(res.body, { status: res.status, headers });
}

export default {
  async fetch(request: Request, env: Env, ctx: unknown): Promise<Response> {
    // ctx is the Workers ExecutionContext; Hono only passes it through.
    return (await fromAssets(request, env)) ?? (await kit(request)) ?? app.fetch(request, env, ctx as never);
  },
};

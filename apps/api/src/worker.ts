// Cloudflare Workers entry. A fresh isolate answers /healthz at once, from the health app (the same
// middleware and body as the whole app's route, none of its weight); everything else is src/worker-app.ts,
// imported on the first other request and kept for the isolate's life. Bundled without code splitting,
// that import makes every module only it reaches (the records and their indexes, the routes and their
// zod schemas, the widget kit, the store reader) a closure that runs when first called, not at start.
import type { Bindings } from './env.js';
import { healthApp } from './health-app.js';

type WorkerApp = typeof import('./worker-app.js');
let whole: Promise<WorkerApp> | undefined;

export default {
  async fetch(request: Request, env: Bindings, ctx: unknown): Promise<Response> {
    // ctx is the Workers ExecutionContext; Hono only passes it through.
    if (new URL(request.url).pathname === '/healthz') return healthApp.fetch(request, env, ctx as never);
    whole ??= import('./worker-app.js');
    return (await whole).default.fetch(request, env, ctx);
  },
};

// Cloudflare Workers entry over the same app as Node: no bindings needed, the records are bundled.
import { app } from './app.js';

export default { fetch: app.fetch } satisfies ExportedHandler;

interface ExportedHandler {
  fetch(request: Request, env: unknown, ctx: unknown): Response | Promise<Response>;
}

// Node entry: serves the app with @hono/node-server on 127.0.0.1 (PORT, default 8787; HOST to change)
// and prints the URL. The embedded default runtime; see src/worker.ts for Cloudflare Workers.
// Repeat GET/HEAD requests are answered from the app's response cache (the same store the Hono
// middleware fills) before a Request object is even built; everything else goes to the widget kit
// (gallery, embed pages, oEmbed, widget files), which answers its own paths, and then to Hono.
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createKitHandler } from '@mt0/widget/server';
import { app, cache } from './app.js';
import { placeFileOf } from './lib/place-files.js';
import { ifNoneMatchHits } from './middleware/response-cache/index.js';
import { provideStoreFromDisk } from './store-node.js';

provideStoreFromDisk();

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
// The kit sits beside the app rather than inside it: its pages must be frameable (the API's own
// headers forbid framing) and are not data for the response cache.
const kit = createKitHandler({ place: placeFileOf });
const viaHono = getRequestListener(async (request: Request) => (await kit(request)) ?? app.fetch(request));

/** Accept and If-None-Match from the raw header list, without building `req.headers` (measurably slower). */
function conditionalHeaders(raw: string[]): [accept: string | undefined, ifNoneMatch: string | undefined] {
  let accept: string | undefined;
  let inm: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length === 6 && name.toLowerCase() === 'accept')
      accept = accept === undefined ? raw[i + 1] : `${accept}, ${raw[i + 1]}`;
    else if (name.length === 13 && name.toLowerCase() === 'if-none-match') inm = raw[i + 1];
  }
  return [accept, inm];
}

const server = createServer((req, res) => {
  const method = req.method;
  if (method === 'GET' || method === 'HEAD') {
    const [accept, inm] = conditionalHeaders(req.rawHeaders);
    const hit = cache.lookup(accept, req.url ?? '/');
    if (hit !== undefined) {
      if (ifNoneMatchHits(inm, hit.etag)) {
        res.writeHead(304, hit.raw304Headers);
        res.end();
      } else {
        res.writeHead(200, hit.rawHeaders);
        res.end(method === 'HEAD' ? undefined : hit.body);
      }
      return;
    }
  }
  void viaHono(req, res);
});

server.listen(Number.isInteger(port) && port >= 0 ? port : 8787, hostname, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`MT-0 API on http://${hostname}:${actual} (docs: http://${hostname}:${actual}/docs)`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

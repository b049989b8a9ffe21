// Node entry: serves the widget kit and the app on 127.0.0.1 (PORT, default 8787; HOST to change) and
// prints the URL. The embedded default runtime; see src/worker.ts for Cloudflare Workers.
// Settings (src/server/config.ts): PUBLIC_ORIGIN (the origin every link, CSP and oEmbed answer uses;
// without it, each request's own, as on localhost), TRUST_PROXY=1 (believe X-Forwarded-Proto/Host),
// MT0_CACHE_MB (the response cache's bound, default 64). The front door (src/server/front.ts) answers
// repeat requests from the cache before anything else runs.
import { createServer } from 'node:http';
import { createKitHandler, kitPathKind } from '@mt0/widget/server';
import { app } from './app.js';
import { placeFileOf } from './lib/place-files.js';
import { keptDataset } from './lib/releases.js';
import { ResponseCache } from './middleware/response-cache/index.js';
import { readConfig } from './server/config.js';
import { diskStore } from './server/downloads.js';
import { createFrontDoor } from './server/front.js';
import { diskReleases } from './server/releases.js';
import { provideStoreFromDisk } from './store-node.js';

provideStoreFromDisk();

const config = readConfig(process.env);
if ('error' in config) {
  console.error(`MT-0 API: ${config.error}`);
  process.exit(1);
}

// The kit sits beside the app rather than inside it: its pages must be frameable (the API's own
// headers forbid framing). It renders each page once per origin and parameters (its own bounded cache).
// Kept releases are read from @mt0/core's releases/ when a pinned URL first asks for an older one.
const releaseStore = diskReleases();
const kit = createKitHandler({
  ...(config.publicOrigin ? { origin: config.publicOrigin } : {}),
  trustProxy: config.trustProxy,
  place: placeFileOf,
  // Pinned embeds (?v=, release="…") draw a kept release from the same store as the API's ?v=.
  release: (v) => keptDataset(releaseStore, v),
});
const server = createServer(
  createFrontDoor({
    kit,
    app,
    kitPathKind,
    cache: new ResponseCache(config.cacheBytes),
    // The app's own cache is off: this door caches in front of it.
    bindings: {
      MT0_CACHE_MB: '0',
      DOWNLOADS: diskStore(),
      RELEASES: releaseStore,
      ...(config.publicOrigin ? { PUBLIC_ORIGIN: config.publicOrigin } : {}),
      TRUST_PROXY: config.trustProxy ? '1' : '0',
    },
    publicOrigin: config.publicOrigin,
    trustProxy: config.trustProxy,
  }),
);

server.listen(config.port, config.host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : config.port;
  console.log(`MT-0 API on http://${config.host}:${actual} (docs: http://${config.host}:${actual}/docs)`);
  if (config.publicOrigin) console.log(`public origin: ${config.publicOrigin}`);
  else if (!/^(127\.|localhost$|::1$)/.test(config.host))
    console.warn(
      "PUBLIC_ORIGIN is not set: pages take their origin from each request's Host header. Set PUBLIC_ORIGIN=https://your.host in production.",
    );
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// `pnpm --filter @mt0/api pin-release`: records the bytes of the pinned URLs of every kept release that
// has no fixture yet (test-fixtures/pinned/<version>.json). Run it once after `pnpm release`; it never
// rewrites a fixture, since a kept release's pinned bytes must never change.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from '../src/app.js';
import { keptVersions } from '../src/lib/releases.js';
import { diskReleases } from '../src/server/releases.js';
import { provideStoreFromDisk } from '../src/store-node.js';
import { readPinned } from '../test-support/pinned.js';

const dir = fileURLToPath(new URL('../test-fixtures/pinned/', import.meta.url));
mkdirSync(dir, { recursive: true });
// Metrics read a place's months from the store, as the Node server does.
provideStoreFromDisk();
const env = { RELEASES: diskReleases() };
for (const v of keptVersions) {
  const path = join(dir, `${v}.json`);
  if (existsSync(path)) {
    console.log(`release ${v}: kept (${path})`);
    continue;
  }
  const pinned = await readPinned(async (url) => app.request(url, {}, env), v);
  const failed = Object.entries(pinned).filter(([, r]) => r.status !== 200);
  if (failed.length > 0) {
    for (const [url, r] of failed) console.error(`release ${v}: ${url} answered ${r.status}: ${r.body}`);
    process.exit(1);
  }
  writeFileSync(path, `${JSON.stringify(pinned, null, 1)}\n`);
  console.log(`release ${v}: recorded ${Object.keys(pinned).length} pinned URLs → ${path}`);
}

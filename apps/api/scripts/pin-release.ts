// `pnpm --filter @mt0/api pin-release`: records the bytes of the pinned URLs of every kept release into
// test-fixtures/pinned/<version>.json (a release's files by their sha256). Run it once after
// `pnpm release`. It never rewrites a recorded URL, since a kept release's pinned bytes must never
// change; when the list of pinned URLs grows (a new route or file), it records only the new ones.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from '../src/app.js';
import { keptVersions } from '../src/lib/releases.js';
import { diskStore } from '../src/server/downloads.js';
import { diskReleases } from '../src/server/releases.js';
import { provideStoreFromDisk } from '../src/store-node.js';
import { type PinnedResponse, pinnedUrls, readPinned } from '../test-support/pinned.js';

const dir = fileURLToPath(new URL('../test-fixtures/pinned/', import.meta.url));
mkdirSync(dir, { recursive: true });
// Metrics read a place's months from the store, as the Node server does.
provideStoreFromDisk();
const env = { RELEASES: diskReleases(), DOWNLOADS: diskStore() };
for (const v of keptVersions) {
  const path = join(dir, `${v}.json`);
  const kept: Record<string, PinnedResponse> = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const missing = pinnedUrls(v).filter((url) => !(url in kept));
  if (missing.length === 0) {
    console.log(`release ${v}: kept (${path})`);
    continue;
  }
  const pinned = await readPinned(async (url) => app.request(url, {}, env), v, missing);
  const failed = Object.entries(pinned).filter(([, r]) => r.status !== 200);
  if (failed.length > 0) {
    for (const [url, r] of failed) console.error(`release ${v}: ${url} answered ${r.status}: ${r.body}`);
    process.exit(1);
  }
  // In the order of pinnedUrls, recorded entries untouched.
  const all = { ...kept, ...pinned };
  const ordered = Object.fromEntries(pinnedUrls(v).map((url) => [url, all[url]]));
  writeFileSync(path, `${JSON.stringify(ordered, null, 2)}\n`);
  console.log(
    `release ${v}: recorded ${missing.length} pinned URL${missing.length === 1 ? '' : 's'} → ${path}`,
  );
}

// Node's ReleaseStore: the kept manifests from @mt0/core's releases/ folder on disk, read when a pinned
// URL first asks for an older release (the API app itself never reads files).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReleaseStore } from '../lib/releases.js';

const require = createRequire(import.meta.url);

/** The store over `dir` (default: the installed @mt0/core's releases/). */
export function diskReleases(
  dir = join(dirname(require.resolve('@mt0/core/package.json')), 'releases'),
): ReleaseStore {
  return {
    async manifest(version) {
      if (!/^\d+\.\d+\.\d+$/.test(version)) return undefined;
      try {
        return JSON.parse(await readFile(join(dir, `${version}.json`), 'utf8'));
      } catch {
        return undefined;
      }
    },
  };
}

// The files a release offers for download, written at build beside the compiled dataset:
// dist/downloads/{name} with precompressed copies ({name}.br, {name}.gz), and dist/downloads.js, the
// manifest the API serves them by (name, media type, bytes, sha256, encodings). The files themselves
// are made by src/release-files (pure: the API makes a kept older release's files with it too); add a
// file there, and the API's /v1/downloads/{file} and the Worker's static assets follow. Writing is
// shared with @mt0/store's build (src/loader/downloads.ts).

import {
  type DownloadFile,
  writeDownloadFiles,
  writeManifest as writeManifestFile,
} from '../src/loader/downloads.js';
import type { ReleaseFile } from '../src/release-files/index.js';

export type { DownloadFile };

/** Writes every file (`releaseFiles` of the release) into `dir` (emptied first) and returns the manifest. */
export function writeDownloads(files: readonly ReleaseFile[], dir: string): DownloadFile[] {
  return writeDownloadFiles(
    dir,
    files.map((f) => ({
      name: f.name,
      type: f.type,
      description: f.description,
      compress: f.compress,
      content: f.bytes,
    })),
  );
}

/** dist/downloads.js and its .d.ts: the manifest as a module (bundled by the API and the Worker). */
export function writeManifest(distDir: string, files: readonly DownloadFile[], version: string): void {
  writeManifestFile(distDir, files, version, 'packages/core/scripts/build-data.ts');
}
